import Foundation
import Testing
@testable import SamspilEngine

/// `|a − b| ≤ tolerance · max(|b|, tiny)`.
private func close(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    Swift.abs(a - b) <= tolerance * Swift.max(Swift.abs(b), 1e-300)
}

/// A standard normal variate by Box–Muller (written out here so these tests do
/// not depend on the distributions library).
private func standardNormal(_ g: inout Xoshiro256StarStar) -> Double {
    let u1 = g.nextPositiveUnitDouble()   // (0, 1]: log is finite
    let u2 = g.nextUnitDouble()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
}

// MARK: - Tally

@Suite("Tally")
struct TallyTests {
    /// 10 000 values 1e9 + u, u uniform in [0, 1): the textbook case where
    /// Σx² − n·mean² cancels catastrophically (x² ≈ 1e18 has an ulp of 128).
    static func awkwardData() -> [Double] {
        var g = Xoshiro256StarStar(seed: 42)
        return (0..<10_000).map { _ in 1e9 + g.nextUnitDouble() }
    }

    @Test("Welford matches the two-pass mean and variance on a large offset")
    func largeOffset() {
        let data = Self.awkwardData()
        var tally = Tally()
        for x in data { tally.record(x) }
        // Reference: two-pass on the offset removed. x − 1e9 is exact (Sterbenz),
        // so the reference carries no cancellation at all.
        let shifted = data.map { $0 - 1e9 }
        let shiftedMean = shifted.reduce(0, +) / Double(shifted.count)
        let variance = shifted.map { ($0 - shiftedMean) * ($0 - shiftedMean) }.reduce(0, +)
            / Double(shifted.count - 1)
        #expect(tally.count == data.count)
        // Welford's running mean is rounded to ulp(1e9) ≈ 1.2e-7 at every
        // step, so it is good to ~1e-15 relative, not to 1e-15 of the noise.
        #expect(close(tally.mean, 1e9 + shiftedMean, relative: 1e-14))
        // Measured: 4e-9 relative. The naive formula below is off by far more.
        #expect(close(tally.variance, variance, relative: 1e-7))
        #expect(tally.minimum == data.min()!)
        #expect(tally.maximum == data.max()!)
        // The naive formula is far off on the same data: this is what the
        // test guards against.
        let sumOfSquares = data.reduce(0) { $0 + $1 * $1 }
        let naive = (sumOfSquares - Double(data.count) * tally.mean * tally.mean) / Double(data.count - 1)
        #expect(!close(naive, variance, relative: 0.01))
    }

    @Test("Merging tallies equals recording everything in one")
    func mergeEqualsSequential() {
        let data = Self.awkwardData()
        var whole = Tally()
        for x in data { whole.record(x) }
        var merged = Tally()
        for chunk in stride(from: 0, to: data.count, by: 777) {
            var part = Tally()
            for x in data[chunk..<Swift.min(chunk + 777, data.count)] { part.record(x) }
            merged.merge(part)
        }
        merged.merge(Tally())   // merging an empty tally changes nothing
        #expect(merged.count == whole.count)
        #expect(merged.minimum == whole.minimum && merged.maximum == whole.maximum)
        // Equal up to rounding, not bit for bit: each partial mean carries its
        // own ulp(1e9) rounding into the merge's δ² term. Measured: 2e-8.
        #expect(close(merged.mean, whole.mean, relative: 1e-14))
        #expect(close(merged.variance, whole.variance, relative: 1e-7))
        var empty = Tally()
        empty.merge(whole)
        #expect(empty == whole)
    }

    @Test("Small cases: zero and one observation")
    func smallCounts() {
        var t = Tally()
        #expect(t.count == 0 && t.variance == 0 && t.sum == 0)
        t.record(3.5)
        #expect(t.mean == 3.5 && t.variance == 0 && t.minimum == 3.5 && t.maximum == 3.5)
        t.record(5.5)
        #expect(t.mean == 4.5 && t.variance == 2 && t.sum == 9)
        t.reset()
        #expect(t == Tally())
    }

    @Test("An empty tally can be written to JSON (regression: ±infinity min/max)")
    func emptyTallyJSON() throws {
        // Before the fix the synthesized Codable wrote minimum = +inf, which
        // JSONEncoder rejects by default: an empty tally could not be saved.
        let data = try JSONEncoder().encode(Tally())
        let back = try JSONDecoder().decode(Tally.self, from: data)
        #expect(back == Tally())
        var t = Tally()
        for x in [1.0, 2.5, -4] { t.record(x) }
        let round = try JSONDecoder().decode(Tally.self, from: JSONEncoder().encode(t))
        #expect(round == t)
    }
}

// MARK: - TimeWeightedLevel

@Suite("Time-weighted level")
struct TimeWeightedLevelTests {
    /// 0 on [0,1), 2 on [1,3), 5 on [3,4), 1 on [4,6].
    static func stepFunction() -> TimeWeightedLevel {
        var w = TimeWeightedLevel(level: 0, at: 0)
        w.set(2, at: 1)
        w.set(5, at: 3)
        w.add(-4, at: 4)
        return w
    }

    @Test("Mean and variance of a hand-computed step function")
    func stepFunctionMoments() {
        let w = Self.stepFunction()
        // ∫L = 0·1 + 2·2 + 5·1 + 1·2 = 11; ∫L² = 0 + 8 + 25 + 2 = 35; span 6.
        #expect(w.integral(upTo: 6) == 11)
        #expect(close(w.mean(upTo: 6), 11.0 / 6, relative: 1e-15))
        #expect(close(w.variance(upTo: 6), 35.0 / 6 - 121.0 / 36, relative: 1e-13))
        #expect(w.maximum == 5)
        #expect(w.level == 1)
    }

    @Test("reset(at:) discards the warm-up and carries the level over")
    func warmUp() {
        var w = TimeWeightedLevel(level: 0, at: 0)
        w.set(2, at: 1)
        w.set(5, at: 3)
        w.reset(at: 3.5)                 // warm-up ends while the level is 5
        #expect(w.windowStart == 3.5 && w.level == 5)
        #expect(w.mean(upTo: 3.5) == 5)  // empty window: the current level
        w.set(1, at: 4)
        // Window [3.5, 6]: 5 for 0.5, 1 for 2 → ∫L = 4.5, ∫L² = 14.5, span 2.5.
        #expect(close(w.mean(upTo: 6), 1.8, relative: 1e-15))
        #expect(close(w.variance(upTo: 6), 14.5 / 2.5 - 1.8 * 1.8, relative: 1e-13))
        #expect(w.maximum == 5)
    }

    @Test("A constant level has zero variance")
    func constantLevel() {
        var w = TimeWeightedLevel(level: 7, at: 10)
        w.set(7, at: 20)
        #expect(w.mean(upTo: 30) == 7)
        #expect(w.variance(upTo: 30) == 0)
    }
}

// MARK: - LevelHistogram

@Suite("Level histogram")
struct LevelHistogramTests {
    /// Level 0 for 2, 1 for 1, 3 for 1 (level 2 never occupied); window [0, 4].
    static func histogram() -> LevelHistogram {
        var h = LevelHistogram(level: 0, at: 0)
        h.set(1, at: 2)
        h.set(3, at: 3)
        return h
    }

    @Test("Durations, mean and maximum")
    func basics() {
        let h = Self.histogram()
        #expect(h.durations(upTo: 4) == [2, 1, 0, 1])
        #expect(h.mean(upTo: 4) == 1)      // (0·2 + 1·1 + 3·1) / 4
        #expect(h.maximum(upTo: 4) == 3)
    }

    @Test("Quantiles, including a tie at exactly 50 % and unoccupied levels")
    func quantiles() {
        let h = Self.histogram()
        #expect(h.quantile(0, upTo: 4) == 0)
        #expect(h.quantile(0.25, upTo: 4) == 0)
        #expect(h.quantile(0.5, upTo: 4) == 0)          // level ≤ 0 exactly half the time
        #expect(h.quantile(0.5000001, upTo: 4) == 1)
        #expect(h.quantile(0.75, upTo: 4) == 1)
        #expect(h.quantile(0.76, upTo: 4) == 3)         // level 2 had no time: skipped
        #expect(h.quantile(1, upTo: 4) == 3)
    }

    @Test("quantile(0) is the lowest occupied level (regression)")
    func lowestOccupiedLevel() {
        // Occupancy never below 2: the old code answered 0 for p = 0, a level
        // that was never observed.
        var h = LevelHistogram(level: 2, at: 0)
        h.set(4, at: 1)
        #expect(h.quantile(0, upTo: 2) == 2)
        #expect(h.quantile(0.5, upTo: 2) == 2)
        #expect(h.quantile(1, upTo: 2) == 4)
    }

    @Test("quantile(1) equals the maximum even for a brief peak (regression)")
    func briefPeak() {
        // Level 1 for 1e-13 of the window: below the 1e-12 boundary tolerance,
        // which made the old code answer 0 for p = 1 while maximum said 1.
        var h = LevelHistogram(level: 0, at: 0)
        h.set(1, at: 1e13)
        #expect(h.quantile(1, upTo: 1e13 + 1) == 1)
        #expect(h.quantile(1, upTo: 1e13 + 1) == h.maximum(upTo: 1e13 + 1))
    }

    @Test("reset(at:) forgets the warm-up")
    func warmUp() {
        var h = Self.histogram()
        h.reset(at: 4)
        #expect(h.windowStart == 4 && h.level == 3)
        h.set(0, at: 5)
        #expect(h.durations(upTo: 8) == [3, 0, 0, 1])
        #expect(h.mean(upTo: 8) == 0.75)
        #expect(h.quantile(0.75, upTo: 8) == 0)
        #expect(h.quantile(0.8, upTo: 8) == 3)
    }
}

// MARK: - Student t

@Suite("Student t distribution")
struct StudentTTests {
    @Test("Published two-sided 95 % critical values", arguments: [
        (1.0, 12.706204736), (2, 4.302652730), (4, 2.776445105), (9, 2.262157163),
        (29, 2.045229642), (99, 1.984216952), (1000, 1.962339081),
    ])
    func publishedValues(nu: Double, expected: Double) {
        // Published to 9 decimals: agree to rounding.
        #expect(Swift.abs(StudentT.quantile(0.975, degreesOfFreedom: nu) - expected) < 6e-10)
        #expect(Swift.abs(StudentT.twoSidedCriticalValue(confidence: 0.95, degreesOfFreedom: nu) - expected) < 6e-10)
        #expect(Swift.abs(StudentT.quantile(0.025, degreesOfFreedom: nu) + expected) < 6e-10)
    }

    /// 17-digit references computed with mpmath 1.3 at 40 digits
    /// (`findroot` on `betainc(ν/2, ½, 0, ν/(ν+t²))/2 = 0.025`).
    @Test("Quantiles to 1e-13 relative against high-precision references", arguments: [
        (1.0, 12.706204736174705), (2, 4.3026527297494639), (3, 3.1824463052837096),
        (4, 2.7764451051977944), (9, 2.2621571627982055), (29, 2.0452296421327043),
        (99, 1.9842169515864175), (1000, 1.9623390808264085),
        (1e5, 1.9599877075346096), (1e6, 1.959966356814107),
    ])
    func precisionQuantiles(nu: Double, expected: Double) {
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: nu), expected, relative: 1e-13))
    }

    /// Tail probabilities P(T > t), mpmath 1.3 at 40 digits.
    @Test("Tail probabilities against high-precision references", arguments: [
        (3.0, 10.0, 0.001064199529207075), (5, 30, 3.859324310248026e-7),
        (10, 6, 6.6054430177392802e-5), (1000, 6, 1.3776845866887346e-9),
        (50000, 5, 2.8761925284706297e-7), (1e6, 3, 0.0013499312707108985),
    ])
    func tails(nu: Double, t: Double, expected: Double) {
        #expect(close(StudentT.survival(t, degreesOfFreedom: nu), expected, relative: 1e-11))
        #expect(close(StudentT.cdf(-t, degreesOfFreedom: nu), expected, relative: 1e-11))
    }

    @Test("The general CDF agrees with the closed forms for ν = 1 and 2")
    func closedFormCDF() {
        for t in [-1e10, -300, -30, -3, -0.5, -1e-8, 1e-8, 0.1, 2, 50, 1e6] {
            // ν = 1 (Cauchy): ½ + atan(t)/π, written as atan(1/|t|)/π on the
            // negative side to avoid cancellation.
            let cauchy = t < 0 ? atan(-1 / t) / Double.pi : 0.5 + atan(t) / Double.pi
            #expect(close(StudentT.cdf(t, degreesOfFreedom: 1), cauchy, relative: 1e-14))
            // ν = 2: ½(1 + t/√(t²+2)); for t < 0, 1/(s(s − t)) with s = √(t²+2).
            let s = (t * t + 2).squareRoot()
            let two = t < 0 ? 1 / (s * (s - t)) : 0.5 * (1 + t / s)
            #expect(close(StudentT.cdf(t, degreesOfFreedom: 2), two, relative: 1e-14))
        }
    }

    @Test("The iterative quantile agrees with the closed forms for ν = 1 and 2")
    func closedFormQuantile() {
        for q in [1e-300, 1e-100, 1e-12, 1e-6, 0.001, 0.025, 0.2] {
            #expect(close(StudentT._upperQuantileByIteration(q, 1), StudentT._cauchyUpperQuantile(q), relative: 1e-13))
            #expect(close(StudentT._upperQuantileByIteration(q, 2), StudentT._twoDegreesUpperQuantile(q), relative: 1e-13))
        }
        // Next to the median t is tiny and only absolutely accurate: the tail
        // ≈ ½ − f(0)·t is known to 1e-16 absolute, so t to ~1e-16 / f(0).
        #expect(Swift.abs(StudentT._upperQuantileByIteration(0.4999, 1) - StudentT._cauchyUpperQuantile(0.4999)) < 1e-15)
        #expect(Swift.abs(StudentT._upperQuantileByIteration(0.4999, 2) - StudentT._twoDegreesUpperQuantile(0.4999)) < 1e-15)
    }

    @Test("cdf(quantile(p)) = p, symmetry, and boundaries", arguments: [1.0, 1.5, 3, 5, 10, 30, 100, 2000, 1e4, 1e6])
    func roundTrip(nu: Double) {
        for p in [1e-300, 1e-100, 1e-12, 1e-6, 0.001, 0.025, 0.2, 0.4999, 0.5, 0.75, 0.975, 0.999] {
            let t = StudentT.quantile(p, degreesOfFreedom: nu)
            #expect(close(StudentT.cdf(t, degreesOfFreedom: nu), p, relative: 1e-11))
            // Reflection is exact for probabilities whose complement is exact.
            let upper = 1 - p
            #expect(StudentT.quantile(upper, degreesOfFreedom: nu) == -StudentT.quantile(1 - upper, degreesOfFreedom: nu))
            #expect(close(StudentT.cdf(-t, degreesOfFreedom: nu), 1 - StudentT.cdf(t, degreesOfFreedom: nu), relative: 1e-12))
        }
        #expect(StudentT.quantile(0.5, degreesOfFreedom: nu) == 0)
        #expect(StudentT.quantile(0, degreesOfFreedom: nu) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: nu) == .infinity)
        #expect(StudentT.cdf(0, degreesOfFreedom: nu) == 0.5)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: nu) == 1)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: nu) == 0)
    }

    @Test("Infinite degrees of freedom give the normal distribution")
    func normalLimit() {
        #expect(close(StudentT.quantile(0.975, degreesOfFreedom: .infinity), 1.959963984540054, relative: 1e-15))
        #expect(close(StudentT.quantile(1e-10, degreesOfFreedom: .infinity), -6.3613409024040557, relative: 1e-14))
        #expect(close(StudentT.cdf(1.959963984540054, degreesOfFreedom: .infinity), 0.975, relative: 1e-15))
    }

    @Test("Density integrates to the CDF (numerical derivative)")
    func density() {
        for nu in [1.0, 4, 50] {
            for t in [-2.0, 0, 0.7, 5] {
                let h = 1e-5
                // Differentiate the smaller tail, so rounding near 1 does not swamp it.
                let slope = t <= 0
                    ? (StudentT.cdf(t + h, degreesOfFreedom: nu) - StudentT.cdf(t - h, degreesOfFreedom: nu)) / (2 * h)
                    : (StudentT.survival(t - h, degreesOfFreedom: nu) - StudentT.survival(t + h, degreesOfFreedom: nu)) / (2 * h)
                #expect(close(StudentT.density(t, degreesOfFreedom: nu), slope, relative: 1e-8))
            }
        }
        #expect(close(StudentT.density(0, degreesOfFreedom: 1), 1 / Double.pi, relative: 1e-15))
    }

    @Test("The general incomplete beta against simple closed forms")
    func incompleteBeta() {
        // I_x(1, 1) = x;  I_x(a, 1) = x^a;  I_x(1, b) = 1 − (1 − x)^b.
        for x in [0.0, 1e-9, 0.1, 0.5, 0.9, 1 - 1e-9, 1] {
            #expect(close(_regularizedIncompleteBeta(1, 1, x), x, relative: 1e-14))
            #expect(close(_regularizedIncompleteBeta(3.5, 1, x), pow(x, 3.5), relative: 1e-13))
            #expect(close(_regularizedIncompleteBeta(1, 2.5, x), -expm1(2.5 * log1p(-x)), relative: 1e-13))
        }
    }
}

// MARK: - Replication summaries

@Suite("Replication summary")
struct ReplicationSummaryTests {
    @Test("Hand-computed example")
    func handComputed() throws {
        // Mean 5; squared deviations 9,1,1,1,0,0,4,16 → 32; s² = 32/7;
        // SE = √(32/7/8) = √(4/7); t(7, 0.975) = 2.3646242515927853 (mpmath).
        let s = ReplicationSummary([2, 4, 4, 4, 5, 5, 7, 9])
        let t7 = 2.3646242515927853
        let se = 0.75592894601845445
        #expect(s.count == 8)
        #expect(s.mean == 5)
        #expect(close(try #require(s.standardDeviation), (32.0 / 7).squareRoot(), relative: 1e-15))
        #expect(close(try #require(s.standardError), se, relative: 1e-15))
        #expect(close(try #require(s.criticalValue), t7, relative: 1e-14))
        #expect(close(try #require(s.halfWidth), t7 * se, relative: 1e-14))
        #expect(close(try #require(s.lower), 5 - t7 * se, relative: 1e-14))
        #expect(close(try #require(s.upper), 5 + t7 * se, relative: 1e-14))
        #expect(s.minimum == 2 && s.maximum == 9)
        #expect(s.confidenceInterval == s.lower! ... s.upper!)
        #expect(close(try #require(s.relativeHalfWidth), t7 * se / 5, relative: 1e-14))
    }

    @Test("Configurable confidence level")
    func otherLevel() throws {
        // n = 3, level 0.90: t(2, 0.95) = 2.919985580353726 (mpmath).
        let s = ReplicationSummary([1, 2, 6], confidenceLevel: 0.90)
        #expect(s.confidenceLevel == 0.90)
        #expect(close(try #require(s.criticalValue), 2.919985580353726, relative: 1e-14))
        // s² = ((1−3)² + (2−3)² + (6−3)²)/2 = 7.
        #expect(close(try #require(s.halfWidth), 2.919985580353726 * (7.0 / 3).squareRoot(), relative: 1e-14))
    }

    @Test("n = 0 and n = 1 report nil, not NaN, and still encode to JSON")
    func smallSamples() throws {
        let empty = ReplicationSummary([])
        #expect(empty.count == 0 && empty.mean == nil && empty.minimum == nil && empty.maximum == nil)
        #expect(empty.standardDeviation == nil && empty.halfWidth == nil && empty.confidenceInterval == nil)
        let one = ReplicationSummary([4.25])
        #expect(one.count == 1 && one.mean == 4.25 && one.minimum == 4.25 && one.maximum == 4.25)
        #expect(one.standardDeviation == nil && one.standardError == nil && one.criticalValue == nil)
        #expect(one.halfWidth == nil && one.lower == nil && one.upper == nil && one.confidenceInterval == nil)
        #expect(one.relativeHalfWidth == nil)
        for s in [empty, one] {
            let back = try JSONDecoder().decode(ReplicationSummary.self, from: JSONEncoder().encode(s))
            #expect(back == s)
        }
    }

    @Test("Identical values: exact mean, zero spread, zero-width interval")
    func constantValues() {
        let s = ReplicationSummary(Array(repeating: 0.1, count: 7))
        #expect(s.mean == 0.1 && s.standardDeviation == 0 && s.halfWidth == 0)
        #expect(s.lower == 0.1 && s.upper == 0.1)
    }

    @Test("Shards merged in replication order equal the whole, bit for bit")
    func shards() throws {
        var g = Xoshiro256StarStar(seed: 7)
        let values = (0..<103).map { _ in 1e6 + 50 * standardNormal(&g) }
        let whole = ReplicationSummary(values)
        let shards = [values[0..<40], values[40..<41], values[41..<103]]
            .map { ReplicationSummary(Array($0)) }
        let merged = ReplicationSummary(mergingShards: shards)
        #expect(merged == whole)
        #expect(merged.mean!.bitPattern == whole.mean!.bitPattern)
        #expect(merged.halfWidth!.bitPattern == whole.halfWidth!.bitPattern)
        // Through JSON too (what shard files go through).
        let decoded = try shards.map {
            try JSONDecoder().decode(ReplicationSummary.self, from: JSONEncoder().encode($0))
        }
        #expect(ReplicationSummary(mergingShards: decoded) == whole)
    }

    @Test("Accurate with a large common offset")
    func largeOffset() throws {
        let values = TallyTests.awkwardData()
        let s = ReplicationSummary(values)
        let shifted = values.map { $0 - 1e9 }
        let m = shifted.reduce(0, +) / Double(shifted.count)
        let v = shifted.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(shifted.count - 1)
        // The mean is right to within one ulp of 1e9 (≈ 1.2e-7).
        #expect(Swift.abs(try #require(s.mean) - (1e9 + m)) <= (1e9).ulp)
        #expect(close(try #require(s.standardDeviation), v.squareRoot(), relative: 1e-9))
    }

    /// 4000 experiments, each a 95 % interval from n = 5 normal samples with
    /// known mean. Coverage C ~ Binomial(4000, 0.95)/4000 has SD
    /// √(0.95·0.05/4000) = 0.00345; the test accepts |C − 0.95| ≤ 4 SD = 0.0138,
    /// so a correct implementation fails with probability ≈ 6e-5 over seeds
    /// (normal approximation, two-sided). The test has power: using the
    /// normal 1.96 instead of t(4) = 2.776 gives coverage ≈ 0.878, far outside.
    /// The seed is fixed, so the outcome is reproducible.
    @Test("95 % intervals cover the true mean 95 % of the time (n = 5)")
    func coverage() throws {
        var g = Xoshiro256StarStar(seed: 20_240_601)
        let trueMean = 10.0, sigma = 3.0
        let experiments = 4000
        var covered = 0, coveredByNormal = 0
        for _ in 0..<experiments {
            let sample = (0..<5).map { _ in trueMean + sigma * standardNormal(&g) }
            let s = ReplicationSummary(sample)
            if try #require(s.confidenceInterval).contains(trueMean) { covered += 1 }
            let normalHalfWidth = 1.959963984540054 * s.standardError!
            if Swift.abs(s.mean! - trueMean) <= normalHalfWidth { coveredByNormal += 1 }
        }
        let coverage = Double(covered) / Double(experiments)
        let tolerance = 4 * (0.95 * 0.05 / Double(experiments)).squareRoot()
        #expect(Swift.abs(coverage - 0.95) <= tolerance, "coverage \(coverage)")
        // Sanity check of the test's power on the same samples.
        #expect(Double(coveredByNormal) / Double(experiments) < 0.95 - tolerance)
    }
}

@Suite("Paired difference")
struct PairedDifferenceTests {
    @Test("Identical arrays: differences exactly zero, interval exactly [0, 0]")
    func identical() throws {
        var g = Xoshiro256StarStar(seed: 3)
        let values = (0..<20).map { _ in 100 + 15 * standardNormal(&g) }
        let p = PairedDifference(scenario: values, base: values)
        #expect(p.difference.values.allSatisfy { $0 == 0 })
        #expect(p.difference.mean == 0 && p.difference.standardDeviation == 0)
        #expect(p.difference.halfWidth == 0)
        #expect(p.difference.lower == 0 && p.difference.upper == 0)
        #expect(p.difference.confidenceInterval == 0...0)
        #expect(p.isSignificant == false)
        #expect(p.scenario == p.base)
        let back = try JSONDecoder().decode(PairedDifference.self, from: JSONEncoder().encode(p))
        #expect(back == p)
    }

    @Test("Differences are paired by replication")
    func pairing() throws {
        // Large between-replication spread, small and steady effect: pairing
        // finds it, comparing the two means' intervals would not.
        let base = [10.0, 50, 30, 90, 70]
        let scenario = [11.0, 51.5, 30.5, 91, 71]
        let p = PairedDifference(scenario: scenario, base: base)
        #expect(p.difference.values == [1, 1.5, 0.5, 1, 1])
        #expect(p.difference.mean == 1)
        #expect(p.isSignificant == true)
        #expect(try #require(p.base.halfWidth) > 10)
        let q = PairedDifference(scenario: ReplicationSummary(scenario), base: ReplicationSummary(base))
        #expect(q == p)
    }

    @Test("One pair: no interval")
    func onePair() {
        let p = PairedDifference(scenario: [3], base: [1])
        #expect(p.difference.mean == 2 && p.difference.confidenceInterval == nil)
        #expect(p.isSignificant == nil)
    }
}
