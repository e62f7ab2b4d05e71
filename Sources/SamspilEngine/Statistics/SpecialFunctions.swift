/// Special functions for distribution moments and for the statistical tests that
/// validate the simulator (chi-square, Kolmogorov–Smirnov, normal intervals).
///
/// Written out rather than taken from the C library where the C version is not
/// thread-safe (`lgamma` writes the global `signgam`) or not universally
/// available; every function is pure and safe to call from any thread.
/// Accuracy targets are stated per function; the tests check them against
/// independent reference values (SciPy / closed forms).
public enum SpecialFunctions {
    // MARK: Gamma

    /// log |Γ(x)|, thread-safe.
    ///
    /// For x ≥ 7 the Stirling series to the z⁻¹⁵ term (truncation error below
    /// 1e-15); smaller positive x are shifted up with Γ(x) = Γ(x+n)/(x⋯(x+n−1));
    /// negative non-integers use the reflection formula. Absolute error about
    /// 1e-15 near the zeros at 1 and 2, relative error about 1e-15 elsewhere.
    /// - Returns: +∞ at 0 and the negative integers, NaN for NaN.
    /// - Complexity: O(1).
    public static func logGamma(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return .infinity }
        if x <= 0 {
            if x == x.rounded(.down) { return .infinity }
            // Γ(x)Γ(1−x) = π / sin(πx)
            let s = abs(sin(Double.pi * (x - 2 * (0.5 * x).rounded(.down))))
            return log(Double.pi / s) - logGamma(1 - x)
        }
        var z = x
        var shift = 1.0
        while z < 7 {
            shift *= z
            z += 1
        }
        let inv = 1 / z
        let inv2 = inv * inv
        // Bernoulli-number coefficients B₂ₖ / (2k(2k−1)).
        var series = -3617.0 / 122_400.0
        series = series * inv2 + 1.0 / 156.0
        series = series * inv2 - 691.0 / 360_360.0
        series = series * inv2 + 1.0 / 1188.0
        series = series * inv2 - 1.0 / 1680.0
        series = series * inv2 + 1.0 / 1260.0
        series = series * inv2 - 1.0 / 360.0
        series = series * inv2 + 1.0 / 12.0
        let halfLogTwoPi = 0.918_938_533_204_672_741_78
        let stirling = (z - 0.5) * log(z) - z + halfLogTwoPi + series * inv
        return shift == 1 ? stirling : stirling - log(shift)
    }

    /// log(n!) for n ≥ 0.
    /// - Complexity: O(1).
    @inlinable
    public static func logFactorial(_ n: Int) -> Double {
        logGamma(Double(n) + 1)
    }

    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a):
    /// the CDF at x of a gamma(shape a, scale 1) variable.
    ///
    /// Series for x < a + 1, modified Lentz continued fraction otherwise
    /// (Numerical Recipes §6.2), each to full double precision; the common
    /// prefactor xᵃe⁻ˣ/Γ(a) is evaluated in logs, so its relative error grows
    /// like a·ε (about 1e-10 at a = 10⁶).
    /// - Precondition: a > 0, x ≥ 0 (otherwise NaN).
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !x.isNaN else { return .nan }
        if x == 0 { return 0 }
        if x.isInfinite { return 1 }
        if x < a + 1 { return _gammaSeries(a, x) }
        return 1 - _gammaContinuedFraction(a, x)
    }

    /// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x),
    /// computed directly (no cancellation) where it is small.
    /// - Precondition: a > 0, x ≥ 0 (otherwise NaN).
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        if x < a + 1 { return 1 - _gammaSeries(a, x) }
        return _gammaContinuedFraction(a, x)
    }

    static func _gammaPrefactor(_ a: Double, _ x: Double) -> Double {
        exp(a * log(x) - x - logGamma(a))
    }

    /// P(a, x) by its power series; converges quickly for x < a + 1.
    static func _gammaSeries(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * _gammaPrefactor(a, x)
    }

    /// Q(a, x) by its continued fraction (modified Lentz); for x ≥ a + 1.
    static func _gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 10_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        return _gammaPrefactor(a, x) * h
    }

    // MARK: Chi-square

    /// P(X > x) for a chi-square variable with `degreesOfFreedom` degrees of
    /// freedom: the p-value of a chi-square test statistic.
    /// - Precondition: degreesOfFreedom > 0.
    public static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Double) -> Double {
        if x <= 0 { return 1 }
        return regularizedGammaQ(0.5 * degreesOfFreedom, 0.5 * x)
    }

    // MARK: Normal

    /// Φ(x), the standard normal CDF, via the C library's `erfc` (accurate in
    /// relative terms far into the lower tail).
    @inlinable
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x * 0.707_106_781_186_547_524_40)
    }

    /// 1 − Φ(x), without cancellation for large x.
    @inlinable
    public static func normalSurvival(_ x: Double) -> Double {
        0.5 * erfc(x * 0.707_106_781_186_547_524_40)
    }

    /// Φ⁻¹(p), the standard normal quantile.
    ///
    /// Acklam's rational approximation (relative error < 1.15e-9) refined by one
    /// Halley step on `erfc`, which brings it to about 1e-15 relative.
    /// - Returns: −∞ at 0, +∞ at 1, NaN outside [0, 1].
    public static func normalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        var x = _acklamNormalQuantile(p)
        // One Halley step. In the upper half, work with the upper tail so the
        // residual is computed without cancellation.
        let e = p <= 0.5 ? normalCDF(x) - p : (1 - p) - normalSurvival(x)
        let u = e * 2.506_628_274_631_000_502_42 * exp(0.5 * x * x)   // e·√(2π)·e^{x²/2}
        x -= u / (1 + 0.5 * x * u)
        return x
    }

    /// Acklam's rational approximation of the standard normal quantile for p
    /// in (0, 1) (relative error < 1.2e-9): a starting value only, refined by
    /// `normalQuantile` and by the Student-t quantile's iteration.
    /// - Complexity: O(1).
    @usableFromInline
    static func _acklamNormalQuantile(_ p: Double) -> Double {
        let a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
        let b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01)
        let c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
        let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00)
        let pLow = 0.02425
        if p < pLow {
            let s = (-2 * log(p)).squareRoot()
            return (((((c.0 * s + c.1) * s + c.2) * s + c.3) * s + c.4) * s + c.5)
                / ((((d.0 * s + d.1) * s + d.2) * s + d.3) * s + 1)
        }
        if p > 1 - pLow {
            let s = (-2 * log1p(-p)).squareRoot()
            return -(((((c.0 * s + c.1) * s + c.2) * s + c.3) * s + c.4) * s + c.5)
                / ((((d.0 * s + d.1) * s + d.2) * s + d.3) * s + 1)
        }
        let s = p - 0.5
        let r = s * s
        return (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * s
            / (((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1)
    }

    // MARK: Kolmogorov–Smirnov

    /// P(K > λ) for the Kolmogorov distribution: the asymptotic p-value of
    /// √n·Dₙ in the one-sample Kolmogorov–Smirnov test.
    ///
    /// Uses 2Σ(−1)^{k−1}e^{−2k²λ²} for λ ≥ 1.18 and the theta-function form
    /// 1 − (√(2π)/λ)Σe^{−(2k−1)²π²/(8λ²)} below, each converging to full double
    /// precision within a handful of terms.
    public static func kolmogorovSurvival(_ lambda: Double) -> Double {
        if lambda.isNaN { return .nan }
        if lambda <= 0 { return 1 }
        if lambda < 1.18 {
            let w = Double.pi * Double.pi / (8 * lambda * lambda)
            var sum = 0.0
            var k = 1.0
            while k < 100 {
                let m = 2 * k - 1
                let term = exp(-m * m * w)
                sum += term
                if term < 1e-17 * sum || term == 0 { break }
                k += 1
            }
            return 1 - 2.506_628_274_631_000_502_42 / lambda * sum
        }
        var sum = 0.0
        var sign = 1.0
        var k = 1.0
        while k < 100 {
            let term = exp(-2 * k * k * lambda * lambda)
            sum += sign * term
            if term < 1e-17 * abs(sum) { break }
            sign = -sign
            k += 1
        }
        return max(0, min(1, 2 * sum))
    }

    /// The p-value of a one-sample Kolmogorov–Smirnov statistic `d` from
    /// `sampleSize` observations, with Stephens' (1970) small-sample correction
    /// λ = (√n + 0.12 + 0.11/√n)·d, accurate for n ≥ 5 or so.
    public static func kolmogorovSmirnovPValue(statistic d: Double, sampleSize n: Int) -> Double {
        kolmogorovSurvival(kolmogorovSmirnovLambda(statistic: d, sampleSize: n))
    }

    /// Stephens' corrected argument (√n + 0.12 + 0.11/√n)·d.
    @inlinable
    public static func kolmogorovSmirnovLambda(statistic d: Double, sampleSize n: Int) -> Double {
        let rootN = Double(n).squareRoot()
        return (rootN + 0.12 + 0.11 / rootN) * d
    }
}
