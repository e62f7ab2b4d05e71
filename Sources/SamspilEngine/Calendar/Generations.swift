/// O(1) cancellation of all pending events of an entity, by generation stamps.
///
/// Removing an event from the middle of a heap costs O(log n) and needs a handle
/// per event; most cancellations in a patient-flow model are "this patient's plan
/// changed" (an escalation scheduled for a patient already discharged). So instead
/// each event carries its entity's generation in ``Event/tag``; bumping the
/// generation invalidates every pending event of that entity at once, and the
/// model skips stale events when they pop (lazy deletion).
///
/// ```swift
/// scheduler.schedule(Kind.escalate, at: t, entity: id, tag: generations[id])
/// generations.invalidate(id)               // the escalation is now cancelled
/// ... if generations.isCurrent(event) { handle(event) }
/// ```
@frozen
public struct Generations: Sendable {
    @usableFromInline var _stamps: ContiguousArray<UInt32>

    @inlinable public init(count: Int = 0) { _stamps = ContiguousArray(repeating: 0, count: count) }

    /// Number of entities tracked.
    @inlinable public var count: Int { _stamps.count }

    /// The current generation of `entity`.
    @inlinable public subscript(entity: UInt32) -> UInt32 { _stamps[Int(entity)] }

    /// Whether `event` was scheduled in its entity's current generation.
    /// - Complexity: O(1).
    @inlinable
    public func isCurrent(_ event: Event) -> Bool { _stamps[Int(event.entity)] == event.tag }

    /// Cancels every pending event of `entity`.
    /// - Complexity: O(1).
    @inlinable
    public mutating func invalidate(_ entity: UInt32) { _stamps[Int(entity)] &+= 1 }

    /// Tracks entities `0..<count`, keeping existing stamps.
    @inlinable
    public mutating func grow(to count: Int) {
        if count > _stamps.count { _stamps.append(contentsOf: repeatElement(0, count: count - _stamps.count)) }
    }
}
