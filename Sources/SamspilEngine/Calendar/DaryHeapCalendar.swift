/// The branching factor of a ``DaryHeapCalendar``, fixed at compile time so the
/// index arithmetic specialises to shifts.
public protocol HeapArity: Sendable {
    static var value: Int { get }
}

/// Two children per node: the classic binary heap.
public enum BinaryArity: HeapArity { @inlinable public static var value: Int { 2 } }
/// Four children per node: half the depth of a binary heap, and the four
/// children share one or two cache lines.
public enum QuaternaryArity: HeapArity { @inlinable public static var value: Int { 4 } }

/// An implicit d-ary min-heap of events in one contiguous array.
///
/// Holes are moved instead of swapping elements, and the inner loops run on an
/// unsafe buffer whose bounds the loop itself guarantees.
///
/// - Complexity: `insert` O(log_d n), `popFirst` O(d log_d n).
@frozen
public struct DaryHeapCalendar<Arity: HeapArity>: EventCalendar {
    @usableFromInline var _storage: ContiguousArray<Event>

    @inlinable public init() { _storage = [] }

    @inlinable public var count: Int { _storage.count }

    @inlinable
    public mutating func insert(_ event: Event) {
        _storage.append(event)
        _storage.withUnsafeMutableBufferPointer { heap in
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole - 1) / Arity.value
                guard Event.precedes(event, heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = event
        }
        _checkInvariants(sampling: event)
    }

    @inlinable
    public mutating func popFirst() -> Event? {
        guard let last = _storage.popLast() else { return nil }
        if _storage.isEmpty { return last }
        let first = _storage.withUnsafeMutableBufferPointer { heap -> Event in
            let first = heap[0]
            let n = heap.count
            var hole = 0
            while true {
                let firstChild = hole &* Arity.value &+ 1
                if firstChild >= n { break }
                let end = Swift.min(firstChild &+ Arity.value, n)
                var best = firstChild
                var child = firstChild &+ 1
                while child < end {
                    if Event.precedes(heap[child], heap[best]) { best = child }
                    child &+= 1
                }
                guard Event.precedes(heap[best], last) else { break }
                heap[hole] = heap[best]
                hole = best
            }
            heap[hole] = last
            return first
        }
        _checkInvariants(sampling: first)
        return first
    }

    @inlinable
    public mutating func removeAll() { _storage.removeAll(keepingCapacity: true) }

    /// The first event without removing it.
    /// - Complexity: O(1).
    @inlinable public var first: Event? { _storage.first }

    /// After an insert or pop of `event`: the full check for tiny heaps and
    /// for one event in 16 (by sequence number), so that a checked build —
    /// every debug build — stays usable on long runs of large heaps.
    /// Compiled away unless built with `-D SAMSPIL_CHECK_INVARIANTS`.
    /// - Complexity: amortised O(1 + n / 16).
    @inlinable @inline(__always)
    func _checkInvariants(sampling event: Event) {
        #if SAMSPIL_CHECK_INVARIANTS
        if _storage.count <= 8 || event.sequence & 15 == 0 { _checkInvariants() }
        #endif
    }

    /// Verifies the heap property; compiled away unless built for debugging
    /// with `-D SAMSPIL_CHECK_INVARIANTS`.
    /// - Complexity: O(n).
    @inlinable @inline(__always)
    func _checkInvariants() {
        #if SAMSPIL_CHECK_INVARIANTS
        for i in _storage.indices.dropFirst() {
            precondition(!Event.precedes(_storage[i], _storage[(i - 1) / Arity.value]), "heap order violated")
        }
        #endif
    }
}

public typealias BinaryHeapCalendar = DaryHeapCalendar<BinaryArity>
public typealias QuaternaryHeapCalendar = DaryHeapCalendar<QuaternaryArity>
