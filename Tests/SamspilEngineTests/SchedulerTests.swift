import Testing
@testable import SamspilEngine

@Suite("Scheduler: ordering, priorities, cancellation")
struct SchedulerTests {
    func drain<C: EventCalendar>(_ scheduler: inout Scheduler<C>) -> [Event] {
        var popped: [Event] = []
        while let e = scheduler.next() { popped.append(e) }
        return popped
    }

    @Test("same-time events run by priority: release before seize, observation last")
    func namedPriorities() {
        var s = Scheduler<RadixHeapCalendar>()
        s.schedule(3, at: 10, priority: .observe)
        s.schedule(2, at: 10, priority: .seize)
        s.schedule(1, at: 10, priority: .release)
        s.schedule(0, at: 10, priority: .structural)
        s.schedule(9, at: 5, priority: .observe)
        #expect(drain(&s).map(\.kind) == [9, 0, 1, 2, 3])
    }

    @Test("same time and priority: first scheduled, first run")
    func fifoTies() {
        var s = Scheduler<BinaryHeapCalendar>()
        for k in 0..<50 { s.schedule(UInt16(k), at: 1) }
        #expect(drain(&s).map(\.kind) == (0..<50).map(UInt16.init))
    }

    @Test("an event scheduled now with a lower priority runs before pending same-time events")
    func sameInstantHigherPriority() {
        for calendarRun in [runOrder(BinaryHeapCalendar.self), runOrder(QuaternaryHeapCalendar.self),
                            runOrder(RadixHeapCalendar.self)] {
            #expect(calendarRun == [1, 100, 2, 3])
        }
    }

    func runOrder<C: EventCalendar>(_ type: C.Type) -> [UInt16] {
        var s = Scheduler<C>()
        s.schedule(1, at: 4, priority: .seize)
        s.schedule(2, at: 4, priority: .seize)
        s.schedule(3, at: 5, priority: .seize)
        var order: [UInt16] = []
        while let e = s.next() {
            order.append(e.kind)
            // Handling the first seize frees something at once.
            if e.kind == 1 { s.schedule(100, at: s.now, priority: .release) }
        }
        return order
    }

    @Test("the clock advances to each event and counts them")
    func clock() {
        var s = Scheduler<RadixHeapCalendar>(startTime: 2)
        s.schedule(0, after: 1.5)
        s.schedule(0, at: 7)
        #expect(s.pendingCount == 2)
        _ = s.next()
        #expect(s.now == 3.5)
        s.schedule(0, after: 0.5)
        _ = s.next()
        #expect(s.now == 4)
        _ = s.next()
        #expect(s.now == 7)
        #expect(s.next() == nil)
        #expect(s.eventsProcessed == 3)
        s.reset()
        #expect(s.now == 0 && s.pendingCount == 0 && s.eventsProcessed == 0)
    }

    @Test("generations cancel every pending event of an entity in O(1)")
    func cancellation() {
        var s = Scheduler<RadixHeapCalendar>()
        var generations = Generations(count: 3)
        // Entity 1 has an escalation and a discharge pending; it is discharged early.
        s.schedule(7, at: 10, entity: 1, tag: generations[1])
        s.schedule(8, at: 20, entity: 1, tag: generations[1])
        s.schedule(7, at: 15, entity: 2, tag: generations[2])
        generations.invalidate(1)
        s.schedule(9, at: 30, entity: 1, tag: generations[1])   // the new plan
        var live: [(UInt32, UInt16)] = []
        var stale = 0
        while let e = s.next() {
            if generations.isCurrent(e) { live.append((e.entity, e.kind)) } else { stale += 1 }
        }
        #expect(live.map(\.0) == [2, 1] && live.map(\.1) == [7, 9])
        #expect(stale == 2)
        generations.grow(to: 10)
        #expect(generations.count == 10 && generations[1] == 1 && generations[9] == 0)
    }

    @Test("events are 32 bytes")
    func eventSize() {
        #expect(MemoryLayout<Event>.size <= 32)
        #expect(MemoryLayout<Event>.stride == 32)
        let e = Event(time: 1, priority: .seize, sequence: 12345, kind: 3)
        #expect(e.priority == .seize && e.sequence == 12345)
    }
}
