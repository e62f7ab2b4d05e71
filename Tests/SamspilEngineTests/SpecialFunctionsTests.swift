import Testing
@testable import SamspilEngine

/// Reference values from SciPy 1.17 (`gammaln`, `gammainc`, `gammaincc`,
/// `chi2.sf`, `ndtr`, `ndtri`, `kolmogorov`) and from closed forms.
@Suite("Special functions")
struct SpecialFunctionsTests {
    private func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test("logGamma against SciPy and glibc's lgamma_r")
    func logGamma() {
        let reference: [(Double, Double)] = [
            (1e-8, 18.42068073818021), (0.1, 2.252712651734206), (0.5, 0.5723649429247),
            (1.5, -0.12078223763524526), (2.5, 0.2846828704729192), (3.7, 1.428072326665388),
            (10, 12.801827480081469), (123.4, 469.3360974421906), (1e5, 1051287.7089736569),
        ]
        for (x, y) in reference {
            #expect(close(SpecialFunctions.logGamma(x), y, 1e-13), "logGamma(\(x))")
        }
        #expect(SpecialFunctions.logGamma(1) == 0 || abs(SpecialFunctions.logGamma(1)) < 1e-15)
        #expect(abs(SpecialFunctions.logGamma(2)) < 1e-15)
        var sign: Int32 = 0
        var x = 0.013
        while x < 60 {
            #expect(close(SpecialFunctions.logGamma(x), lgamma_r(x, &sign), 1e-13), "logGamma(\(x))")
            x *= 1.37
        }
        // Reflection: Γ(−0.5) = −2√π.
        #expect(close(SpecialFunctions.logGamma(-0.5), log(2 * Double.pi.squareRoot()), 1e-13))
        #expect(SpecialFunctions.logGamma(0) == .infinity)
        #expect(SpecialFunctions.logGamma(-3) == .infinity)
        #expect(close(SpecialFunctions.logFactorial(20), log(2432902008176640000.0), 1e-14))
    }

    @Test("Regularized incomplete gamma P and Q")
    func incompleteGamma() {
        let reference: [(Double, Double, Double, Double)] = [
            (0.5, 0.3, 0.5614219739190003, 0.4385780260809997),
            (3.5, 2.0, 0.22022259152428406, 0.779777408475716),
            (10, 12, 0.7576078383294875, 0.24239216167051245),
            (100, 90, 0.15822098918643007, 0.84177901081357),
            (0.1, 1e-3, 0.526768568392445, 0.473231431607555),
            (50, 50, 0.5188083154720433, 0.48119168452795674),
        ]
        for (a, x, p, q) in reference {
            #expect(close(SpecialFunctions.regularizedGammaP(a, x), p, 1e-12), "P(\(a), \(x))")
            #expect(close(SpecialFunctions.regularizedGammaQ(a, x), q, 1e-12), "Q(\(a), \(x))")
        }
        // Small upper tail, computed without cancellation: Q(2.5, 40).
        #expect(abs(SpecialFunctions.regularizedGammaQ(2.5, 40) / 8.391825114831597e-16 - 1) < 1e-10)
        // Closed forms: P(1, x) = 1 − e^{−x}; P(1/2, x) = erf(√x).
        for x in [0.01, 0.3, 1, 2.5, 7, 30] {
            #expect(abs(SpecialFunctions.regularizedGammaP(1, x) - -expm1(-x)) < 1e-14)
            #expect(abs(SpecialFunctions.regularizedGammaP(0.5, x) - erf(x.squareRoot())) < 1e-14)
        }
        #expect(SpecialFunctions.regularizedGammaP(2, 0) == 0)
        #expect(SpecialFunctions.regularizedGammaQ(-1, 1).isNaN)
    }

    @Test("Chi-square survival function")
    func chiSquare() {
        #expect(close(SpecialFunctions.chiSquareSurvival(3.841458820694124, degreesOfFreedom: 1), 0.05, 1e-12))
        #expect(close(SpecialFunctions.chiSquareSurvival(18.307038053275146, degreesOfFreedom: 10), 0.05, 1e-12))
        #expect(close(SpecialFunctions.chiSquareSurvival(150, degreesOfFreedom: 120), 0.03307348091130466, 1e-11))
        #expect(close(SpecialFunctions.chiSquareSurvival(1, degreesOfFreedom: 5), 0.9625657732472964, 1e-12))
        // df = 2: survival is e^{−x/2}.
        #expect(abs(SpecialFunctions.chiSquareSurvival(7.3, degreesOfFreedom: 2) - exp(-3.65)) < 1e-15)
    }

    @Test("Normal CDF and quantile")
    func normal() {
        let cdf: [(Double, Double)] = [
            (-10, 7.61985302416047e-24), (-3, 0.0013498980316300933), (-1, 0.15865525393145707),
            (0, 0.5), (0.5, 0.6914624612740131), (2, 0.9772498680518208),
        ]
        for (x, p) in cdf {
            #expect(abs(SpecialFunctions.normalCDF(x) / p - 1) < 1e-13, "Φ(\(x))")
        }
        let quantiles: [(Double, Double)] = [
            (1e-300, -37.0470962993612), (1e-20, -9.262340089798409), (1e-10, -6.361340902404056),
            (0.001, -3.090232306167813), (0.02425, -1.972961051311885), (0.1, -1.2815515655446004),
            (0.5, 0), (0.8, 0.8416212335729143), (0.975, 1.959963984540054), (0.999999, 4.753424308817087),
        ]
        for (p, x) in quantiles {
            #expect(abs(SpecialFunctions.normalQuantile(p) - x) < 1e-12 * max(1, abs(x)), "Φ⁻¹(\(p))")
        }
        #expect(SpecialFunctions.normalQuantile(0) == -.infinity)
        #expect(SpecialFunctions.normalQuantile(1) == .infinity)
        #expect(SpecialFunctions.normalQuantile(1.5).isNaN)
    }

    @Test("Kolmogorov distribution survival and KS p-values")
    func kolmogorov() {
        let reference: [(Double, Double)] = [
            (0.3, 0.9999906941986655), (0.5, 0.9639452436648751), (0.8, 0.5441424115741981),
            (1.0, 0.26999967167735456), (1.18, 0.1234538094297657), (1.2, 0.11224966667072497),
            (1.5, 0.022217962616525127), (2.0, 0.0006709252557796953), (3.0, 3.045995948942526e-08),
        ]
        for (lambda, q) in reference {
            #expect(abs(SpecialFunctions.kolmogorovSurvival(lambda) / q - 1) < 1e-10, "Q_KS(\(lambda))")
        }
        // The two series agree at the switch point.
        let below = SpecialFunctions.kolmogorovSurvival(1.18.nextDown)
        let above = SpecialFunctions.kolmogorovSurvival(1.18)
        #expect(abs(below - above) < 1e-14)
        #expect(SpecialFunctions.kolmogorovSurvival(0) == 1)
        // Stephens' correction.
        let lambda = SpecialFunctions.kolmogorovSmirnovLambda(statistic: 0.05, sampleSize: 100)
        #expect(abs(lambda - (10 + 0.12 + 0.011) * 0.05) < 1e-15)
    }
}
