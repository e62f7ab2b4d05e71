/// The model's events. Each is handled by one method of `PatientFlowSimulation`;
/// `entity` is an episode unless noted.
enum EventKind {
    /// A new episode on arrival stream `entity`.
    static let arrival: UInt16 = 0
    /// The GP's office opens for a patient who waited for the next office day.
    static let gpOpens: UInt16 = 1
    /// Medically ready for discharge.
    static let ready: UInt16 = 2
    /// Leaves the hospital.
    static let leave: UInt16 = 3
    /// Considered for early discharge into team care.
    static let earlyDischarge: UInt16 = 4
    /// A team visit falls due.
    static let visitDue: UInt16 = 5
    /// A nurse finishes a visit (entity = episode, or the team for follow-ups with aux = 1).
    static let visitEnd: UInt16 = 6
    static let teamEnd: UInt16 = 7
    static let teamEscalation: UInt16 = 8
    static let acuteBedEnd: UInt16 = 9
    static let acuteBedEscalation: UInt16 = 10
    /// A readmission arrives (the slot becomes the new episode).
    static let readmission: UInt16 = 11
    /// A shift boundary of team `entity`; payload = segment index.
    static let teamSegment: UInt16 = 12
    /// Hospital `entity` changes its bed count; payload = schedule index.
    static let bedChange: UInt16 = 13
    /// The daily 23:00 census of every hospital.
    static let census: UInt16 = 14
    /// Midnight: home-care starts are replenished, the time series is sampled.
    static let dailyTick: UInt16 = 15
    /// A temporary-bed stay ends in municipality `entity`.
    static let temporaryBedEnd: UInt16 = 16
    /// A follow-up visit falls due for team `entity`.
    static let followUpDue: UInt16 = 17
    /// The daily discharge round of hospitals under bed pressure.
    static let pressureRound: UInt16 = 18
    /// A patient waiting for the team's first visit deteriorates (escalated if still waiting).
    static let waitingDeterioration: UInt16 = 22
    /// A period of the day ends (07, 15, 23); payload = the period that starts.
    static let shiftPeriod: UInt16 = 21
    static let warmupEnd: UInt16 = 19
    static let stop: UInt16 = 20
}
