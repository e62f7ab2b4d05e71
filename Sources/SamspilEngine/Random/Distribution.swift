/// A continuous (or empirical) distribution of a real quantity — a length of
/// stay, a service time, a delay — parameterised the way health planners
/// state them.
///
/// Why an enum: scenario files name a distribution and its parameters, and the
/// simulator samples it millions of times; a closed enum is a value type with no
/// existential or allocation per sample, and the `switch` in ``sample(using:)``
/// is a jump table the optimiser can specialise and inline.
///
/// Parameters are the planner-facing ones: `.lognormal(mean:sd:)` takes the mean
/// and standard deviation **of the variable itself** (e.g. length of stay in
/// hours), not of its logarithm; `.erlang(k:mean:)` takes the overall mean.
/// Derived parameters (the log-scale μ and σ, the Marsaglia–Tsang constants) are
/// recomputed per sample; they cost a few nanoseconds and keep the enum's cases
/// exactly what the planner wrote.
///
/// Cases carry no validation of their own; call ``validate()`` (or
/// ``validated()``) when reading a scenario. Sampling an invalid distribution
/// gives unspecified (but deterministic) values, never a crash.
///
/// Algorithms:
/// - `.exponential`, `.normal`, `.lognormal`: 256-layer ziggurat (``Ziggurat``).
/// - `.uniform`, `.triangular`: inversion.
/// - `.gamma`: Marsaglia & Tsang (2000) squeeze/rejection on a ziggurat normal;
///   for shape < 1, the boost G(a) = G(a+1)·U^{1/a}.
/// - `.weibull`: scale·E^{1/shape} with E a ziggurat exponential.
/// - `.erlang`: a sum of k ziggurat exponentials for k ≤ 16, else gamma(k).
/// - `.discrete`: Walker/Vose alias table, O(1) per sample (``DiscreteTable``).
/// - `.piecewiseLinear`: inverse-CDF interpolation, O(log n) binary search
///   (``PiecewiseLinearTable``).
///
/// `.fixed` consumes no random numbers; every other case consumes at least one.
public enum Distribution: Sendable, Hashable {
    /// Always `value`.
    case fixed(Double)
    /// Exponential with the given mean (rate 1/mean). Requires mean > 0.
    case exponential(mean: Double)
    /// Uniform on [min, max). Requires min ≤ max.
    case uniform(min: Double, max: Double)
    /// Triangular with lower limit, mode and upper limit. Requires min ≤ mode ≤ max, min < max.
    case triangular(min: Double, mode: Double, max: Double)
    /// Normal (not truncated: may be negative). Requires sd ≥ 0.
    case normal(mean: Double, sd: Double)
    /// Lognormal with the given mean and SD of the variable itself. Requires mean > 0, sd ≥ 0.
    case lognormal(mean: Double, sd: Double)
    /// Gamma with shape k and scale θ (mean kθ). Requires both > 0.
    case gamma(shape: Double, scale: Double)
    /// Weibull with shape k and scale λ: P(X > x) = exp(−(x/λ)ᵏ). Requires both > 0.
    case weibull(shape: Double, scale: Double)
    /// Erlang: the sum of k exponential phases, with the given overall mean.
    /// Requires k ≥ 1, mean > 0.
    case erlang(k: Int, mean: Double)
    /// Empirical discrete: finitely many values with probabilities.
    case discrete(DiscreteTable)
    /// Empirical continuous: a piecewise-linear CDF through breakpoints.
    case piecewiseLinear(PiecewiseLinearTable)

    // MARK: Sampling

    /// One sample.
    /// - Complexity: O(1) expected, except `.piecewiseLinear` (O(log n)).
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        switch self {
        case .fixed(let value):
            return value
        case .exponential(let mean):
            return mean * Ziggurat.exponential(using: &rng)
        case .uniform(let low, let high):
            return low + (high - low) * rng.nextUnitDouble()
        case .triangular(let low, let mode, let high):
            return Distribution._triangular(low, mode, high, rng.nextUnitDouble())
        case .normal(let mean, let sd):
            return mean + sd * Ziggurat.normal(using: &rng)
        case .lognormal(let mean, let sd):
            let (mu, sigma) = Distribution.lognormalLogParameters(mean: mean, sd: sd)
            return exp(mu + sigma * Ziggurat.normal(using: &rng))
        case .gamma(let shape, let scale):
            return scale * Distribution._standardGamma(shape: shape, using: &rng)
        case .weibull(let shape, let scale):
            return scale * pow(Ziggurat.exponential(using: &rng), 1 / shape)
        case .erlang(let k, let mean):
            let phaseMean = mean / Double(k)
            if k <= 16 {
                var sum = 0.0
                for _ in 0..<k { sum += Ziggurat.exponential(using: &rng) }
                return phaseMean * sum
            }
            return phaseMean * Distribution._standardGamma(shape: Double(k), using: &rng)
        case .discrete(let table):
            return table.sample(using: &rng)
        case .piecewiseLinear(let table):
            return table.sample(using: &rng)
        }
    }

    /// The log-scale parameters (μ, σ) of a lognormal with the given mean and
    /// SD of the variable itself: σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
    @inlinable
    public static func lognormalLogParameters(mean: Double, sd: Double) -> (mu: Double, sigma: Double) {
        let cv = sd / mean
        let sigma2 = log1p(cv * cv)
        return (log(mean) - 0.5 * sigma2, sigma2.squareRoot())
    }

    /// Triangular by inversion of its CDF at u ∈ [0, 1).
    @inlinable
    static func _triangular(_ a: Double, _ c: Double, _ b: Double, _ u: Double) -> Double {
        let width = b - a
        let left = c - a
        if u * width < left {
            return a + (u * width * left).squareRoot()
        }
        return b - ((1 - u) * width * (b - c)).squareRoot()
    }

    /// A gamma(shape, 1) variate: Marsaglia & Tsang (2000), boosted for shape < 1.
    /// - Complexity: O(1) expected; ≥ 95 % acceptance for every shape ≥ 1.
    @inlinable
    static func _standardGamma<G: RandomNumberGenerator>(shape: Double, using rng: inout G) -> Double {
        if shape < 1 {
            // G(a) = G(a + 1) · U^{1/a} (Marsaglia & Tsang, §6). U ∈ (0, 1].
            let boosted = _marsagliaTsang(shape + 1, using: &rng)
            return boosted * pow(rng.nextPositiveUnitDouble(), 1 / shape)
        }
        return _marsagliaTsang(shape, using: &rng)
    }

    @inlinable
    static func _marsagliaTsang<G: RandomNumberGenerator>(_ shape: Double, using rng: inout G) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = Ziggurat.normal(using: &rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = rng.nextUnitDouble()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }

    // MARK: Moments

    /// The mean of the distribution.
    public var mean: Double {
        switch self {
        case .fixed(let value): return value
        case .exponential(let mean): return mean
        case .uniform(let low, let high): return 0.5 * (low + high)
        case .triangular(let a, let c, let b): return (a + b + c) / 3
        case .normal(let mean, _): return mean
        case .lognormal(let mean, _): return mean
        case .gamma(let shape, let scale): return shape * scale
        case .weibull(let shape, let scale):
            return scale * exp(SpecialFunctions.logGamma(1 + 1 / shape))
        case .erlang(_, let mean): return mean
        case .discrete(let table): return table.mean
        case .piecewiseLinear(let table): return table.mean
        }
    }

    /// The variance of the distribution (closed form for every case).
    public var variance: Double {
        switch self {
        case .fixed: return 0
        case .exponential(let mean): return mean * mean
        case .uniform(let low, let high): return (high - low) * (high - low) / 12
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .normal(_, let sd): return sd * sd
        case .lognormal(_, let sd): return sd * sd
        case .gamma(let shape, let scale): return shape * scale * scale
        case .weibull(let shape, let scale):
            let g1 = exp(SpecialFunctions.logGamma(1 + 1 / shape))
            let g2 = exp(SpecialFunctions.logGamma(1 + 2 / shape))
            return scale * scale * (g2 - g1 * g1)
        case .erlang(let k, let mean): return mean * mean / Double(k)
        case .discrete(let table): return table.variance
        case .piecewiseLinear(let table): return table.variance
        }
    }

    /// The standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// P(X ≤ x): used by goodness-of-fit tests and by planners checking a fit.
    public func cdf(_ x: Double) -> Double {
        switch self {
        case .fixed(let value):
            return x >= value ? 1 : 0
        case .exponential(let mean):
            return x <= 0 ? 0 : -expm1(-x / mean)
        case .uniform(let low, let high):
            if x <= low { return 0 }
            if x >= high { return 1 }
            return (x - low) / (high - low)
        case .triangular(let a, let c, let b):
            if x <= a { return 0 }
            if x >= b { return 1 }
            if x <= c { return (x - a) * (x - a) / ((b - a) * (c - a)) }
            return 1 - (b - x) * (b - x) / ((b - a) * (b - c))
        case .normal(let mean, let sd):
            return SpecialFunctions.normalCDF((x - mean) / sd)
        case .lognormal(let mean, let sd):
            if x <= 0 { return 0 }
            let (mu, sigma) = Distribution.lognormalLogParameters(mean: mean, sd: sd)
            return SpecialFunctions.normalCDF((log(x) - mu) / sigma)
        case .gamma(let shape, let scale):
            return x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(shape, x / scale)
        case .weibull(let shape, let scale):
            return x <= 0 ? 0 : -expm1(-pow(x / scale, shape))
        case .erlang(let k, let mean):
            return x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(Double(k), x * Double(k) / mean)
        case .discrete(let table):
            return table.cdf(x)
        case .piecewiseLinear(let table):
            return table.cdf(x)
        }
    }

    // MARK: Validation

    /// A planner-readable description of what is wrong with the parameters, or
    /// `nil` when they are valid. Non-finite parameters are always invalid.
    public func validate() -> String? {
        func finite(_ values: Double...) -> Bool { values.allSatisfy(\.isFinite) }
        switch self {
        case .fixed(let value):
            return finite(value) ? nil : "fixed value must be finite (got \(value))"
        case .exponential(let mean):
            return finite(mean) && mean > 0 ? nil : "exponential mean must be positive and finite (got \(mean))"
        case .uniform(let low, let high):
            guard finite(low, high) else { return "uniform limits must be finite (got \(low), \(high))" }
            return low <= high ? nil : "uniform min must not exceed max (got min \(low), max \(high))"
        case .triangular(let a, let c, let b):
            guard finite(a, c, b) else { return "triangular parameters must be finite (got \(a), \(c), \(b))" }
            guard a < b else { return "triangular min must be below max (got min \(a), max \(b))" }
            return a <= c && c <= b ? nil : "triangular mode must lie within [min, max] (got \(c) outside [\(a), \(b)])"
        case .normal(let mean, let sd):
            guard finite(mean, sd) else { return "normal mean and SD must be finite (got \(mean), \(sd))" }
            return sd >= 0 ? nil : "normal SD must not be negative (got \(sd))"
        case .lognormal(let mean, let sd):
            guard finite(mean, sd) else { return "lognormal mean and SD must be finite (got \(mean), \(sd))" }
            guard mean > 0 else { return "lognormal mean must be positive (got \(mean))" }
            return sd >= 0 ? nil : "lognormal SD must not be negative (got \(sd))"
        case .gamma(let shape, let scale):
            guard finite(shape, scale) else { return "gamma shape and scale must be finite (got \(shape), \(scale))" }
            return shape > 0 && scale > 0 ? nil : "gamma shape and scale must be positive (got \(shape), \(scale))"
        case .weibull(let shape, let scale):
            guard finite(shape, scale) else { return "Weibull shape and scale must be finite (got \(shape), \(scale))" }
            return shape > 0 && scale > 0 ? nil : "Weibull shape and scale must be positive (got \(shape), \(scale))"
        case .erlang(let k, let mean):
            guard k >= 1 else { return "Erlang k must be at least 1 (got \(k))" }
            return finite(mean) && mean > 0 ? nil : "Erlang mean must be positive and finite (got \(mean))"
        case .discrete, .piecewiseLinear:
            return nil   // validated when the table was built
        }
    }

    /// `self`, or a ``DistributionError`` carrying ``validate()``'s message.
    public func validated() throws(DistributionError) -> Distribution {
        if let message = validate() { throw DistributionError(message) }
        return self
    }
}

/// Invalid distribution parameters, with a message for the scenario author.
public struct DistributionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
