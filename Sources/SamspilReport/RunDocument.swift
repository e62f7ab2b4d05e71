/// Everything a run produced, in one value: what `results.json` holds, what
/// the CSV files and the HTML report are rendered from, and what `samspil merge`
/// combines. Plain data, Codable, independent of the model's internals.
public struct RunDocument: Codable, Sendable, Equatable {
    /// "run", "compare" or "sweep".
    public var command: String
    public var tool: ToolInfo
    public var experiment: ExperimentInfo
    /// One entry per simulated configuration (a scenario, a scenario under a
    /// regime, or a sweep point), in the order they were given.
    public var runs: [ScenarioRun]
    /// Paired differences against the base (first) run, for `compare` and `sweep`.
    public var comparisons: [Comparison]
    /// The sweep's parameters and the run index of each grid point, for `sweep`.
    public var sweep: SweepInfo?
    /// STRESS-DES (Monks et al. 2019) documentation of the run.
    public var stress: [StressSection]
    /// In a partial (shard) result only: digests `samspil merge` checks.
    public var seal: PartSeal? = nil
    /// What to keep in mind before quoting the numbers (few replications, two
    /// different systems compared, hospitals over 95 % full); `nil` when none.
    public var warnings: [String]? = nil
    /// A budget over several years (`--years N`); nil for a one-year result.
    public var budget: BudgetReport? = nil

    public init(command: String, tool: ToolInfo, experiment: ExperimentInfo, runs: [ScenarioRun],
                comparisons: [Comparison] = [], sweep: SweepInfo? = nil, stress: [StressSection] = []) {
        self.command = command
        self.tool = tool
        self.experiment = experiment
        self.runs = runs
        self.comparisons = comparisons
        self.sweep = sweep
        self.stress = stress
    }
}

/// What a partial result carries so that a merge can check it: the digest of
/// the experiment it belongs to, and of its own content.
public struct PartSeal: Codable, Sendable, Equatable {
    /// SHA-256 of what every shard of one experiment shares: command, labels,
    /// resolved scenarios (regime included), metrics, sweep, seed,
    /// replications, warm-up, horizon and tool version.
    public var experimentDigest: String
    /// SHA-256 of the part's `results.json` as written with this field empty.
    public var contentDigest: String
    public init(experimentDigest: String, contentDigest: String) {
        self.experimentDigest = experimentDigest
        self.contentDigest = contentDigest
    }
}

public struct ToolInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    /// Operating system, CPU cores, and the like.
    public var machine: String
    public var commandLine: [String]
    public init(name: String, version: String, machine: String, commandLine: [String]) {
        self.name = name
        self.version = version
        self.machine = machine
        self.commandLine = commandLine
    }
}

public struct ExperimentInfo: Codable, Sendable, Equatable {
    public var seed: UInt64
    public var replications: Int
    public var warmupDays: Double
    public var horizonDays: Double
    public var jobs: Int
    /// Wall-clock seconds (not part of the reproducible result; excluded from
    /// comparisons of documents).
    public var runSeconds: Double
    /// Shard "K/N" when this document is a partial result, else nil.
    public var shard: String?
    public init(seed: UInt64, replications: Int, warmupDays: Double, horizonDays: Double, jobs: Int,
                runSeconds: Double, shard: String? = nil) {
        self.seed = seed
        self.replications = replications
        self.warmupDays = warmupDays
        self.horizonDays = horizonDays
        self.jobs = jobs
        self.runSeconds = runSeconds
        self.shard = shard
    }
}

/// A metric's identity: name, unit, meaning, and a group for presentation
/// ("demand", "hospital", "acute team", "costs", "payer: region", …).
public struct MetricInfo: Codable, Sendable, Equatable {
    public var name: String
    public var unit: String
    public var description: String
    public var group: String
    /// For a metric of one named entity: its level ("municipality", "region",
    /// "state", "generalPractice", "jointBudget", …) and name; `nil` for the
    /// whole system (written as level `system`).
    public var level: String?
    public var entity: String?
    public init(name: String, unit: String, description: String, group: String, level: String? = nil, entity: String? = nil) {
        self.name = name
        self.unit = unit
        self.description = description
        self.group = group
        self.level = level
        self.entity = entity
    }

    /// What identifies a row across runs: the metric and, for an entity's metric, the entity.
    public var key: MetricKey { MetricKey(name: name, level: level ?? MetricKey.system, entity: entity ?? "") }
}

/// A metric row's identity in every tidy output: `level`, `entity`, `metric`.
public struct MetricKey: Hashable, Sendable {
    public var name: String
    public var level: String
    public var entity: String
    /// The level of scenario-wide rows.
    public static let system = "system"
    public init(name: String, level: String = MetricKey.system, entity: String = "") {
        self.name = name
        self.level = level
        self.entity = entity
    }
}

/// Mean and 95 % confidence interval of one metric across replications.
public struct Estimate: Codable, Sendable, Equatable {
    public var n: Int
    public var mean: Double
    public var sd: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public init(n: Int, mean: Double, sd: Double?, ciLow: Double?, ciHigh: Double?) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }
}

/// A daily series summarised across replications: mean and 95 % band per day.
public struct SeriesBand: Codable, Sendable, Equatable {
    public var name: String
    public var unit: String
    public var day: [Int]
    public var mean: [Double]
    public var low: [Double]
    public var high: [Double]
    public init(name: String, unit: String, day: [Int], mean: [Double], low: [Double], high: [Double]) {
        self.name = name
        self.unit = unit
        self.day = day
        self.mean = mean
        self.low = low
        self.high = high
    }
}

public struct ScenarioRun: Codable, Sendable, Equatable {
    /// Label shown in tables and charts (scenario name, "name @ regime", or a sweep point).
    public var label: String
    public var scenarioName: String
    /// The fully resolved scenario as pretty-printed JSON (what ran).
    public var resolvedScenario: String
    public var metrics: [MetricInfo]
    /// `values[r][m]`: metric `m` in replication `replicationNumbers[r]`.
    public var replicationNumbers: [Int]
    public var values: [[Double]]
    /// Summary per metric, aligned with `metrics`.
    public var estimates: [Estimate]
    public var series: [SeriesBand]
    /// Daily values per replication, kept only in partial (shard) documents so
    /// that `samspil merge` can rebuild the bands exactly; empty otherwise.
    public var replicationSeries: [ReplicationSeries] = []
    public init(label: String, scenarioName: String, resolvedScenario: String, metrics: [MetricInfo],
                replicationNumbers: [Int], values: [[Double]], estimates: [Estimate], series: [SeriesBand] = []) {
        self.label = label
        self.scenarioName = scenarioName
        self.resolvedScenario = resolvedScenario
        self.metrics = metrics
        self.replicationNumbers = replicationNumbers
        self.values = values
        self.estimates = estimates
        self.series = series
    }
}

/// Paired differences (run − base) per metric with 95 % CIs.
public struct Comparison: Codable, Sendable, Equatable {
    public var baseLabel: String
    public var label: String
    /// Aligned with the base run's `metrics`.
    public var differences: [Estimate]
    /// Measures that only exist between two runs: admissions avoided between
    /// runs, net cost per avoided admission, and the like.
    public var derived: [DerivedEstimate]?
    public init(baseLabel: String, label: String, differences: [Estimate], derived: [DerivedEstimate]? = nil) {
        self.baseLabel = baseLabel
        self.label = label
        self.differences = differences
        self.derived = derived
    }
}

/// A named estimate computed from a pair of runs.
public struct DerivedEstimate: Codable, Sendable, Equatable {
    public var metric: MetricInfo
    public var estimate: Estimate
    public init(metric: MetricInfo, estimate: Estimate) {
        self.metric = metric
        self.estimate = estimate
    }
}

public struct SweepInfo: Codable, Sendable, Equatable {
    public struct Parameter: Codable, Sendable, Equatable {
        public var path: String
        public var values: [String]
        public init(path: String, values: [String]) {
            self.path = path
            self.values = values
        }
    }
    public var parameters: [Parameter]
    /// For each run (aligned with `runs`), the value index of every parameter.
    public var points: [[Int]]
    public init(parameters: [Parameter], points: [[Int]]) {
        self.parameters = parameters
        self.points = points
    }
}

/// One section of the STRESS-DES checklist with its items.
public struct StressSection: Codable, Sendable, Equatable {
    public var title: String
    public var items: [Item]
    public struct Item: Codable, Sendable, Equatable {
        public var label: String
        public var text: String
        public init(label: String, text: String) {
            self.label = label
            self.text = text
        }
    }
    public init(title: String, items: [Item]) {
        self.title = title
        self.items = items
    }
}

/// A daily series for every replication: `values[r][d]` is day `day[d]` of
/// replication `replicationNumbers[r]` of the run that holds it.
public struct ReplicationSeries: Codable, Sendable, Equatable {
    public var name: String
    public var unit: String
    public var day: [Int]
    public var values: [[Double]]
    public init(name: String, unit: String, day: [Int], values: [[Double]]) {
        self.name = name
        self.unit = unit
        self.day = day
        self.values = values
    }
}
