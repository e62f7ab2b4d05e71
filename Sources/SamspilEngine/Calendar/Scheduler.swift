/// The simulation clock and its pending events: the whole core of the engine.
///
/// A model owns one scheduler, schedules events with a kind and an entity, and
/// runs the loop itself:
///
/// ```swift
/// var scheduler = Scheduler<LadderQueueCalendar>()
/// scheduler.schedule(Kind.arrival, at: 0)
/// scheduler.schedule(Kind.stop, at: horizon, priority: .observe)
/// loop: while let event = scheduler.next() {
///     switch event.kind {
///     case Kind.arrival: ...
///     case Kind.stop: break loop
///     default: ...
///     }
/// }
/// ```
///
/// There are no callbacks: the model's `switch` is the dispatch, so the loop
/// touches no closures, existentials or reference counts. Sequence numbers are
/// assigned here, which makes same-time, same-priority events run in the order
/// they were scheduled (FIFO), on every calendar and every run.
@frozen
public struct Scheduler<Calendar: EventCalendar>: Sendable {
    /// The current simulation time: the time of the last event popped.
    @inlinable public var now: Double { _now }
    @usableFromInline var _now: Double
    @usableFromInline var _calendar: Calendar
    @usableFromInline var _nextSequence: UInt64
    /// Events popped so far.
    @inlinable public var eventsProcessed: UInt64 { _eventsProcessed }
    @usableFromInline var _eventsProcessed: UInt64

    @inlinable
    public init(startTime: Double = 0) {
        precondition(startTime >= 0 && startTime.isFinite, "start time must be finite and non-negative")
        _now = startTime
        _calendar = Calendar()
        _nextSequence = 0
        _eventsProcessed = 0
    }

    /// Number of pending events.
    @inlinable public var pendingCount: Int { _calendar.count }

    /// The calendar's ``EventCalendar/upcomingBatch``.
    @inlinable public var upcomingBatch: Int { _calendar.upcomingBatch }
    /// The calendar's ``EventCalendar/withUpcomingEvents(_:)``.
    @inlinable public func withUpcomingEvents<R>(_ body: (UnsafeBufferPointer<Event>) -> R) -> R {
        _calendar.withUpcomingEvents(body)
    }

    /// Schedules an event at an absolute time.
    /// - Precondition: `time >= now` and finite.
    /// - Complexity: that of the calendar's `insert`.
    @inlinable
    public mutating func schedule(_ kind: UInt16, at time: Double, entity: UInt32 = 0, tag: UInt32 = 0,
                                  payload: UInt32 = 0, aux: UInt16 = 0, priority: EventPriority = .normal) {
        // `< .infinity` rather than `isFinite`: the same test here (`time >= now`
        // already excludes NaN and −∞), two comparisons instead of a long
        // sequence of bit tests, on every event.
        precondition(time >= now && time < .infinity, "cannot schedule an event in the past or at a non-finite time")
        let event = Event(time: time, priority: priority, sequence: _nextSequence,
                          kind: kind, entity: entity, tag: tag, payload: payload, aux: aux)
        _nextSequence &+= 1
        _calendar.insert(event)
    }

    /// Schedules an event `delay` time units from now.
    /// - Precondition: `delay >= 0` and finite.
    @inlinable
    public mutating func schedule(_ kind: UInt16, after delay: Double, entity: UInt32 = 0, tag: UInt32 = 0,
                                  payload: UInt32 = 0, aux: UInt16 = 0, priority: EventPriority = .normal) {
        schedule(kind, at: now + delay, entity: entity, tag: tag, payload: payload, aux: aux, priority: priority)
    }

    /// Pops the next event and advances the clock to its time.
    /// - Complexity: that of the calendar's `popFirst`.
    @inlinable
    public mutating func next() -> Event? {
        guard let event = _calendar.popFirst() else { return nil }
        _now = event.time
        _eventsProcessed &+= 1
        return event
    }

    /// Discards all pending events and restarts the clock at `startTime`.
    @inlinable
    public mutating func reset(startTime: Double = 0) {
        _calendar.removeAll()
        _now = startTime
        _nextSequence = 0
        _eventsProcessed = 0
    }
}
