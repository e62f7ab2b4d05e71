import Testing
@testable import SamspilEngine

/// The arrival search started from the guide must give exactly the answers of
/// a plain binary search over the whole cumulative table: it is a speed-up,
/// never a change of results. The reference below is that binary search,
/// written independently of the library's code path.
@Suite("Rate profile search guide")
struct RateProfileGuideTests {
    /// Profiles that stress the guide: smooth, night hours closed, whole
    /// months closed (long flat stretches inside one Λ unit), and one open
    /// hour a week (each Λ unit spans many hours).
    static func profiles() throws -> [RateProfile] {
        var closedMonths = [Double](repeating: 1, count: 12)
        closedMonths[6] = 0
        closedMonths[7] = 0
        var oneHour = [Double](repeating: 0, count: 24)
        oneHour[14] = 1
        var oneDay = [Double](repeating: 0, count: 7)
        oneDay[2] = 1
        return [
            RateProfile.constant,
            try RateProfile(hourOfDay: [0.4, 0.3, 0, 0, 0.2, 0.3, 0.5, 0.9, 1.4, 1.7, 1.8, 1.7,
                                        1.6, 1.5, 1.5, 1.4, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8, 0.6, 0.5],
                            dayOfWeek: [1.3, 1.1, 1.0, 1.0, 1.05, 0.8, 0.75]),
            try RateProfile(month: closedMonths, start: CalendarStart(weekday: 3, month: 5, day: 17)),
            try RateProfile(hourOfDay: oneHour, dayOfWeek: oneDay),
        ]
    }

    /// The smallest j in `low...n` with `c[j] > target`, by binary search over
    /// the whole table (the method before the guide).
    static func binarySearch(above target: Double, from low: Int, in c: [Double]) -> Int {
        var low = low, high = RateProfile.cycleHours
        while low < high {
            let mid = (low + high) / 2
            if c[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }

    @Test("Each guide entry is the first hour boundary whose bucket reaches it")
    func guideEntries() throws {
        for profile in try Self.profiles() {
            let c = profile.cumulativeTable, guide = profile.guideTable
            let n = RateProfile.cycleHours
            #expect(guide.count == n + 2)
            var expected = 0
            for b in 0...(n + 1) {
                while expected <= n && RateProfile._guideBucket(c[expected]) < b { expected += 1 }
                #expect(Int(guide[b]) == min(expected, n), "bucket \(b)")
                if Int(guide[b]) != min(expected, n) { return }
            }
        }
    }

    @Test("The guided search finds the binary search's boundary for every kind of target")
    func sameBoundaries() throws {
        var pick = Xoshiro256StarStar(seed: 7)
        let n = RateProfile.cycleHours
        for (index, profile) in try Self.profiles().enumerated() {
            let c = profile.cumulativeTable, guide = profile.guideTable
            var targets: [Double] = [0, c[n].nextDown]
            for _ in 0..<20_000 { targets.append(pick.nextUnitDouble() * c[n]) }
            // Exactly on, just below and just above table values: the ties
            // decide between neighbouring hours, and flat stretches repeat values.
            for _ in 0..<5_000 {
                let v = c[Int(pick.next() % UInt64(n))]
                targets += [v, v.nextDown, v.nextUp].filter { $0 >= 0 && $0 < c[n] }
            }
            c.withUnsafeBufferPointer { table in
                guide.withUnsafeBufferPointer { guides in
                    for target in targets {
                        // From hour 1 (after a wrap) or from the hour of a time before the target.
                        let low = pick.next() % 2 == 0 ? 1 : Self.binarySearch(above: target * pick.nextUnitDouble(), from: 1, in: c)
                        let expected = Self.binarySearch(above: target, from: low, in: c)
                        let found = RateProfile._firstBoundary(above: target, from: low, cumulative: table, guide: guides)
                        #expect(found == expected, "profile \(index), target \(target), from \(low)")
                        if found != expected { return }
                    }
                }
            }
        }
    }
}
