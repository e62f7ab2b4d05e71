import Testing
import SamspilEngine
@testable import SamspilModel

/// The manually managed state buffers behave as arrays and stacks, keep
/// non-trivial elements alive until freed, and are cache-line aligned.
@Suite struct StateBuffersTests {
    @Test func stateArrayReadsAndWritesInPlace() {
        let a = StateArray<Int>(repeating: 7, count: 5)
        defer { a.deallocate() }
        #expect(Array(a) == [7, 7, 7, 7, 7])
        a[2] += 1
        a[4] = -1
        #expect(Array(a) == [7, 7, 8, 7, -1])
        #expect(a.reduce(0, +) == 28)
        #expect(a.count == 5 && a.indices == 0..<5)
    }

    @Test func stateArrayFromACollectionKeepsOrder() {
        let a = StateArray([3.5, 1, 2])
        defer { a.deallocate() }
        #expect(Array(a) == [3.5, 1, 2])
        let empty = StateArray<Double>([])
        defer { empty.deallocate() }
        #expect(empty.isEmpty)
    }

    @Test func stateArrayMutatesNonTrivialElementsInPlace() {
        // Resource pools hold a queue buffer (a reference): mutated in place,
        // released by `deallocate`.
        let pools = StateArray([ResourcePool(capacity: 1), ResourcePool(capacity: 2)])
        defer { pools.deallocate() }
        let first = pools[0].tryAcquire(at: 0)
        let second = pools[0].tryAcquire(at: 1)
        #expect(first && !second)
        #expect(pools[0].inUse == 1 && pools[1].inUse == 0)
    }

    @Test func stateStackGrowsAndPops() {
        var s = StateStack<UInt32>(capacity: 2)
        defer { s.deallocate() }
        for i in 0..<1000 { s.append(UInt32(i)) }
        #expect(s.count == 1000)
        #expect(s[999] == 999 && s[0] == 0)
        s[10] &+= 5
        #expect(s[10] == 15)
        var popped: [UInt32] = []
        while let x = s.popLast(), popped.count < 3 { popped.append(x) }
        #expect(popped == [999, 998, 997])
        #expect(s.count == 996)
    }

    @Test func stateStackOfEmptyIsNil() {
        var s = StateStack<Episode>()
        defer { s.deallocate() }
        #expect(s.popLast() == nil)
        #expect(s.indices.isEmpty)
    }

    @Test func buffersAreCacheLineAligned() {
        for capacity in [1, 3, 1000] {
            let p: UnsafeMutablePointer<UInt8> = _allocateStateBuffer(capacity: capacity)
            #expect(Int(bitPattern: p) % 64 == 0)
            UnsafeMutableRawPointer(p).deallocate()
        }
        // The arrival stream record fills one line exactly.
        #expect(MemoryLayout<ArrivalStreams.Stream>.stride == 64)
    }
}
