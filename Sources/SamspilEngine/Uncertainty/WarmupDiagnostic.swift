/// The MSER-5 warm-up diagnostic (White 1997; White, Cobb & Spratt 2000;
/// Hoad, Robinson & Davies 2010 recommend it as the most robust simple rule).
///
/// The series (e.g. daily occupancy averaged over replications) is cut into
/// batches of 5 and the batch means Z₁…Z_k are formed. For each candidate
/// truncation d the marginal standard error is
///
///     MSER(d) = Σ_{i>d} (Z_i − Z̄_d)² / (k − d)²
///
/// and the warm-up is the d that minimises it over the first half of the
/// batches. A minimum at the half-way boundary means the run is too short (or
/// still trending) to say, and the diagnostic is marked unreliable.
public struct WarmupDiagnostic: Sendable, Equatable {
    /// Observations the rule would delete (a multiple of the batch size).
    public var truncatedObservations: Int
    /// Whether the minimum lay before the half-way boundary; `false` means the
    /// series is too short or still trending, and the answer is not reliable.
    public var isReliable: Bool
    /// MSER at the chosen truncation.
    public var standardError: Double

    public static let batchSize = 5

    /// - Complexity: O(n) — one backward pass with running sums.
    public init<C: Collection>(series: C) where C.Element == Double {
        let values = Array(series)
        let k = values.count / Self.batchSize
        guard k >= 4 else {
            self.init(truncatedObservations: 0, isReliable: false, standardError: .nan)
            return
        }
        var batches = [Double](repeating: 0, count: k)
        for b in 0..<k {
            var s = 0.0
            for i in 0..<Self.batchSize { s += values[b * Self.batchSize + i] }
            batches[b] = s / Double(Self.batchSize)
        }
        // Suffix sums from the end give every MSER(d) in one pass.
        var bestD = 0, best = Double.infinity
        var sum = 0.0, sumSquares = 0.0
        var msers = [Double](repeating: .infinity, count: k)
        for d in stride(from: k - 1, through: 0, by: -1) {
            sum += batches[d]
            sumSquares += batches[d] * batches[d]
            let m = Double(k - d)
            let ss = Swift.max(0, sumSquares - sum * sum / m)
            msers[d] = ss / (m * m)
        }
        // Search the first half only: with few batches left MSER is tiny by
        // chance. A minimum on that boundary means the series is too short or
        // still trending.
        let limit = k / 2
        for d in 0...limit where msers[d] < best {
            best = msers[d]
            bestD = d
        }
        self.init(truncatedObservations: bestD * Self.batchSize, isReliable: bestD < limit, standardError: best)
    }

    public init(truncatedObservations: Int, isReliable: Bool, standardError: Double) {
        self.truncatedObservations = truncatedObservations
        self.isReliable = isReliable
        self.standardError = standardError
    }
}
