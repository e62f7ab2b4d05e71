/// The bucket width of a ``TimingWheelCalendar``, in the model's time unit.
///
/// A good width holds a few dozen events per bucket at the model's usual
/// event rate: narrower wastes time stepping over empty buckets, wider makes
/// each bucket's sort and the bottom's inserts dearer. The width affects speed
/// only, never the order of events.
public protocol TimingWheelWidth: Sendable {
    /// The width of one bucket (> 0, finite).
    static var width: Double { get }
}

/// A hashed timing wheel (Varghese & Lauck 1987) with sorted buckets: an O(1)
/// calendar for models that know their event rate.
///
/// Time is cut into buckets of ``TimingWheelWidth/width``; bucket `a` holds
/// the events with `⌊time / width⌋ = a`. The next 4,095 buckets after the
/// current one live in a ring of slots (`a mod 4,096`), each an unsorted chain
/// of 8-event chunks in one pool (the ladder queue's storage, with chunks half
/// the size: most slots ahead hold a few events, and each holds at least a
/// chunk, so smaller chunks keep the ring's footprint in cache). Later events
/// wait unsorted in a far list and move into the ring half a wheel at a time.
/// When the clock reaches a bucket, its events are sorted into the bottom
/// (first event last, so a pop is a read), as in ``LadderQueueCalendar``; an
/// event for the current bucket is inserted there in order, or into a small
/// binary heap while the bottom is large.
///
/// Against the ladder queue it gives up adaptivity (the width is fixed) for
/// fewer moves: an event is appended once, sorted once and popped, where the
/// ladder copies it through one or two rungs first.
///
/// - Complexity: `insert` and `popFirst` O(1) amortised when buckets hold a
///   bounded number of events; a bucket of `k` events costs O(k) to sort for
///   smooth times and O(k log k) at worst.
@frozen
public struct TimingWheelCalendar<Width: TimingWheelWidth>: EventCalendar {
    @inlinable static var slotShift: Int { 12 }
    @inlinable static var slotCount: Int { 1 &<< slotShift }
    @inlinable static var slotMask: Int { slotCount &- 1 }
    @inlinable static var chunkShift: Int { _TimingWheelRing.chunkShift }
    @inlinable static var chunkSize: Int { _TimingWheelRing.chunkSize }

    /// The ring's slots and chunk pool (copied on write: one uniqueness
    /// check per insert instead of one per array written).
    @usableFromInline var _ring: _TimingWheelRing
    /// The bucket whose events are in the bottom (and the early heap).
    @usableFromInline var _current: Int
    /// Buckets below this are in the ring (or the bottom); the far list holds
    /// the rest. Always at most `_current + slotCount`.
    @usableFromInline var _limit: Int
    @usableFromInline var _ringCount: Int
    @usableFromInline var _far: ContiguousArray<Event>
    /// The current bucket's events, sorted, and the early heap.
    @usableFromInline var _bottom: _SortedBottom
    /// Grow-only work buffer for loading a bucket.
    @usableFromInline var _scratch: ContiguousArray<Event>
    @usableFromInline var _count: Int
    /// Bucket loads so far (``upcomingBatch``).
    @usableFromInline var _loads: Int

    @inlinable
    public init() {
        precondition(Width.width > 0 && Width.width.isFinite, "a timing wheel needs a positive, finite bucket width")
        _ring = _TimingWheelRing(slotCount: Self.slotCount)
        _current = 0
        _limit = Self.slotCount
        _ringCount = 0
        _far = []
        _bottom = _SortedBottom()
        _scratch = []
        _count = 0
        _loads = 0
    }

    @inlinable public var count: Int { _count }

    /// The bucket of `time`: monotone non-decreasing in `time`, so rounding can
    /// move an event to a neighbouring bucket, never out of order.
    @inlinable @inline(__always)
    static func _bucket(_ time: Double) -> Int {
        Int(Swift.min(time * (1 / Width.width), 0x1p62))
    }

    @inlinable public var upcomingBatch: Int { _loads }

    /// Passes the current bucket's sorted events not yet popped (last first).
    @inlinable public func withUpcomingEvents<R>(_ body: (UnsafeBufferPointer<Event>) -> R) -> R {
        _bottom.withUpcoming(body)
    }

    // MARK: Insert

    @inlinable
    public mutating func insert(_ event: Event) {
        event._checkCalendarTime()
        _count &+= 1
        let a = Self._bucket(event.time)
        if a > _current && a < _limit {
            if !isKnownUniquelyReferenced(&_ring) { _ring = _ring.copy() }
            _ring.append(event, toSlot: a & Self.slotMask)
            _ringCount &+= 1
        } else {
            _insertOutsideRing(event, bucket: a)
        }
    }

    @inlinable @inline(never)
    mutating func _insertOutsideRing(_ event: Event, bucket a: Int) {
        if a <= _current {
            // The current bucket: in order into a small bottom, else into the early heap.
            _bottom.insert(event)
        } else {
            _far.append(event)
        }
    }

    // MARK: Pop

    @inlinable
    public mutating func popFirst() -> Event? {
        if _bottom.isEmpty {
            guard _count > 0 else { return nil }
            _advance()
        }
        _count &-= 1
        return _bottom.popFirst()
    }

    /// The bottom and the early heap are empty but events remain: moves the
    /// clock's bucket to the next one holding events and sorts it into the bottom.
    @inlinable @inline(never)
    mutating func _advance() {
        while true {
            if _ringCount == 0 {
                // Only far events remain: jump to the bucket before the earliest.
                var earliest = Int.max
                for event in _far { earliest = Swift.min(earliest, Self._bucket(event.time)) }
                _current = Swift.max(_current, earliest &- 1)
            }
            _current &+= 1
            if _current &+ Self.slotCount / 2 >= _limit { _migrate() }
            let index = _current & Self.slotMask
            let slot = _ring.slots[index]
            if slot.count == 0 { continue }
            if !isKnownUniquelyReferenced(&_ring) { _ring = _ring.copy() }
            _ring.slots[index] = LadderQueueCalendar._Bucket()
            _ringCount &-= Int(slot.count)
            _load(slot)
            _loads &+= 1
            #if SAMSPIL_CHECK_INVARIANTS
            // O(pending): after small loads, and after one in 256 (by the next event's sequence).
            if _count <= 256 || _bottom.nextSorted.sequence & 255 == 0 { _checkInvariants() }
            #endif
            return
        }
    }

    /// Moves every far event that now fits into the ring (the ring then
    /// reaches a whole wheel ahead of the current bucket).
    /// - Complexity: O(far events); runs once per half wheel of advance.
    @inlinable
    mutating func _migrate() {
        _limit = _current &+ Self.slotCount
        guard !_far.isEmpty else { return }
        if !isKnownUniquelyReferenced(&_ring) { _ring = _ring.copy() }
        var kept = 0
        var i = 0
        let n = _far.count
        while i < n {
            let event = _far[i]
            let a = Self._bucket(event.time)
            if a < _limit {
                _ring.append(event, toSlot: a & Self.slotMask)
                _ringCount &+= 1
            } else {
                _far[kept] = event
                kept &+= 1
            }
            i &+= 1
        }
        _far.removeLast(n &- kept)
    }

    /// Copies a slot's chain out (freeing its chunks) and sorts it into the empty bottom.
    @inlinable
    mutating func _load(_ slot: LadderQueueCalendar._Bucket) {
        let n = Int(slot.count)
        LadderQueueCalendar._ensureCount(&_scratch, n, filler: LadderQueueCalendar._filler)
        _scratch.withUnsafeMutableBufferPointer { d in _ring.take(slot, into: d.baseAddress!) }
        _bottom.sortIn(_scratch, count: n)
    }

    @inlinable
    public mutating func removeAll() {
        if !isKnownUniquelyReferenced(&_ring) { _ring = _ring.copy() }
        _ring.removeAll()
        _current = 0
        _limit = Self.slotCount
        _ringCount = 0
        _far.removeAll(keepingCapacity: true)
        _bottom.removeAll()
        _count = 0
    }

    /// Verifies the tiers' order and bookkeeping; compiled away unless built
    /// with `-D SAMSPIL_CHECK_INVARIANTS` (then run after bucket loads, and by
    /// the calendar tests at will).
    ///
    /// Checks: the bottom is sorted (first event last) and, with the early
    /// heap, holds only events of buckets up to the current one; every ring
    /// event lies in the slot of its bucket, after the current bucket and
    /// below the limit; every far event is at or above the limit; the limit is
    /// at most a wheel ahead; the counts add up.
    /// - Complexity: O(pending events + slots).
    @inlinable
    func _checkInvariants() {
        #if SAMSPIL_CHECK_INVARIANTS
        precondition(_limit <= _current + Self.slotCount, "the ring reaches more than a wheel ahead")
        let held = _bottom._checkInvariants {
            precondition(Self._bucket($0.time) <= _current, "bottom or early event after the current bucket")
        }
        var ring = 0
        for index in 0..<Self.slotCount where _ring.slots[index].count > 0 {
            let slot = _ring.slots[index]
            var remaining = Int(slot.count)
            var chunk = Int(slot.head)
            while remaining > 0 {
                precondition(chunk >= 0 && chunk < _ring.chunkCount, "broken chunk chain in slot \(index)")
                for k in 0..<Swift.min(remaining, Self.chunkSize) {
                    let a = Self._bucket(_ring.pool[(chunk << Self.chunkShift) | k].time)
                    precondition(a & Self.slotMask == index, "ring event in the wrong slot")
                    precondition(a > _current && a < _limit, "ring event outside the ring's buckets")
                }
                remaining -= Self.chunkSize
                if remaining > 0 { chunk = Int(_ring.next[chunk]) }
            }
            precondition(chunk == Int(slot.tail), "slot tail is not the chain's last chunk")
            ring += Int(slot.count)
        }
        precondition(ring == _ringCount, "ring count \(_ringCount) but \(ring) events in the ring")
        for event in _far { precondition(Self._bucket(event.time) >= _limit, "far event inside the ring") }
        precondition(held + ring + _far.count == _count, "count out of sync")
        #endif
    }
}

/// The ring of a ``TimingWheelCalendar``: one chain of 8-event chunks per
/// slot, the chunks in one pool linked by index, with a free list. Manually
/// managed memory, so an append is a few stores without the uniqueness and
/// bounds checks of three arrays; the calendar copies it on write.
@usableFromInline
final class _TimingWheelRing: @unchecked Sendable {
    @usableFromInline let slotCount: Int
    @usableFromInline let slots: UnsafeMutablePointer<LadderQueueCalendar._Bucket>
    @exclusivity(unchecked) @usableFromInline var pool: UnsafeMutablePointer<Event>
    /// Next chunk of a chain, or of the free list.
    @exclusivity(unchecked) @usableFromInline var next: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) @usableFromInline var chunkCount: Int
    @exclusivity(unchecked) @usableFromInline var free: Int32

    @inlinable @inline(__always) static var chunkShift: Int { 3 }
    @inlinable @inline(__always) static var chunkSize: Int { 1 &<< chunkShift }

    @usableFromInline
    init(slotCount: Int) {
        self.slotCount = slotCount
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: LadderQueueCalendar._Bucket(), count: slotCount)
        pool = .allocate(capacity: 0)
        next = .allocate(capacity: 0)
        chunkCount = 0
        free = -1
    }

    deinit {
        slots.deallocate()
        pool.deallocate()
        next.deallocate()
    }

    /// An independent copy (copy on write).
    /// - Complexity: O(slots + chunks).
    @usableFromInline
    func copy() -> _TimingWheelRing {
        let ring = _TimingWheelRing(slotCount: slotCount)
        ring.slots.update(from: slots, count: slotCount)
        ring.grow(toChunks: chunkCount)
        ring.pool.update(from: pool, count: chunkCount << Self.chunkShift)
        ring.next.update(from: next, count: chunkCount)
        ring.free = free
        return ring
    }

    /// Makes room for `count` chunks; the new ones are uninitialised and
    /// not on the free list.
    @usableFromInline
    func grow(toChunks count: Int) {
        let newPool = UnsafeMutablePointer<Event>.allocate(capacity: count << Self.chunkShift)
        newPool.initialize(repeating: LadderQueueCalendar._filler, count: count << Self.chunkShift)
        newPool.update(from: pool, count: chunkCount << Self.chunkShift)
        pool.deallocate()
        pool = newPool
        let newNext = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        newNext.initialize(repeating: -1, count: count)
        newNext.update(from: next, count: chunkCount)
        next.deallocate()
        next = newNext
        chunkCount = count
    }

    /// A chunk from the free list, doubling the pool when it is empty.
    @inlinable @inline(__always)
    func allocateChunk() -> Int32 {
        if free < 0 { growFreeList() }
        let chunk = free
        free = next[Int(chunk)]
        return chunk
    }

    @inlinable @inline(never)
    func growFreeList() {
        let old = chunkCount
        grow(toChunks: Swift.max(64, 2 &* old))
        var chunk = chunkCount &- 1
        while chunk >= old {
            next[chunk] = free
            free = Int32(truncatingIfNeeded: chunk)
            chunk &-= 1
        }
    }

    /// Appends `event` to the chain of slot `index` (`index < slotCount`).
    @inlinable @inline(__always)
    func append(_ event: Event, toSlot index: Int) {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: slotCount), "slot out of range")
        var slot = slots[index]
        let position = Int(slot.count) & (Self.chunkSize &- 1)
        if position == 0 {
            let chunk = allocateChunk()
            if slot.count == 0 { slot.head = chunk } else { next[Int(slot.tail)] = chunk }
            slot.tail = chunk
        }
        pool[(Int(slot.tail) &<< Self.chunkShift) | position] = event
        slot.count &+= 1
        slots[index] = slot
    }

    /// Copies `slot`'s events, in chain order, to `destination` and frees its chunks.
    @inlinable
    func take(_ slot: LadderQueueCalendar._Bucket, into destination: UnsafeMutablePointer<Event>) {
        let n = Int(slot.count)
        var chunk = Int(slot.head)
        var out = 0
        while out < n {
            let m = Swift.min(n &- out, Self.chunkSize)
            (destination + out).update(from: pool + (chunk &<< Self.chunkShift), count: m)
            out &+= m
            let following = next[chunk]
            next[chunk] = free
            free = Int32(truncatingIfNeeded: chunk)
            chunk = Int(following)
        }
    }

    /// Empties every slot; the pool's chunks all return to the free list.
    @usableFromInline
    func removeAll() {
        slots.update(repeating: LadderQueueCalendar._Bucket(), count: slotCount)
        free = -1
        var chunk = chunkCount &- 1
        while chunk >= 0 {
            next[chunk] = free
            free = Int32(truncatingIfNeeded: chunk)
            chunk &-= 1
        }
    }
}
