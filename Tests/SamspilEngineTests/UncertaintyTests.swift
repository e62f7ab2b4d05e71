import Foundation
import Testing
@testable import SamspilEngine

/// Reference quantiles from SciPy 1.17 (`stats.beta.ppf`, `stats.gamma.ppf`).
@Suite("Uncertainty: parameter distributions, sampling designs, decision measures")
struct UncertaintyTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        Swift.abs(a - b) <= tolerance * Swift.max(1, Swift.abs(b))
    }

    @Test("beta by mean and sd: method of moments, quantiles against SciPy")
    func betaQuantiles() throws {
        let d = try ParameterDistribution.beta(mean: 0.3, sd: 0.1)
        #expect(d == .beta(alpha: 6, beta: 14) || {
            if case .beta(let a, let b) = d { return close(a, 6) && close(b, 14) }
            return false
        }())
        #expect(close(d.quantile(0.05), 0.147469565559241))
        #expect(close(d.quantile(0.5), 0.29322017994366456))
        #expect(close(d.quantile(0.95), 0.47579711042141004))
        #expect(close(ParameterDistribution.beta(alpha: 0.5, beta: 0.5).quantile(0.1), 0.024471741852423214))
        #expect(close(ParameterDistribution.beta(alpha: 200, beta: 800).quantile(0.975), 0.225337542381036))
        // Beta(2, 1) has CDF x², so its quantile is √p.
        #expect(close(ParameterDistribution.beta(alpha: 2, beta: 1).quantile(0.49), 0.7))
        #expect(try ParameterDistribution.beta(events: 20, trials: 100) == .beta(alpha: 20, beta: 80))
    }

    @Test("impossible parameters are refused with a reason")
    func refusals() {
        #expect(throws: ParameterDistribution.ParameterError.self) { try ParameterDistribution.beta(mean: 0.5, sd: 0.5) }
        #expect(throws: ParameterDistribution.ParameterError.self) { try ParameterDistribution.beta(mean: 1.2, sd: 0.1) }
        #expect(throws: ParameterDistribution.ParameterError.self) { try ParameterDistribution.beta(events: 5, trials: 5) }
        #expect(throws: ParameterDistribution.ParameterError.self) { try ParameterDistribution.gamma(mean: -1, sd: 1) }
    }

    @Test("gamma, lognormal, triangular, uniform and normal quantiles")
    func otherQuantiles() throws {
        let g = try ParameterDistribution.gamma(mean: 10, sd: 5)   // shape 4, scale 2.5
        #expect(close(g.quantile(0.05), 3.4157959918745773))
        #expect(close(g.quantile(0.95), 19.384141319831812))
        #expect(close(ParameterDistribution.gamma(shape: 0.3, scale: 10).quantile(0.5), 0.7313113586695198))
        // Gamma(1, θ) is exponential: −θ log(1 − p).
        #expect(close(ParameterDistribution.gamma(shape: 1, scale: 3).quantile(0.8), -3 * log(0.2)))
        let ln = ParameterDistribution.lognormal(mean: 100, sd: 50)
        let mu = Distribution.lognormalLogParameters(mean: 100, sd: 50).mu
        #expect(close(ln.quantile(0.5), exp(mu)))
        #expect(close(ParameterDistribution.triangular(min: 0, mode: 1, max: 2).quantile(0.5), 1))
        #expect(close(ParameterDistribution.triangular(min: 0, mode: 0, max: 1).quantile(0.75), 0.5))
        #expect(close(ParameterDistribution.uniform(min: 2, max: 6).quantile(0.25), 3))
        #expect(close(ParameterDistribution.normal(mean: 1, sd: 2).quantile(0.975), 1 + 2 * 1.959963984540054))
        #expect(ParameterDistribution.fixed(7).quantile(0.3) == 7)
    }

    @Test("sampled values have the distribution's mean")
    func sampleMeans() throws {
        var rng = Xoshiro256StarStar(seed: 11)
        for d in [try ParameterDistribution.beta(mean: 0.2, sd: 0.05), try .gamma(mean: 3, sd: 1),
                  .lognormal(mean: 5, sd: 2), .triangular(min: 1, mode: 2, max: 6)] {
            var tally = Tally()
            for _ in 0..<4_000 { tally.record(d.sample(using: &rng)) }
            // 5 standard errors: a correct sampler fails with probability < 1e-6.
            let se = tally.standardDeviation / Double(tally.count).squareRoot()
            #expect(Swift.abs(tally.mean - d.mean) < 5 * se, "\(d)")
        }
    }

    @Test("Latin hypercube: one point per stratum in every dimension; reproducible")
    func latinHypercube() {
        var a = Xoshiro256StarStar(seed: 3), b = Xoshiro256StarStar(seed: 3)
        let s = UnitCubeSample(draws: 50, dimensions: 4, design: .latinHypercube, using: &a)
        #expect(s == UnitCubeSample(draws: 50, dimensions: 4, design: .latinHypercube, using: &b))
        for j in 0..<4 {
            let strata = Set((0..<50).map { Int(s[$0, j] * 50) })
            #expect(strata.count == 50)
            #expect((0..<50).allSatisfy { s[$0, j] > 0 && s[$0, j] < 1 })
        }
        var c = Xoshiro256StarStar(seed: 4)
        let mc = UnitCubeSample(draws: 10_000, dimensions: 2, design: .monteCarlo, using: &c)
        let mean = (0..<10_000).reduce(0.0) { $0 + mc[$1, 1] } / 10_000
        #expect(Swift.abs(mean - 0.5) < 5 * (1.0 / 12 / 10_000).squareRoot())
    }

    @Test("CEAC and EVPI on a hand-computed example")
    func decisionMeasures() {
        // Effect 1 in every draw; costs −1, 1, 3. At λ = 2 the net benefits are 3, 1, −1.
        let draws = IncrementalDraws(effect: [1, 1, 1], cost: [-1, 1, 3])
        #expect(close(draws.probabilityCostEffective(willingnessToPay: 2), 2.0 / 3))
        #expect(close(draws.meanNetBenefit(willingnessToPay: 2), 1))
        // E[max(NB, 0)] = 4/3, max(E[NB], 0) = 1.
        #expect(close(draws.expectedValueOfPerfectInformation(willingnessToPay: 2), 1.0 / 3))
        // At λ = 0 the new option costs 1 on average: EVPI = E[max(−c, 0)] = 1/3.
        #expect(close(draws.expectedValueOfPerfectInformation(willingnessToPay: 0), 1.0 / 3))
        #expect(close(expectedValueOfPerfectInformation(netBenefits: [[0, 3], [0, 1], [0, -1]]), 1.0 / 3))
        // No uncertainty, no value of information; a tie counts half.
        let certain = IncrementalDraws(effect: [2, 2], cost: [4, 4])
        #expect(certain.expectedValueOfPerfectInformation(willingnessToPay: 1) == 0)
        #expect(certain.probabilityCostEffective(willingnessToPay: 2) == 0.5)
        #expect(probabilityOfGain(netChange: [-1.0, -2, 3, 0]) == 0.625)
        let grid = draws.willingnessToPayGrid(points: 5)
        #expect(grid.first == 0 && grid.count == 5 && grid.last! >= 6)
    }

    @Test("MSER-5 finds an initial transient and flags a trending series")
    func warmup() {
        var rng = Xoshiro256StarStar(seed: 8)
        // 60 observations decaying from 40 to 0, then 300 of stationary noise around 0.
        var series: [Double] = (0..<60).map { 40 * (1 - Double($0) / 60) }
        for _ in 0..<300 { series.append(rng.nextUnitDouble() - 0.5) }
        let d = WarmupDiagnostic(series: series)
        #expect(d.isReliable)
        #expect(d.truncatedObservations >= 45 && d.truncatedObservations <= 75)
        let stationary = WarmupDiagnostic(series: (0..<300).map { _ in rng.nextUnitDouble() })
        #expect(stationary.truncatedObservations <= 50)
        let trend = WarmupDiagnostic(series: (0..<200).map { Double($0) })
        #expect(!trend.isReliable)
    }

    @Test("replications needed for a relative precision")
    func precision() {
        // Mean 100, sd 10 (values 90 and 110 alternating), n = 10.
        let pilot = ReplicationSummary((0..<10).map { $0 % 2 == 0 ? 90.0 : 110.0 })
        let sd = pilot.standardDeviation!
        let gamma = 0.01, adjusted = gamma / (1 + gamma)
        let n = SequentialPrecision.replicationsNeeded(pilot, relativeHalfWidth: gamma, maximum: 10_000)!
        func halfWidth(_ n: Int) -> Double {
            StudentT.twoSidedCriticalValue(confidence: 0.95, degreesOfFreedom: Double(n - 1)) * sd / Double(n).squareRoot()
        }
        #expect(halfWidth(n) <= adjusted * 100)
        #expect(halfWidth(n - 1) > adjusted * 100)
        #expect(!SequentialPrecision.isReached(pilot, relativeHalfWidth: gamma))
        #expect(SequentialPrecision.isReached(pilot, relativeHalfWidth: 0.5))
        #expect(SequentialPrecision.replicationsNeeded(pilot, relativeHalfWidth: gamma, maximum: 50) == 50)
        #expect(SequentialPrecision.replicationsNeeded(ReplicationSummary([1]), relativeHalfWidth: 0.1, maximum: 9) == nil)
    }
}
