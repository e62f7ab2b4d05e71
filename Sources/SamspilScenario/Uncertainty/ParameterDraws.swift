import SamspilEngine

/// The outer loop of a probabilistic sensitivity analysis: `draws` joint
/// values of the uncertain inputs, and the scenario documents they make.
///
/// The values depend only on the inputs, the design, the number of draws and
/// the seed (one generator filled dimension by dimension), so draw `k` is the
/// same for any number of threads or shards.
public struct ParameterDraws: Sendable, Equatable {
    public let inputs: [UncertainInput]
    public let design: UnitCubeSample.Design
    /// Draw-major: draw `k`, input `j` at `k * inputs.count + j`.
    public let values: ContiguousArray<Double>
    public let count: Int

    /// - Complexity: O(draws × inputs × quantile cost).
    public init(inputs: [UncertainInput], draws: Int, design: UnitCubeSample.Design, seed: UInt64) {
        self.inputs = inputs
        self.design = design
        self.count = draws
        var rng = Xoshiro256StarStar(StreamKey(masterSeed: seed, replication: 0, purpose: StreamPurpose("psa-design")))
        let cube = UnitCubeSample(draws: draws, dimensions: inputs.count, design: design, using: &rng)
        var values = ContiguousArray<Double>(repeating: 0, count: draws * inputs.count)
        for k in 0..<draws {
            for (j, input) in inputs.enumerated() { values[k * inputs.count + j] = input.value(atQuantile: cube[k, j]) }
        }
        self.values = values
    }

    /// The value of input `j` in draw `k`.
    public subscript(draw k: Int, input j: Int) -> Double { values[k * inputs.count + j] }

    /// Every input's mean (rounded for counts): the point a tornado diagram varies around.
    public var means: [Double] { inputs.map { $0.isInteger ? $0.distribution.mean.rounded() : $0.distribution.mean } }

    /// Writes `values` (one per input) into `root`, wherever an input's path
    /// resolves; an input whose path does not exist in this document (a team
    /// that only the scenario has, say) leaves it unchanged.
    public func document(_ root: JSONValue, with values: [Double]) -> JSONValue {
        var edited = root
        for (j, input) in inputs.enumerated() {
            if let next = try? input.applying(values[j], to: edited) { edited = next }
        }
        return edited
    }

    /// The values of draw `k`, one per input.
    public func values(ofDraw k: Int) -> [Double] { (0..<inputs.count).map { self[draw: k, input: $0] } }

    /// Whether input `j`'s path resolves in `root`.
    public func resolves(_ j: Int, in root: JSONValue) -> Bool {
        (try? inputs[j].applying(inputs[j].distribution.mean, to: root)) != nil
    }
}
