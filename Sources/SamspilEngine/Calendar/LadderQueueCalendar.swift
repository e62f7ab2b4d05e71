/// A ladder queue (Tang, Goh & Thng 2005, ACM TOMACS 15(3)): an O(1) amortised
/// calendar for large pending sets.
///
/// Three tiers, each holding only events later than every event of the tier below:
///
/// - **Top**: an unsorted array of the events later than every event in the
///   ladder. Inserting there is an append.
/// - **Ladder**: up to ``maximumRungs`` rungs of time buckets. Rung 0 is built from
///   the whole top when the ladder runs dry; a bucket about to be consumed that
///   holds more than ``threshold`` events is split into a finer child rung.
///   Inserting into a bucket is an append.
/// - **Bottom**: the next few events, sorted (descending, so popping is
///   `removeLast`), plus a small binary heap for events that arrive in the
///   bottom's time range while the bottom is large.
///
/// Deviations from the paper, all for speed or exactness:
///
/// - Buckets are chains of fixed-size chunks taken from one contiguous pool and
///   linked by index, with a free list: no allocation per bucket, and a bucket's
///   events are read back mostly sequentially.
/// - Rung 0 has about one bucket per ``rungZeroDensity`` events rather than one
///   per event, so the bucket tails written by random inserts stay in cache.
/// - Routing never trusts bucket *boundaries*: an event's bucket in a rung is the
///   monotone function `min((time - start) × inverseWidth, lastIndex)`, and the
///   same function decides whether the event belongs to the rung at all
///   (`≥ current bucket`) or falls through to a lower rung or the bottom. So
///   rounding can only move an event to a neighbouring bucket consistently, never
///   out of order.
/// - Same-time events cannot be split by any rung; a bucket whose events all share
///   one time (or when the rungs are exhausted) is sorted into the bottom whatever
///   its size. The bottom is ordered by ``Event/precedes(_:_:)``, so ties pop in
///   exactly the order of every other calendar, including same-instant events with
///   a lower priority value inserted after a pop (they fall through to the bottom).
///
/// - Complexity: `insert` and `popFirst` O(1) amortised for the usual increment
///   distributions; O(log n) in degenerate cases (a huge burst at one instant).
public struct LadderQueueCalendar: EventCalendar {
    /// Events per chunk (a power of two): 8 × 32 bytes = four cache lines.
    @inlinable static var chunkShift: Int { 3 }
    @inlinable static var chunkSize: Int { 1 &<< chunkShift }
    /// A bucket with more events than this is split into a child rung (if the
    /// rung limit allows) instead of being sorted into the bottom.
    @inlinable public static var threshold: Int { 48 }
    /// The number of rungs is capped; identical times cannot be split anyway.
    @inlinable public static var maximumRungs: Int { 8 }
    /// Average events per bucket when rung 0 is built from the top.
    @inlinable public static var rungZeroDensity: Int { 16 }
    /// Average events per bucket in a child rung.
    @inlinable public static var childDensity: Int { 4 }
    /// Up to this size the bottom takes inserts directly (binary search + shift).
    @inlinable static var bottomInsertLimit: Int { 64 }

    @frozen @usableFromInline
    struct _Bucket {
        @usableFromInline var head: Int32
        @usableFromInline var tail: Int32
        @usableFromInline var count: Int32
        @inlinable init() { head = -1; tail = -1; count = 0 }
    }

    @frozen @usableFromInline
    struct _Rung {
        @usableFromInline var start: Double
        @usableFromInline var inverseWidth: Double
        /// `Double(bucketCount - 1)`: bucket indices are clamped to it.
        @usableFromInline var lastIndex: Double
        /// The next bucket to consume, as a `Double` for the routing comparison.
        @usableFromInline var current: Double
        /// First bucket of this rung in `_buckets` (rungs are stacked there).
        @usableFromInline var base: Int
        @usableFromInline var bucketCount: Int

        @inlinable
        init(start: Double, inverseWidth: Double, base: Int, bucketCount: Int) {
            self.start = start
            self.inverseWidth = inverseWidth
            self.lastIndex = Double(bucketCount &- 1)
            self.current = 0
            self.base = base
            self.bucketCount = bucketCount
        }

        /// The bucket `time` maps to, as a `Double` in `[?, lastIndex]`; monotone
        /// non-decreasing in `time`.
        @inlinable @inline(__always)
        func position(_ time: Double) -> Double {
            Swift.min((time - start) * inverseWidth, lastIndex)
        }
    }

    // Top.
    @usableFromInline var _top: ContiguousArray<Event>
    @usableFromInline var _topMin: Double
    @usableFromInline var _topMax: Double
    /// Events later than this go to the top; everything in the ladder and the
    /// bottom is at or before it.
    @usableFromInline var _topBoundary: Double
    // Ladder.
    @usableFromInline var _rungs: ContiguousArray<_Rung>
    @usableFromInline var _buckets: ContiguousArray<_Bucket>
    @usableFromInline var _pool: ContiguousArray<Event>
    /// Next chunk of a bucket's chain, or of the free list.
    @usableFromInline var _next: ContiguousArray<Int32>
    @usableFromInline var _free: Int32
    // Bottom.
    /// Sorted so that the first event is last.
    @usableFromInline var _bottom: ContiguousArray<Event>
    /// Events in the bottom's time range that arrived while the bottom was large.
    @usableFromInline var _early: BinaryHeapCalendar
    @usableFromInline var _scratch: ContiguousArray<Event>
    @usableFromInline var _count: Int

    @inlinable
    public init() {
        _top = []
        _topMin = .infinity
        _topMax = -.infinity
        _topBoundary = -.infinity
        _rungs = []
        _buckets = []
        _pool = []
        _next = []
        _free = -1
        _bottom = []
        _early = BinaryHeapCalendar()
        _scratch = []
        _count = 0
    }

    @inlinable public var count: Int { _count }

    // MARK: Insert

    @inlinable
    public mutating func insert(_ event: Event) {
        assert(event.time >= 0 && event.time.isFinite, "event times must be finite and non-negative")
        _count &+= 1
        let time = event.time
        if time > _topBoundary {
            _top.append(event)
            if time < _topMin { _topMin = time }
            if time > _topMax { _topMax = time }
            return
        }
        var r = 0
        let depth = _rungs.count
        while r < depth {
            let rung = _rungs[r]
            let x = rung.position(time)
            if x >= rung.current {
                _append(event, toBucket: rung.base &+ Int(x))
                return
            }
            r &+= 1
        }
        _insertBottom(event)
    }

    @inlinable @inline(__always)
    mutating func _allocateChunk() -> Int32 {
        if _free >= 0 {
            let chunk = _free
            _free = _next[Int(chunk)]
            return chunk
        }
        return _growPool()
    }

    @inlinable @inline(never)
    mutating func _growPool() -> Int32 {
        let chunk = Int32(truncatingIfNeeded: _next.count)
        _next.append(-1)
        let filler = Event(time: 0, priority: .normal, sequence: 0, kind: 0)
        for _ in 0..<Self.chunkSize { _pool.append(filler) }
        return chunk
    }

    @inlinable @inline(__always)
    mutating func _append(_ event: Event, toBucket index: Int) {
        var bucket = _buckets[index]
        let slot = Int(bucket.count) & (Self.chunkSize &- 1)
        if slot == 0 {
            let chunk = _allocateChunk()
            if bucket.count == 0 { bucket.head = chunk } else { _next[Int(bucket.tail)] = chunk }
            bucket.tail = chunk
        }
        _pool[(Int(bucket.tail) &<< Self.chunkShift) | slot] = event
        bucket.count &+= 1
        _buckets[index] = bucket
    }

    @inlinable
    mutating func _insertBottom(_ event: Event) {
        let n = _bottom.count
        if n > Self.bottomInsertLimit {
            _early.insert(event)
            return
        }
        // Descending order: find the first index whose event precedes `event`.
        _bottom.append(event)
        _bottom.withUnsafeMutableBufferPointer { b in
            var i = n
            while i > 0 && Event.precedes(b[i &- 1], event) {
                b[i] = b[i &- 1]
                i &-= 1
            }
            b[i] = event
        }
    }

    // MARK: Pop

    @inlinable
    public mutating func popFirst() -> Event? {
        if _bottom.isEmpty && _early.count == 0 {
            guard _count > 0 else { return nil }
            _refill()
        }
        _count &-= 1
        if _early.count > 0 {
            if let last = _bottom.last, !Event.precedes(_early.first!, last) {
                return _bottom.removeLast()
            }
            return _early.popFirst()
        }
        return _bottom.removeLast()
    }

    /// The bottom and the early heap are empty but events remain: move the next
    /// bucket (splitting it into finer rungs while it is large) into the bottom.
    @inlinable @inline(never)
    mutating func _refill() {
        while true {
            guard let rung = _rungs.last else {
                _transferTop()
                if !_bottom.isEmpty { return }
                continue
            }
            let r = _rungs.count &- 1
            var b = Int(rung.current)
            let found: Bool = _buckets.withUnsafeBufferPointer { buckets in
                while b < rung.bucketCount {
                    if buckets[rung.base &+ b].count != 0 { return true }
                    b &+= 1
                }
                return false
            }
            if !found {
                _buckets.removeLast(rung.bucketCount)
                _rungs.removeLast()
                continue
            }
            _rungs[r].current = Double(b &+ 1)
            let index = rung.base &+ b
            let bucket = _buckets[index]
            _buckets[index] = _Bucket()
            if Int(bucket.count) > Self.threshold && _rungs.count < Self.maximumRungs {
                var events = ContiguousArray<Event>()
                swap(&events, &_scratch)
                _gather(bucket, into: &events)
                if _spawnRung(from: &events, density: Self.childDensity) {
                    swap(&events, &_scratch)
                    continue
                }
                swap(&events, &_bottom)
            } else {
                var events = ContiguousArray<Event>()
                swap(&events, &_bottom)
                _gather(bucket, into: &events)
                swap(&events, &_bottom)
            }
            Self._sortDescending(&_bottom)
            return
        }
    }

    /// Appends a bucket's events to `destination` and frees its chunks.
    @inlinable
    mutating func _gather(_ bucket: _Bucket, into destination: inout ContiguousArray<Event>) {
        var remaining = Int(bucket.count)
        var chunk = Int(bucket.head)
        var free = _free
        destination.reserveCapacity(destination.count &+ remaining)
        _pool.withUnsafeBufferPointer { pool in
            _next.withUnsafeMutableBufferPointer { next in
                while remaining > 0 {
                    let n = Swift.min(remaining, Self.chunkSize)
                    let start = chunk &<< Self.chunkShift
                    destination.append(contentsOf: UnsafeBufferPointer(rebasing: pool[start..<(start &+ n)]))
                    let following = next[chunk]
                    next[chunk] = free
                    free = Int32(truncatingIfNeeded: chunk)
                    chunk = Int(following)
                    remaining &-= n
                }
            }
        }
        _free = free
    }

    /// Builds a new lowest rung from `events` (all of them routed into it) and
    /// empties `events`; returns `false` and leaves `events` alone when they cannot
    /// be split by time (all equal, or a range too narrow for the bucket count).
    @inlinable
    mutating func _spawnRung(from events: inout ContiguousArray<Event>, density: Int) -> Bool {
        let n = events.count
        var lo = Double.infinity
        var hi = -Double.infinity
        events.withUnsafeBufferPointer { e in
            for event in e {
                lo = Swift.min(lo, event.time)
                hi = Swift.max(hi, event.time)
            }
        }
        guard lo < hi else { return false }
        let bucketCount = Swift.max(2, n / density)
        let inverseWidth = Double(bucketCount) / (hi - lo)
        guard inverseWidth.isFinite else { return false }
        let rung = _Rung(start: lo, inverseWidth: inverseWidth, base: _buckets.count, bucketCount: bucketCount)
        _buckets.append(contentsOf: repeatElement(_Bucket(), count: bucketCount))
        _rungs.append(rung)
        events.withUnsafeBufferPointer { e in
            for event in e {
                _append(event, toBucket: rung.base &+ Int(rung.position(event.time)))
            }
        }
        events.removeAll(keepingCapacity: true)
        return true
    }

    /// The ladder is empty: build rung 0 from the top (or sort a small top
    /// straight into the bottom).
    @inlinable
    mutating func _transferTop() {
        precondition(!_top.isEmpty, "calendar count out of sync")
        _topBoundary = _topMax
        _topMin = .infinity
        _topMax = -.infinity
        var events = ContiguousArray<Event>()
        swap(&events, &_top)
        if events.count > Self.threshold && _spawnRung(from: &events, density: Self.rungZeroDensity) {
            swap(&events, &_top)
            return
        }
        // Unsplittable or small: the whole top becomes the bottom.
        swap(&events, &_bottom)
        Self._sortDescending(&_bottom)
    }

    @inlinable
    static func _sortDescending(_ events: inout ContiguousArray<Event>) {
        events.withUnsafeMutableBufferPointer { e in
            let n = e.count
            if n <= 24 {
                var i = 1
                while i < n {
                    let x = e[i]
                    var j = i
                    while j > 0 && Event.precedes(e[j &- 1], x) {
                        e[j] = e[j &- 1]
                        j &-= 1
                    }
                    e[j] = x
                    i &+= 1
                }
            } else {
                e.sort { Event.precedes($1, $0) }
            }
        }
    }

    @inlinable
    public mutating func removeAll() {
        _top.removeAll(keepingCapacity: true)
        _topMin = .infinity
        _topMax = -.infinity
        _topBoundary = -.infinity
        _rungs.removeAll(keepingCapacity: true)
        _buckets.removeAll(keepingCapacity: true)
        _pool.removeAll(keepingCapacity: true)
        _next.removeAll(keepingCapacity: true)
        _free = -1
        _bottom.removeAll(keepingCapacity: true)
        _early.removeAll()
        _scratch.removeAll(keepingCapacity: true)
        _count = 0
    }
}
