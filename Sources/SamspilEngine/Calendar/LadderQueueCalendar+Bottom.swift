// The ladder queue's bottom tier: sorting a consumed bucket into it, and the
// invariant check (see LadderQueueCalendar.swift for the structure).

extension LadderQueueCalendar {
    /// Sorts `events[0..<n]` into the (empty) bottom, first event last.
    ///
    /// A counting sort on about n/2 equal-width time slices (monotone in time, so
    /// slices never need comparing), then each slice sorted on its own: O(n) for
    /// smooth time distributions, O(n log n) at worst.
    @inlinable
    mutating func _sortIntoBottom(_ events: ContiguousArray<Event>, count n: Int) {
        Self._ensureCount(&_bottom, n, filler: Self._filler)
        _bottomCount = n
        let (lo, hi) = Self._timeRange(events, count: n)
        let slices = n / 2
        let inverseWidth = Double(slices) / (hi - lo)
        if n <= 24 || !(lo < hi) || !inverseWidth.isFinite {
            events.withUnsafeBufferPointer { e in
                _bottom.withUnsafeMutableBufferPointer { d in
                    var i = 0
                    while i < n { d[i] = e[i]; i &+= 1 }
                    Self._sortDescending(d, 0, n)
                }
            }
            return
        }
        Self._ensureCount(&_keys, n, filler: 0)
        Self._ensureCount(&_counts, slices &+ 1, filler: 0)
        let lastSlice = Double(slices &- 1)
        events.withUnsafeBufferPointer { e in
            _bottom.withUnsafeMutableBufferPointer { d in
                _keys.withUnsafeMutableBufferPointer { keys in
                    _counts.withUnsafeMutableBufferPointer { counts in
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
                        i = 0
                        while i < n {
                            let key = Int(keys[i])
                            let position = Int(counts[key])
                            d[position] = e[i]
                            counts[key] = Int32(truncatingIfNeeded: position &+ 1)
                            i &+= 1
                        }
                        // Now counts[k] is the end of slice k.
                        var begin = 0
                        k = 0
                        while k < slices {
                            let end = Int(counts[k])
                            if end &- begin > 1 { Self._sortDescending(d, begin, end) }
                            begin = end
                            k &+= 1
                        }
                    }
                }
            }
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
