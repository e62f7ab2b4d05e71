// The ladder queue's bottom tier: sorting a consumed bucket into it, and the
// invariant check (see LadderQueueCalendar.swift for the structure).

extension LadderQueueCalendar {
    /// Inserts `event` into the bottom `bottom[0..<count]` (first event last)
    /// by shifting from the popping end, or into `early` while the bottom
    /// holds more than ``bottomInsertLimit`` events. Shared with ``TimingWheelCalendar``.
    /// - Complexity: O(bottomInsertLimit), or O(log early) into the heap.
    @inlinable
    static func _insertBottom(_ event: Event, bottom: inout ContiguousArray<Event>, count: inout Int,
                              early: inout BinaryHeapCalendar) {
        let n = count
        if n > bottomInsertLimit {
            early.insert(event)
            return
        }
        if n == bottom.count { bottom.append(event) }
        count = n &+ 1
        bottom.withUnsafeMutableBufferPointer { b in
            var i = n
            while i > 0 && Event.precedes(b[i &- 1], event) {
                b[i] = b[i &- 1]
                i &-= 1
            }
            b[i] = event
        }
    }

    /// Removes the first event of a non-empty bottom and its early heap.
    /// - Complexity: O(1), or O(log early) from the heap.
    @inlinable @inline(__always)
    static func _popBottom(_ bottom: ContiguousArray<Event>, count: inout Int, early: inout BinaryHeapCalendar) -> Event? {
        let last = bottom[count &- 1]
        if early.count > 0 && Event.precedes(early.first!, last) {
            return early.popFirst()
        }
        count &-= 1
        return last
    }

    /// Sorts `events[0..<n]` into the (empty) bottom, first event last.
    /// - Complexity: O(n) for smooth time distributions, O(n log n) at worst.
    @inlinable
    mutating func _sortIntoBottom(_ events: ContiguousArray<Event>, count n: Int) {
        Self._sortIntoBottom(events, count: n, bottom: &_bottom, bottomCount: &_bottomCount, keys: &_keys, counts: &_counts)
    }

    /// Sorts `events[0..<n]` into an empty `bottom` (first event last), with
    /// grow-only scratch `keys` and `counts`. Shared with ``TimingWheelCalendar``.
    /// - Complexity: as `_sortDescending(_:into:count:keys:counts:)`.
    @inlinable
    static func _sortIntoBottom(_ events: ContiguousArray<Event>, count n: Int,
                                bottom: inout ContiguousArray<Event>, bottomCount: inout Int,
                                keys: inout ContiguousArray<Int32>, counts: inout ContiguousArray<Int32>) {
        _ensureCount(&bottom, n, filler: _filler)
        bottomCount = n
        _ensureCount(&keys, n, filler: 0)
        _ensureCount(&counts, n / 2 &+ 1, filler: 0)
        events.withUnsafeBufferPointer { e in
            bottom.withUnsafeMutableBufferPointer { d in
                keys.withUnsafeMutableBufferPointer { k in
                    counts.withUnsafeMutableBufferPointer { c in
                        _sortDescending(e, into: d, count: n, keys: k, counts: c)
                    }
                }
            }
        }
    }

    /// Writes `e[0..<n]` to `d[0..<n]` sorted so that the first event is last.
    ///
    /// A counting sort on about n/2 equal-width time slices (monotone in time, so
    /// slices never need comparing), then each slice sorted on its own; small
    /// or unsplittable sets by insertion sort or the standard sort. `keys` and
    /// `counts` are scratch of at least `n` and `n / 2 + 1` entries.
    /// - Complexity: O(n) for smooth time distributions, O(n log n) at worst.
    @inlinable
    static func _sortDescending(_ e: UnsafeBufferPointer<Event>, into d: UnsafeMutableBufferPointer<Event>, count n: Int,
                                keys: UnsafeMutableBufferPointer<Int32>, counts: UnsafeMutableBufferPointer<Int32>) {
        let (lo, hi) = _timeRange(e, count: n)
        let slices = n / 2
        let inverseWidth = Double(slices) / (hi - lo)
        if n <= 24 || !(lo < hi) || !inverseWidth.isFinite {
            // Reversed, so that events in the order they were scheduled need no moves.
            var i = 0
            while i < n { d[i] = e[n &- 1 &- i]; i &+= 1 }
            _sortDescending(d, 0, n)
            return
        }
        _countingSortDescending(e, into: d, count: n, lo: lo, inverseWidth: inverseWidth, slices: slices, keys: keys, counts: counts)
    }

    /// The counting sort of `_sortDescending(_:into:count:keys:counts:)`, on
    /// `slices` equal time slices from `lo`.
    @inlinable
    static func _countingSortDescending(_ e: UnsafeBufferPointer<Event>, into d: UnsafeMutableBufferPointer<Event>,
                                        count n: Int, lo: Double, inverseWidth: Double, slices: Int,
                                        keys: UnsafeMutableBufferPointer<Int32>, counts: UnsafeMutableBufferPointer<Int32>) {
        let lastSlice = Double(slices &- 1)
        var k = 0
        while k <= slices { counts[k] = 0; k &+= 1 }
        // Slice `slices - 1 - j` for time slice j: later times first.
        var i = 0
        while i < n {
            let j = Int(Swift.min((e[i].time - lo) * inverseWidth, lastSlice))
            let key = slices &- 1 &- j
            keys[i] = Int32(truncatingIfNeeded: key)
            counts[key &+ 1] &+= 1
            i &+= 1
        }
        k = 1
        while k <= slices { counts[k] &+= counts[k &- 1]; k &+= 1 }
        // Scattered last to first: events usually arrive here in the order
        // they were scheduled, so a slice of same-time events (discharges at
        // the discharge hour, shift changes) comes out already in the
        // bottom's order and its sort below is one pass.
        i = n
        while i > 0 {
            i &-= 1
            let key = Int(keys[i])
            let position = Int(counts[key])
            d[position] = e[i]
            counts[key] = Int32(truncatingIfNeeded: position &+ 1)
        }
        // Now counts[k] is the end of slice k.
        var begin = 0
        k = 0
        while k < slices {
            let end = Int(counts[k])
            if end &- begin > 1 { _sortDescending(d, begin, end) }
            begin = end
            k &+= 1
        }
    }

    /// Sorts `e[begin..<end]` so that the first event (by ``Event/precedes(_:_:)``) is last.
    @inlinable
    static func _sortDescending(_ e: UnsafeMutableBufferPointer<Event>, _ begin: Int, _ end: Int) {
        if end &- begin <= 16 {
            var i = begin &+ 1
            while i < end {
                let x = e[i]
                var j = i
                while j > begin && Event.precedes(e[j &- 1], x) {
                    e[j] = e[j &- 1]
                    j &-= 1
                }
                e[j] = x
                i &+= 1
            }
        } else {
            var sorted = true
            var i = begin &+ 1
            while i < end {
                if Event.precedes(e[i &- 1], e[i]) { sorted = false; break }
                i &+= 1
            }
            if sorted { return }
            var slice = UnsafeMutableBufferPointer(rebasing: e[begin..<end])
            slice.sort { Event.precedes($1, $0) }
        }
    }

    /// Verifies the three tiers' order and bookkeeping; compiled away unless
    /// built with `-D SAMSPIL_CHECK_INVARIANTS` (then run after refills, and by
    /// the calendar tests at will).
    ///
    /// Checks: the count is the sum of the tiers; the bottom is sorted (first
    /// event last) and no later than any ladder or top event; every ladder event
    /// lies in the bucket its time routes to, at or after its rung's current
    /// bucket, and at or before the top boundary; every top event lies after it
    /// and within the recorded top range; bucket chains hold their counts.
    /// - Complexity: O(pending events + buckets).
    @inlinable
    func _checkInvariants() {
        #if SAMSPIL_CHECK_INVARIANTS
        _early._checkInvariants()
        var latestBelowLadder = -Double.infinity
        for i in 0..<_bottomCount {
            if i > 0 { precondition(!Event.precedes(_bottom[i - 1], _bottom[i]), "bottom out of order at \(i)") }
            latestBelowLadder = Swift.max(latestBelowLadder, _bottom[i].time)
        }
        var earlyCount = 0
        var early = _early
        while let event = early.popFirst() {
            latestBelowLadder = Swift.max(latestBelowLadder, event.time)
            earlyCount += 1
        }
        var total = _bottomCount + earlyCount + _top.count
        for (r, rung) in _rungs.enumerated() {
            precondition(rung.base + rung.bucketCount <= _buckets.count, "rung \(r) overruns the buckets")
            for b in 0..<rung.bucketCount {
                let bucket = _buckets[rung.base + b]
                if bucket.count == 0 { continue }
                precondition(Double(b) >= rung.current, "rung \(r) holds events before its current bucket")
                var remaining = Int(bucket.count)
                var chunk = Int(bucket.head)
                while remaining > 0 {
                    precondition(chunk >= 0 && chunk < _next.count, "broken chunk chain in rung \(r)")
                    for k in 0..<Swift.min(remaining, Self.chunkSize) {
                        let event = _pool[(chunk << Self.chunkShift) | k]
                        precondition(Int(rung.position(event.time)) == b, "event routed to the wrong bucket in rung \(r)")
                        precondition(event.time >= latestBelowLadder, "ladder event earlier than the bottom")
                        precondition(event.time <= _topBoundary, "ladder event beyond the top boundary")
                    }
                    remaining -= Self.chunkSize
                    if remaining > 0 { chunk = Int(_next[chunk]) }
                }
                precondition(chunk == Int(bucket.tail), "bucket tail is not the chain's last chunk")
                total += Int(bucket.count)
            }
        }
        for event in _top {
            precondition(event.time > _topBoundary, "top event at or before the top boundary")
            precondition(event.time >= _topMin && event.time <= _topMax, "top range out of date")
        }
        precondition(total == _count, "count \(_count) but \(total) events held")
        #endif
    }
}
