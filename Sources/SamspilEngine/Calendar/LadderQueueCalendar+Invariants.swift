// The ladder queue's invariant check (see LadderQueueCalendar.swift for the
// structure; its bottom tier is `_SortedBottom`).

extension LadderQueueCalendar {
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
        var latestBelowLadder = -Double.infinity
        let held = _bottom._checkInvariants { latestBelowLadder = Swift.max(latestBelowLadder, $0.time) }
        var total = held + _top.count
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
