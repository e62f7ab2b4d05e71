import Testing
@testable import SamspilEngine

/// `upcomingBatch` / `withUpcomingEvents` are a read-ahead hint: the timing
/// wheel offers its current bucket's unpopped events, which must be exactly
/// the events the next pops return (until the bucket runs out), and announces
/// each new bucket by a new batch number; other calendars offer nothing.
@Suite("Upcoming-event hints")
struct UpcomingEventsTests {
    @Test("The wheel's upcoming events are the ones that pop next, and each bucket load is a new batch")
    func wheelUpcoming() {
        var wheel = TimingWheelCalendar<QuarterUnit>()
        var rng = Xoshiro256StarStar(seed: 21)
        for sequence in 0..<2_000 {
            wheel.insert(Event(time: rng.nextUnitDouble() * 50, priority: .normal, sequence: UInt64(sequence), kind: 1))
        }
        var batch = wheel.upcomingBatch
        var batches = 0
        var pending: [Event] = []
        while let event = wheel.popFirst() {
            if wheel.upcomingBatch != batch {
                // A new bucket: the hint holds its events not yet popped.
                batch = wheel.upcomingBatch
                batches += 1
                #expect(pending.isEmpty, "a new batch before the previous one was popped")
                pending = wheel.withUpcomingEvents { Array($0) }.sorted { Event.precedes($0, $1) }
            } else if !pending.isEmpty {
                // The popped event was in the hint.
                #expect(pending.first == event)
                pending.removeFirst()
                let rest = wheel.withUpcomingEvents { Array($0) }.sorted { Event.precedes($0, $1) }
                #expect(rest == pending)
            }
        }
        #expect(batches > 100)
    }

    @Test("Other calendars pass no events and never change batch")
    func defaults() {
        func check<C: EventCalendar>(_ type: C.Type) {
            var c = C()
            for i in 0..<100 { c.insert(Event(time: Double(i), priority: .normal, sequence: UInt64(i), kind: 1)) }
            while c.popFirst() != nil {
                #expect(c.upcomingBatch == 0)
                #expect(c.withUpcomingEvents { $0.count } == 0)
            }
        }
        check(BinaryHeapCalendar.self)
        check(QuaternaryHeapCalendar.self)
        check(RadixHeapCalendar.self)
        check(LadderQueueCalendar.self)
    }
}
