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
}

extension EventCalendar {
    @inlinable public var isEmpty: Bool { count == 0 }
}
