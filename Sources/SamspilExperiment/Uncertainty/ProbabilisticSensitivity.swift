import Dispatch
import Foundation
import SamspilEngine
import SamspilModel
import SamspilReport
import SamspilScenario

/// Probabilistic sensitivity analysis of a decision "scenario instead of base".
///
/// An outer loop of parameter draws (``ParameterDraws``: Latin hypercube or
/// Monte Carlo, seeded) around an inner loop of paired replications with
/// common random numbers: every draw runs the base and the scenario with the
/// same replication numbers, so the difference between them is the effect of
/// the decision under that draw's parameters. The same replication numbers are
/// used in every draw, so the spread between draws is the parameters' (plus
/// the inner loop's remaining noise, which more replications shrink).
///
/// Every uncertain input is written into *both* documents wherever its path
/// exists: a price or a return risk moves base and scenario alike; a team's
/// escalation probability only the scenario that has the team.
public struct ProbabilisticSensitivity: Sendable {
    public var base: Configuration
    public var scenario: Configuration
    public var draws: ParameterDraws
    /// The base's simulation settings (overrides applied), used for both: one experiment.
    public var simulation: SimulationSettings

    /// The outcomes recorded per draw, as paired differences scenario − base
    /// (avoided admissions: base − scenario), then one per payer's net.
    public private(set) var outcomeNames: [String]
    /// The metric rows read for the outcomes: cost, admissions, per-episode avoided, then the payers' nets.
    var outcomeKeys: [MetricKey] = []

    public struct Settings: Sendable {
        public var replications: Int
        public var jobs: Int
        /// Quantiles of each input for the tornado diagram.
        public var tornadoQuantiles: (low: Double, high: Double) = (0.05, 0.95)
        public var progress: (@Sendable (Int, Int) -> Void)?
        public var shouldStop: (@Sendable () -> Bool)?
        public init(replications: Int, jobs: Int, progress: (@Sendable (Int, Int) -> Void)? = nil,
                    shouldStop: (@Sendable () -> Bool)? = nil) {
            self.replications = replications
            self.jobs = jobs
            self.progress = progress
            self.shouldStop = shouldStop
        }
    }

    /// One evaluation: the inputs' values and the outcomes' paired mean differences.
    public struct Evaluation: Sendable, Equatable, Codable {
        public var inputs: [Double]
        public var outcomes: [Double]
    }

    /// One input's bar of the tornado: each outcome at the input's low and high quantile, the others at their means.
    public struct TornadoBar: Sendable, Equatable {
        public var input: String
        public var lowValue: Double
        public var highValue: Double
        public var atLow: [Double]
        public var atHigh: [Double]
    }

    public struct Result: Sendable {
        public var outcomeNames: [String]
        public var inputNames: [String]
        public var draws: [Evaluation]
        /// Every input at its mean.
        public var atMeans: Evaluation
        public var tornado: [TornadoBar]
        /// Whether the run was stopped before the end (then nothing should be written).
        public var interrupted: Bool

        /// The draws of one outcome.
        public func column(_ name: String) -> [Double] {
            guard let k = outcomeNames.firstIndex(of: name) else { return [] }
            return draws.map { $0.outcomes[k] }
        }
    }

    /// The fixed outcomes; payer nets follow.
    public static let totalCost = "cost.total"
    public static let admissions = "admissions"
    public static let avoidedBetweenRuns = "avoidedAdmissions.betweenRuns"
    public static let avoidedPerEpisode = "avoidedAdmissions.perEpisode"

    /// - Throws: when no uncertain input exists in either document.
    public init(base: Configuration, scenario: Configuration, inputs: [UncertainInput], draws: Int,
                design: UnitCubeSample.Design, seed: UInt64) throws(ExperimentError) {
        self.base = base
        self.scenario = scenario
        self.simulation = base.file.scenario.simulation
        self.draws = ParameterDraws(inputs: inputs, draws: draws, design: design, seed: seed)
        for (j, input) in inputs.enumerated()
        where !self.draws.resolves(j, in: base.resolved) && !self.draws.resolves(j, in: scenario.resolved) {
            throw .invalidRequest("the uncertain input '\(input.path)' exists in neither scenario")
        }
        let payers = ExperimentRunner.metricInfos.map(\.id).compactMap { PayerMetricID($0) }.filter { $0.kind == .net }
        // Then every named payer's net (of the base's system), e.g. "payer.net[municipality=Viborg]".
        let named = ExperimentRunner.metricInfos(for: base.file.scenario, economics: base.file.economics).filter { $0.name == "payer.net" && $0.level != nil }
        outcomeKeys = [MetricKey(name: MetricID.totalCost.name, level: MetricKey.system, entity: ""),
                       MetricKey(name: "admissions", level: MetricKey.system, entity: ""),
                       MetricKey(name: "avoidedAdmissions", level: MetricKey.system, entity: "")]
            + payers.map { MetricKey(name: $0.metric.name, level: MetricKey.system, entity: "") } + named.map(\.key)
        outcomeNames = [Self.totalCost, Self.admissions, Self.avoidedBetweenRuns, Self.avoidedPerEpisode] + payers.map(\.metric.name)
            + named.map { "payer.net[\($0.level!)=\($0.entity!)]" }
    }

    /// How many evaluations the analysis makes: every draw, the point at the
    /// means, and two per input for the tornado. Evaluation `i` is draw `i` for
    /// `i < draws`, then the means, then each input's low and high.
    public var evaluationCount: Int { draws.count + 1 + 2 * draws.inputs.count }

    /// The inputs' values of evaluation `i`.
    public func inputs(ofEvaluation i: Int, tornadoQuantiles q: (low: Double, high: Double)) -> [Double] {
        if i < draws.count { return draws.values(ofDraw: i) }
        var values = draws.means
        guard i > draws.count else { return values }
        let j = (i - draws.count - 1) / 2, high = (i - draws.count - 1) % 2 == 1
        values[j] = draws.inputs[j].value(atQuantile: high ? q.high : q.low)
        return values
    }

    /// Runs every evaluation (or only `indices`, one shard's share) and
    /// assembles the result when all are there.
    /// - Complexity: evaluations × 2 × replications replications.
    public func run(_ settings: Settings) throws(ExperimentError) -> Result {
        guard let evaluations = try evaluate(Array(0..<evaluationCount), settings) else {
            return interrupted
        }
        return assemble(evaluations)
    }

    /// The evaluations `indices` (in order), or `nil` when stopped.
    public func evaluate(_ indices: [Int], _ settings: Settings) throws(ExperimentError) -> [Int: Evaluation]? {
        // Evaluations are independent: `jobs` of them run at once, each with its
        // replications on one thread (a draw's few replications parallelise
        // worse than many draws do). Every evaluation is deterministic, so the
        // result does not depend on the number of threads.
        let total = indices.count * 2 * settings.replications
        let slots = EvaluationSlots(count: indices.count)
        let progress = settings.progress
        let serial = { () -> Settings in
            var s = settings
            s.jobs = 1
            s.progress = nil
            return s
        }()
        DispatchQueue.concurrentPerform(iterations: Swift.min(Swift.max(1, settings.jobs), indices.count)) { worker in
            var k = worker
            while k < indices.count, slots.failure == nil, !(settings.shouldStop?() ?? false) {
                let values = inputs(ofEvaluation: indices[k], tornadoQuantiles: settings.tornadoQuantiles)
                var done = 0
                do throws(ExperimentError) {
                    if let outcomes = try pairedOutcomes(values, settings: serial, done: &done, total: total) {
                        slots.store(k, Evaluation(inputs: values, outcomes: outcomes))
                        progress?(slots.finished(2 * settings.replications), total)
                    }
                } catch {
                    slots.fail(error)
                }
                k += Swift.min(Swift.max(1, settings.jobs), indices.count)
            }
        }
        if let failure = slots.failure { throw failure }
        guard slots.isComplete else { return nil }
        var result: [Int: Evaluation] = [:]
        for (k, i) in indices.enumerated() { result[i] = slots.value(k) }
        return result
    }

    /// The result from a complete set of evaluations (from one run or merged shards).
    public func assemble(_ evaluations: [Int: Evaluation]) -> Result {
        Self.assemble(evaluations, draws: draws.count, inputNames: draws.inputs.map(\.path), outcomeNames: outcomeNames)
    }

    /// The result from `draws` draws' evaluations, the point at the means and
    /// two tornado evaluations per input, keyed by evaluation index.
    public static func assemble(_ evaluations: [Int: Evaluation], draws: Int, inputNames: [String], outcomeNames: [String]) -> Result {
        let tornado = inputNames.indices.map { j -> TornadoBar in
            let low = evaluations[draws + 1 + 2 * j]!, high = evaluations[draws + 2 + 2 * j]!
            return TornadoBar(input: inputNames[j], lowValue: low.inputs[j], highValue: high.inputs[j],
                              atLow: low.outcomes, atHigh: high.outcomes)
        }
        return Result(outcomeNames: outcomeNames, inputNames: inputNames, draws: (0..<draws).map { evaluations[$0]! },
                      atMeans: evaluations[draws]!, tornado: tornado, interrupted: false)
    }

    /// What a stopped run returns: nothing to report.
    var interrupted: Result {
        Result(outcomeNames: outcomeNames, inputNames: draws.inputs.map(\.path), draws: [],
               atMeans: Evaluation(inputs: [], outcomes: []), tornado: [], interrupted: true)
    }

    /// Base and scenario with `values` written in, `replications` paired
    /// replications each; the mean paired difference of every outcome, or
    /// `nil` when stopped.
    func pairedOutcomes(_ values: [Double], settings: Settings, done: inout Int, total: Int) throws(ExperimentError) -> [Double]? {
        // Per configuration, per outcome column, the replications' values in replication order.
        var columns: [[[Double]]] = []
        let numbers = Array(0..<settings.replications)
        for configuration in [base, scenario] {
            var edited = try Configuration(decoding: draws.document(configuration.resolved, with: values), label: configuration.label)
            edited.file.scenario.simulation = simulation
            let simulated = edited.adjustedForIncentives()
            let compiled: CompiledScenario
            do { compiled = try CompiledScenario(simulated) } catch {
                throw .invalidRequest("\(configuration.label): \(error)")
            }
            let offset = done
            let progress = settings.progress
            let results = ReplicationRunner.run(compiled, replications: numbers, jobs: settings.jobs,
                                                progress: { n in progress?(offset + n, total) }, shouldStop: settings.shouldStop)
            done += numbers.count
            let finished = results.compactMap { $0 }
            guard finished.count == numbers.count else { return nil }
            let rows = finished.map { ExperimentRunner.values($0, file: edited.file, scenario: simulated) }
            let index = Dictionary(ExperimentRunner.metricInfos(for: simulated, economics: edited.file.economics).enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
            columns.append(outcomeKeys.map { key in index[key].map { m in rows.map { $0[m] } } ?? rows.map { _ in .nan } })
        }
        // The paired mean differences, computed as `compare` computes them (so
        // fixed inputs reproduce a comparison exactly): scenario − base, and for
        // admissions avoided between runs base − scenario.
        func paired(_ k: Int, reversed: Bool = false) -> Double {
            let (b, s) = (columns[0][k], columns[1][k])
            return (reversed ? PairedDifference(scenario: b, base: s) : PairedDifference(scenario: s, base: b)).difference.mean ?? .nan
        }
        return [paired(0), paired(1), paired(1, reversed: true), paired(2)] + (3..<outcomeKeys.count).map { paired($0) }
    }
}

/// The evaluations of one `evaluate` call, filled from several threads.
final class EvaluationSlots: @unchecked Sendable {
    private let lock = DispatchSemaphoreLock()
    private var slots: [ProbabilisticSensitivity.Evaluation?]
    private var replicationsDone = 0
    private var error: ExperimentError?

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ k: Int, _ evaluation: ProbabilisticSensitivity.Evaluation) { lock.locked { slots[k] = evaluation } }
    func value(_ k: Int) -> ProbabilisticSensitivity.Evaluation? { lock.locked { slots[k] } }
    func finished(_ replications: Int) -> Int { lock.locked { replicationsDone += replications; return replicationsDone } }
    func fail(_ e: ExperimentError) { lock.locked { if error == nil { error = e } } }
    var failure: ExperimentError? { lock.locked { error } }
    var isComplete: Bool { lock.locked { slots.allSatisfy { $0 != nil } } }
}
