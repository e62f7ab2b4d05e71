/// The shape of `results.json` (format ``ResultsJSON/formatVersion``): named
/// objects throughout, so a reader in R, Python or `jq` never matches two
/// arrays by position. Each metric carries its own estimate and its value in
/// every replication (keyed by replication number); each day of a series is
/// one object; each comparison names the metric of every difference; each
/// sweep point names its run and its parameters' values; the resolved
/// scenario is a JSON object. `docs/results.schema.json` describes it and a
/// test validates real output against that schema.
///
/// The in-memory ``RunDocument`` keeps its arrays (what the CSV files, the
/// report and `merge` work with); only the file's shape is defined here.

/// A metric of one run: identity, estimate and per-replication values.
struct MetricRecord: Codable {
    var name: String
    var unit: String
    var description: String
    var group: String
    var level: String?
    var entity: String?
    var estimate: Estimate
    /// Replication number (as text: JSON keys are strings) → value, `null` when not finite.
    var values: [String: Double?]

    var info: MetricInfo { MetricInfo(name: name, unit: unit, description: description, group: group, level: level, entity: entity) }
}

/// One day of a summarised series.
struct DayRecord: Codable {
    var day: Int
    var mean: Double?
    var ciLow: Double?
    var ciHigh: Double?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(day, forKey: .day)
        // Explicit nulls: every day has the three fields.
        try c.encode(mean, forKey: .mean)
        try c.encode(ciLow, forKey: .ciLow)
        try c.encode(ciHigh, forKey: .ciHigh)
    }
}

/// A daily series in every replication (partial results only): one object a
/// day, its value in each replication keyed by replication number.
struct ReplicationSeriesRecord: Codable {
    struct Day: Codable {
        var day: Int
        var values: [String: Double?]
    }
    var name: String
    var unit: String
    var days: [Day]

    init(_ series: ReplicationSeries, replications numbers: [Int]) {
        name = series.name
        unit = series.unit
        days = series.day.indices.map { d in
            Day(day: series.day[d], values: Dictionary(zip(numbers, series.values).map { r, row in
                (String(r), d < row.count ? row[d].finiteOrNil : nil)
            }, uniquingKeysWith: { first, _ in first }))
        }
    }

    func series(replications numbers: [Int]) -> ReplicationSeries {
        ReplicationSeries(name: name, unit: unit, day: days.map(\.day),
                          values: numbers.map { r in days.map { ($0.values[String(r)] ?? nil) ?? .nan } })
    }
}

extension SeriesBand {
    private enum Keys: String, CodingKey { case name, unit, days }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let days = try c.decode([DayRecord].self, forKey: .days)
        self.init(name: try c.decode(String.self, forKey: .name), unit: try c.decode(String.self, forKey: .unit),
                  day: days.map(\.day), mean: days.map { $0.mean ?? .nan }, low: days.map { $0.ciLow ?? .nan },
                  high: days.map { $0.ciHigh ?? .nan })
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encode(day.indices.map { DayRecord(day: day[$0], mean: mean[$0].finiteOrNil, ciLow: low[$0].finiteOrNil,
                                                   ciHigh: high[$0].finiteOrNil) }, forKey: .days)
    }
}

extension ScenarioRun {
    private enum Keys: String, CodingKey { case label, scenarioName, scenario, replications, metrics, series, replicationSeries }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let numbers = try c.decode([Int].self, forKey: .replications)
        let records = try c.decode([MetricRecord].self, forKey: .metrics)
        let scenario = try c.decode(JSONTree.self, forKey: .scenario)
        var text = ""
        if case .string(let s) = scenario { text = s } else { text = scenario.text }
        self.init(label: try c.decode(String.self, forKey: .label), scenarioName: try c.decode(String.self, forKey: .scenarioName),
                  resolvedScenario: text, metrics: records.map(\.info),
                  replicationNumbers: numbers,
                  values: numbers.map { r in records.map { ($0.values[String(r)] ?? nil) ?? .nan } },
                  estimates: records.map(\.estimate), series: try c.decode([SeriesBand].self, forKey: .series))
        replicationSeries = try c.decodeIfPresent([ReplicationSeriesRecord].self, forKey: .replicationSeries)?
            .map { $0.series(replications: numbers) } ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(label, forKey: .label)
        try c.encode(scenarioName, forKey: .scenarioName)
        // The resolved scenario as an object; text that is not JSON stays a string.
        try c.encode(JSONTree(parsing: resolvedScenario) ?? .string(resolvedScenario), forKey: .scenario)
        try c.encode(replicationNumbers, forKey: .replications)
        let records = metrics.indices.map { m in
            MetricRecord(name: metrics[m].name, unit: metrics[m].unit, description: metrics[m].description, group: metrics[m].group,
                         level: metrics[m].level, entity: metrics[m].entity, estimate: estimates[m],
                         // A document claiming one replication twice (a tampered part) keeps the first; `merge` refuses it.
                         values: Dictionary(replicationNumbers.indices.map { r in
                             (String(replicationNumbers[r]), r < values.count && m < values[r].count ? values[r][m].finiteOrNil : nil)
                         }, uniquingKeysWith: { first, _ in first }))
        }
        try c.encode(records, forKey: .metrics)
        try c.encode(series, forKey: .series)
        // Only partial (shard) documents carry per-replication series.
        if !replicationSeries.isEmpty {
            try c.encode(replicationSeries.map { ReplicationSeriesRecord($0, replications: replicationNumbers) }, forKey: .replicationSeries)
        }
    }
}

/// A paired difference with the identity of its metric.
struct DifferenceRecord: Codable {
    var name: String
    var level: String?
    var entity: String?
    var unit: String
    var estimate: Estimate
}

struct ComparisonRecord: Codable {
    var baseLabel: String
    var label: String
    var differences: [DifferenceRecord]
    var derived: [DerivedEstimate]?
}

struct SweepRecord: Codable {
    struct Point: Codable {
        /// The run's label.
        var label: String
        /// Parameter path → value (as written on the command line).
        var values: [String: String]
    }
    var parameters: [SweepInfo.Parameter]
    var points: [Point]
}

extension RunDocument {
    private enum Keys: String, CodingKey { case version, command, tool, experiment, runs, comparisons, sweep, stress, seal, warnings, budget }

    /// A `results.json` of another format version.
    public struct FormatVersionError: Error, CustomStringConvertible {
        public var found: Int?
        public var description: String {
            "results.json of format version \(found.map(String.init) ?? "1 (no version field)"); this samspil reads version \(ResultsJSON.formatVersion)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let version = try c.decodeIfPresent(Int.self, forKey: .version)
        guard version == ResultsJSON.formatVersion else { throw FormatVersionError(found: version) }
        let runs = try c.decode([ScenarioRun].self, forKey: .runs)
        let comparisons = try c.decode([ComparisonRecord].self, forKey: .comparisons).map {
            Comparison(baseLabel: $0.baseLabel, label: $0.label, differences: $0.differences.map(\.estimate), derived: $0.derived)
        }
        let sweep = try c.decodeIfPresent(SweepRecord.self, forKey: .sweep).map { record in
            SweepInfo(parameters: record.parameters, points: record.points.map { point in
                record.parameters.map { p in point.values[p.path].flatMap(p.values.firstIndex(of:)) ?? 0 }
            })
        }
        self.init(command: try c.decode(String.self, forKey: .command), tool: try c.decode(ToolInfo.self, forKey: .tool),
                  experiment: try c.decode(ExperimentInfo.self, forKey: .experiment), runs: runs, comparisons: comparisons,
                  sweep: sweep, stress: try c.decode([StressSection].self, forKey: .stress))
        seal = try c.decodeIfPresent(PartSeal.self, forKey: .seal)
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings)
        budget = try c.decodeIfPresent(BudgetReport.self, forKey: .budget)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ResultsJSON.formatVersion, forKey: .version)
        try c.encode(command, forKey: .command)
        try c.encode(tool, forKey: .tool)
        try c.encode(experiment, forKey: .experiment)
        try c.encode(runs, forKey: .runs)
        try c.encode(comparisons.map { comparison in
            let base = run(labelled: comparison.baseLabel)?.metrics ?? []
            return ComparisonRecord(baseLabel: comparison.baseLabel, label: comparison.label, differences: comparison.differences.indices.map { m in
                let info = m < base.count ? base[m] : MetricInfo(name: "", unit: "", description: "", group: "")
                return DifferenceRecord(name: info.name, level: info.level, entity: info.entity, unit: info.unit,
                                        estimate: comparison.differences[m])
            }, derived: comparison.derived)
        }, forKey: .comparisons)
        if let sweep {
            try c.encode(SweepRecord(parameters: sweep.parameters, points: sweep.points.indices.map { i in
                SweepRecord.Point(label: i < runs.count ? runs[i].label : "", values: Dictionary(
                    sweep.parameters.indices.map { p in (sweep.parameters[p].path, sweep.parameters[p].values[sweep.points[i][p]]) },
                    uniquingKeysWith: { first, _ in first }))
            }), forKey: .sweep)
        }
        try c.encode(stress, forKey: .stress)
        try c.encodeIfPresent(seal, forKey: .seal)
        try c.encodeIfPresent(warnings, forKey: .warnings)
        try c.encodeIfPresent(budget, forKey: .budget)
    }
}
