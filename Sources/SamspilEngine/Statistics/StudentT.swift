/// Student's t distribution: the distribution of a standardised mean when the
/// standard deviation is itself estimated from the sample.
///
/// Samspil needs it for one job: the confidence interval of a metric across a
/// handful of independent replications, where the normal 1.96 would understate
/// the uncertainty badly (with 5 replications the 95 % multiplier is 2.776).
///
/// The CDF goes through the regularized incomplete beta function,
/// `P(T > t) = ½ I_x(ν/2, ½)` with `x = ν / (ν + t²)`, evaluated by Lentz's
/// continued fraction. The quantile starts from a Cornish–Fisher expansion
/// around a normal quantile and is polished by safeguarded Newton steps on
/// `log P(T > t)` against `log t`, which converge in a few steps even in the
/// far tails of one or two degrees of freedom, where the tail is a power law.
/// One and two degrees of freedom have closed forms, used for the quantile and
/// kept as independent checks in the tests.
///
/// Above ν = 2000 the continued fraction's rounding noise grows, and in the
/// body of the distribution both functions switch to the Cornish–Fisher
/// expansion (A&S 26.7.5) around the normal (see `_usesExpansion`);
/// ν = `.infinity` gives the standard normal exactly.
///
/// Accuracy (measured in the tests against 40-digit references): quantiles to
/// ~1e-13 relative, tail probabilities to ~1e-12 relative, for every ν ≥ 1.
///
/// Everything here is deterministic and uses only the C math library, so
/// results are the same on every run and every thread.
public enum StudentT {
    /// `P(T ≤ t)` for `degreesOfFreedom` ν > 0 (not necessarily an integer).
    /// - Complexity: O(√ν) continued-fraction steps in the worst case,
    ///   usually a few dozen.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        if t.isNaN || nu.isNaN { return .nan }
        if t == 0 { return 0.5 }
        let upper = _upperTail(Swift.abs(t), nu)
        return t > 0 ? 1 - upper : upper
    }

    /// `P(T > t)`, accurate in relative terms even when tiny (where `1 - cdf`
    /// would round to zero).
    public static func survival(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        cdf(-t, degreesOfFreedom: nu)
    }

    /// Probability density at `t`.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        return exp(_logDensity(Swift.abs(t), nu))
    }

    /// The `p`-quantile: the `t` with `P(T ≤ t) = p`.
    ///
    /// Returns `-infinity` for `p = 0` and `+infinity` for `p = 1`.
    /// - Precondition: `0 ≤ p ≤ 1`, ν > 0.
    /// - Complexity: a handful of CDF evaluations.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        if p.isNaN || nu.isNaN { return .nan }
        precondition(p >= 0 && p <= 1, "probability must be in 0...1")
        if p == 0.5 { return 0 }
        // Work with the smaller tail: for p > ½, q = 1 − p is exact in binary
        // floating point (Sterbenz), so nothing is lost by reflecting.
        let q = p < 0.5 ? p : 1 - p
        let magnitude: Double
        if nu == 1 {
            magnitude = _cauchyUpperQuantile(q)
        } else if nu == 2 {
            magnitude = _twoDegreesUpperQuantile(q)
        } else {
            magnitude = _upperQuantileByIteration(q, nu)
        }
        return p < 0.5 ? -magnitude : magnitude
    }

    /// The multiplier `t` of a two-sided confidence interval `mean ± t·SE`:
    /// the `(1 + confidence)/2` quantile.
    ///
    /// For `confidence = 0.95` and ν = 4 this is 2.776445105.
    /// - Precondition: `0 < confidence < 1`.
    public static func twoSidedCriticalValue(confidence: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(confidence > 0 && confidence < 1, "confidence must be in the open interval (0, 1)")
        // (1 − c)/2 is the tail; computing from it keeps the tail exact for
        // confidence levels close to 1.
        return -quantile((1 - confidence) / 2, degreesOfFreedom: nu)
    }
}

// MARK: - Implementation

extension StudentT {
    /// Whether to use the Cornish–Fisher expansion rather than the incomplete
    /// beta function for `P(T > t)`.
    ///
    /// Why: with `a = ν/2` large and `x = ν/(ν + t²)` close to 1, the Lentz
    /// continued fraction runs for O(√ν) steps and its rounding error grows
    /// roughly like ν·1e-16 (measured against 40-digit references: 6e-14
    /// relative at ν = 2000, 4e-13 at 10⁴, 2e-12 at 10⁵, 3e-11 at 10⁶). The
    /// four-term expansion's truncation error instead falls like ν⁻⁵ but grows
    /// like t¹¹ (measured: 7e-12 at ν = 2000, t = 6). So the expansion is used
    /// above ν = 2000 for `t ≤ 3 (ν/2000)^0.45`, where it is below 1e-13, and
    /// the continued fraction everywhere else.
    @usableFromInline
    static func _usesExpansion(_ t: Double, _ nu: Double) -> Bool {
        nu == .infinity || (nu > 2000 && t <= 3 * pow(nu / 2000, 0.45))
    }

    /// `P(T > t)` for `t ≥ 0`.
    @usableFromInline
    static func _upperTail(_ t: Double, _ nu: Double) -> Double {
        if t == .infinity { return 0 }
        if _usesExpansion(t, nu) {
            return _normalUpperTail(_cornishFisherInverse(t, nu))
        }
        // r² = t²/ν; x = 1/(1 + r²), y = 1 − x = r²/(1 + r²), formed without
        // subtraction so neither loses digits, and in logarithms so that huge t
        // (r² overflowing) still works.
        let r = t / nu.squareRoot()
        let logOnePlusR2 = _logOnePlusSquare(r)
        let logX = -logOnePlusR2
        let logY = r < 1e150 ? log(r * r) - logOnePlusR2 : 0
        let x = exp(logX)
        let y = r < 1e150 ? (r * r) / (1 + r * r) : 1
        let a = nu / 2
        let ix = _regularizedIncompleteBeta(a, 0.5, x: x, y: y, logX: logX, logY: logY,
                                            logBeta: _logBetaHalf(a))
        return 0.5 * ix
    }

    /// `P(Z > z)` for the standard normal.
    @usableFromInline
    static func _normalUpperTail(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }

    /// The standard normal `z` with `P(Z > z) = q`, to full precision:
    /// Acklam's approximation and one Halley step against `erfc`.
    @usableFromInline
    static func _normalUpperQuantile(_ q: Double) -> Double {
        if q == 0 { return .infinity }
        if q == 1 { return -.infinity }
        var z = -SpecialFunctions._acklamNormalQuantile(q)
        // Halley's correction on P(Z > z) − q, relative to the density.
        let e = _normalUpperTail(z) - q
        let u = -e * (2 * Double.pi).squareRoot() * exp(z * z / 2)
        z -= u / (1 + z * u / 2)
        return z
    }

    /// The Cornish–Fisher polynomial `t(z)` of A&S 26.7.5 and its derivative.
    @usableFromInline
    static func _cornishFisher(_ z: Double, _ nu: Double) -> (t: Double, slope: Double) {
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        let d1 = (3 * z2 + 1) / 4
        let d2 = ((25 * z2 + 48) * z2 + 3) / 96
        let d3 = (((21 * z2 + 95) * z2 + 51) * z2 - 15) / 384
        let d4 = ((((711 * z2 + 5432) * z2 + 7410) * z2 - 5760) * z2 - 945) / 92160
        let inv = 1 / nu
        let t = z + (g1 + (g2 + (g3 + g4 * inv) * inv) * inv) * inv
        let slope = 1 + (d1 + (d2 + (d3 + d4 * inv) * inv) * inv) * inv
        return (t, slope)
    }

    /// The `z ≥ 0` with `t(z) = t` for the Cornish–Fisher polynomial (Newton;
    /// the polynomial is within O(1/ν) of the identity, so a few steps do).
    @usableFromInline
    static func _cornishFisherInverse(_ t: Double, _ nu: Double) -> Double {
        var z = t
        for _ in 0..<50 {
            let (value, slope) = _cornishFisher(z, nu)
            let step = (value - t) / slope
            z -= step
            if Swift.abs(step) <= 1e-16 * Swift.max(1, Swift.abs(z)) { break }
        }
        return z
    }

    /// `log(1 + r²)` without overflow for huge `r`.
    @usableFromInline
    static func _logOnePlusSquare(_ r: Double) -> Double {
        if r < 1e150 { return log1p(r * r) }
        return 2 * log(r)  // log1p(1/r²) is below one ulp of 2 log r here
    }

    /// `log f(t)` for `t ≥ 0`.
    @usableFromInline
    static func _logDensity(_ t: Double, _ nu: Double) -> Double {
        if nu == .infinity { return -0.5 * t * t - 0.5 * log(2 * Double.pi) }
        let r = t / nu.squareRoot()
        return -_logBetaHalf(nu / 2) - 0.5 * log(nu) - (nu + 1) / 2 * _logOnePlusSquare(r)
    }

    /// `log B(a, ½) = ½ log π − [log Γ(a + ½) − log Γ(a)]`.
    ///
    /// For large `a` the two log-gammas are huge and nearly equal, and their
    /// difference from `lgamma` would lose ~log₁₀(a log a) digits; an
    /// asymptotic series for the difference keeps full precision instead.
    @usableFromInline
    static func _logBetaHalf(_ a: Double) -> Double {
        0.5 * log(Double.pi) - _logGammaRatioHalf(a)
    }

    /// `log Γ(a + ½) − log Γ(a)`.
    @usableFromInline
    static func _logGammaRatioHalf(_ a: Double) -> Double {
        if a < 10 { return _logGamma(a + 0.5) - _logGamma(a) }
        // Σ (B_n(½) − B_n) / (n(n−1) a^(n−1)) over even n (Bernoulli
        // polynomials); the first omitted term is below 4e-14 / a¹¹.
        let inv = 1 / a
        let inv2 = inv * inv
        var series = -31.0 / 18432
        series = series * inv2 + 17.0 / 14336
        series = series * inv2 - 1.0 / 640
        series = series * inv2 + 1.0 / 192
        series = series * inv2 - 1.0 / 8
        return 0.5 * log(a) + series * inv
    }

    /// `log |Γ(x)|`, via the reentrant `lgamma_r` (plain `lgamma` writes the
    /// global `signgam`, a data race when replications run in parallel).
    @usableFromInline
    static func _logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// Upper quantile of the Cauchy distribution (ν = 1): `t = cot(π q)`.
    @usableFromInline
    static func _cauchyUpperQuantile(_ q: Double) -> Double {
        if q == 0 { return .infinity }
        return 1 / tan(Double.pi * q)
    }

    /// Upper quantile for ν = 2: `t = (1 − 2q) / √(2q(1 − q))`.
    @usableFromInline
    static func _twoDegreesUpperQuantile(_ q: Double) -> Double {
        if q == 0 { return .infinity }
        return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot()
    }

    /// Upper quantile for any ν: the `t ≥ 0` with `P(T > t) = q`, `0 ≤ q < ½`.
    ///
    /// Newton's method on `h(u) = log P(T > eᵘ) − log q`: in the tails
    /// `P(T > t)` behaves like `t^−ν`, so `h` is nearly linear in `u` and
    /// Newton converges in two or three steps where Newton on `t` would only
    /// double `t` per step. A bracket `[lo, hi]` that always contains the root
    /// catches any step that leaves it, and falls back to bisection.
    @usableFromInline
    static func _upperQuantileByIteration(_ q: Double, _ nu: Double) -> Double {
        if q == 0 { return .infinity }
        #if SAMSPIL_CHECK_INVARIANTS
        precondition(q > 0 && q < 0.5)
        #endif
        if nu > 2000 {
            let t = _cornishFisher(_normalUpperQuantile(q), nu).t
            if _usesExpansion(t, nu) { return t }
        }
        let logQ = log(q)
        var lo = 0.0                 // P(T > lo) ≥ q
        var hi = Double.infinity     // P(T > hi) ≤ q
        var t = _cornishFisherUpperGuess(q, nu)
        if !(t > 0 && t.isFinite) { t = 1 }
        var previousChange = Double.infinity
        for _ in 0..<200 {
            let tail = _upperTail(t, nu)
            if tail == q { return t }
            if tail > q { lo = t } else { hi = t }
            // d/du log P(T > eᵘ) = −t f(t) / P(T > t)
            // (formed in logarithms: f(t) underflows long before t overflows)
            let slope = -exp(log(t) + _logDensity(t, nu) - log(tail))
            let step = (log(tail) - logQ) / slope   // Newton: u ← u − h/h′
            var next = t * exp(-step)
            // Converged (tested before the bracket: a zero step lands on lo/hi).
            if Swift.abs(next - t) <= 1e-15 * t { return next }
            if !(next > lo && next < hi) || !next.isFinite {
                // Bisect the bracket (geometrically when it spans decades).
                if hi == .infinity { next = Swift.max(2 * t, 2 * lo) }
                else if lo == 0 { next = hi / 2 }
                else { next = hi / lo > 4 ? (lo * hi).squareRoot() : lo + (hi - lo) / 2 }
            }
            let change = Swift.abs(next - t)
            if lo > 0 && hi < .infinity && hi - lo <= 2e-16 * hi { return next }
            // Once steps stop shrinking at a tiny size, they are chasing the
            // CDF's own rounding noise: t is as good as the CDF can tell.
            if change <= 1e-11 * t && change >= 0.5 * previousChange { return t }
            previousChange = change
            t = next
        }
        return t
    }

    /// Cornish–Fisher expansion of the t quantile around the normal quantile
    /// (Abramowitz & Stegun 26.7.5), as a starting point for the iteration.
    @usableFromInline
    static func _cornishFisherUpperGuess(_ q: Double, _ nu: Double) -> Double {
        let z = -SpecialFunctions._acklamNormalQuantile(q)   // upper quantile, z > 0
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        let guess = z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
        // In the far tails of small ν the series is poor; the power-law
        // asymptote P(T > t) ≈ ν^(ν/2 − 1) t^(−ν) / B(ν/2, ½) is better there
        // (it overestimates t, so it is capped at 4× the series). Only a start:
        // the bracketed iteration corrects either.
        let logPowerLaw = 0.5 * log(nu) - (log(q) + log(nu) + _logBetaHalf(nu / 2)) / nu
        let powerLaw = exp(logPowerLaw)
        return q < 1e-3 && powerLaw.isFinite ? Swift.max(guess, Swift.min(powerLaw, 4 * guess)) : guess
    }
}

// MARK: - Regularized incomplete beta

/// The regularized incomplete beta function `I_x(a, b)` for `a, b > 0`,
/// `0 ≤ x ≤ 1`.
///
/// Kept internal and under its own name: the t distribution is its only
/// client in Samspil, and the shared special-function library lives elsewhere.
/// - Complexity: O(√max(a, b)) continued-fraction steps in the worst case.
@usableFromInline
func _regularizedIncompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
    precondition(a > 0 && b > 0, "beta parameters must be positive")
    precondition(x >= 0 && x <= 1, "x must be in 0...1")
    if x == 0 { return 0 }
    if x == 1 { return 1 }
    let y = 1 - x
    let logBeta = StudentT._logGamma(a) + StudentT._logGamma(b) - StudentT._logGamma(a + b)
    return _regularizedIncompleteBeta(a, b, x: x, y: y, logX: log(x), logY: log1p(-x),
                                      logBeta: logBeta)
}

/// `I_x(a, b)` given `x`, its complement `y = 1 − x`, their logarithms and
/// `log B(a, b)`, each computed by the caller as accurately as it can.
///
/// Passing the complement and the logarithms separately is what keeps the
/// result accurate when `x` is within rounding of 1 or when `a` is large
/// (where `a log x` amplifies any error in `x`).
@usableFromInline
func _regularizedIncompleteBeta(
    _ a: Double, _ b: Double, x: Double, y: Double, logX: Double, logY: Double, logBeta: Double
) -> Double {
    // Test the logarithms, not x and y: x may underflow to 0 while x^a y^b,
    // formed in logarithms below, is still representable.
    if logX == -.infinity { return 0 }
    if logY == -.infinity { return 1 }
    // The factor x^a y^b / B(a, b) in front of the continued fraction.
    let front = exp(a * logX + b * logY - logBeta)
    // The continued fraction converges fast below the mean of the beta
    // distribution; above it, use I_x(a, b) = 1 − I_y(b, a).
    if x < (a + 1) / (a + b + 2) {
        return front * _betaContinuedFraction(a, b, x) / a
    } else {
        return 1 - front * _betaContinuedFraction(b, a, y) / b
    }
}

/// The continued fraction for the incomplete beta function, evaluated
/// forwards by the modified Lentz method (Thompson & Barnett 1986), which needs
/// no a-priori choice of depth and guards against zero denominators.
@usableFromInline
func _betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-15
    let qab = a + b, qap = a + 1, qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if Swift.abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    let limit = 200 + Int(Swift.min(20 * Swift.max(a, b).squareRoot(), 1e7))
    var m = 1
    while m <= limit {
        let dm = Double(m)
        let m2 = 2 * dm
        // Even step.
        var aa = dm * (b - dm) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        if Swift.abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if Swift.abs(c) < tiny { c = tiny }
        d = 1 / d
        h *= d * c
        // Odd step.
        aa = -(a + dm) * (qab + dm) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        if Swift.abs(d) < tiny { d = tiny }
        c = 1 + aa / c
        if Swift.abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if Swift.abs(delta - 1) <= epsilon { break }
        m += 1
    }
    return h
}
