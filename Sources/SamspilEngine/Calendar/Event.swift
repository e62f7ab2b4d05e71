/// A scheduled event: 32 bytes, no references, ordered by (time, priority, sequence).
///
/// What the event *means* is up to the model: `kind` selects the handler, `entity`
/// names what it happens to (an episode slot, a resource), `payload` carries one
/// small argument, and `tag` is the entity's generation stamp at scheduling time,
/// which lets a model cancel all pending events of an entity in O(1) (see
/// ``Generations``).
@frozen
public struct Event: Sendable, Equatable {
    /// Simulation time in the model's unit (Samspil models use hours).
    public var time: Double
    /// Priority in the top 8 bits, insertion sequence in the low 56 bits, so that
    /// one integer comparison breaks ties deterministically.
    public var _order: UInt64
    /// Which handler runs this event.
    public var kind: UInt16
    /// Spare model-defined field (e.g. a sub-kind or small index).
    public var aux: UInt16
    /// The entity the event belongs to.
    public var entity: UInt32
    /// The entity's generation when scheduled (for lazy cancellation).
    public var tag: UInt32
    /// A model-defined argument.
    public var payload: UInt32

    @inlinable
    public init(time: Double, priority: EventPriority, sequence: UInt64,
                kind: UInt16, entity: UInt32 = 0, tag: UInt32 = 0, payload: UInt32 = 0, aux: UInt16 = 0) {
        self.time = time
        self._order = (UInt64(priority.rawValue) &<< 56) | (sequence & Event.sequenceMask)
        self.kind = kind
        self.aux = aux
        self.entity = entity
        self.tag = tag
        self.payload = payload
    }

    @inlinable public static var sequenceMask: UInt64 { (1 << 56) - 1 }

    @inlinable public var priority: EventPriority { EventPriority(rawValue: UInt8(truncatingIfNeeded: _order &>> 56)) }
    @inlinable public var sequence: UInt64 { _order & Event.sequenceMask }

    /// Strict ordering used by every calendar: time, then priority, then sequence.
    @inlinable
    @inline(__always)
    public static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a._order < b._order)
    }
}

/// Order of events that share the same instant; lower runs first.
///
/// The named levels follow simmer's rule "release before seize": a bed freed at
/// 10:00 is free for the patient who arrives at 10:00, whatever order the two were
/// scheduled in. Observations (a census at 23:00) run last, after every change at
/// that instant.
@frozen
public struct EventPriority: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Changes to the system itself (capacity schedules, shift changes).
    @inlinable public static var structural: EventPriority { EventPriority(rawValue: 16) }
    /// Releases: discharges, end of service, end of a visit.
    @inlinable public static var release: EventPriority { EventPriority(rawValue: 64) }
    /// Ordinary events.
    @inlinable public static var normal: EventPriority { EventPriority(rawValue: 128) }
    /// Requests for capacity: arrivals, admissions, referrals.
    @inlinable public static var seize: EventPriority { EventPriority(rawValue: 192) }
    /// Measurements that must see the state after all changes at an instant.
    @inlinable public static var observe: EventPriority { EventPriority(rawValue: 255) }

    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

extension Event {
    /// The calendars that bucket by time need finite, non-negative times
    /// (`Scheduler.schedule` enforces them); checked again on insert only in
    /// invariant builds (`-D SAMSPIL_CHECK_INVARIANTS`).
    @inlinable @inline(__always)
    func _checkCalendarTime() {
        #if SAMSPIL_CHECK_INVARIANTS
        precondition(time >= 0 && time.isFinite, "event times must be finite and non-negative")
        #endif
    }
}
