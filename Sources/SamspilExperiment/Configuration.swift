import SamspilEconomics
import SamspilModel
import SamspilScenario

/// One thing to simulate: a scenario file as loaded, possibly with overrides
/// (a sweep point, a regime), and the label it carries in every output.
public struct Configuration: Sendable {
    public var label: String
    public var file: ScenarioFile
    /// The resolved document as simulated (overrides applied), kept as a value:
    /// it is printed only when a result records it (``resolvedText``).
    public var resolved: JSONValue

    public init(label: String, file: ScenarioFile, resolved: JSONValue) {
        self.label = label
        self.file = file
        self.resolved = resolved
    }

    /// Loads a scenario file with its `extends` chain; labelled with the scenario's name.
    /// - Throws: every problem found in the file, for the caller to render.
    public init(loading path: String, label: String? = nil) throws(ExperimentError) {
        switch ScenarioLoader().load(path) {
        case .success(let loaded):
            self.init(label: label ?? loaded.file.scenario.name, file: loaded.file, resolved: loaded.document.root)
        case .failure(let error):
            throw .scenario(error)
        }
    }

    /// Reads an edited document (a sweep point) the way a file is read.
    public init(decoding root: JSONValue, label: String) throws(ExperimentError) {
        switch ScenarioLoader().decode(root) {
        case .success(let file): self.init(label: label, file: file, resolved: root)
        case .failure(let error): throw .scenario(error)
        }
    }

    /// The resolved scenario as pretty-printed JSON, as results record it.
    public var resolvedText: String { JSONPrinter().print(resolved) }

    /// The scenario the model simulates: the explicit behavioural-response step
    /// applied to the file's scenario (see ``ScenarioFile/adjustedForIncentives()``).
    public func adjustedForIncentives() -> Scenario { file.adjustedForIncentives() }

    /// This configuration with its experiment settings overridden (the command
    /// line's `--replications`, `--seed`, `--warmup-days`, `--horizon-days`).
    /// The resolved document records them when the experiment aligns its configurations.
    public func applying(_ overrides: ExperimentOverrides) -> Configuration {
        var c = self
        overrides.apply(to: &c.file.scenario)
        return c
    }

    /// This configuration under another incentive regime, labelled "name @ regime".
    public func underRegime(_ regime: RegimeName) -> Configuration {
        var c = self
        c.file.economics.regime = regime
        c.label = "\(file.scenario.name) @ \(regime.rawValue)"
        if let edited = try? DocumentEditing.setting(JSONValue(.string(regime.rawValue)), at: "economics.regime", in: resolved) {
            c.resolved = edited
        }
        return c
    }
}

/// Why an experiment cannot be set up: a scenario with problems (rendered by
/// the caller with file, line and path) or a request that cannot be honoured.
public enum ExperimentError: Error, Sendable {
    case scenario(DiagnosticError)
    case invalidRequest(String)
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

    /// The `simulation.*` keys these overrides set.
    var keys: Set<String> {
        var keys: Set<String> = []
        if replications != nil { keys.insert("replications") }
        if seed != nil { keys.insert("seed") }
        if warmupDays != nil { keys.insert("warmupDays") }
        if horizonDays != nil { keys.insert("horizonDays") }
        return keys
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
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        self.init(index: k, count: n)
    }

    /// Replications of `total` in this shard: every N-th, starting at K − 1, so
    /// shards are balanced and together cover every replication exactly once.
    /// - Complexity: O(total / N).
    public func replications(of total: Int) -> [Int] {
        Array(stride(from: index - 1, to: total, by: count))
    }

    public var description: String { "\(index)/\(count)" }
}
