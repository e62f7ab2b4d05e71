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

    /// The next arrival by binary search over the whole table (the method
    /// before the guide), drawing the same exponential.
    static func reference(after t: Double, rateScale: Double, cumulative c: [Double],
                          using rng: inout Xoshiro256StarStar) -> Double {
        let n = RateProfile.cycleHours
        let cycleTotal = c[n]
        if rateScale == 0 || cycleTotal == 0 { return .infinity }
        var e = Ziggurat.exponential(using: &rng)
        while e == 0 { e = Ziggurat.exponential(using: &rng) }
        let need = e / rateScale
        var (cycles, tau) = RateProfile._reduce(t)
        let period = Double(n)
        let h = min(Int(tau), n - 1)
        let rate = c[h + 1] - c[h]
        if rate > 0, need < (Double(h + 1) - tau) * rate {
            return min(t + need / rate, (cycles * period + Double(h + 1)).nextDown)
        }
        var target = c[h] + (tau - Double(h)) * rate + need
        var low = h + 1
        if target >= cycleTotal {
            let skipped = (target / cycleTotal).rounded(.down)
            target -= skipped * cycleTotal
            cycles += skipped
            if target >= cycleTotal { target -= cycleTotal; cycles += 1 }
            if target < 0 { target = 0 }
            low = 1
        }
        var high = n
        while low < high {
            let mid = (low + high) / 2
            if c[mid] > target { high = mid } else { low = mid + 1 }
        }
        let hour = low - 1
        let s = Double(hour) + (target - c[hour]) / (c[low] - c[hour])
        let end = (cycles * period + Double(hour + 1)).nextDown
        return min(max(cycles * period + s, t), end)
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

    @Test("Guided arrivals equal the binary search's, bit for bit, at every rate")
    func sameArrivals() throws {
        for (index, profile) in try Self.profiles().enumerated() {
            let c = profile.cumulativeTable
            // From busy streams (mostly within the hour) to ones that skip cycles.
            for rate in [40.0, 1.3, 0.05, 2e-3, 2e-5] {
                var guided = Xoshiro256StarStar(seed: UInt64(100 + index))
                var plain = guided
                var t = 0.0, u = 0.0
                for _ in 0..<4_000 {
                    t = profile.nextArrival(after: t, rateScale: rate, using: &guided)
                    u = Self.reference(after: u, rateScale: rate, cumulative: c, using: &plain)
                    #expect(t == u, "profile \(index), rate \(rate)")
                    if t != u || !t.isFinite { break }
                }
            }
        }
    }

    @Test("Searches from arbitrary times, across the cycle's wrap, equal the binary search's")
    func arbitraryStarts() throws {
        var pick = Xoshiro256StarStar(seed: 7)
        for (index, profile) in try Self.profiles().enumerated() {
            let c = profile.cumulativeTable
            for _ in 0..<3_000 {
                let t = pick.nextUnitDouble() * 3 * Double(RateProfile.cycleHours)
                let rate = [0.001, 0.01, 0.1, 1, 10][Int(pick.next() % 5)]
                var guided = Xoshiro256StarStar(seed: pick.next())
                var plain = guided
                let a = profile.nextArrival(after: t, rateScale: rate, using: &guided)
                let b = Self.reference(after: t, rateScale: rate, cumulative: c, using: &plain)
                #expect(a == b, "profile \(index), t \(t), rate \(rate)")
                if a != b { return }
            }
        }
    }
}
