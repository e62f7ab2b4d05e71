import SamspilEngine

/// The model's events, numbered in pathway order. Each is handled by one
/// method of `PatientFlowSimulation`; read an event's fields through the typed
/// accessors below, never through `entity`, `payload` or `aux` directly.
enum EventKind {
    // Episode events: `Event.episode` is the slot, stamped with its generation
    // (cancelled by `Generations.invalidate`).
    /// The GP's office opens for a patient who waited for the next office day.
    static var gpOpens: UInt16 { 0 }
    /// Medically ready for discharge.
    static var ready: UInt16 { 1 }
    /// Leaves the hospital.
    static var leave: UInt16 { 2 }
    /// Considered for early discharge into team care.
    static var earlyDischarge: UInt16 { 3 }
    /// A team visit falls due.
    static var visitDue: UInt16 { 4 }
    /// The team episode reaches its planned end.
    static var teamEnd: UInt16 { 5 }
    /// The team episode escalates to hospital.
    static var teamEscalation: UInt16 { 6 }
    /// A patient waiting for the team's first visit deteriorates (escalated if still waiting).
    static var waitingDeterioration: UInt16 { 7 }
    static var acuteBedEnd: UInt16 { 8 }
    static var acuteBedEscalation: UInt16 { 9 }
    /// A readmission arrives (the slot becomes the new episode).
    static var readmission: UInt16 { 10 }
    /// Kinds up to this one are episode events (their entity is a slot).
    static var lastEpisodeKind: UInt16 { readmission }

    // Other events.
    /// A new episode on arrival stream `Event.stream`.
    static var arrival: UInt16 { 11 }
    /// A nurse finishes a visit: `Event.visitTeam`, and `Event.episode` unless
    /// `Event.isFollowUpVisit`. Not cancellable: the nurse was busy whatever
    /// happened to the episode meanwhile (the handler checks the episode's state).
    static var visitEnd: UInt16 { 12 }
    /// A follow-up visit falls due for team `Event.team`.
    static var followUpDue: UInt16 { 13 }
    /// A shift boundary of team `Event.team`; `Event.segment` starts.
    static var teamSegment: UInt16 { 14 }
    /// Hospital `Event.hospital` changes its bed count to entry `Event.scheduleIndex` of its schedule.
    static var bedChange: UInt16 { 15 }
    /// A temporary-bed stay ends in municipality `Event.municipality`.
    static var temporaryBedEnd: UInt16 { 16 }
    /// The daily discharge round of hospitals under bed pressure.
    static var pressureRound: UInt16 { 17 }
    /// The daily 23:00 census of every hospital.
    static var census: UInt16 { 18 }
    /// Midnight: home-care starts are replenished, the time series is sampled.
    static var dailyTick: UInt16 { 19 }
    /// A period of the day ends (07, 15, 23); `Event.period` starts.
    static var shiftPeriod: UInt16 { 20 }
    static var warmupEnd: UInt16 { 21 }
    static var stop: UInt16 { 22 }
}

/// The two kinds of nurse visit.
enum VisitKind {
    static var episode: UInt16 { 0 }
    /// A follow-up visit after discharge: a nurse task without an episode.
    static var followUp: UInt16 { 1 }
    /// The nurse-queue entry of a follow-up visit (episode requests are slot numbers).
    static var followUpRequest: UInt32 { .max }
}

/// Typed views of an event's fields, one per meaning.
extension Event {
    /// The episode slot of an episode event.
    @inline(__always) var episode: UInt32 { entity }
    /// The arrival stream of an `arrival`.
    @inline(__always) var stream: Int { Int(entity) }
    /// The team of a `teamSegment` or `followUpDue`.
    @inline(__always) var team: Int { Int(entity) }
    /// The segment that starts at a `teamSegment`.
    @inline(__always) var segment: Int { Int(payload) }
    /// The hospital of a `bedChange`.
    @inline(__always) var hospital: Int { Int(entity) }
    /// The bed-schedule entry of a `bedChange`.
    @inline(__always) var scheduleIndex: Int { Int(payload) }
    /// The municipality of a `temporaryBedEnd`.
    @inline(__always) var municipality: Int { Int(entity) }
    /// The period of the day that starts at a `shiftPeriod` (0 day, 1 evening, 2 night).
    @inline(__always) var period: Int { Int(payload) }
    /// The team whose nurse ends a visit at a `visitEnd`.
    @inline(__always) var visitTeam: Int { Int(payload) }
    /// Whether a `visitEnd` ends a follow-up visit (no episode attached).
    @inline(__always) var isFollowUpVisit: Bool { aux == VisitKind.followUp }
}
