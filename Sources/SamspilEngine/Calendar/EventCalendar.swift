/// The pending-event set: a priority queue of ``Event`` ordered by
/// ``Event/precedes(_:_:)``.
///
/// Implementations differ only in speed; every one must pop events in exactly the
/// same order (tested), so switching calendars never changes results.
public protocol EventCalendar: Sendable {
    init()
    /// Number of pending events.
    var count: Int { get }
    /// Adds an event. Events must not precede the most recently popped one in
    /// time (the simulation clock never runs backwards); same-time events with a
    /// lower priority value than the last popped one are allowed and pop next.
    mutating func insert(_ event: Event)
    /// Removes and returns the first event, or `nil` when empty.
    mutating func popFirst() -> Event?
    /// Removes every event and resets the calendar to its initial state,
    /// keeping allocated storage for reuse.
    mutating func removeAll()
    /// Changes whenever a new batch of the next events becomes readable
    /// through ``withUpcomingEvents(_:)`` (a bucketed calendar: at each
    /// bucket load). The default is always 0.
    var upcomingBatch: Int { get }
    /// Calls `body` with pending events that will pop soon, in no particular
    /// order. A hint, for reading the state those events will need while the
    /// memory system can fetch it all at once — never for results; the
    /// default passes no events.
    func withUpcomingEvents<R>(_ body: (UnsafeBufferPointer<Event>) -> R) -> R
}

extension EventCalendar {
    @inlinable public var isEmpty: Bool { count == 0 }
    @inlinable public var upcomingBatch: Int { 0 }
    @inlinable public func withUpcomingEvents<R>(_ body: (UnsafeBufferPointer<Event>) -> R) -> R {
        body(UnsafeBufferPointer(start: nil, count: 0))
    }
}
