/// A ladder queue (Tang, Goh & Thng 2005, ACM TOMACS 15(3)): an O(1) amortised
/// calendar for large pending sets.
///
/// Three tiers, each holding only events later than every event of the tier below:
///
/// - **Top**: an unsorted array of the events later than every event in the
///   ladder. Inserting there is an append.
/// - **Ladder**: up to ``maximumRungs`` rungs of time buckets. Rung 0 is built from
///   the whole top when the ladder runs dry; a bucket about to be consumed that
///   holds more than ``threshold`` events is split into a finer child rung
///   spanning the bucket's width. Inserting into a bucket is an append.
/// - **Bottom**: the events of the last consumed bucket, sorted (descending, so a
///   pop is a read and a decrement), plus a binary heap for events that arrive in
///   the bottom's time range while the bottom is large.
///
/// Deviations from the paper, all for speed or exactness:
///
/// - Buckets are chains of fixed-size chunks taken from one contiguous pool and
///   linked by index, with a free list: no allocation per bucket, and a bucket's
///   events are read back mostly sequentially.
/// - Rung 0 has about one bucket per ``rungZeroDensity`` events rather than one
///   per event, so the bucket tails written by random inserts stay in cache.
/// - A consumed bucket of up to ``threshold`` events (the paper splits above 50)
///   is bucket-sorted straight into the bottom: a counting sort on equal-width
///   time slices, then each slice sorted on its own. That is O(n) for smooth
///   time distributions and O(n log n) at worst, and much cheaper than building
///   and walking another rung of tiny buckets.
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
    /// Events per chunk (a power of two): 16 × 32 bytes = eight cache lines.
    @inlinable static var chunkShift: Int { 4 }
    @inlinable static var chunkSize: Int { 1 &<< chunkShift }
    /// A bucket with more events than this is split into a child rung (if the
    /// rung limit allows) instead of being sorted into the bottom.
    @inlinable public static var threshold: Int { 128 }
    /// The number of rungs is capped; identical times cannot be split anyway.
    @inlinable public static var maximumRungs: Int { 8 }
    /// Average events per bucket when rung 0 is built from a large top (smaller
    /// tops get finer buckets, down to 8 events per bucket).
    @inlinable public static var rungZeroDensity: Int { 128 }
    /// Average events per bucket in a child rung.
    @inlinable public static var childDensity: Int { 32 }
    /// Up to this size the bottom takes inserts directly (sorted insertion from
    /// the popping end); a larger bottom sends them to the early heap. Also the
    /// smallest top that is built into a rung rather than sorted into the bottom.
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
    /// The current bucket's events, sorted, and the early heap.
    @usableFromInline var _bottom: _SortedBottom
    /// Grow-only work buffer for refills.
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
        _bottom = _SortedBottom()
        _scratch = []
        _count = 0
    }

    @inlinable public var count: Int { _count }

    // MARK: Insert

    @inlinable
    public mutating func insert(_ event: Event) {
        event._checkCalendarTime()
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
        _bottom.insert(event)
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
        _pool.append(contentsOf: repeatElement(Self._filler, count: Self.chunkSize))
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

    // MARK: Pop

    @inlinable
    public mutating func popFirst() -> Event? {
        if _bottom.isEmpty {
            guard _count > 0 else { return nil }
            _refill()
        }
        _count &-= 1
        return _bottom.popFirst()
    }

    /// The bottom and the early heap are empty but events remain: move the next
    /// bucket into the bottom, splitting it into a finer rung first while it is
    /// large.
    @inlinable @inline(never)
    mutating func _refill() {
        while true {
            guard let rung = _rungs.last else {
                _transferTop()
                if _bottom.count > 0 { return }
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
            let n = Int(bucket.count)
            var events = ContiguousArray<Event>()
            swap(&events, &_scratch)
            _gather(bucket, into: &events)
            // The child spans the bucket's whole width (not just its events), so
            // later inserts into that range spread over it instead of piling into
            // its last bucket; the rung's last bucket has no upper bound.
            let upper = b &+ 1 < rung.bucketCount ? rung.start + Double(b &+ 1) / rung.inverseWidth : -Double.infinity
            if n > Self.threshold && _rungs.count < Self.maximumRungs
                && _spawnRung(from: events, count: n, density: Self.childDensity, upperBound: upper) {
                swap(&events, &_scratch)
                continue
            }
            _bottom.sortIn(events, count: n)
            swap(&events, &_scratch)
            #if SAMSPIL_CHECK_INVARIANTS
            // The full check is O(pending): after small refills, and after one
            // refill in 64 (by the sequence of the next event) or, above 4,096
            // pending events, one in 1,024, so that a checked build (every
            // debug build) stays usable on large calendars.
            let sample: UInt64 = _count <= 4096 ? 63 : 1023
            if _count <= 256 || _bottom.nextSorted.sequence & sample == 0 { _checkInvariants() }
            #endif
            return
        }
    }

    /// Makes `array.count` at least `count` (growing only; the contents beyond
    /// what the caller tracks are meaningless).
    @inlinable
    static func _ensureCount<T>(_ array: inout ContiguousArray<T>, _ count: Int, filler: T) {
        if array.count < count {
            array.reserveCapacity(Swift.max(count, 2 &* array.count))
            array.append(contentsOf: repeatElement(filler, count: count &- array.count))
        }
    }

    @inlinable
    static var _filler: Event { Event(time: 0, priority: .normal, sequence: 0, kind: 0) }

    /// Copies a bucket's events to `destination[0..<bucket.count]` and frees its chunks.
    @inlinable
    mutating func _gather(_ bucket: _Bucket, into destination: inout ContiguousArray<Event>) {
        var remaining = Int(bucket.count)
        Self._ensureCount(&destination, remaining, filler: Self._filler)
        var chunk = Int(bucket.head)
        var free = _free
        _pool.withUnsafeBufferPointer { pool in
            _next.withUnsafeMutableBufferPointer { next in
                destination.withUnsafeMutableBufferPointer { d in
                    var out = d.baseAddress!
                    let base = pool.baseAddress!
                    while remaining > 0 {
                        let n = Swift.min(remaining, Self.chunkSize)
                        let source = base + (chunk &<< Self.chunkShift)
                        var i = 0
                        while i < n {
                            out[i] = source[i]
                            i &+= 1
                        }
                        out += n
                        let following = next[chunk]
                        next[chunk] = free
                        free = Int32(truncatingIfNeeded: chunk)
                        chunk = Int(following)
                        remaining &-= n
                    }
                }
            }
        }
        _free = free
    }

    /// Builds a new lowest rung from `events[0..<count]`, spanning from their
    /// earliest time to their latest or `upperBound`, whichever is later; returns `false` (and
    /// builds nothing) when they cannot be split by time (all equal, or a range
    /// too narrow for the bucket count).
    @inlinable
    mutating func _spawnRung(from events: ContiguousArray<Event>, count n: Int, density: Int,
                             upperBound: Double = -.infinity) -> Bool {
        let (lo, latest) = Self._timeRange(events, count: n)
        guard lo < latest else { return false }
        let hi = Swift.max(latest, upperBound)
        let bucketCount = Swift.max(2, n / density)
        let inverseWidth = Double(bucketCount) / (hi - lo)
        guard inverseWidth.isFinite && inverseWidth > 0 else { return false }
        let rung = _Rung(start: lo, inverseWidth: inverseWidth, base: _buckets.count, bucketCount: bucketCount)
        _buckets.append(contentsOf: repeatElement(_Bucket(), count: bucketCount))
        _rungs.append(rung)
        var i = 0
        while i < n {
            i = _appendAll(events, from: i, count: n, rung: rung)
            if i < n {
                // The free list ran dry: one more chunk, then carry on.
                let chunk = _growPool()
                _next[Int(chunk)] = _free
                _free = chunk
            }
        }
        return true
    }

    /// Appends `events[start..<n]` to their buckets in `rung`, as `_append`
    /// would one by one, but with the bucket, pool and chain storage opened
    /// once (one uniqueness check per array, not three per event). Stops early,
    /// returning the index reached, when an event needs a chunk and the free
    /// list is empty; the pool cannot grow while its storage is open.
    /// - Complexity: O(n − start).
    @inlinable
    mutating func _appendAll(_ events: ContiguousArray<Event>, from start: Int, count n: Int, rung: _Rung) -> Int {
        var free = _free
        var i = start
        _buckets.withUnsafeMutableBufferPointer { buckets in
            _pool.withUnsafeMutableBufferPointer { pool in
                _next.withUnsafeMutableBufferPointer { next in
                    events.withUnsafeBufferPointer { e in
                        while i < n {
                            let event = e[i]
                            let index = rung.base &+ Int(rung.position(event.time))
                            var bucket = buckets[index]
                            let slot = Int(bucket.count) & (Self.chunkSize &- 1)
                            if slot == 0 {
                                if free < 0 { return }
                                let chunk = free
                                free = next[Int(chunk)]
                                if bucket.count == 0 { bucket.head = chunk } else { next[Int(bucket.tail)] = chunk }
                                bucket.tail = chunk
                            }
                            pool[(Int(bucket.tail) &<< Self.chunkShift) | slot] = event
                            bucket.count &+= 1
                            buckets[index] = bucket
                            i &+= 1
                        }
                    }
                }
            }
        }
        _free = free
        return i
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
        let n = events.count
        // Coarse buckets keep the tails that random inserts write to in cache
        // for large tops; small tops get finer buckets (cheaper bucket sorts).
        let density = Swift.min(Self.rungZeroDensity, Swift.max(8, n &>> 8))
        if n <= Self.bottomInsertLimit || !_spawnRung(from: events, count: n, density: density) {
            // Small or unsplittable: the whole top becomes the bottom.
            _bottom.sortIn(events, count: n)
        }
        events.removeAll(keepingCapacity: true)
        swap(&events, &_top)
    }

    /// The earliest and latest time among `events[0..<n]`.
    /// - Complexity: O(n).
    @inlinable
    static func _timeRange(_ events: ContiguousArray<Event>, count n: Int) -> (lo: Double, hi: Double) {
        events.withUnsafeBufferPointer { _timeRange($0, count: n) }
    }

    /// The earliest and latest time among `e[0..<n]`.
    /// - Complexity: O(n).
    @inlinable
    static func _timeRange(_ e: UnsafeBufferPointer<Event>, count n: Int) -> (lo: Double, hi: Double) {
        var lo = Double.infinity
        var hi = -Double.infinity
        var i = 0
        while i < n {
            let t = e[i].time
            lo = Swift.min(lo, t)
            hi = Swift.max(hi, t)
            i &+= 1
        }
        return (lo, hi)
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
        _bottom.removeAll()
        _scratch.removeAll(keepingCapacity: true)
        _count = 0
    }
}
