/// A fixed-length array of replication state in one manually managed buffer.
///
/// The handlers write per-hospital, per-team and per-municipality state on
/// nearly every event. Through a `ContiguousArray` each write paid a call to
/// the runtime's uniqueness check (copy-on-write); here it is a store after a
/// bounds check. The price is ownership by convention: a copy shares the
/// buffer, the simulation is the one owner, and `PatientFlowModel.run` frees
/// every buffer with `deallocate()` when the replication is done.
struct StateArray<Element>: RandomAccessCollection {
    private let base: UnsafeMutablePointer<Element>
    /// The number of elements (fixed at creation).
    let count: Int

    /// `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        precondition(count >= 0, "negative count")
        self.count = count
        base = _allocateStateBuffer(capacity: count)
        base.initialize(repeating: value, count: count)
    }

    /// The elements of `values`, in order.
    init<S: Collection>(_ values: S) where S.Element == Element {
        count = values.count
        base = _allocateStateBuffer(capacity: count)
        var p = base
        for v in values {
            p.initialize(to: v)
            p += 1
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// Read in place, or written in place without a uniqueness check.
    /// - Complexity: O(1).
    subscript(i: Int) -> Element {
        @inline(__always) unsafeAddress {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "state index out of range")
            return UnsafePointer(base + i)
        }
        @inline(__always) nonmutating unsafeMutableAddress {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "state index out of range")
            return base + i
        }
    }

    /// Ends the elements' lifetimes and frees the buffer; the array (and
    /// every copy of it) must not be used afterwards.
    func deallocate() {
        base.deinitialize(count: count)
        UnsafeMutableRawPointer(base).deallocate()
    }
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
        @inline(__always) unsafeAddress {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "state index out of range")
            return UnsafePointer(base + i)
        }
        @inline(__always) nonmutating unsafeMutableAddress {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "state index out of range")
            return base + i
        }
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
