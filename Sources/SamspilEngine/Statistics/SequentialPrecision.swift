/// The replication-count rule for a target precision (Law 2015, *Simulation
/// Modeling and Analysis*, §9.4.1, the relative-precision procedure): keep
/// adding replications until the confidence interval's half-width is at most
/// a share γ of |mean|.
///
/// `replicationsNeeded` estimates how many replications reach the target
/// from a pilot summary: the smallest n with t_{n−1} · s / √n ≤ γ′ · |x̄|,
/// where γ′ = γ / (1 + γ) corrects for estimating the mean and the
/// half-width from the same data (Law's adjusted relative error).
public enum SequentialPrecision {
    /// Whether `summary` already meets the target relative half-width γ
    /// (adjusted as above). `false` when it is undefined (n < 2, mean 0).
    public static func isReached(_ summary: ReplicationSummary, relativeHalfWidth gamma: Double) -> Bool {
        guard let r = summary.relativeHalfWidth else { return false }
        return r <= gamma / (1 + gamma)
    }

    /// The estimated total number of replications that meets γ, capped at `maximum`;
    /// `nil` when the pilot cannot tell (n < 2, or mean 0 while the sd is not).
    /// - Complexity: O(log maximum) t-quantile evaluations.
    public static func replicationsNeeded(_ summary: ReplicationSummary, relativeHalfWidth gamma: Double,
                                          maximum: Int) -> Int? {
        guard let mean = summary.mean, let sd = summary.standardDeviation, summary.count >= 2 else { return nil }
        if sd == 0 { return summary.count }
        guard mean != 0 else { return nil }
        let target = gamma / (1 + gamma) * Swift.abs(mean)
        func meets(_ n: Int) -> Bool {
            StudentT.twoSidedCriticalValue(confidence: summary.confidenceLevel, degreesOfFreedom: Double(n - 1))
                * sd / Double(n).squareRoot() <= target
        }
        if meets(summary.count) { return summary.count }
        guard meets(maximum) else { return maximum }
        // The half-width falls monotonically in n: bisect.
        var low = summary.count, high = maximum
        while high - low > 1 {
            let mid = (low + high) / 2
            if meets(mid) { high = mid } else { low = mid }
        }
        return high
    }
}
