import SamspilEconomics
import SamspilEngine
import SamspilModel
import SamspilReport
import SamspilScenario

/// Runs configurations with common random numbers and turns the replications
/// into a `RunDocument`: every configuration uses the same seed and the same
/// replication numbers, so replication r of each sees the same patients.
public struct ExperimentRunner: Sendable {
    public var jobs: Int
    public var replications: [Int]
    public var recordSeries: Bool
    public var progress: (@Sendable (Int, Int) -> Void)?
    public var shouldStop: (@Sendable () -> Bool)?

    public init(jobs: Int, replications: [Int], recordSeries: Bool,
                progress: (@Sendable (Int, Int) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil) {
        self.jobs = jobs
        self.replications = replications
        self.recordSeries = recordSeries
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
    }

    /// Runs every configuration; replications are spread over `jobs` threads.
    public func run(_ configurations: [Configuration], traceFirst: Bool = false) throws -> Outcome {
        let total = configurations.count * replications.count
        var runs: [ScenarioRun] = []
        var completed: [Int] = []
        var interrupted = false
        var trace: [TraceRecord]?
        let counter = ProgressCounter()
        for (index, configuration) in configurations.enumerated() {
            let simulated = configuration.file.simulated
            let compiled = try CompiledScenario(simulated)
            let options = ReplicationOptions(recordTimeSeries: recordSeries)
            let progress = self.progress
            let results = ReplicationRunner.run(compiled, replications: replications, jobs: jobs, options: options,
                                                progress: { _ in progress?(counter.increment(), total) },
                                                shouldStop: shouldStop)
            let done = results.compactMap { $0 }
            completed.append(done.count)
            if done.count < replications.count { interrupted = true }
            if traceFirst && index == 0, let first = replications.first {
                trace = PatientFlowModel.run(compiled, replication: first, options: ReplicationOptions(recordTrace: true)).trace
            }
            runs.append(Self.summarise(configuration, simulated: simulated, results: done))
            if interrupted { break }
        }
        return Outcome(runs: runs, completed: completed, interrupted: interrupted, trace: trace,
                       traceScenario: configurations.first?.file.simulated)
    }

    /// Metric catalogue: the model's metrics, then the economic ones.
    public static var metricInfos: [MetricInfo] {
        Metric.allCases.map { m in
            let d = m.definition
            return MetricInfo(name: d.name, unit: d.unit, description: d.description, group: MetricGroups.group(of: m))
        } + CostMetrics.definitions.map { MetricInfo(name: $0.name, unit: $0.unit, description: $0.description, group: $0.group) }
    }

    /// Model and cost metrics of one replication, aligned with `metricInfos`.
    public static func values(_ result: ReplicationResult, file: ScenarioFile, scenario: Scenario) -> [Double] {
        let cost = CostAccounting.evaluate(file.economics, scenario: scenario, usage: result.usage,
                                           days: scenario.simulation.horizonDays)
        return result.values + CostMetrics.values(cost, avoidedAdmissions: result[.avoidedAdmissions])
    }

    static func summarise(_ configuration: Configuration, simulated: Scenario, results: [ReplicationResult]) -> ScenarioRun {
        let infos = metricInfos
        let values = results.map { Self.values($0, file: configuration.file, scenario: simulated) }
        var run = ScenarioRun(label: configuration.label, scenarioName: simulated.name,
                              resolvedScenario: configuration.resolvedText, metrics: infos,
                              replicationNumbers: results.map(\.replication), values: values, estimates: [])
        run.replicationSeries = Self.replicationSeries(results)
        Summaries.refresh(&run)
        return run
    }

    static func replicationSeries(_ results: [ReplicationResult]) -> [ReplicationSeries] {
        guard let first = results.first?.timeSeries else { return [] }
        func collect(_ name: String, _ unit: String, _ pick: (DailySeries) -> [Double]) -> ReplicationSeries {
            ReplicationSeries(name: name, unit: unit, day: first.day, values: results.map { pick($0.timeSeries!) })
        }
        return [collect("occupancy", "patients", \.meanOccupancy),
                collect("teamCaseload", "episodes", \.teamCaseload),
                collect("overflow", "patients", \.overflow)]
    }
}

/// Counts completed replications across configurations for the progress bar.
final class ProgressCounter: @unchecked Sendable {
    private let lock = DispatchSemaphoreLock()
    private var count = 0
    func increment() -> Int { lock.locked { count += 1; return count } }
}
