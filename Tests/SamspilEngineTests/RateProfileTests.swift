import Testing
@testable import SamspilEngine

// As in DistributionTests: fixed seeds; counts are checked with
// |N − μ| < 4√μ (Poisson counts, CLT; false alarm ≈ 6.3e-5) and fits with
// chi-square / KS p > 0.001.

/// A realistic emergency-department-like profile with night hours closed.
private let hourWeights: [Double] = [0.4, 0.3, 0, 0, 0.2, 0.3, 0.5, 0.9, 1.4, 1.7, 1.8, 1.7,
                                     1.6, 1.5, 1.5, 1.4, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8, 0.6, 0.5]
private let weekdayWeights: [Double] = [1.3, 1.1, 1.0, 1.0, 1.05, 0.8, 0.75]
private let monthWeights: [Double] = [1.2, 1.15, 1.05, 1.0, 0.95, 0.85, 0.7, 0.8, 1.0, 1.05, 1.1, 1.15]

private func makeProfile(start: CalendarStart = .mondayFirstOfJanuary) throws -> RateProfile {
    try RateProfile(hourOfDay: hourWeights, dayOfWeek: weekdayWeights, month: monthWeights, start: start)
}

private func arrivals(_ profile: RateProfile, rate: Double, until horizon: Double, seed: UInt64) -> [Double] {
    var rng = Xoshiro256StarStar(seed: seed)
    var times = [Double]()
    var t = 0.0
    while true {
        t = profile.nextArrival(after: t, rateScale: rate, using: &rng)
        if t > horizon { break }
        times.append(t)
    }
    return times
}

@Suite("Rate profiles (non-homogeneous Poisson arrivals)")
struct RateProfileTests {
    @Test("Every 365-day year integrates to 8 760 hours × rate")
    func yearlyNormalisation() throws {
        let start = try CalendarStart(weekday: 3, month: 1, day: 14)
        let profile = try makeProfile(start: start)
        for year in 0..<(RateProfile.cycleYears + 2) {
            let from = Double(year * RateProfile.hoursPerYear)
            let to = from + Double(RateProfile.hoursPerYear)
            #expect(abs(profile.expectedCount(from: from, to: to, rateScale: 1) - 8_760) < 1e-7)
        }
        #expect(abs(profile.cycleIntegral - 61_320) < 1e-7)
        #expect(profile.hourOfDayWeights.reduce(0, +) / 24 == 1 || abs(profile.hourOfDayWeights.reduce(0, +) / 24 - 1) < 1e-15)
    }

    @Test("Calendar: weekday and month follow the start date over years")
    func calendar() throws {
        let start = try CalendarStart(weekday: 2, month: 2, day: 30)   // Wednesday 30 March
        let profile = try makeProfile(start: start)
        #expect(profile.weekday(at: 0) == 2 && profile.month(at: 0) == 2 && profile.hourOfDay(at: 0.5) == 0)
        #expect(profile.weekday(at: 48) == 4 && profile.month(at: 48) == 3)           // Friday 1 April
        #expect(profile.weekday(at: 8_760) == 3 && profile.month(at: 8_760) == 2)     // next year: one weekday later
        #expect(profile.weekday(at: 61_320 + 48) == 4 && profile.month(at: 61_320 + 48) == 3)
        #expect(profile.hourOfDay(at: 24 * 100 + 13.7) == 13)
        // Intensity is the product of the normalised weights (up to the year factor).
        let ratio = profile.intensity(at: 24 * 7 + 10.5) / profile.intensity(at: 24 * 7 + 20.5)
        #expect(abs(ratio - hourWeights[10] / hourWeights[20]) < 1e-12)
        #expect(throws: DistributionError.self) { try CalendarStart(weekday: 7, month: 0, day: 1) }
        #expect(throws: DistributionError.self) { try CalendarStart(weekday: 0, month: 1, day: 29) }
        #expect(throws: DistributionError.self) { try RateProfile(hourOfDay: [1, 2]) }
        #expect(throws: DistributionError.self) { try RateProfile(dayOfWeek: [1, 1, 1, 1, 1, 1, -1]) }
    }

    @Test("Counts per hour of day and weekday match the profile; total matches Λ")
    func countsMatchProfile() throws {
        let profile = try makeProfile(start: try CalendarStart(weekday: 5, month: 6, day: 1))
        let rate = 4.0
        let horizon = 8_760.0
        let times = arrivals(profile, rate: rate, until: horizon, seed: 7)
        let expectedTotal = profile.expectedCount(from: 0, to: horizon, rateScale: rate)
        #expect(abs(expectedTotal - rate * 8_760) < 1e-6)
        #expect(abs(Double(times.count) - expectedTotal) < 4 * expectedTotal.squareRoot())

        var expectedHour = [Double](repeating: 0, count: 24), observedHour = expectedHour
        var expectedDay = [Double](repeating: 0, count: 7), observedDay = expectedDay
        for h in 0..<Int(horizon) {
            let mass = rate * profile.intensity(at: Double(h) + 0.5)
            expectedHour[profile.hourOfDay(at: Double(h))] += mass
            expectedDay[profile.weekday(at: Double(h))] += mass
        }
        for t in times {
            observedHour[profile.hourOfDay(at: t)] += 1
            observedDay[profile.weekday(at: t)] += 1
        }
        // Zero-weight hours receive no arrivals at all.
        #expect(observedHour[2] == 0 && observedHour[3] == 0)
        #expect(times.allSatisfy { profile.intensity(at: $0) > 0 })
        let open = (0..<24).filter { expectedHour[$0] > 0 }
        let pHour = GoodnessOfFit.chiSquarePValue(observed: open.map { observedHour[$0] },
                                                  expected: open.map { expectedHour[$0] })
        #expect(pHour > 0.001, "hour-of-day chi-square p = \(pHour)")
        let pDay = GoodnessOfFit.chiSquarePValue(observed: observedDay, expected: expectedDay)
        #expect(pDay > 0.001, "weekday chi-square p = \(pDay)")
        // Arrivals are strictly ordered in time.
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("A constant profile is a homogeneous Poisson process (KS on gaps, across the cycle wrap)")
    func constantIsHomogeneous() throws {
        let profile = RateProfile.constant
        let rate = 0.2   // 20 000 arrivals span ~100 000 h, past the 61 320 h cycle
        var rng = Xoshiro256StarStar(seed: 11)
        var t = 0.0
        var gaps = [Double]()
        for _ in 0..<20_000 {
            let next = profile.nextArrival(after: t, rateScale: rate, using: &rng)
            gaps.append(next - t)
            t = next
        }
        #expect(t > Double(RateProfile.cycleHours))
        let p = GoodnessOfFit.ksPValue(gaps, cdf: { -expm1(-rate * $0) })
        #expect(p > 0.001, "KS p = \(p)")
    }

    @Test("Sparse streams jump whole hours, days and cycles exactly")
    func sparse() throws {
        let profile = try makeProfile()
        // Mean gap 50 000 h, most gaps cross many zero hours and some the cycle.
        let rate = 2e-5
        var rng = Xoshiro256StarStar(seed: 12)
        var t = 0.0
        var count = 0
        let n = 5_000
        var unitGaps = [Double]()   // Λ-increments are Exp(1) by the time-change theorem
        for _ in 0..<n {
            let next = profile.nextArrival(after: t, rateScale: rate, using: &rng)
            #expect(next > t && profile.intensity(at: next) > 0)
            unitGaps.append(profile.expectedCount(from: t, to: next, rateScale: rate))
            t = next
            count += 1
        }
        let p = GoodnessOfFit.ksPValue(unitGaps, cdf: { -expm1(-$0) })
        #expect(p > 0.001, "KS p of transformed gaps = \(p)")
        // Expected time to the n-th arrival: Λ(t) ≈ n / rate.
        let lambdaT = profile.cumulativeIntensity(at: t) * rate
        #expect(abs(lambdaT - Double(n)) < 4 * Double(n).squareRoot())
    }

    @Test("Time-changed gaps of a dense varying stream are Exp(1)")
    func denseTimeChange() throws {
        let profile = try makeProfile()
        let times = arrivals(profile, rate: 3, until: 8_760, seed: 13)
        var previous = 0.0
        var unitGaps = [Double]()
        for t in times {
            unitGaps.append(profile.expectedCount(from: previous, to: t, rateScale: 3))
            previous = t
        }
        let p = GoodnessOfFit.ksPValue(unitGaps, cdf: { -expm1(-$0) })
        #expect(p > 0.001, "KS p = \(p)")
    }

    @Test("Never arrives when the profile or the rate is zero")
    func never() throws {
        let zero = try RateProfile(hourOfDay: Array(repeating: 0, count: 24))
        var rng = Xoshiro256StarStar(seed: 14)
        #expect(zero.nextArrival(after: 0, rateScale: 5, using: &rng) == .infinity)
        #expect(zero.cycleIntegral == 0)
        #expect(RateProfile.constant.nextArrival(after: 10, rateScale: 0, using: &rng) == .infinity)
    }

    @Test("Same seed, same arrivals; monthly counts convert to per-hour weights")
    func determinismAndHelpers() throws {
        let profile = try makeProfile()
        #expect(arrivals(profile, rate: 0.5, until: 2_000, seed: 3) == arrivals(profile, rate: 0.5, until: 2_000, seed: 3))
        let weights = RateProfile.monthWeights(fromMonthlyCounts: [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(weights.allSatisfy { $0 == 1 })
    }
}
