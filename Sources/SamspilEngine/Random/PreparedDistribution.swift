/// A distribution with its derived parameters computed once, for sampling it
/// millions of times: a lognormal's log-scale μ and σ cost a `log1p`, a `log`
/// and a square root per draw when computed from its mean and SD.
///
/// Samples are exactly those of the distribution itself (the same random
/// numbers, the same arithmetic), so preparing never changes a result.
public struct PreparedDistribution: Sendable {
    public let distribution: Distribution
    @usableFromInline let _isLognormal: Bool
    @usableFromInline let _mu: Double
    @usableFromInline let _sigma: Double

    /// - Complexity: O(1).
    public init(_ distribution: Distribution) {
        self.distribution = distribution
        if case .lognormal(let mean, let sd) = distribution {
            (_mu, _sigma) = Distribution.lognormalLogParameters(mean: mean, sd: sd)
            _isLognormal = true
        } else {
            (_mu, _sigma, _isLognormal) = (0, 0, false)
        }
    }

    /// One sample, equal to `distribution.sample(using:)` with the same generator state.
    /// - Complexity: that of `Distribution.sample`.
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        if _isLognormal { return exp(_mu + _sigma * Ziggurat.normal(using: &rng)) }
        return distribution.sample(using: &rng)
    }

    /// One sample of the distribution at `p`, read in place: for tables of
    /// prepared distributions, where loading an element would copy it.
    /// - Complexity: that of `Distribution.sample`.
    @inlinable
    public static func sample<G: RandomNumberGenerator>(at p: UnsafePointer<PreparedDistribution>, using rng: inout G) -> Double {
        if p.pointee._isLognormal { return exp(p.pointee._mu + p.pointee._sigma * Ziggurat.normal(using: &rng)) }
        return p.pointee.distribution.sample(using: &rng)
    }
}
