@testable import SamspilEngine

/// Goodness-of-fit helpers shared by the distribution and rate-profile tests.
enum GoodnessOfFit {
    /// One-sample Kolmogorov–Smirnov p-value of `sample` against `cdf`.
    static func ksPValue(_ sample: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return SpecialFunctions.kolmogorovSmirnovPValue(statistic: d, sampleSize: sorted.count)
    }

    /// Pearson chi-square p-value of observed counts against expected counts
    /// (degrees of freedom = categories − 1 − estimatedParameters).
    static func chiSquarePValue(observed: [Double], expected: [Double], estimatedParameters: Int = 0) -> Double {
        var statistic = 0.0
        for (o, e) in zip(observed, expected) where e > 0 {
            statistic += (o - e) * (o - e) / e
        }
        let df = Double(observed.count - 1 - estimatedParameters)
        return SpecialFunctions.chiSquareSurvival(statistic, degreesOfFreedom: df)
    }

    /// Sample mean, variance, and the standard error of the sample variance
    /// estimated from the fourth central moment: SE(s²) ≈ √((m₄ − s⁴)/n).
    static func moments(_ sample: [Double]) -> (mean: Double, variance: Double, varianceSE: Double) {
        let n = Double(sample.count)
        let mean = sample.reduce(0, +) / n
        var m2 = 0.0, m4 = 0.0
        for x in sample {
            let d = (x - mean) * (x - mean)
            m2 += d
            m4 += d * d
        }
        let variance = m2 / (n - 1)
        m4 /= n
        return (mean, variance, (max(0, m4 - variance * variance) / n).squareRoot())
    }
}
