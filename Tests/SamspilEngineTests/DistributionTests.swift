import Testing
@testable import SamspilEngine

// Tolerances. Every statistical check runs at a fixed seed, so the tests are
// deterministic; the tolerances say how unlucky a seed would have to be for a
// correct sampler to fail:
// - mean: |x̄ − μ| < 4σ/√n. By the CLT x̄ is ~normal with SD σ/√n, so a
//   correct sampler fails with probability 2(1 − Φ(4)) ≈ 6.3e-5.
// - variance: |s² − σ²| < 5·SE(s²), SE(s²) = √((m₄ − s⁴)/n) estimated from the
//   sample's fourth moment (s² is asymptotically normal); false alarm ≈ 5.7e-7.
// - goodness of fit: KS (continuous) or chi-square (discrete) p > 0.001, a
//   false alarm probability of 0.001 per test by construction.

private let sampleSize = 20_000

private func draw(_ distribution: Distribution, seed: UInt64, n: Int = sampleSize) -> [Double] {
    var rng = Xoshiro256StarStar(seed: seed)
    var sample = [Double]()
    sample.reserveCapacity(n)
    for _ in 0..<n { sample.append(distribution.sample(using: &rng)) }
    return sample
}

private func checkMomentsAndFit(_ distribution: Distribution, seed: UInt64, ks: Bool = true,
                                sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(distribution.validate() == nil, sourceLocation: sourceLocation)
    let sample = draw(distribution, seed: seed)
    let n = Double(sample.count)
    let (mean, variance, varianceSE) = GoodnessOfFit.moments(sample)
    let mu = distribution.mean, sigma2 = distribution.variance
    #expect(abs(mean - mu) < 4 * (sigma2 / n).squareRoot(),
            "mean \(mean) vs \(mu) for \(distribution)", sourceLocation: sourceLocation)
    #expect(abs(variance - sigma2) < 5 * varianceSE,
            "variance \(variance) vs \(sigma2) (SE \(varianceSE)) for \(distribution)", sourceLocation: sourceLocation)
    if ks {
        let p = GoodnessOfFit.ksPValue(sample, cdf: distribution.cdf)
        #expect(p > 0.001, "KS p = \(p) for \(distribution)", sourceLocation: sourceLocation)
    }
}

@Suite("Distributions")
struct DistributionTests {
    @Test("Exponential") func exponential() { checkMomentsAndFit(.exponential(mean: 2.5), seed: 1) }
    @Test("Uniform") func uniform() { checkMomentsAndFit(.uniform(min: 1, max: 4), seed: 2) }
    @Test("Triangular (interior mode)") func triangular() {
        checkMomentsAndFit(.triangular(min: 1, mode: 2, max: 6), seed: 3)
    }
    @Test("Triangular (mode at an end)") func triangularEdges() {
        checkMomentsAndFit(.triangular(min: 0, mode: 0, max: 3), seed: 4)
        checkMomentsAndFit(.triangular(min: 0, mode: 3, max: 3), seed: 5)
    }
    @Test("Normal") func normal() { checkMomentsAndFit(.normal(mean: 10, sd: 3), seed: 6) }
    @Test("A prepared distribution draws exactly the distribution's samples")
    func prepared() throws {
        let cases: [Distribution] = [.fixed(2), .exponential(mean: 3), .uniform(min: 1, max: 4),
                                     .triangular(min: 0, mode: 1, max: 5), .normal(mean: 2, sd: 1),
                                     .lognormal(mean: 5, sd: 3), .lognormal(mean: 120, sd: 96), .gamma(shape: 2.5, scale: 2),
                                     .weibull(shape: 1.5, scale: 2), .erlang(k: 3, mean: 6)]
        for d in cases {
            let prepared = PreparedDistribution(d)
            var a = Xoshiro256StarStar(seed: 42), b = Xoshiro256StarStar(seed: 42)
            for _ in 0..<1000 {
                let x = d.sample(using: &a), y = prepared.sample(using: &b)
                #expect(x.bitPattern == y.bitPattern, "\(d)")
            }
        }
    }

    @Test("Lognormal by the variable's own mean and SD") func lognormal() {
        let d = Distribution.lognormal(mean: 5, sd: 3)
        checkMomentsAndFit(d, seed: 7)
        // The log-scale parameters reproduce the stated mean and SD.
        let (mu, sigma) = Distribution.lognormalLogParameters(mean: 5, sd: 3)
        #expect(abs(exp(mu + sigma * sigma / 2) - 5) < 1e-12)
        #expect(abs((expm1(sigma * sigma) * exp(2 * mu + sigma * sigma)).squareRoot() - 3) < 1e-12)
    }
    @Test("Gamma, shape ≥ 1") func gamma() {
        checkMomentsAndFit(.gamma(shape: 2.5, scale: 1.5), seed: 8)
        checkMomentsAndFit(.gamma(shape: 30, scale: 0.1), seed: 9)
        checkMomentsAndFit(.gamma(shape: 1, scale: 2), seed: 10)
    }
    @Test("Gamma, shape < 1 (boost)") func gammaSmallShape() {
        checkMomentsAndFit(.gamma(shape: 0.4, scale: 2), seed: 11)
    }
    @Test("Weibull") func weibull() {
        checkMomentsAndFit(.weibull(shape: 1.5, scale: 4), seed: 12)
        checkMomentsAndFit(.weibull(shape: 0.8, scale: 2), seed: 13)
    }
    @Test("Erlang (sum of phases and gamma paths)") func erlang() {
        checkMomentsAndFit(.erlang(k: 3, mean: 6), seed: 14)
        checkMomentsAndFit(.erlang(k: 40, mean: 10), seed: 15)
    }
    @Test("Fixed") func fixed() {
        var rng = Xoshiro256StarStar(seed: 16)
        let before = rng
        #expect(Distribution.fixed(4.2).sample(using: &rng) == 4.2)
        #expect(rng.next() == { var r = before; return r.next() }())   // consumed nothing
        #expect(Distribution.fixed(4.2).variance == 0)
    }
    @Test("Piecewise-linear empirical CDF") func piecewiseLinear() throws {
        let table = try PiecewiseLinearTable(breakpoints: [0, 1, 1, 3, 7, 7.5],
                                             cumulativeProbabilities: [0, 0.1, 0.1, 0.6, 0.6, 1])
        checkMomentsAndFit(.piecewiseLinear(table), seed: 17)
        // Zero-probability segments (3…7) receive no samples.
        let sample = draw(.piecewiseLinear(table), seed: 18)
        #expect(!sample.contains { $0 > 3 && $0 < 7 })
        let histogram = try PiecewiseLinearTable(binEdges: [0, 2, 5, 10], weights: [10, 30, 60])
        #expect(histogram.cumulativeProbabilities == [0, 0.1, 0.4, 1])
        checkMomentsAndFit(.piecewiseLinear(histogram), seed: 19)
    }
    @Test("Discrete empirical table (alias method)") func discreteTable() throws {
        let values: [Double] = [1, 2, 3, 5, 8, 13]
        let weights: [Double] = [5, 0, 20, 40, 25, 10]
        let table = try DiscreteTable(values: values, probabilities: weights)
        checkMomentsAndFit(.discrete(table), seed: 20, ks: false)
        let sample = draw(.discrete(table), seed: 21)
        let observed = values.map { v in Double(sample.filter { $0 == v }.count) }
        #expect(observed[1] == 0)   // zero-weight value never drawn
        let expected = table.probabilities.map { $0 * Double(sample.count) }
        let nonzero = expected.indices.filter { expected[$0] > 0 }
        let p = GoodnessOfFit.chiSquarePValue(observed: nonzero.map { observed[$0] },
                                              expected: nonzero.map { expected[$0] })
        #expect(p > 0.001, "chi-square p = \(p)")
    }
    @Test("Integer empirical table") func discreteEmpirical() throws {
        let table = try DiscreteEmpirical(values: [0, 1, 2, 3, 4], probabilities: [0.1, 0.4, 0.3, 0.15, 0.05])
        var rng = Xoshiro256StarStar(seed: 22)
        var counts = [Double](repeating: 0, count: 5)
        for _ in 0..<sampleSize { counts[table.sample(using: &rng)] += 1 }
        let expected = table.probabilities.map { $0 * Double(sampleSize) }
        #expect(GoodnessOfFit.chiSquarePValue(observed: counts, expected: expected) > 0.001)
        #expect(abs(table.mean - 1.65) < 1e-12)
    }
    @Test("Alias table with many outcomes") func aliasTableMany() throws {
        let weights = (0..<200).map { Double(($0 * 37) % 11) }   // includes zeros
        let alias = try AliasTable(weights: weights)
        var rng = Xoshiro256StarStar(seed: 23)
        var counts = [Double](repeating: 0, count: 200)
        let n = 100_000
        for _ in 0..<n { counts[alias.sampleIndex(using: &rng)] += 1 }
        let total = weights.reduce(0, +)
        for i in 0..<200 where weights[i] == 0 { #expect(counts[i] == 0) }
        let idx = (0..<200).filter { weights[$0] > 0 }
        let p = GoodnessOfFit.chiSquarePValue(observed: idx.map { counts[$0] },
                                              expected: idx.map { weights[$0] / total * Double(n) })
        #expect(p > 0.001, "chi-square p = \(p)")
    }
    @Test("Bernoulli") func bernoulli() throws {
        let b = try Bernoulli(0.3)
        var rng = Xoshiro256StarStar(seed: 24)
        var hits = 0
        for _ in 0..<sampleSize where b.sample(using: &rng) { hits += 1 }
        let n = Double(sampleSize)
        #expect(abs(Double(hits) / n - 0.3) < 4 * (0.3 * 0.7 / n).squareRoot())
        let never = try Bernoulli(0), always = try Bernoulli(1)
        for _ in 0..<1000 {
            #expect(!never.sample(using: &rng))
            #expect(always.sample(using: &rng))
        }
        #expect(throws: DistributionError.self) { try Bernoulli(1.2) }
        #expect(throws: DistributionError.self) { try Bernoulli(-0.1) }
    }

    /// Chi-square test of Poisson samples with tail categories pooled so that
    /// every expected count is at least 5.
    private func checkPoisson(mean: Double, seed: UInt64) throws {
        let poisson = try Poisson(mean: mean)
        var rng = Xoshiro256StarStar(seed: seed)
        var sample = [Int]()
        for _ in 0..<sampleSize { sample.append(poisson.sample(using: &rng)) }
        let asDouble = sample.map(Double.init)
        let (m, v, vse) = GoodnessOfFit.moments(asDouble)
        let n = Double(sampleSize)
        #expect(abs(m - mean) < 4 * (mean / n).squareRoot(), "Poisson(\(mean)) mean \(m)")
        #expect(abs(v - mean) < 5 * vse, "Poisson(\(mean)) variance \(v)")
        // Categories [0, lo), lo, …, hi, (hi, ∞) with expected ≥ 5 each.
        func pmf(_ k: Int) -> Double {
            exp(Double(k) * log(mean) - mean - SpecialFunctions.logFactorial(k))
        }
        var lo = Int(mean)
        while lo > 0 && pmf(lo - 1) * n >= 5 { lo -= 1 }
        var hi = Int(mean)
        while pmf(hi + 1) * n >= 5 { hi += 1 }
        var expected = [Double](), observed = [Double]()
        let below = (0..<lo).reduce(0.0) { $0 + pmf($1) }
        expected.append(below * n)
        observed.append(Double(sample.filter { $0 < lo }.count))
        for k in lo...hi {
            expected.append(pmf(k) * n)
            observed.append(Double(sample.filter { $0 == k }.count))
        }
        expected.append(max(0, n - expected.reduce(0, +)))
        observed.append(Double(sample.filter { $0 > hi }.count))
        let p = GoodnessOfFit.chiSquarePValue(observed: observed, expected: expected)
        #expect(p > 0.001, "Poisson(\(mean)) chi-square p = \(p)")
    }

    @Test("Poisson by inversion (small means)") func poissonSmall() throws {
        try checkPoisson(mean: 0.7, seed: 25)
        try checkPoisson(mean: 3.5, seed: 26)
        try checkPoisson(mean: 9.9, seed: 27)
        var rng = Xoshiro256StarStar(seed: 28)
        #expect(try Poisson(mean: 0).sample(using: &rng) == 0)
    }
    @Test("Poisson by PTRS (large means)") func poissonLarge() throws {
        try checkPoisson(mean: 10, seed: 29)
        try checkPoisson(mean: 37.2, seed: 30)
        try checkPoisson(mean: 1500, seed: 31)
        #expect(throws: DistributionError.self) { try Poisson(mean: -1) }
    }

    @Test("Validation messages") func validation() {
        let invalid: [Distribution] = [
            .fixed(.nan), .exponential(mean: 0), .exponential(mean: -1), .uniform(min: 3, max: 1),
            .triangular(min: 0, mode: 5, max: 3), .triangular(min: 2, mode: 2, max: 2),
            .normal(mean: 0, sd: -1), .lognormal(mean: 0, sd: 1), .lognormal(mean: 2, sd: -1),
            .gamma(shape: 0, scale: 1), .gamma(shape: 1, scale: -2), .weibull(shape: -1, scale: 1),
            .erlang(k: 0, mean: 1), .erlang(k: 2, mean: .infinity),
        ]
        for d in invalid {
            #expect(d.validate() != nil, "\(d) should be invalid")
            #expect(throws: DistributionError.self) { try d.validated() }
        }
        let valid: [Distribution] = [.fixed(0), .uniform(min: 2, max: 2), .normal(mean: -1, sd: 0),
                                     .lognormal(mean: 3, sd: 0), .triangular(min: 0, mode: 0, max: 1)]
        for d in valid { #expect(d.validate() == nil, "\(d) should be valid") }
        #expect(throws: DistributionError.self) { try DiscreteTable(values: [1, 2], probabilities: [1]) }
        #expect(throws: DistributionError.self) { try DiscreteTable(values: [1, 2], probabilities: [0, 0]) }
        #expect(throws: DistributionError.self) { try DiscreteTable(values: [1], probabilities: [-1]) }
        #expect(throws: DistributionError.self) { try AliasTable(weights: []) }
        #expect(throws: DistributionError.self) {
            try PiecewiseLinearTable(breakpoints: [0, 1], cumulativeProbabilities: [0, 0.9])
        }
        #expect(throws: DistributionError.self) {
            try PiecewiseLinearTable(breakpoints: [0, 2, 1], cumulativeProbabilities: [0, 0.5, 1])
        }
        #expect(throws: DistributionError.self) {
            try PiecewiseLinearTable(breakpoints: [0, 1, 2], cumulativeProbabilities: [0, 0.6, 0.5])
        }
    }

    @Test("Same seed, same sequence") func determinism() throws {
        let table = try DiscreteTable(values: [1, 2, 3], probabilities: [1, 2, 3])
        let all: [Distribution] = [
            .exponential(mean: 2), .uniform(min: 0, max: 1), .triangular(min: 0, mode: 1, max: 2),
            .normal(mean: 0, sd: 1), .lognormal(mean: 2, sd: 1), .gamma(shape: 0.5, scale: 1),
            .weibull(shape: 2, scale: 1), .erlang(k: 2, mean: 1), .discrete(table),
        ]
        for d in all {
            #expect(draw(d, seed: 99, n: 1000) == draw(d, seed: 99, n: 1000))
            #expect(draw(d, seed: 99, n: 1000) != draw(d, seed: 100, n: 1000))
        }
    }

    @Test("Golden values: the samplers' output never changes") func golden() {
        // Recorded from this implementation. A change here changes every
        // simulation result for a given seed; it must be deliberate.
        var rng = Xoshiro256StarStar(seed: 2024)
        let e = (0..<4).map { _ in Ziggurat.exponential(using: &rng) }
        let z = (0..<4).map { _ in Ziggurat.normal(using: &rng) }
        let g = (0..<4).map { _ in Distribution.gamma(shape: 0.7, scale: 2).sample(using: &rng) }
        let poisson = try! Poisson(mean: 50)
        let k = (0..<4).map { _ in poisson.sample(using: &rng) }
        #expect(e == GoldenValues.exponential)
        #expect(z == GoldenValues.normal)
        #expect(g == GoldenValues.gamma)
        #expect(k == GoldenValues.poisson)
    }
}

@Suite("Ziggurat")
struct ZigguratTests {
    @Test("Frozen tables agree with their generator")
    func tablesMatchGenerator() {
        for (computed, r, x, f) in [(_ZigguratTable.exponential(), _zigguratExponentialR, _zigguratExponentialX, _zigguratExponentialF),
                                    (_ZigguratTable.normal(), _zigguratNormalR, _zigguratNormalX, _zigguratNormalF)] {
            #expect(abs(computed.r - r) <= 1e-14 * r)
            #expect(x.count == 257 && f.count == 257)
            for i in 0...256 {
                #expect(abs(computed.x[i] - x[i]) <= 1e-13 * max(x[i], 1e-3))
                #expect(abs(computed.f[i] - f[i]) <= 1e-13)
            }
        }
    }

    @Test("Exponential tail beyond r has the right mass and shape")
    func exponentialTail() {
        var rng = Xoshiro256StarStar(seed: 41)
        let n = 1_000_000
        let r = _zigguratExponentialR
        var tail = Tally()
        for _ in 0..<n {
            let x = Ziggurat.exponential(using: &rng)
            if x > r { tail.record(x - r) }
        }
        let expected = Double(n) * exp(-r)   // ≈ 453
        #expect(abs(Double(tail.count) - expected) < 4 * expected.squareRoot())
        // Memorylessness: the overshoot is Exp(1); 4σ/√k on its mean.
        #expect(abs(tail.mean - 1) < 4 / Double(tail.count).squareRoot())
    }

    @Test("Normal tail beyond r has the right mass, on both sides")
    func normalTail() {
        var rng = Xoshiro256StarStar(seed: 42)
        let n = 1_000_000
        let r = _zigguratNormalR
        var upper = 0.0, lower = 0.0
        for _ in 0..<n {
            let z = Ziggurat.normal(using: &rng)
            if z > r { upper += 1 } else if z < -r { lower += 1 }
        }
        let expected = Double(n) * SpecialFunctions.normalSurvival(r)   // ≈ 129 per side
        #expect(abs(upper - expected) < 4 * expected.squareRoot())
        #expect(abs(lower - expected) < 4 * expected.squareRoot())
    }

    @Test("Standard normal and exponential pass KS with 100 000 samples")
    func bigKS() {
        var rng = Xoshiro256StarStar(seed: 43)
        let n = 100_000
        let z = (0..<n).map { _ in Ziggurat.normal(using: &rng) }
        #expect(GoodnessOfFit.ksPValue(z, cdf: SpecialFunctions.normalCDF) > 0.001)
        let e = (0..<n).map { _ in Ziggurat.exponential(using: &rng) }
        #expect(GoodnessOfFit.ksPValue(e, cdf: { -expm1(-$0) }) > 0.001)
    }
}

enum GoldenValues {
    static let exponential: [Double] = [0.17490729607624725, 1.5926276953948078, 0.5546153379678807, 0.31135215480180845]
    static let normal: [Double] = [0.9850002320946818, 0.13447194399709655, -0.4993703942725808, -0.430215589929318]
    static let gamma: [Double] = [1.0607091008220595, 0.13888738486062274, 0.0019053992691451707, 1.1057316212243031]
    static let poisson: [Int] = [53, 43, 50, 50]
}
