/// A fixed-length array of replication state in one manually managed buffer.
///
/// The handlers write per-hospital, per-team and per-municipality state on
/// nearly every event. Through a `ContiguousArray` each write paid a call to
/// the runtime's uniqueness check (copy-on-write); here it is a store after a
/// bounds check. The price is ownership by convention: a copy shares the
/// buffer, the simulation is the one owner, and `PatientFlowModel.run` frees
/// every buffer with `deallocate()` when the replication is done.
struct StateArray<Element>: RandomAccessCollection {
    /// Filled once at creation, never grown.
    private let storage: StateStack<Element>

    /// `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        precondition(count >= 0, "negative count")
        var storage = StateStack<Element>(capacity: count)
        for _ in 0..<count { storage.append(value) }
        self.storage = storage
    }

    /// The elements of `values`, in order.
    init<S: Collection>(_ values: S) where S.Element == Element {
        var storage = StateStack<Element>(capacity: values.count)
        for v in values { storage.append(v) }
        self.storage = storage
    }

    /// The number of elements (fixed at creation).
    var count: Int { storage.count }
    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }

    /// Read in place, or written in place without a uniqueness check.
    /// - Complexity: O(1).
    subscript(i: Int) -> Element {
        @inline(__always) unsafeAddress { UnsafePointer(storage._address(i)) }
        @inline(__always) nonmutating unsafeMutableAddress { storage._address(i) }
    }

    /// The address of element `i`, after the bounds check: for callers that
    /// update several fields of an element, or keep two addresses at once.
    @inline(__always)
    func _address(_ i: Int) -> UnsafeMutablePointer<Element> { storage._address(i) }

    /// Ends the elements' lifetimes and frees the buffer; the array (and
    /// every copy of it) must not be used afterwards.
    func deallocate() { storage.deallocate() }
}

/// A growable stack of replication state in one manually managed buffer (the
/// episode slots, their generation stamps, the free list), with the same
/// ownership convention as `StateArray`.
struct StateStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = Swift.max(capacity, 1)
        base = _allocateStateBuffer(capacity: self.capacity)
    }

    var indices: Range<Int> { 0..<count }

    /// Read in place, or written in place without a uniqueness check.
    /// - Complexity: O(1).
    subscript(i: Int) -> Element {
        @inline(__always) unsafeAddress { UnsafePointer(_address(i)) }
        @inline(__always) nonmutating unsafeMutableAddress { _address(i) }
    }

    /// The address of element `i`, after the bounds check.
    @inline(__always)
    func _address(_ i: Int) -> UnsafeMutablePointer<Element> {
        precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "state index out of range")
        return base + i
    }

    /// - Complexity: amortised O(1).
    @inline(__always)
    mutating func append(_ e: Element) {
        if count == capacity { _grow() }
        (base + count).initialize(to: e)
        count &+= 1
    }

    /// The last element, removed; nil if empty.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func popLast() -> Element? {
        if count == 0 { return nil }
        count &-= 1
        return (base + count).move()
    }

    @inline(never)
    private mutating func _grow() {
        let grown: UnsafeMutablePointer<Element> = _allocateStateBuffer(capacity: 2 * capacity)
        grown.moveInitialize(from: base, count: count)
        UnsafeMutableRawPointer(base).deallocate()
        base = grown
        capacity *= 2
    }

    /// Ends the elements' lifetimes and frees the buffer; the stack (and
    /// every copy of it) must not be used afterwards.
    func deallocate() {
        base.deinitialize(count: count)
        UnsafeMutableRawPointer(base).deallocate()
    }
}

/// Cache-line aligned memory for `capacity` elements (at least one), so that a
/// record of 64 bytes never straddles two lines. Free it with `deallocate()`.
func _allocateStateBuffer<Element>(capacity: Int) -> UnsafeMutablePointer<Element> {
    UnsafeMutableRawPointer.allocate(byteCount: Swift.max(capacity, 1) * MemoryLayout<Element>.stride,
                                     alignment: Swift.max(64, MemoryLayout<Element>.alignment))
        .bindMemory(to: Element.self, capacity: Swift.max(capacity, 1))
}
