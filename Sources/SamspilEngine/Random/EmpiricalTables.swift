/// Walker's alias method (1977) in Vose's numerically careful construction
/// (1991): samples an index 0..<n with given weights in O(1), from one 64-bit
/// random word.
///
/// Why: empirical discrete distributions (referral destinations, diagnosis
/// groups, ages) can have hundreds of outcomes and are sampled per patient;
/// a linear or binary search would make their cost grow with the table.
///
/// Sampling multiplies the random word by n in full width: the high word is a
/// column (bias at most n/2⁶⁴), the low word a 53-bit uniform for the coin
/// within the column. Zero-weight outcomes are never returned.
public struct AliasTable: Sendable, Hashable {
    /// Probability of keeping column i rather than taking its alias.
    @usableFromInline let _keep: [Double]
    @usableFromInline let _alias: [Int]

    /// The number of outcomes.
    @inlinable public var count: Int { _keep.count }

    /// Builds the table from non-negative weights (need not sum to 1).
    /// - Complexity: O(n).
    public init(weights: [Double]) throws(DistributionError) {
        let n = weights.count
        guard n > 0 else { throw DistributionError("an empirical table needs at least one outcome") }
        guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw DistributionError("empirical weights must be finite and non-negative")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw DistributionError("empirical weights must not all be zero") }
        var scaled = weights.map { $0 * Double(n) / total }
        var keep = [Double](repeating: 0, count: n)
        var alias = Array(0..<n)
        var small: [Int] = []
        var large: [Int] = []
        for i in 0..<n {
            if scaled[i] < 1 { small.append(i) } else { large.append(i) }
        }
        while let s = small.last, let l = large.last {
            small.removeLast()
            large.removeLast()
            keep[s] = scaled[s]
            alias[s] = l
            scaled[l] = (scaled[l] + scaled[s]) - 1
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        // Leftovers are full columns up to rounding. A zero-weight leftover
        // (only possible through rounding) must still never be returned.
        let heaviest = weights.indices.max { weights[$0] < weights[$1] }!
        for i in large + small {
            if weights[i] > 0 {
                keep[i] = 1
            } else {
                keep[i] = 0
                alias[i] = heaviest
            }
        }
        _keep = keep
        _alias = alias
    }

    /// A random index in 0..<count, distributed as the weights.
    /// - Complexity: O(1); exactly one call to `rng.next()`.
    @inlinable
    public func sampleIndex<G: RandomNumberGenerator>(using rng: inout G) -> Int {
        let product = rng.next().multipliedFullWidth(by: UInt64(truncatingIfNeeded: _keep.count))
        let column = Int(truncatingIfNeeded: product.high)
        let coin = Double(product.low &>> 11) * 0x1.0p-53
        return coin < _keep[column] ? column : _alias[column]
    }
}

/// An empirical discrete distribution over real values (for example lengths
/// of stay in whole days, as counted in a register): values with
/// probabilities, sampled in O(1) with an ``AliasTable``.
public struct DiscreteTable: Sendable, Hashable {
    /// The outcomes, in the order given.
    public let values: [Double]
    /// Their probabilities, normalised to sum to 1.
    public let probabilities: [Double]
    @usableFromInline let _alias: AliasTable
    /// The mean Σ pᵢvᵢ.
    public let mean: Double
    /// The variance Σ pᵢ(vᵢ − mean)².
    public let variance: Double

    /// - Parameters:
    ///   - values: finite outcomes (duplicates allowed: their weights add).
    ///   - probabilities: non-negative weights, same count; normalised here.
    public init(values: [Double], probabilities: [Double]) throws(DistributionError) {
        guard values.count == probabilities.count else {
            throw DistributionError("empirical table has \(values.count) values but \(probabilities.count) probabilities")
        }
        guard values.allSatisfy(\.isFinite) else { throw DistributionError("empirical values must be finite") }
        _alias = try AliasTable(weights: probabilities)
        let total = probabilities.reduce(0, +)
        let p = probabilities.map { $0 / total }
        self.values = values
        self.probabilities = p
        let m = zip(values, p).reduce(0) { $0 + $1.0 * $1.1 }
        mean = m
        variance = zip(values, p).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) }
    }

    /// - Complexity: O(1).
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        values[_alias.sampleIndex(using: &rng)]
    }

    /// P(X ≤ x). - Complexity: O(n).
    public func cdf(_ x: Double) -> Double {
        var sum = 0.0
        for (v, p) in zip(values, probabilities) where v <= x { sum += p }
        return min(sum, 1)
    }
}

/// An empirical discrete distribution over integers (number of contacts,
/// number of visits per episode): values with probabilities, O(1) sampling.
public struct DiscreteEmpirical: Sendable, Hashable {
    /// The outcomes, in the order given.
    public let values: [Int]
    /// Their probabilities, normalised to sum to 1.
    public let probabilities: [Double]
    @usableFromInline let _alias: AliasTable

    public init(values: [Int], probabilities: [Double]) throws(DistributionError) {
        guard values.count == probabilities.count else {
            throw DistributionError("empirical table has \(values.count) values but \(probabilities.count) probabilities")
        }
        _alias = try AliasTable(weights: probabilities)
        let total = probabilities.reduce(0, +)
        self.values = values
        self.probabilities = probabilities.map { $0 / total }
    }

    /// The mean Σ pᵢvᵢ.
    public var mean: Double { zip(values, probabilities).reduce(0) { $0 + Double($1.0) * $1.1 } }

    /// The variance Σ pᵢ(vᵢ − mean)².
    public var variance: Double {
        let m = mean
        return zip(values, probabilities).reduce(0) { $0 + $1.1 * (Double($1.0) - m) * (Double($1.0) - m) }
    }

    /// - Complexity: O(1).
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Int {
        values[_alias.sampleIndex(using: &rng)]
    }
}

/// An empirical continuous distribution with a piecewise-linear CDF: the CDF
/// passes through (xᵢ, Fᵢ) and is linear in between, so the density is constant
/// on each segment (a histogram). Sampled by inversion: a uniform u, a binary
/// search for Fₖ ≤ u < Fₖ₊₁, and linear interpolation.
///
/// Why inversion: one uniform per sample, monotone in u (so common random
/// numbers stay aligned across scenarios), and exact for this CDF.
public struct PiecewiseLinearTable: Sendable, Hashable {
    /// Breakpoints x₀ ≤ x₁ ≤ … ≤ xₘ.
    public let breakpoints: [Double]
    /// Cumulative probabilities F₀ = 0 ≤ F₁ ≤ … ≤ Fₘ = 1 at the breakpoints.
    public let cumulativeProbabilities: [Double]
    /// The mean Σ (Fₖ₊₁ − Fₖ)(xₖ + xₖ₊₁)/2.
    public let mean: Double
    /// The variance, from Σ (Fₖ₊₁ − Fₖ)(xₖ² + xₖxₖ₊₁ + xₖ₊₁²)/3 − mean².
    public let variance: Double

    /// - Parameters:
    ///   - breakpoints: at least two finite, non-decreasing values.
    ///   - cumulativeProbabilities: non-decreasing, starting at 0 and ending at
    ///     1 (within 1e-9; the ends are then set exactly).
    public init(breakpoints: [Double], cumulativeProbabilities: [Double]) throws(DistributionError) {
        let m = breakpoints.count
        guard m >= 2 else { throw DistributionError("a piecewise-linear table needs at least two breakpoints") }
        guard cumulativeProbabilities.count == m else {
            throw DistributionError("piecewise-linear table has \(m) breakpoints but \(cumulativeProbabilities.count) cumulative probabilities")
        }
        guard breakpoints.allSatisfy(\.isFinite), cumulativeProbabilities.allSatisfy(\.isFinite) else {
            throw DistributionError("piecewise-linear breakpoints and probabilities must be finite")
        }
        for k in 1..<m {
            guard breakpoints[k] >= breakpoints[k - 1] else {
                throw DistributionError("piecewise-linear breakpoints must be non-decreasing (\(breakpoints[k]) follows \(breakpoints[k - 1]))")
            }
            guard cumulativeProbabilities[k] >= cumulativeProbabilities[k - 1] else {
                throw DistributionError("cumulative probabilities must be non-decreasing (\(cumulativeProbabilities[k]) follows \(cumulativeProbabilities[k - 1]))")
            }
        }
        guard abs(cumulativeProbabilities[0]) <= 1e-9, abs(cumulativeProbabilities[m - 1] - 1) <= 1e-9 else {
            throw DistributionError("cumulative probabilities must start at 0 and end at 1 (got \(cumulativeProbabilities[0]) … \(cumulativeProbabilities[m - 1]))")
        }
        var f = cumulativeProbabilities
        f[0] = 0
        f[m - 1] = 1
        self.breakpoints = breakpoints
        self.cumulativeProbabilities = f
        var first = 0.0, second = 0.0
        for k in 0..<(m - 1) {
            let p = f[k + 1] - f[k]
            let a = breakpoints[k], b = breakpoints[k + 1]
            first += p * 0.5 * (a + b)
            second += p * (a * a + a * b + b * b) / 3
        }
        mean = first
        variance = max(0, second - first * first)
    }

    /// A histogram: `binEdges` (n + 1 increasing edges) and non-negative
    /// `weights` (n bins, e.g. counts); the density is uniform within each bin.
    public init(binEdges: [Double], weights: [Double]) throws(DistributionError) {
        guard binEdges.count == weights.count + 1 else {
            throw DistributionError("a histogram with \(weights.count) bins needs \(weights.count + 1) edges (got \(binEdges.count))")
        }
        guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw DistributionError("histogram weights must be finite and non-negative")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw DistributionError("histogram weights must not all be zero") }
        var cumulative = [0.0]
        var running = 0.0
        for w in weights {
            running += w
            cumulative.append(running / total)
        }
        try self.init(breakpoints: binEdges, cumulativeProbabilities: cumulative)
    }

    /// - Complexity: O(log n); one uniform.
    @inlinable
    public func sample<G: RandomNumberGenerator>(using rng: inout G) -> Double {
        let u = rng.nextUnitDouble()
        return cumulativeProbabilities.withUnsafeBufferPointer { f in
            breakpoints.withUnsafeBufferPointer { x in
                // Invariant: f[lo] ≤ u < f[hi]; holds initially as f[0] = 0, f[last] = 1 > u.
                var lo = 0
                var hi = f.count - 1
                while hi - lo > 1 {
                    let mid = (lo + hi) &>> 1
                    if f[mid] <= u { lo = mid } else { hi = mid }
                }
                // f[lo] ≤ u < f[lo + 1], so the segment has positive probability.
                return x[lo] + (u - f[lo]) / (f[hi] - f[lo]) * (x[hi] - x[lo])
            }
        }
    }

    /// P(X ≤ x). - Complexity: O(log n).
    public func cdf(_ x: Double) -> Double {
        let xs = breakpoints, fs = cumulativeProbabilities
        if x < xs[0] { return 0 }
        if x >= xs[xs.count - 1] { return 1 }
        var lo = 0, hi = xs.count - 1   // xs[lo] ≤ x < xs[hi]
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid] <= x { lo = mid } else { hi = mid }
        }
        return fs[lo] + (x - xs[lo]) / (xs[hi] - xs[lo]) * (fs[hi] - fs[lo])
    }
}
