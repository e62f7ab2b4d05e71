import Testing
@testable import SamspilEngine

@Suite("Resource pools and capacity schedules")
struct ResourcePoolTests {
    @Test("grants up to capacity, then queues FIFO; releases serve the queue in order")
    func fifo() {
        var pool = ResourcePool(capacity: 2)
        do { let value = pool.request(1, at: 0); #expect(value) }
        do { let value = pool.request(2, at: 1); #expect(value) }
        do { let value = pool.request(3, at: 2); #expect(!value) }
        do { let value = pool.request(4, at: 3); #expect(!value) }
        #expect(pool.queueCount == 2 && pool.inUse == 2 && pool.available == 0)
        do { let value = pool.admitNext(at: 3); #expect(value == nil) }          // still full
        pool.release(at: 5)
        do { let value = pool.admitNext(at: 5); #expect(value == 3) }             // waited 3
        pool.release(at: 6)
        do { let value = pool.admitNext(at: 6); #expect(value == 4) }             // waited 3
        do { let value = pool.admitNext(at: 6); #expect(value == nil) }
        #expect(pool.waits.count == 4)
        #expect(pool.waits.mean == 1.5)
        #expect(pool.grantsBeyondCapacity == 0)
        // Queue length: 1 on [2,3), 2 on [3,5), 1 on [5,6) → ∫ = 1 + 4 + 1 = 6 = Σ waits (Little, exactly).
        #expect(pool.queueLength.integral(upTo: 10) == 6)
        #expect(pool.waits.sum == 6)
    }

    @Test("loss mode refuses when full and counts refusals")
    func loss() {
        var pool = ResourcePool(capacity: 1)
        do { let value = pool.tryAcquire(at: 0); #expect(value) }
        do { let value = pool.tryAcquire(at: 1); #expect(!value) }
        #expect(pool.refusals == 1 && pool.requests == 2)
        pool.release(at: 2)
        do { let value = pool.tryAcquire(at: 2); #expect(value) }
    }

    @Test("capacity cuts do not pre-empt; increases serve the queue")
    func capacityChanges() {
        var pool = ResourcePool(capacity: 2)
        _ = pool.request(1, at: 0)
        _ = pool.request(2, at: 0)
        pool.setCapacity(1, at: 1)
        #expect(pool.inUse == 2)                       // nobody thrown out
        pool.release(at: 2)
        do { let value = pool.request(3, at: 2); #expect(!value) }               // at the new capacity: queue
        pool.setCapacity(3, at: 4)
        do { let value = pool.admitNext(at: 4); #expect(value == 3) }
        do { let value = pool.admitNext(at: 4); #expect(value == nil) }
        #expect(pool.grantsBeyondCapacity == 0)
        // Capacity 2 on [0,1), 1 on [1,4), 3 on [4,6): mean = (2 + 3 + 6) / 6.
        #expect(abs(pool.capacityLevel.mean(upTo: 6) - 11.0 / 6.0) < 1e-15)
    }

    @Test("statistics reset at the end of warm-up; state carries over")
    func warmupReset() {
        var pool = ResourcePool(capacity: 1)
        _ = pool.request(1, at: 0)
        _ = pool.request(2, at: 1)
        pool.resetStatistics(at: 10)
        #expect(pool.waits.count == 0 && pool.requests == 0)
        #expect(pool.inUse == 1 && pool.queueCount == 1)
        pool.release(at: 12)
        do { let value = pool.admitNext(at: 12); #expect(value == 2) }
        #expect(pool.waits.mean == 11)                 // the whole wait, measured at grant
        #expect(pool.busy.mean(upTo: 14) == 1)
        #expect(pool.utilisation(upTo: 14) == 1)
    }

    @Test("ring buffer keeps FIFO order across growth and wrap-around")
    func ringBuffer() {
        var ring = RingBuffer<Int>(minimumCapacity: 2)
        var expected: [Int] = []
        var next = 0
        for round in 0..<200 {
            for _ in 0..<(round % 5 + 1) { ring.append(next); expected.append(next); next += 1 }
            for _ in 0..<(round % 3 + 1) where !expected.isEmpty {
                do { let value = ring.popFirst(); #expect(value == expected.removeFirst()) }
            }
            #expect(ring.count == expected.count && ring.first == expected.first)
        }
        ring.removeAll()
        #expect(ring.isEmpty && ring.popFirst() == nil)
    }

    @Test("weekly shift schedule: capacity at any time and the next change")
    func schedule() {
        // Weekdays 07–15 four nurses, 15–23 two, nights one; a 168-hour cycle.
        var steps: [CapacitySchedule.Step] = []
        for day in 0..<7 {
            let base = Double(day * 24)
            steps += [.init(offset: base + 7, capacity: 4), .init(offset: base + 15, capacity: 2),
                      .init(offset: base + 23, capacity: 1)]
        }
        let s = CapacitySchedule(period: 168, steps: steps)
        #expect(s.capacity(at: 0) == 1)                // wraps from Sunday 23:00
        #expect(s.capacity(at: 7) == 4)
        #expect(s.capacity(at: 14.99) == 4)
        #expect(s.capacity(at: 15) == 2)
        #expect(s.capacity(at: 168 + 8) == 4)
        #expect(s.nextChange(after: 0)! == (7, 4))
        #expect(s.nextChange(after: 7)! == (15, 2))
        #expect(s.nextChange(after: 167.5)! == (168 + 7, 4))
        #expect(CapacitySchedule.constant(5).nextChange(after: 3) == nil)
        #expect(CapacitySchedule.constant(5).capacity(at: 1e6) == 5)
        // Redundant steps are merged, so no change event is a no-op.
        let merged = CapacitySchedule(period: 24, steps: [.init(offset: 0, capacity: 2), .init(offset: 8, capacity: 2),
                                                         .init(offset: 16, capacity: 3)])
        #expect(merged.steps.count == 2)
    }
}
