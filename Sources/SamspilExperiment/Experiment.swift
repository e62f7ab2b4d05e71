import Foundation
import SamspilModel
import SamspilReport
import SamspilScenario

/// An experiment — `run`, `compare` or `sweep` — as a value: its configurations,
/// aligned for common random numbers, ready to perform into a ``RunDocument``.
///
/// ```swift
/// let base = try Configuration(loading: "Scenarios/baseline.json5")
/// let team = try Configuration(loading: "Scenarios/viborg-acute-team.json5")
/// let result = try Experiment.compare([base, team]).perform(Experiment.Options(jobs: 2))
/// ```
public struct Experiment: Sendable {
    public enum Command: String, Sendable { case run, compare, sweep }

    /// The version written into every result; `merge` refuses parts of different versions.
    public static let toolVersion = "0.1.0"

    public let command: Command
    /// The configurations as they run: the first is the base of every comparison.
    public let configurations: [Configuration]
    public let sweep: SweepInfo?
    /// Settings each configuration keeps (swept per point).
    let perPoint: Set<String>
    /// The configuration every other is compared with (a sweep's `--base` point); 0 by default.
    public var baseIndex = 0

    /// Aligns the configurations: every one runs with the base's experiment
    /// settings (replications, seed, warm-up, horizon) except the keys in
    /// `perPoint`, which each configuration keeps (a sweep over them).
    init(command: Command, configurations: [Configuration], sweep: SweepInfo? = nil, perPoint: Set<String> = []) {
        precondition(!configurations.isEmpty, "an experiment needs a configuration")
        self.command = command
        self.configurations = Self.aligned(configurations, keepingPerPoint: perPoint)
        self.sweep = sweep
        self.perPoint = perPoint
    }

    /// The same experiment with `n` replications (for a precision target).
    public func withReplications(_ n: Int) -> Experiment {
        var overrides = ExperimentOverrides()
        overrides.replications = n
        var experiment = Experiment(command: command, configurations: configurations.map { $0.applying(overrides) }, sweep: sweep,
                                    perPoint: perPoint.subtracting(["replications"]))
        experiment.baseIndex = baseIndex
        return experiment
    }

    /// One scenario, every metric with its confidence interval.
    public static func run(_ configuration: Configuration) -> Experiment {
        Experiment(command: .run, configurations: [configuration])
    }

    /// The first configuration is the base; each other is compared with it, paired by replication.
    public static func compare(_ configurations: [Configuration]) -> Experiment {
        Experiment(command: .compare, configurations: configurations)
    }

    /// The experiment settings of the base, which the document records.
    public var settings: SimulationSettings { configurations[0].file.scenario.simulation }

    /// Common random numbers: every configuration runs with the base's experiment
    /// settings, and the resolved scenario each records shows the settings it
    /// actually ran with (command-line overrides included).
    /// - Complexity: O(configurations × size of the resolved document).
    static func aligned(_ configurations: [Configuration], keepingPerPoint perPoint: Set<String> = []) -> [Configuration] {
        guard let base = configurations.first?.file.scenario.simulation else { return configurations }
        return configurations.map { configuration in
            var c = configuration
            var s = c.file.scenario.simulation
            if !perPoint.contains("seed") { s.seed = base.seed }
            if !perPoint.contains("replications") { s.replications = base.replications }
            if !perPoint.contains("warmupDays") { s.warmupDays = base.warmupDays }
            if !perPoint.contains("horizonDays") { s.horizonDays = base.horizonDays }
            c.file.scenario.simulation = s
            c.resolved = recording(s, in: c.resolved)
            return c
        }
    }

    /// A resolved document with its experiment settings replaced by those of `simulation` where they differ.
    static func recording(_ simulation: SimulationSettings, in root: JSONValue) -> JSONValue {
        func number(_ x: Double) -> JSONNumber {
            x.rounded() == x && abs(x) < 1e15 ? JSONNumber(Int(x)) : JSONNumber(x)
        }
        let settings: [(key: String, value: JSONNumber)] = [
            ("horizonDays", number(simulation.horizonDays)),
            ("warmupDays", number(simulation.warmupDays)),
            ("replications", JSONNumber(simulation.replications)),
            ("seed", Int(exactly: simulation.seed).map { JSONNumber($0) } ?? JSONNumber(Double(simulation.seed))),
        ]
        var root = root
        for (key, value) in settings where root["simulation"]?[key]?.numberValue != value {
            guard let edited = try? DocumentEditing.setting(JSONValue(.number(value)), at: "simulation.\(key)", in: root) else { continue }
            root = edited
        }
        return root
    }

    /// How to perform an experiment: threads, which replications, progress and interruption.
    public struct Options: Sendable {
        public var jobs: Int
        /// Run only this shard's replications and produce a sealed partial result for ``Merging``.
        public var shard: Shard?
        /// Also record the episode trace of the first replication of the first configuration.
        public var traceFirst: Bool
        public var tool: ToolInfo
        public var progress: (@Sendable (Int, Int) -> Void)?
        public var shouldStop: (@Sendable () -> Bool)?

        public init(jobs: Int, shard: Shard? = nil, traceFirst: Bool = false,
                    tool: ToolInfo = ToolInfo(name: "samspil", version: Experiment.toolVersion, machine: "", commandLine: []),
                    progress: (@Sendable (Int, Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil) {
            self.jobs = jobs
            self.shard = shard
            self.traceFirst = traceFirst
            self.tool = tool
            self.progress = progress
            self.shouldStop = shouldStop
        }
    }

    public struct Result: Sendable {
        /// The result; nil when interrupted.
        public var document: RunDocument?
        /// Replications completed, over every configuration.
        public var completed: Int
        public var planned: Int
        /// The first replication's episode steps, as CSV, when requested.
        public var traceCSV: String?
    }

    /// Simulates every configuration and assembles the document (a sealed partial
    /// result when `options.shard` is set).
    /// - Complexity: O(configurations × replications × events); memory for daily
    ///   series does not grow with the number of replications (see ``ExperimentRunner``).
    public func perform(_ options: Options) throws -> Result {
        let started = Date()
        let total = settings.replications
        let replications = options.shard.map { $0.replications(of: total) } ?? Array(0..<total)
        let runner = ExperimentRunner(jobs: options.jobs, replications: replications, keepReplicationSeries: options.shard != nil,
                                      progress: options.progress, shouldStop: options.shouldStop)
        let outcome = try runner.run(configurations, traceFirst: options.traceFirst)
        let planned = configurations.count * replications.count
        let traceCSV = outcome.trace.map { TraceCSV.render($0, scenario: outcome.traceScenario!) }
        guard !outcome.interrupted else {
            return Result(document: nil, completed: outcome.completed.reduce(0, +), planned: planned, traceCSV: traceCSV)
        }
        let s = settings
        let experiment = ExperimentInfo(seed: s.seed, replications: total, warmupDays: s.warmupDays, horizonDays: s.horizonDays,
                                        jobs: options.jobs, runSeconds: Date().timeIntervalSince(started), shard: options.shard?.description)
        var document = RunDocument(command: command.rawValue, tool: options.tool, experiment: experiment, runs: outcome.runs,
                                   comparisons: command == .run ? [] : Summaries.comparisons(outcome.runs, base: baseIndex), sweep: sweep,
                                   stress: Stress.sections(configurations, experiment: experiment, command: command.rawValue))
        if options.shard == nil {
            let warnings = GuardRails.warnings(document)
            document.warnings = warnings.isEmpty ? nil : warnings
        } else {
            document = try ShardSeal.sealed(document)
        }
        return Result(document: document, completed: planned, planned: planned, traceCSV: traceCSV)
    }
}
