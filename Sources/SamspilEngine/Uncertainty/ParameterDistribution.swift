import Foundation

/// A distribution of belief about an *input* of a model — a probability, a
/// cost, a rate — as used in probabilistic sensitivity analysis (PSA).
///
/// Unlike `Distribution`, which describes variation between patients inside
/// one run, a parameter distribution is drawn once per PSA draw and held fixed
/// for all replications of that draw. Every case has a quantile function, so
/// a draw is `quantile(u)` of a uniform `u`: plain Monte Carlo and Latin
/// hypercube sampling share one code path, and tornado diagrams read the 5th
/// and 95th percentiles from the same function.
///
/// The usual choices in health-economic evaluation (Briggs, Claxton &
/// Sculpher 2006, *Decision Modelling for Health Economic Evaluation*, ch. 4):
/// beta for probabilities and shares, gamma or lognormal for costs and rates
/// (non-negative, right-skewed), uniform or triangular where only a range is
/// known, fixed to switch an input off.
public enum ParameterDistribution: Sendable, Hashable {
    case fixed(Double)
    case uniform(min: Double, max: Double)
    case triangular(min: Double, mode: Double, max: Double)
    /// Beta(α, β) on [0, 1].
    case beta(alpha: Double, beta: Double)
    /// Gamma with shape k and scale θ (mean kθ).
    case gamma(shape: Double, scale: Double)
    /// Lognormal by the mean and standard deviation of the value itself (not of its logarithm).
    case lognormal(mean: Double, sd: Double)
    case normal(mean: Double, sd: Double)

    /// Why a set of parameters cannot make a distribution.
    public struct ParameterError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Beta by its mean and standard deviation (method of moments).
    /// - Throws: when the mean is outside (0, 1) or the variance is not below mean·(1 − mean).
    public static func beta(mean: Double, sd: Double) throws -> ParameterDistribution {
        guard mean > 0, mean < 1 else {
            throw ParameterError(description: "a beta distribution needs a mean strictly between 0 and 1 (got \(mean))")
        }
        let variance = sd * sd
        guard sd > 0, variance < mean * (1 - mean) else {
            throw ParameterError(description: "a beta distribution with mean \(mean) needs 0 < sd < \(((mean * (1 - mean)).squareRoot() * 1e4).rounded(.down) / 1e4) (got \(sd))")
        }
        let common = mean * (1 - mean) / variance - 1
        return .beta(alpha: mean * common, beta: (1 - mean) * common)
    }

    /// Beta from observed counts: `events` successes out of `trials` (a Beta(events, trials − events) posterior
    /// from a flat-ish prior, the standard choice when a study reports counts).
    /// - Throws: unless 0 < events < trials.
    public static func beta(events: Double, trials: Double) throws -> ParameterDistribution {
        guard events > 0, trials > events else {
            throw ParameterError(description: "a beta distribution from counts needs 0 < events < trials (got \(events) of \(trials))")
        }
        return .beta(alpha: events, beta: trials - events)
    }

    /// Gamma by its mean and standard deviation (method of moments).
    /// - Throws: unless mean > 0 and sd > 0.
    public static func gamma(mean: Double, sd: Double) throws -> ParameterDistribution {
        guard mean > 0, sd > 0 else {
            throw ParameterError(description: "a gamma distribution needs mean > 0 and sd > 0 (got \(mean), \(sd))")
        }
        return .gamma(shape: mean * mean / (sd * sd), scale: sd * sd / mean)
    }

    /// The expected value.
    public var mean: Double {
        switch self {
        case .fixed(let v): return v
        case .uniform(let a, let b): return 0.5 * (a + b)
        case .triangular(let a, let c, let b): return (a + b + c) / 3
        case .beta(let a, let b): return a / (a + b)
        case .gamma(let k, let theta): return k * theta
        case .lognormal(let m, _): return m
        case .normal(let m, _): return m
        }
    }

    /// The value below which a share `p` of the distribution lies.
    ///
    /// Closed forms where they exist; the beta and gamma quantiles invert
    /// their regularized incomplete functions by safeguarded bisection on the
    /// CDF to a relative tolerance of 1e-12.
    /// - Precondition: 0 ≤ p ≤ 1 (the ends give the support's bounds, possibly infinite).
    /// - Complexity: O(1) for closed forms; O(60) CDF evaluations for beta and gamma.
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a quantile needs 0 ≤ p ≤ 1")
        switch self {
        case .fixed(let v):
            return v
        case .uniform(let a, let b):
            return a + p * (b - a)
        case .triangular(let a, let c, let b):
            let cut = b > a ? (c - a) / (b - a) : 0
            if p < cut { return a + ((b - a) * (c - a) * p).squareRoot() }
            return b - ((b - a) * (b - c) * (1 - p)).squareRoot()
        case .beta(let alpha, let beta):
            if p == 0 { return 0 }
            if p == 1 { return 1 }
            return Self._invert(p, low: 0, high: 1) { _regularizedIncompleteBeta(alpha, beta, $0) }
        case .gamma(let k, let theta):
            if p == 0 { return 0 }
            if p == 1 { return .infinity }
            // Bracket the quantile: the mean plus enough standard deviations.
            var high = Swift.max(1, k) * theta
            while SpecialFunctions.regularizedGammaP(k, high / theta) < p { high *= 2 }
            return Self._invert(p, low: 0, high: high) { SpecialFunctions.regularizedGammaP(k, $0 / theta) }
        case .lognormal(let m, let sd):
            if p == 0 { return 0 }
            if p == 1 { return .infinity }
            if sd == 0 { return m }
            let log = Distribution.lognormalLogParameters(mean: m, sd: sd)
            return exp(log.mu + log.sigma * SpecialFunctions.normalQuantile(p))
        case .normal(let m, let sd):
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return m + sd * SpecialFunctions.normalQuantile(p)
        }
    }

    /// One draw: the quantile of a uniform from `rng`.
    /// - Complexity: as `quantile`.
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        if case .fixed(let v) = self { return v }
        // (0, 1): never exactly 0, so unbounded distributions never give ±∞.
        let u = (Double(rng.next() &>> 11) + 0.5) * 0x1.0p-53
        return quantile(u)
    }

    /// Whether the distribution is a single point (the input is not uncertain).
    public var isFixed: Bool {
        if case .fixed = self { return true }
        return false
    }

    /// Bisection on a non-decreasing CDF: the smallest x in [low, high] with cdf(x) ≥ p, to 1e-12 relative.
    static func _invert(_ p: Double, low: Double, high: Double, cdf: (Double) -> Double) -> Double {
        var lo = low, hi = high
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if cdf(mid) < p { lo = mid } else { hi = mid }
            if hi - lo <= 1e-12 * Swift.max(1e-300, Swift.abs(hi)) { break }
        }
        return 0.5 * (lo + hi)
    }
}
