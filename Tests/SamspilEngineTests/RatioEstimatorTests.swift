import Testing
@testable import SamspilEngine

/// The ratio of means with its delta-method interval, against hand computation.
@Suite struct RatioEstimatorTests {
    @Test func handComputedExample() throws {
        // ȳ = 7/3, x̄ = 4/3, r = 1.75; s²y = 7/3, s²x = 1/3, sxy = 5/6;
        // Var = (7/3 − 2·1.75·5/6 + 1.75²/3) / (16/9) / 3 = 0.0820313.
        let r = try #require(RatioEstimate([1, 2, 4], over: [1, 1, 2]))
        #expect(r.count == 3)
        #expect(abs(r.ratio - 1.75) < 1e-12)
        #expect(abs(r.standardDeviation - (0.0820313 * 3).squareRoot()) < 1e-6)
        let half = 4.302653 * 0.0820313.squareRoot()
        #expect(abs(r.lower - (1.75 - half)) < 1e-5 && abs(r.upper - (1.75 + half)) < 1e-5)
    }

    @Test func proportionalPairsHaveNoSpread() throws {
        let r = try #require(RatioEstimate([2, 4, 6], over: [1, 2, 3]))
        #expect(r.ratio == 2 && r.standardDeviation == 0 && r.lower == 2 && r.upper == 2)
    }

    @Test func undefinedRatios() {
        #expect(RatioEstimate([1], over: [1]) == nil, "one pair says nothing about spread")
        #expect(RatioEstimate([1, 2], over: [1, -1]) == nil, "x̄ = 0")
    }
}
