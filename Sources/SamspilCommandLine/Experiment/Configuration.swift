import SamspilEconomics
import SamspilModel
import SamspilScenario

/// One thing to simulate: a scenario file as loaded, possibly with overrides
/// (a sweep point, a regime), and the label it carries in every output.
public struct Configuration: Sendable {
    public var label: String
    public var file: ScenarioFile
    /// The resolved document as simulated (overrides applied), pretty-printed.
    public var resolvedText: String
    public init(label: String, file: ScenarioFile, resolvedText: String) {
        self.label = label
        self.file = file
        self.resolvedText = resolvedText
    }
}

/// Experiment settings from the command line, overriding the scenario file's.
public struct ExperimentOverrides: Sendable, Equatable {
    public var replications: Int?
    public var seed: UInt64?
    public var warmupDays: Double?
    public var horizonDays: Double?
    public init() {}

    /// Applies the overrides to a scenario's simulation settings.
    public func apply(to scenario: inout Scenario) {
        if let replications { scenario.simulation.replications = replications }
        if let seed { scenario.simulation.seed = seed }
        if let warmupDays { scenario.simulation.warmupDays = warmupDays }
        if let horizonDays { scenario.simulation.horizonDays = horizonDays }
    }
}

/// Which replications this process runs: all of them, or one shard of them.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based shard number.
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses "K/N" with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        self.init(index: k, count: n)
    }

    /// Replications of `total` in this shard: every N-th, starting at K − 1, so
    /// shards are balanced and together cover every replication exactly once.
    public func replications(of total: Int) -> [Int] {
        Array(stride(from: index - 1, to: total, by: count))
    }

    public var description: String { "\(index)/\(count)" }
}
