import SamspilEconomics
import SamspilEngine
import SamspilModel
import SamspilReport
import SamspilScenario

/// Runs configurations with common random numbers and turns the replications
/// into `ScenarioRun`s: every configuration uses the same seed and the same
/// replication numbers, so replication r of each sees the same patients.
///
/// Replications run in batches of ``batchSize``; after each batch the daily
/// series go to a ``SeriesSpool`` file and the batch's results are dropped, so
/// memory for series is bounded by the batch, not by the replication count.
/// Per-replication metric values (about a hundred numbers each) stay in memory:
/// `replications.csv` writes every one of them.
public struct ExperimentRunner: Sendable {
    public var jobs: Int
    public var replications: [Int]
    /// Keep every replication's daily series in the runs (partial results need them for ``Merging``).
    public var keepReplicationSeries: Bool
    /// Replications simulated (and held in memory) at a time.
    public var batchSize: Int
    public var progress: (@Sendable (Int, Int) -> Void)?
    public var shouldStop: (@Sendable () -> Bool)?
    /// How one-off implementation costs enter (a budget year carries them whole
    /// in year 0); nil: annuitised, as in a one-year result.
    public var oneOffs: OneOffTreatment?

    public init(jobs: Int, replications: [Int], keepReplicationSeries: Bool = false, batchSize: Int? = nil,
                progress: (@Sendable (Int, Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil) {
        self.jobs = jobs
        self.replications = replications
        self.keepReplicationSeries = keepReplicationSeries
        // Large enough that threads rarely wait at a batch boundary.
        self.batchSize = max(1, batchSize ?? max(64, 16 * jobs))
        self.progress = progress
        self.shouldStop = shouldStop
    }

    public struct Outcome: Sendable {
        public var runs: [ScenarioRun]
        /// Per run, the replications that completed (all of them unless interrupted).
        public var completed: [Int]
        public var interrupted: Bool
        /// Trace of the first replication of the first configuration, when requested.
        public var trace: [TraceRecord]?
        public var traceScenario: Scenario?
        /// The most replication results held in memory at once.
        public var largestBatch: Int
    }

    /// Runs every configuration; replications are spread over `jobs` threads.
    /// - Complexity: O(configurations × replications × events).
    public func run(_ configurations: [Configuration], traceFirst: Bool = false) throws -> Outcome {
        let total = configurations.count * replications.count
        var outcome = Outcome(runs: [], completed: [], interrupted: false, trace: nil,
                              traceScenario: configurations.first?.adjustedForIncentives(), largestBatch: 0)
        let counter = ProgressCounter()
        let progress = self.progress
        for (index, configuration) in configurations.enumerated() {
            let simulated = configuration.adjustedForIncentives()
            let compiled = try CompiledScenario(simulated)
            var run = ScenarioRun(label: configuration.label, scenarioName: simulated.name,
                                  resolvedScenario: JSONTree.canonical(configuration.resolvedText), metrics: Self.metricInfos(for: simulated, economics: configuration.file.economics),
                                  replicationNumbers: [], values: [], estimates: [])
            var spool: SeriesSpool?
            var days: [Int] = []
            for start in stride(from: 0, to: replications.count, by: batchSize) {
                let batch = Array(replications[start..<min(start + batchSize, replications.count)])
                outcome.largestBatch = max(outcome.largestBatch, batch.count)
                let results = ReplicationRunner.run(compiled, replications: batch, jobs: jobs,
                                                    options: ReplicationOptions(recordTimeSeries: true),
                                                    progress: { _ in progress?(counter.increment(), total) },
                                                    shouldStop: shouldStop)
                let done = results.compactMap { $0 }
                run.replicationNumbers += done.map(\.replication)
                run.values += done.map { Self.values($0, file: configuration.file, scenario: simulated, oneOffs: oneOffs) }
                guard done.count == batch.count else { outcome.interrupted = true; break }
                let rows = done.map { Self.seriesRow($0.timeSeries!) }
                if keepReplicationSeries {
                    if run.replicationSeries.isEmpty, let first = done.first?.timeSeries {
                        run.replicationSeries = SeriesID.allCases.map {
                            ReplicationSeries(name: $0.rawValue, unit: $0.unit, day: first.day, values: [])
                        }
                    }
                    for s in run.replicationSeries.indices { run.replicationSeries[s].values += rows.map { $0[s] } }
                } else {
                    if spool == nil, let first = done.first?.timeSeries {
                        days = first.day
                        spool = try SeriesSpool(names: SeriesID.allCases.map(\.rawValue), days: days.count, replications: replications.count)
                    }
                    try spool?.store(rows, startingAt: start)
                }
            }
            outcome.completed.append(run.replicationNumbers.count)
            if traceFirst && index == 0, let first = replications.first {
                outcome.trace = PatientFlowModel.run(compiled, replication: first, options: ReplicationOptions(recordTrace: true)).trace
            }
            if outcome.interrupted { break }
            Summaries.refresh(&run)
            if let spool { run.series = try Self.bands(spool, day: days) }
            outcome.runs.append(run)
        }
        return outcome
    }

    /// Metric catalogue: the model's metrics, then the economic ones.
    public static var metricInfos: [MetricInfo] {
        Metric.allCases.map { m in
            let d = m.definition
            return MetricInfo(name: d.name, unit: d.unit, description: d.description, group: MetricGroups.group(of: m))
        } + CostMetrics.definitions.map { MetricInfo(name: $0.name, unit: $0.unit, description: $0.description, group: $0.group) }
    }

    /// The catalogue of one scenario: the system-wide metrics, what each
    /// municipality, hospital, region, team and acute-bed unit did, then every
    /// payer entity's account (costs, transfers in and out, net), and the costs
    /// of cooperation when the scenario has any (so scenarios without them
    /// keep exactly their rows).
    public static func metricInfos(for scenario: Scenario, economics: EconomicsSettings) -> [MetricInfo] {
        metricInfos + EntityModelMetrics.infos(for: scenario) + PayerEntities(scenario).entities.flatMap { entity in
            EntityMetrics.accountLines.map { line in
                MetricInfo(name: line.name, unit: "DKK", description: line.description, group: "payer by name",
                           level: entity.level.rawValue, entity: entity.name)
            }
        } + (economics.implementation.isEmpty ? [] : [EntityMetrics.implementation])
    }

    /// Model and cost metrics of one replication, aligned with `metricInfos(for:)`.
    public static func values(_ result: ReplicationResult, file: ScenarioFile, scenario: Scenario,
                              oneOffs: OneOffTreatment? = nil) -> [Double] {
        let cost = CostAccounting.evaluate(file.economics, scenario: scenario, usage: result.usage,
                                           days: scenario.simulation.horizonDays, oneOffs: oneOffs)
        return result.values + CostMetrics.values(cost, avoidedAdmissions: result[.avoidedAdmissions])
            + EntityModelMetrics.values(result, scenario: scenario, days: scenario.simulation.horizonDays, prices: file.economics.prices)
            + cost.entityAccounts.flatMap { [$0.costs.dkk, $0.transfersIn.dkk, $0.transfersOut.dkk, $0.net.dkk] }
            + (file.economics.implementation.isEmpty ? [] : [cost.implementationCost.dkk])
    }

    /// One replication's daily series, in ``SeriesID`` order.
    static func seriesRow(_ series: DailySeries) -> [[Double]] {
        SeriesID.allCases.map { id in
            switch id {
            case .occupancy: series.meanOccupancy
            case .teamCaseload: series.teamCaseload
            case .overflow: series.overflow
            }
        }
    }

    /// Mean and 95 % band per day of every spooled series.
    static func bands(_ spool: SeriesSpool, day: [Int]) throws -> [SeriesBand] {
        try SeriesID.allCases.enumerated().map { s, id in
            try Summaries.band(id, day: day) { d in try spool.column(series: s, day: d) }
        }
    }
}

/// Counts completed replications across configurations for the progress bar.
final class ProgressCounter: @unchecked Sendable {
    private let lock = DispatchSemaphoreLock()
    private var count = 0
    func increment() -> Int { lock.locked { count += 1; return count } }
}
