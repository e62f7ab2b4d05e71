/// A monotone radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990) over 128-bit keys
/// `(time bits, priority | sequence)`.
///
/// A discrete-event calendar is a *monotone* priority queue: the clock never runs
/// backwards, so no event is ever inserted before the last one popped. A radix
/// heap exploits that. Bucket *b* holds the events whose key first differs from the
/// last popped key at bit *b*; inserting is an append to one of 129 arrays, and
/// popping from an empty bucket 0 finds the lowest non-empty bucket, takes its
/// minimum as the new reference, and redistributes the rest into strictly lower
/// buckets. Every access is a sequential scan or append into a handful of
/// arrays, which is why it stays fast when the pending set no longer fits in cache.
///
/// Non-negative IEEE doubles order like their bit patterns, so the time needs no
/// conversion. Events at the current instant with a *lower* priority value than
/// the last popped one (a release scheduled while handling a seize) would break
/// monotonicity; they wait in a small binary heap that always pops first, so the
/// order is exactly that of every other calendar.
///
/// - Complexity: `insert` O(1); `popFirst` amortised O(log C) where C is the key
///   range (each event moves down at most 128 buckets, in practice a few).
public struct RadixHeapCalendar: EventCalendar {
    @usableFromInline var _buckets: ContiguousArray<ContiguousArray<Event>>
    /// Bit `b - 1` is set when bucket `b` (1...128) is non-empty.
    @usableFromInline var _occupied: UInt128
    @usableFromInline var _last: UInt128
    @usableFromInline var _count: Int
    /// Same-instant events that precede the last popped key.
    @usableFromInline var _early: BinaryHeapCalendar
    /// Holds the buffer of the bucket being redistributed (empty otherwise).
    @usableFromInline var _spare: ContiguousArray<Event>

    @inlinable
    public init() {
        _buckets = ContiguousArray(repeating: [], count: 129)
        _occupied = 0
        _last = 0
        _count = 0
        _early = BinaryHeapCalendar()
        _spare = []
    }

    @inlinable public var count: Int { _count }

    @inlinable @inline(__always)
    static func _key(_ event: Event) -> UInt128 {
        // +0.0 and -0.0 compare equal but differ in bit pattern; map both to 0.
        let timeBits = event.time == 0 ? 0 : event.time.bitPattern
        return (UInt128(timeBits) &<< 64) | UInt128(event._order)
    }

    @inlinable @inline(__always)
    static func _bucket(_ key: UInt128, relativeTo reference: UInt128) -> Int {
        let difference = key ^ reference
        return difference == 0 ? 0 : 128 &- difference.leadingZeroBitCount
    }

    @inlinable
    public mutating func insert(_ event: Event) {
        event._checkCalendarTime()
        _count &+= 1
        let key = Self._key(event)
        if key < _last {
            _early.insert(event)
            return
        }
        let b = Self._bucket(key, relativeTo: _last)
        _buckets[b].append(event)
        if b > 0 { _occupied |= (1 as UInt128) &<< (b &- 1) }
    }

    @inlinable
    public mutating func popFirst() -> Event? {
        guard _count > 0 else { return nil }
        _count &-= 1
        if _early.count > 0 { return _early.popFirst() }
        if let event = _buckets[0].popLast() { return event }
        _refill()
        return _buckets[0].popLast()
    }

    /// Bucket 0 is empty: redistribute the lowest non-empty bucket around its minimum.
    @inlinable
    mutating func _refill() {
        let b = _occupied.trailingZeroBitCount &+ 1
        _occupied &= ~((1 as UInt128) &<< (b &- 1))
        // Take the bucket's own buffer out and put it back empty afterwards, so
        // every bucket keeps the capacity it grew to. (Leaving the spare in the
        // bucket instead shuffles buffers between buckets, and large ones then
        // reallocate, with the kernel zeroing fresh pages, over and over: a
        // quarter of the run time at 10⁶ pending events.)
        swap(&_spare, &_buckets[b])
        _spare.withUnsafeBufferPointer { events in
            var minimum = Self._key(events[0])
            var i = 1
            while i < events.count {
                let key = Self._key(events[i])
                if key < minimum { minimum = key }
                i &+= 1
            }
            _last = minimum
            for event in events {
                let target = Self._bucket(Self._key(event), relativeTo: minimum)
                _buckets[target].append(event)
                if target > 0 { _occupied |= (1 as UInt128) &<< (target &- 1) }
            }
        }
        _spare.removeAll(keepingCapacity: true)
        swap(&_spare, &_buckets[b])
    }

    @inlinable
    public mutating func removeAll() {
        for b in _buckets.indices { _buckets[b].removeAll(keepingCapacity: true) }
        _occupied = 0
        _last = 0
        _count = 0
        _early.removeAll()
    }
}
