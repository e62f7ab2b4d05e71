/// A yes/no event with probability `p` (e.g. "is admitted", "needs home care").
@frozen
public struct Bernoulli: Sendable, Hashable {
    public let probability: Double

    /// - Throws: if `p` is not in [0, 1].
    public init(_ p: Double) throws(DistributionError) {
        guard p >= 0, p <= 1 else { throw DistributionError("a probability must lie in [0, 1] (got \(p))") }
        probability = p
    }

    /// `true` with probability `p` (to 2⁻⁵³); p = 0 never, p = 1 always.
    /// - Complexity: O(1); one call to `rng.next()`.
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Bool {
        rng.nextUnitDouble() < probability
    }
}

/// A Poisson count with the given mean (events in a period, contacts per episode).
///
/// Means below 10: inversion by sequential search from 0 (one uniform,
/// about mean + 1 comparisons). Means of 10 and above: Hörmann's (1993)
/// transformed rejection with squeeze, PTRS, exact, O(1) expected with about
/// 1.1–1.2 uniform pairs per sample whatever the mean. The constants depend only
/// on the mean and are computed once here.
@frozen
public struct Poisson: Sendable, Hashable {
    public let mean: Double
    @usableFromInline let _expNegMean: Double
    @usableFromInline let _logMean: Double
    @usableFromInline let _a: Double
    @usableFromInline let _b: Double
    @usableFromInline let _logInvAlpha: Double
    @usableFromInline let _vr: Double

    /// The mean at and above which PTRS replaces inversion.
    public static let transformedRejectionThreshold = 10.0

    /// - Throws: if `mean` is negative or not finite.
    public init(mean: Double) throws(DistributionError) {
        guard mean >= 0, mean.isFinite else {
            throw DistributionError("a Poisson mean must be finite and non-negative (got \(mean))")
        }
        self.mean = mean
        _expNegMean = exp(-mean)
        _logMean = mean > 0 ? log(mean) : -.infinity
        let b = 0.931 + 2.53 * mean.squareRoot()
        _b = b
        _a = -0.059 + 0.02483 * b
        _logInvAlpha = log(1.1239 + 1.1328 / (b - 3.4))
        _vr = 0.9277 - 3.6224 / (b - 2)
    }

    /// The variance (equal to the mean).
    @inlinable public var variance: Double { mean }

    /// - Complexity: O(1) expected (O(mean) for means below 10).
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Int {
        if mean < Poisson.transformedRejectionThreshold {
            let u = rng.nextUnitDouble()
            var k = 0
            var p = _expNegMean
            var cumulative = p
            // For mean < 10, P(K > 250) < 1e-200: the cap only guards against
            // a cumulative sum that rounds to just below u.
            while u >= cumulative && k < 250 {
                k += 1
                p *= mean / Double(k)
                cumulative += p
            }
            return k
        }
        return _transformedRejection(using: &rng)
    }

    /// PTRS (Hörmann 1993, "The transformed rejection method for generating
    /// Poisson random variables", Insurance: Mathematics and Economics 12).
    @inlinable
    func _transformedRejection<G: RandomNumberGenerator>(using rng: inout G) -> Int {
        while true {
            let u = rng.nextUnitDouble() - 0.5
            let v = rng.nextUnitDouble()
            let us = 0.5 - abs(u)
            if us <= 0 { continue }   // u = −0.5 exactly: the transform is singular
            let kd = ((2 * _a / us + _b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= _vr { return Int(kd) }
            if kd < 0 || (us < 0.013 && v > us) { continue }
            let lhs = log(v) + _logInvAlpha - log(_a / (us * us) + _b)
            let rhs = -mean + kd * _logMean - SpecialFunctions.logGamma(kd + 1)
            if lhs <= rhs { return Int(kd) }
        }
    }
}
