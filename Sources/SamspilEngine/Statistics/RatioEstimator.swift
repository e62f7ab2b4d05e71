/// A ratio of two means, ȳ / x̄, over paired replications, with a delta-method
/// Student-t confidence interval — e.g. the extra cost per avoided admission,
/// where both the cost difference and the admissions avoided vary between
/// replications and are correlated within one.
///
/// The variance of the ratio is the first-order (delta-method) approximation
/// `Var(ȳ/x̄) ≈ (s²_y − 2 r s_xy + r² s²_x) / (n x̄²)`, with sample (n − 1)
/// variances and covariance; the interval is `r ± t(n−1) · √Var`.
public struct RatioEstimate: Sendable, Equatable {
    /// Number of paired replications.
    public let count: Int
    /// ȳ / x̄.
    public let ratio: Double
    /// `√(n · Var(ȳ/x̄))`: the spread of one replication's ratio the interval implies.
    public let standardDeviation: Double
    public let lower: Double
    public let upper: Double

    /// Estimates ȳ / x̄ from pairs `(y[i], x[i])`, in replication order.
    ///
    /// Returns nil when the ratio is undefined: fewer than two pairs, or x̄ = 0.
    /// - Precondition: `y.count == x.count`.
    /// - Complexity: O(n), two passes.
    public init?(_ y: [Double], over x: [Double], confidenceLevel: Double = 0.95) {
        precondition(y.count == x.count, "a ratio needs paired values")
        let n = Double(y.count)
        guard y.count >= 2 else { return nil }
        let my = y.reduce(0, +) / n, mx = x.reduce(0, +) / n
        guard mx != 0 else { return nil }
        let r = my / mx
        var syy = 0.0, sxx = 0.0, sxy = 0.0
        for (a, b) in zip(y, x) { syy += (a - my) * (a - my); sxx += (b - mx) * (b - mx); sxy += (a - my) * (b - mx) }
        syy /= n - 1; sxx /= n - 1; sxy /= n - 1
        let variance = max(0, (syy - 2 * r * sxy + r * r * sxx) / (mx * mx)) / n
        let half = StudentT.twoSidedCriticalValue(confidence: confidenceLevel, degreesOfFreedom: n - 1) * variance.squareRoot()
        count = y.count
        ratio = r
        standardDeviation = (variance * n).squareRoot()
        lower = r - half
        upper = r + half
    }
}
