/// The tier both bucketed calendars pop from: the current bucket's events
/// sorted so that the first is last (a pop is a read and a decrement), small
/// in-order inserts into it, and an early binary heap for events scheduled
/// into the current bucket while it is large. `LadderQueueCalendar` fills it
/// from its lowest rung or its top, `TimingWheelCalendar` from the clock's slot.
@frozen @usableFromInline
struct _SortedBottom: Sendable {
    /// `events[0..<count]`, sorted so that the first event is last. The array
    /// is never shrunk while popping, so a pop is a plain read.
    @usableFromInline var events: ContiguousArray<Event>
    @usableFromInline var count: Int
    /// Events of the bottom's time range that arrived while it was large.
    @usableFromInline var early: BinaryHeapCalendar
    /// Grow-only scratch of the bucket sort.
    @usableFromInline var keys: ContiguousArray<Int32>
    @usableFromInline var counts: ContiguousArray<Int32>

    @inlinable
    init() {
        events = []
        count = 0
        early = BinaryHeapCalendar()
        keys = []
        counts = []
    }

    /// No event in the sorted events or the early heap.
    @inlinable var isEmpty: Bool { count == 0 && early.count == 0 }

    /// Inserts `event` into the sorted events by shifting from the popping
    /// end, or into the early heap while they number more than
    /// `LadderQueueCalendar.bottomInsertLimit`.
    /// - Complexity: O(bottomInsertLimit), or O(log early) into the heap.
    @inlinable
    mutating func insert(_ event: Event) {
        let n = count
        if n > LadderQueueCalendar.bottomInsertLimit {
            early.insert(event)
            return
        }
        if n == events.count { events.append(event) }
        count = n &+ 1
        events.withUnsafeMutableBufferPointer { b in
            var i = n
            while i > 0 && Event.precedes(b[i &- 1], event) {
                b[i] = b[i &- 1]
                i &-= 1
            }
            b[i] = event
        }
    }

    /// Removes and returns the first event; nil if empty.
    /// - Complexity: O(1), or O(log early) from the heap.
    @inlinable @inline(__always)
    mutating func popFirst() -> Event? {
        if count == 0 { return early.popFirst() }
        let last = events[count &- 1]
        if early.count > 0 && Event.precedes(early.first!, last) {
            return early.popFirst()
        }
        count &-= 1
        return last
    }

    /// Calls `body` with the sorted events not yet popped (the next one last).
    @inlinable func withUpcoming<R>(_ body: (UnsafeBufferPointer<Event>) -> R) -> R {
        events.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The next event of the sorted events (not the early heap); they must not be empty.
    @inlinable var nextSorted: Event { events[count &- 1] }

    /// Sorts `source[0..<n]` into the (empty) sorted events, first event last.
    /// - Complexity: as `_sortDescending(_:into:count:keys:counts:)`.
    @inlinable
    mutating func sortIn(_ source: ContiguousArray<Event>, count n: Int) {
        LadderQueueCalendar._ensureCount(&events, n, filler: LadderQueueCalendar._filler)
        count = n
        LadderQueueCalendar._ensureCount(&keys, n, filler: 0)
        LadderQueueCalendar._ensureCount(&counts, n / 2 &+ 1, filler: 0)
        source.withUnsafeBufferPointer { e in
            events.withUnsafeMutableBufferPointer { d in
                keys.withUnsafeMutableBufferPointer { k in
                    counts.withUnsafeMutableBufferPointer { c in
                        Self._sortDescending(e, into: d, count: n, keys: k, counts: c)
                    }
                }
            }
        }
    }

    @inlinable
    mutating func removeAll() {
        events.removeAll(keepingCapacity: true)
        count = 0
        early.removeAll()
    }

    /// Checks that the sorted events are in order and the early heap is a
    /// heap, calls `check` with every event held, and returns their number.
    /// Compiled away unless built with `-D SAMSPIL_CHECK_INVARIANTS`.
    /// - Complexity: O(events held · log early).
    @inlinable
    func _checkInvariants(_ check: (Event) -> Void) -> Int {
        #if SAMSPIL_CHECK_INVARIANTS
        early._checkInvariants()
        for i in 0..<count {
            if i > 0 { precondition(!Event.precedes(events[i - 1], events[i]), "bottom out of order at \(i)") }
            check(events[i])
        }
        var heap = early
        while let event = heap.popFirst() { check(event) }
        return count + early.count
        #else
        return count + early.count
        #endif
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
        let (lo, hi) = LadderQueueCalendar._timeRange(e, count: n)
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
}
