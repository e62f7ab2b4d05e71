import Testing
@testable import SamspilEngine

/// The reference calendar: a plain array kept sorted by `(time, _order)`
/// (descending, so the first event is last).
private struct ReferenceCalendar {
    var events: [Event] = []

    var count: Int { events.count }

    mutating func insert(_ event: Event) {
        // Binary search for the first index whose event precedes `event`.
        var lo = 0, hi = events.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Event.precedes(events[mid], event) { hi = mid } else { lo = mid + 1 }
        }
        events.insert(event, at: lo)
    }

    mutating func popFirst() -> Event? { events.popLast() }
}

/// How the next event's time is drawn relative to the last popped time.
private enum Delay: CaseIterable {
    case exponential, uniform, bimodal, zero, integerGrid, geometricCluster, tiny, huge
}

/// Drives one calendar and the reference through the same operations and checks
/// that they agree on every pop and on `count` at every step.
private struct Harness<C: EventCalendar> {
    var calendar = C()
    var reference = ReferenceCalendar()
    var rng: Xoshiro256StarStar
    var sequence: UInt64 = 0
    var now: Double = 0
    var lastPopped: Event?
    var pops = 0

    init(seed: UInt64) { rng = Xoshiro256StarStar(seed: seed) }

    mutating func uniform() -> Double { rng.nextUnitDouble() }

    mutating func priority() -> EventPriority {
        let named: [EventPriority] = [.structural, .release, .normal, .seize, .observe]
        if rng.nextInt(below: 4) == 0 { return EventPriority(rawValue: UInt8(truncatingIfNeeded: rng.next())) }
        return named[Int(rng.nextInt(below: UInt64(named.count)))]
    }

    mutating func delay(_ kind: Delay) -> Double {
        switch kind {
        case .exponential: return -log(rng.nextPositiveUnitDouble())
        case .uniform: return 2 * uniform()
        case .bimodal: return uniform() < 0.9 ? 0.95238 * uniform() : 9.95238 * uniform()
        case .zero: return 0
        case .integerGrid: return Double(rng.nextInt(below: 4))
        case .geometricCluster: return Double(sign: .plus, exponent: -Int(rng.nextInt(below: 60)), significand: 1)
        case .tiny: return Double(rng.nextInt(below: 3)) * 0x1p-50
        case .huge: return uniform() * 1e9
        }
    }

    mutating func insert(at time: Double, priority: EventPriority = .normal) {
        let event = Event(time: time, priority: priority, sequence: sequence, kind: UInt16(truncatingIfNeeded: sequence),
                          entity: UInt32(truncatingIfNeeded: sequence &* 7))
        sequence &+= 1
        calendar.insert(event)
        reference.insert(event)
        #expect(calendar.count == reference.count)
    }

    mutating func insert(after kind: Delay, randomPriority: Bool = false) {
        insert(at: now + delay(kind), priority: randomPriority ? priority() : .normal)
    }

    /// Pops from both and compares; returns `false` once either is empty.
    @discardableResult
    mutating func pop() -> Bool {
        let expected = reference.popFirst()
        let actual = calendar.popFirst()
        #expect(actual == expected, "pop \(pops) of \(C.self)")
        #expect(calendar.count == reference.count)
        pops += 1
        guard let event = expected else { return false }
        now = event.time
        lastPopped = event
        return true
    }

    /// Same-instant events with lower, equal and higher priority values than the
    /// last popped one: the lower ones must pop before anything else.
    mutating func insertSameInstant() {
        guard let last = lastPopped else { return }
        let p = last.priority.rawValue
        if p > 0 { insert(at: last.time, priority: EventPriority(rawValue: UInt8(rng.nextInt(below: UInt64(p))))) }
        insert(at: last.time, priority: last.priority)
        if p < 255 { insert(at: last.time, priority: EventPriority(rawValue: p + 1)) }
    }

    /// Fills a fresh calendar (clock at 0) with times 2⁻ᵏ, k < 1000: distinct
    /// times packed ever closer to 0, so that every split leaves most events in
    /// one bucket and a ladder runs into its rung limit.
    mutating func fillDeepCluster(_ size: Int) {
        precondition(now == 0)
        for _ in 0..<size {
            insert(at: Double(sign: .plus, exponent: -Int(rng.nextInt(below: 1000)), significand: 1), priority: priority())
        }
    }

    /// Fills `size` events of `kind`, then pops and inserts `size` times
    /// (now and then a same-instant event), calling `check` on the calendar at
    /// the start, every 97 steps and after draining.
    mutating func holdChecking(size: Int, kind: Delay, _ check: (C) -> Void) {
        for _ in 0..<size { insert(after: kind) }
        check(calendar)
        for step in 0..<size {
            pop()
            insert(after: kind)
            if uniform() < 0.05 { insertSameInstant() }
            if step % 97 == 0 { check(calendar) }
        }
        drain()
        check(calendar)
    }

    mutating func drain() {
        while pop() {}
        #expect(calendar.count == 0)
        #expect(calendar.popFirst() == nil)
        #expect(calendar.count == 0)
    }

    /// The classic hold pattern after a fill of `size` events.
    mutating func hold(size: Int, operations: Int, kind: Delay, randomPriority: Bool = false) {
        for _ in 0..<size { insert(after: kind, randomPriority: randomPriority) }
        for _ in 0..<operations {
            pop()
            insert(after: kind, randomPriority: randomPriority)
        }
    }

    /// Random interleaving of inserts and pops with every delay kind, bursts of
    /// identical times, and same-instant inserts after pops.
    mutating func randomMix(operations: Int, insertBias: Double) {
        for _ in 0..<operations {
            let u = uniform()
            if u < insertBias {
                let kind = Delay.allCases[Int(rng.nextInt(below: UInt64(Delay.allCases.count)))]
                insert(after: kind, randomPriority: true)
            } else if u < insertBias + 0.02 {
                // A burst at one instant, larger than any bucket threshold.
                let time = now + delay(.integerGrid)
                for _ in 0..<Int(rng.nextInt(below: 200)) { insert(at: time, priority: priority()) }
            } else if u < insertBias + 0.07 {
                pop()
                insertSameInstant()
            } else {
                pop()
            }
        }
    }
}

private func exerciseCalendar<C: EventCalendar>(_ type: C.Type, seed: UInt64) {
    // Hold pattern with each increment distribution, at sizes around and well
    // above the ladder's bucket thresholds.
    for (i, kind) in [Delay.exponential, .uniform, .bimodal, .geometricCluster, .integerGrid, .tiny].enumerated() {
        for size in [1, 7, 100, 1500] {
            var h = Harness<C>(seed: seed &+ UInt64(i * 100 + size))
            h.hold(size: size, operations: 3 * size + 50, kind: kind, randomPriority: i % 2 == 1)
            h.drain()
        }
    }
    // Pending sets large enough for the ladder to split buckets into child rungs.
    for kind in [Delay.geometricCluster, .bimodal] {
        var h = Harness<C>(seed: seed &+ 99)
        h.hold(size: 6000, operations: 6000, kind: kind, randomPriority: true)
        h.drain()
    }
    var deep = Harness<C>(seed: seed &+ 98)
    deep.fillDeepCluster(6000)
    deep.hold(size: 0, operations: 6000, kind: .geometricCluster, randomPriority: true)
    deep.drain()
    // Random interleavings, growing and shrinking, with empty/refill cycles.
    var h = Harness<C>(seed: seed)
    for cycle in 0..<6 {
        h.randomMix(operations: 4000, insertBias: 0.6)
        h.randomMix(operations: 4000, insertBias: 0.35)
        if cycle % 2 == 0 { h.drain() }
    }
    h.drain()
    // Huge bursts of identical times followed by same-instant inserts.
    var b = Harness<C>(seed: seed &+ 7)
    for _ in 0..<3 {
        let time = b.now + 1
        for _ in 0..<3000 { b.insert(at: time, priority: b.priority()) }
        for _ in 0..<1000 { b.insert(after: .exponential) }
        for _ in 0..<2000 {
            b.pop()
            if b.uniform() < 0.3 { b.insertSameInstant() } else { b.insert(after: .zero, randomPriority: true) }
        }
        b.drain()
    }
}

private func exerciseRemoveAll<C: EventCalendar>(_ type: C.Type) {
    var h = Harness<C>(seed: 42)
    h.hold(size: 2000, operations: 1000, kind: .exponential)
    h.calendar.removeAll()
    #expect(h.calendar.count == 0)
    #expect(h.calendar.popFirst() == nil)
    // Reuse from a clock reset to 0, as Scheduler.reset does.
    h.reference = ReferenceCalendar()
    h.now = 0
    h.lastPopped = nil
    h.hold(size: 1500, operations: 3000, kind: .bimodal, randomPriority: true)
    h.randomMix(operations: 3000, insertBias: 0.5)
    h.drain()
    h.calendar.removeAll()
    h.reference = ReferenceCalendar()
    h.now = 0
    h.insert(at: 0)
    h.insert(at: 0, priority: .release)
    h.drain()
}

/// Bucket widths for the timing-wheel tests: about the delays' scale, and so
/// narrow that most events wait in the far list and whole wheels are skipped.
enum QuarterUnit: TimingWheelWidth { static var width: Double { 0.25 } }
enum TinyUnit: TimingWheelWidth { static var width: Double { 1.0 / 4096 } }

@Suite("Event calendars pop in exactly the reference order")
struct CalendarTests {
    @Test("Empty calendars")
    func empty() {
        func check<C: EventCalendar>(_ type: C.Type) {
            var c = C()
            #expect(c.count == 0)
            #expect(c.isEmpty)
            #expect(c.popFirst() == nil)
            c.insert(Event(time: 3, priority: .normal, sequence: 0, kind: 1))
            #expect(c.count == 1)
            #expect(c.popFirst()?.time == 3)
            #expect(c.popFirst() == nil)
            #expect(c.count == 0)
        }
        check(BinaryHeapCalendar.self)
        check(QuaternaryHeapCalendar.self)
        check(RadixHeapCalendar.self)
        check(LadderQueueCalendar.self)
        check(TimingWheelCalendar<QuarterUnit>.self)
        check(TimingWheelCalendar<TinyUnit>.self)
    }

    @Test("Binary heap") func binary() { exerciseCalendar(BinaryHeapCalendar.self, seed: 1) }
    @Test("4-ary heap") func quaternary() { exerciseCalendar(QuaternaryHeapCalendar.self, seed: 2) }
    @Test("Radix heap") func radix() { exerciseCalendar(RadixHeapCalendar.self, seed: 3) }
    @Test("Ladder queue") func ladder() { exerciseCalendar(LadderQueueCalendar.self, seed: 4) }
    @Test("Timing wheel") func wheel() { exerciseCalendar(TimingWheelCalendar<QuarterUnit>.self, seed: 5) }
    @Test("Timing wheel, buckets far narrower than the delays")
    func narrowWheel() { exerciseCalendar(TimingWheelCalendar<TinyUnit>.self, seed: 6) }

    @Test("removeAll resets and the calendar is reusable")
    func removeAllAndReuse() {
        exerciseRemoveAll(BinaryHeapCalendar.self)
        exerciseRemoveAll(QuaternaryHeapCalendar.self)
        exerciseRemoveAll(RadixHeapCalendar.self)
        exerciseRemoveAll(LadderQueueCalendar.self)
        exerciseRemoveAll(TimingWheelCalendar<QuarterUnit>.self)
    }

    @Test("Same-instant lower-priority events pop next")
    func sameInstantLowerPriority() {
        func check<C: EventCalendar>(_ type: C.Type) {
            var c = C()
            c.insert(Event(time: 5, priority: .seize, sequence: 0, kind: 1))
            c.insert(Event(time: 5, priority: .observe, sequence: 1, kind: 2))
            c.insert(Event(time: 6, priority: .structural, sequence: 2, kind: 3))
            #expect(c.popFirst()?.kind == 1)
            c.insert(Event(time: 5, priority: .release, sequence: 3, kind: 4))
            c.insert(Event(time: 5, priority: .seize, sequence: 4, kind: 5))
            #expect(c.popFirst()?.kind == 4)
            #expect(c.popFirst()?.kind == 5)
            #expect(c.popFirst()?.kind == 2)
            #expect(c.popFirst()?.kind == 3)
            #expect(c.popFirst() == nil)
        }
        check(BinaryHeapCalendar.self)
        check(QuaternaryHeapCalendar.self)
        check(RadixHeapCalendar.self)
        check(LadderQueueCalendar.self)
        check(TimingWheelCalendar<QuarterUnit>.self)
        check(TimingWheelCalendar<TinyUnit>.self)
    }
}

@Suite("Ladder queue internals")
struct LadderCoverageTests {
    /// The ladder's own invariants (compiled into debug builds with
    /// `SAMSPIL_CHECK_INVARIANTS`, so into `swift test`) hold between operations of every kind
    /// of workload, in every tier.
    @Test("Ladder queue invariants hold through split rungs, the early heap and refills")
    func ladderInvariants() {
        for kind in [Delay.exponential, .geometricCluster, .integerGrid, .tiny, .bimodal] {
            var h = Harness<LadderQueueCalendar>(seed: 11)
            h.holdChecking(size: 6000, kind: kind) { $0._checkInvariants() }
        }
        var deep = Harness<LadderQueueCalendar>(seed: 12)
        deep.fillDeepCluster(6000)
        for step in 0..<3000 {
            deep.pop()
            deep.insert(after: .geometricCluster)
            if step % 97 == 0 { deep.calendar._checkInvariants() }
        }
        deep.drain()
    }

    /// Guards the test workloads themselves: they must reach the ladder's split
    /// rungs, its rung limit, the early heap and large unsplittable bottoms, or the
    /// order tests above would prove little about it.
    @Test("Test workloads reach deep rungs, the early heap and large bottoms")
    func workloadsReachInternalStates() {
        var maxRungs = 0, maxEarly = 0, maxBottom = 0
        for kind in [Delay.exponential, .geometricCluster, .integerGrid, .tiny] {
            var h = Harness<LadderQueueCalendar>(seed: 9)
            for _ in 0..<6000 { h.insert(after: kind) }
            for _ in 0..<6000 {
                h.pop()
                h.insert(after: kind)
                if h.uniform() < 0.05 { h.insertSameInstant() }
                maxRungs = max(maxRungs, h.calendar._rungs.count)
                maxEarly = max(maxEarly, h.calendar._bottom.early.count)
                maxBottom = max(maxBottom, h.calendar._bottom.events.count)
            }
            h.drain()
        }
        var deep = Harness<LadderQueueCalendar>(seed: 10)
        deep.fillDeepCluster(6000)
        for _ in 0..<3000 {
            deep.pop()
            deep.insert(after: .geometricCluster)
            maxRungs = max(maxRungs, deep.calendar._rungs.count)
        }
        deep.drain()
        #expect(maxRungs == LadderQueueCalendar.maximumRungs)
        #expect(maxEarly > 100)
        #expect(maxBottom > 1000)
    }
}

@Suite("Timing wheel internals")
struct TimingWheelCoverageTests {
    /// The wheel's own invariants (compiled into debug builds, so into `swift
    /// test`) hold between operations, in the ring, the far list and the bottom.
    @Test("Timing wheel invariants hold through migrations, jumps and the early heap")
    func wheelInvariants() {
        func run<W: TimingWheelWidth>(_ width: W.Type, seed: UInt64) {
            for kind in [Delay.exponential, .geometricCluster, .integerGrid, .tiny, .bimodal, .huge] {
                var h = Harness<TimingWheelCalendar<W>>(seed: seed)
                h.holdChecking(size: 3000, kind: kind) { $0._checkInvariants() }
            }
        }
        run(QuarterUnit.self, seed: 21)
        run(TinyUnit.self, seed: 22)
    }

    /// Guards the workloads: they must move events from the far list into the
    /// ring, jump over empty stretches of time, and fill the early heap.
    @Test("Test workloads reach the far list, whole-wheel jumps and the early heap")
    func workloadsReachInternalStates() {
        var maxFar = 0, maxEarly = 0, maxJump = 0
        for kind in [Delay.exponential, .huge, .tiny] {
            var h = Harness<TimingWheelCalendar<TinyUnit>>(seed: 23)
            for _ in 0..<3000 { h.insert(after: kind) }
            for _ in 0..<3000 {
                let before = h.calendar._current
                h.pop()
                h.insert(after: kind)
                if h.uniform() < 0.05 { h.insertSameInstant() }
                maxFar = max(maxFar, h.calendar._far.count)
                maxEarly = max(maxEarly, h.calendar._bottom.early.count)
                maxJump = max(maxJump, h.calendar._current - before)
            }
            h.drain()
        }
        #expect(maxFar > 1000)
        #expect(maxEarly > 100)
        #expect(maxJump > 4096)
    }
}
