/// One metric across independent replications: mean, spread and a Student-t
/// confidence interval for the mean.
///
/// Replications, not events or batches, are the unit of independence: each
/// replication runs the model from its own random streams, so its output (say,
/// the mean bed occupancy after warm-up) is one independent draw, and the
/// interval `mean ± t(n−1) · s/√n` is valid without any assumption about
/// autocorrelation inside a run.
///
/// The summary is computed from the per-replication values *in replication
/// order* and keeps them (`values`), so it is a pure function of that array:
/// the same replications give bit-identical results however many threads ran
/// them and in whatever order they finished. Never accumulate replications in
/// completion order (e.g. by merging ``Tally`` values as workers finish):
/// floating-point addition is not associative, and the last bits would then
/// depend on scheduling.
///
/// Small samples are explicit rather than NaN, so the JSON encoding stays valid
/// (`JSONEncoder` rejects NaN and infinity by default):
/// - `n = 0`: `mean`, `minimum`, `maximum` and every spread or interval field are `nil`.
/// - `n = 1`: `mean`, `minimum`, `maximum` are the value; `standardDeviation`,
///   `standardError`, `halfWidth`, `lower` and `upper` are `nil` (one replication
///   says nothing about its own variability).
///
/// Memory is one `Double` per replication; nothing grows with simulated events.
public struct ReplicationSummary: Sendable, Equatable, Codable {
    /// The per-replication values, in replication order.
    public let values: [Double]
    /// Nominal two-sided coverage of the interval, e.g. 0.95.
    public let confidenceLevel: Double
    /// Number of replications.
    public let count: Int
    public let mean: Double?
    /// Sample standard deviation across replications (n − 1 denominator).
    public let standardDeviation: Double?
    /// Standard error of the mean, `s / √n`.
    public let standardError: Double?
    /// The Student-t multiplier `t(n − 1, (1 + level)/2)`.
    public let criticalValue: Double?
    /// Half-width of the confidence interval, `criticalValue · standardError`.
    public let halfWidth: Double?
    /// Confidence interval bounds, `mean ∓ halfWidth`.
    public let lower: Double?
    public let upper: Double?
    public let minimum: Double?
    public let maximum: Double?

    /// Summarises per-replication values given in replication order.
    ///
    /// - Parameters:
    ///   - values: one value per replication, index = replication number.
    ///   - confidenceLevel: two-sided coverage, in (0, 1); 0.95 by default.
    /// - Precondition: every value is finite (a replication that produced no
    ///   observation must be handled by the caller, not silently dropped,
    ///   since dropping replications biases the estimate).
    /// - Complexity: O(n), two passes.
    public init(_ values: [Double], confidenceLevel: Double = 0.95) {
        precondition(confidenceLevel > 0 && confidenceLevel < 1,
                     "confidence level must be in the open interval (0, 1)")
        precondition(values.allSatisfy { $0.isFinite }, "replication values must be finite")
        self.values = values
        self.confidenceLevel = confidenceLevel
        count = values.count
        guard let first = values.first else {
            mean = nil; standardDeviation = nil; standardError = nil; criticalValue = nil
            halfWidth = nil; lower = nil; upper = nil; minimum = nil; maximum = nil
            return
        }
        var lo = first, hi = first
        for v in values {
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        minimum = lo
        maximum = hi
        let moments = _orderedMeanAndSquaredDeviations(values, minimum: lo, maximum: hi)
        mean = moments.mean
        guard count > 1 else {
            standardDeviation = nil; standardError = nil; criticalValue = nil
            halfWidth = nil; lower = nil; upper = nil
            return
        }
        let n = Double(count)
        let sd = (moments.sumOfSquaredDeviations / (n - 1)).squareRoot()
        let se = sd / n.squareRoot()
        let t = StudentT.twoSidedCriticalValue(confidence: confidenceLevel, degreesOfFreedom: n - 1)
        let h = t * se
        standardDeviation = sd
        standardError = se
        criticalValue = t
        halfWidth = h
        lower = moments.mean - h
        upper = moments.mean + h
    }

    /// Summarises shards of replications, concatenated in the order given.
    ///
    /// The result is identical, bit for bit, to summarising the concatenated
    /// values directly; pass the shards in replication order (shard 0 holding
    /// replications 0..<k, and so on).
    /// - Precondition: all shards share one confidence level.
    public init(mergingShards shards: [ReplicationSummary]) {
        let level = shards.first?.confidenceLevel ?? 0.95
        precondition(shards.allSatisfy { $0.confidenceLevel == level },
                     "shards must share a confidence level")
        self.init(shards.flatMap(\.values), confidenceLevel: level)
    }

    /// The confidence interval, or `nil` for fewer than two replications.
    @inlinable
    public var confidenceInterval: ClosedRange<Double>? {
        guard let lower, let upper else { return nil }
        return lower...upper
    }

    /// `halfWidth / |mean|`: the usual stopping rule for adding replications
    /// (e.g. stop when below 0.05). `nil` when undefined (n < 2 or mean 0).
    @inlinable
    public var relativeHalfWidth: Double? {
        guard let halfWidth, let mean, mean != 0 else { return nil }
        return halfWidth / Swift.abs(mean)
    }

    // Decoding recomputes every derived field from `values` and
    // `confidenceLevel`, so a summary read back from JSON cannot be internally
    // inconsistent (say, after hand-editing or shard concatenation). The
    // derived fields are still written, for people and other tools to read.
    enum CodingKeys: String, CodingKey {
        case values, confidenceLevel, count, mean, standardDeviation, standardError
        case criticalValue, halfWidth, lower, upper, minimum, maximum
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let values = try container.decode([Double].self, forKey: .values)
        let level = try container.decode(Double.self, forKey: .confidenceLevel)
        guard level > 0 && level < 1 else {
            throw DecodingError.dataCorruptedError(forKey: .confidenceLevel, in: container,
                debugDescription: "confidence level must be in (0, 1)")
        }
        guard values.allSatisfy({ $0.isFinite }) else {
            throw DecodingError.dataCorruptedError(forKey: .values, in: container,
                debugDescription: "replication values must be finite")
        }
        self.init(values, confidenceLevel: level)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(values, forKey: .values)
        try container.encode(confidenceLevel, forKey: .confidenceLevel)
        try container.encode(count, forKey: .count)
        try container.encodeIfPresent(mean, forKey: .mean)
        try container.encodeIfPresent(standardDeviation, forKey: .standardDeviation)
        try container.encodeIfPresent(standardError, forKey: .standardError)
        try container.encodeIfPresent(criticalValue, forKey: .criticalValue)
        try container.encodeIfPresent(halfWidth, forKey: .halfWidth)
        try container.encodeIfPresent(lower, forKey: .lower)
        try container.encodeIfPresent(upper, forKey: .upper)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
    }
}

/// Mean and `Σ(xᵢ − mean)²` of a non-empty array, by the corrected two-pass
/// algorithm (Chan, Golub & LeVeque 1983) in array order.
///
/// Why two passes rather than Welford: the values are already in memory, and
/// two passes are more accurate (the correction term removes the first pass's
/// rounding from the mean). Why in array order: determinism.
/// When all values are equal the mean is that value exactly and the deviation
/// sum exactly 0, which is what gives identical scenarios a zero-width interval.
@usableFromInline
func _orderedMeanAndSquaredDeviations(
    _ values: [Double], minimum: Double, maximum: Double
) -> (mean: Double, sumOfSquaredDeviations: Double) {
    if minimum == maximum { return (minimum, 0) }
    let n = Double(values.count)
    // Pass 1: Neumaier-compensated sum for the provisional mean.
    var sum = 0.0, compensation = 0.0
    for v in values {
        let t = sum + v
        if Swift.abs(sum) >= Swift.abs(v) { compensation += (sum - t) + v }
        else { compensation += (v - t) + sum }
        sum = t
    }
    let provisional = (sum + compensation) / n
    // Pass 2: deviations from it, with the correction for its rounding.
    var sumOfDeviations = 0.0, sumOfSquares = 0.0
    for v in values {
        let d = v - provisional
        sumOfDeviations += d
        sumOfSquares += d * d
    }
    let mean = provisional + sumOfDeviations / n
    let m2 = Swift.max(0, sumOfSquares - sumOfDeviations * sumOfDeviations / n)
    return (mean, m2)
}

/// Paired comparison of a scenario against a base case across the same
/// replications: the summary of `scenario[i] − base[i]`.
///
/// With common random numbers (replication `i` of both runs drawing from the
/// same streams) the differences vary far less than either run, so the paired
/// interval is much narrower than comparing two independent intervals. Pairing
/// is by index: `scenario[i]` and `base[i]` must come from replication `i`.
///
/// Identical inputs give differences that are exactly 0 and an interval of
/// exactly `[0, 0]`: the comparison of a scenario with itself reports no
/// effect, not rounding noise.
public struct PairedDifference: Sendable, Equatable, Codable {
    /// Summary of the scenario's values.
    public let scenario: ReplicationSummary
    /// Summary of the base case's values.
    public let base: ReplicationSummary
    /// Summary of `scenario[i] − base[i]`; its interval is the interval of the
    /// effect.
    public let difference: ReplicationSummary

    /// - Precondition: equal counts (every replication paired).
    /// - Complexity: O(n).
    public init(scenario: [Double], base: [Double], confidenceLevel: Double = 0.95) {
        precondition(scenario.count == base.count,
                     "paired comparison needs one base value per scenario value")
        self.scenario = ReplicationSummary(scenario, confidenceLevel: confidenceLevel)
        self.base = ReplicationSummary(base, confidenceLevel: confidenceLevel)
        var differences = [Double]()
        differences.reserveCapacity(scenario.count)
        for i in scenario.indices { differences.append(scenario[i] - base[i]) }
        difference = ReplicationSummary(differences, confidenceLevel: confidenceLevel)
    }

    /// Paired comparison of two summaries of the same replications.
    public init(scenario: ReplicationSummary, base: ReplicationSummary) {
        precondition(scenario.confidenceLevel == base.confidenceLevel,
                     "paired summaries must share a confidence level")
        self.init(scenario: scenario.values, base: base.values,
                  confidenceLevel: scenario.confidenceLevel)
    }

    /// Whether the interval of the difference excludes 0; `nil` for fewer than
    /// two pairs. An interval of exactly `[0, 0]` does not exclude 0.
    @inlinable
    public var isSignificant: Bool? {
        guard let lower = difference.lower, let upper = difference.upper else { return nil }
        return lower > 0 || upper < 0
    }

    enum CodingKeys: String, CodingKey { case scenario, base, difference }

    // Decoding rebuilds the differences from the two value arrays, for the
    // same reason as ``ReplicationSummary``: no inconsistent state from JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scenario = try container.decode(ReplicationSummary.self, forKey: .scenario)
        let base = try container.decode(ReplicationSummary.self, forKey: .base)
        guard scenario.count == base.count, scenario.confidenceLevel == base.confidenceLevel else {
            throw DecodingError.dataCorruptedError(forKey: .base, in: container,
                debugDescription: "scenario and base must have equal counts and confidence levels")
        }
        self.init(scenario: scenario, base: base)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(base, forKey: .base)
        try container.encode(difference, forKey: .difference)
    }
}
