/// Uniform points in the unit cube for the outer loop of a probabilistic
/// sensitivity analysis: plain Monte Carlo, or a Latin hypercube (McKay,
/// Beckman & Conover 1979), which splits every dimension into `draws` equal
/// strata and puts exactly one point in each, so every input's marginal
/// distribution is covered evenly however few draws are made.
///
/// Points are stored draw-major in one contiguous array: point `i`,
/// dimension `j` is at `i * dimensions + j`. Map each through an input's
/// `ParameterDistribution.quantile` to get the drawn values.
public struct UnitCubeSample: Sendable, Equatable {
    public let draws: Int
    public let dimensions: Int
    public private(set) var values: ContiguousArray<Double>

    /// The uniform for draw `draw`, dimension `dimension`.
    /// - Complexity: O(1).
    @inlinable
    public subscript(draw: Int, dimension: Int) -> Double { values[draw * dimensions + dimension] }

    public enum Design: String, Sendable, CaseIterable {
        case monteCarlo = "monte-carlo"
        case latinHypercube = "latin-hypercube"
    }

    /// Draws `draws` points in `[0, 1)^dimensions`.
    ///
    /// Dimensions are filled one after another, each from the same generator,
    /// so the sample depends only on the generator's state, the design and the
    /// two sizes — never on threads. Values lie strictly inside (0, 1).
    /// - Complexity: O(draws × dimensions).
    public init<G: RandomNumberGenerator>(draws: Int, dimensions: Int, design: Design, using rng: inout G) {
        precondition(draws > 0 && dimensions >= 0, "a sample needs at least one draw")
        self.draws = draws
        self.dimensions = dimensions
        values = ContiguousArray(repeating: 0, count: draws * dimensions)
        let n = Double(draws)
        var strata = ContiguousArray(0..<draws)
        for j in 0..<dimensions {
            switch design {
            case .monteCarlo:
                for i in 0..<draws { values[i * dimensions + j] = Self._open(rng.next()) }
            case .latinHypercube:
                // A fresh random permutation of the strata (Fisher–Yates), one point per stratum.
                for i in 0..<draws { strata[i] = i }
                var i = draws - 1
                while i > 0 {
                    let k = Int(rng.nextInt(below: UInt64(i + 1)))
                    strata.swapAt(i, k)
                    i -= 1
                }
                for i in 0..<draws {
                    values[i * dimensions + j] = (Double(strata[i]) + Self._open(rng.next())) / n
                }
            }
        }
    }

    /// A uniform in (0, 1) from 53 random bits: never exactly 0 or 1.
    @inline(__always)
    static func _open(_ bits: UInt64) -> Double { (Double(bits &>> 11) + 0.5) * 0x1.0p-53 }
}
