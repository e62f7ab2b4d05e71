/// A growable FIFO queue in one contiguous power-of-two buffer.
///
/// - Complexity: `append` amortised O(1), `popFirst` O(1); no allocation once the
///   buffer has reached the largest queue length seen.
@frozen
public struct RingBuffer<Element>: Sendable where Element: Sendable {
    @usableFromInline var _storage: ContiguousArray<Element?>
    @usableFromInline var _head: Int
    @usableFromInline var _count: Int

    @inlinable
    public init(minimumCapacity: Int = 16) {
        var capacity = 1
        while capacity < Swift.max(minimumCapacity, 1) { capacity &<<= 1 }
        _storage = ContiguousArray(repeating: nil, count: capacity)
        _head = 0
        _count = 0
    }

    @inlinable public var count: Int { _count }
    @inlinable public var isEmpty: Bool { _count == 0 }

    /// The oldest element.
    @inlinable public var first: Element? { _count == 0 ? nil : _storage[_head] }

    @inlinable
    public mutating func append(_ element: Element) {
        if _count == _storage.count { _grow() }
        _storage[(_head &+ _count) & (_storage.count &- 1)] = element
        _count &+= 1
    }

    @inlinable
    public mutating func popFirst() -> Element? {
        guard _count > 0 else { return nil }
        let element = _storage[_head]
        _storage[_head] = nil
        _head = (_head &+ 1) & (_storage.count &- 1)
        _count &-= 1
        return element
    }

    @usableFromInline
    mutating func _grow() {
        var bigger = ContiguousArray<Element?>(repeating: nil, count: _storage.count * 2)
        for i in 0..<_count { bigger[i] = _storage[(_head + i) & (_storage.count - 1)] }
        _storage = bigger
        _head = 0
    }

    @inlinable
    public mutating func removeAll() {
        while popFirst() != nil {}
        _head = 0
    }
}
