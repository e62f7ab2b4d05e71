import SamspilEconomics
import SamspilModel
import SamspilReport
import SamspilScenario

/// A budget over several years. Each budget year is an experiment of one
/// simulated year (365 measured days) with that year's population and ramp-up
/// applied to every configuration, the same seed and replications every year
/// (common random numbers between the compared scenarios), priced and
/// discounted. Years are streamed: a year's replications are reduced to each
/// payer's yearly and cumulative figures and dropped before the next year runs,
/// so memory does not grow with the number of years.
public enum MultiYearBudget {
    /// Configuration `c` as it runs in budget year `year`: the population of
    /// `population` (the base's projection, shared by all so they serve the
    /// same citizens) and `c`'s own ramp-up of new services.
    /// - Complexity: O(municipalities × age bands).
    public static func configuration(_ c: Configuration, year: Int, population: BudgetSettings) -> Configuration {
        var c = c
        var s = c.file.scenario
        s.simulation.horizonDays = 365
        for m in s.municipalities.indices {
            for b in s.municipalities[m].population.indices {
                s.municipalities[m].population[b] *= population.populationMultiplier(band: b, year: year)
            }
        }
        s.behaviour.referralPropensityMultiplier *= c.file.budget.rampUpShare(year: year)
        c.file.scenario = s
        return c
    }

    /// Runs every budget year of `experiment`; nil when interrupted.
    /// - Complexity: O(years × configurations × replications × events); memory
    ///   O(configurations × payers × replications + years × payers) for the rows.
    public static func perform(_ experiment: Experiment, years: Int, options: Experiment.Options,
                               yearDone: ((Int, BudgetAccumulator) -> Void)? = nil) throws -> BudgetReport? {
        let base = experiment.configurations[0].file
        let replications = Array(0..<experiment.settings.replications)
        var accumulator = BudgetAccumulator(labels: experiment.configurations.map(\.label), schedule: base.economics.discountSchedule)
        for year in 0..<years {
            var runner = ExperimentRunner(jobs: options.jobs, replications: replications, shouldStop: options.shouldStop)
            runner.oneOffs = .lumpSum(year == 0)
            if let progress = options.progress {
                let perYear = experiment.configurations.count * replications.count
                runner.progress = { done, _ in progress(year * perYear + done, years * perYear) }
            }
            let outcome = try runner.run(experiment.configurations.map { configuration($0, year: year, population: base.budget) })
            if outcome.interrupted { return nil }
            accumulator.add(outcome.runs)
            yearDone?(year, accumulator)
        }
        return accumulator.report(startYear: base.budget.startYear, populationSource: base.budget.populationSource,
                                  discounting: base.economics.discountRatePercent.map { "discounted at \(NumberText.csv($0)) % a year" }
                                      ?? "discounted with the Danish central-government schedule (3.5 % a year in years 0–35, 2.5 % in 36–70, 1.5 % after; Finansministeriet 2021)")
    }
}

/// Each payer's yearly net, discounted and cumulated, per configuration and
/// per replication; the change against the base for the others, paired by
/// replication; and each payer's payback year. Holds per replication only the
/// running cumulative sums, never a year's values.
public struct BudgetAccumulator: Sendable {
    let labels: [String]
    let schedule: DiscountSchedule
    public private(set) var year = 0
    /// The payer rows (`payer.net` with a level) of the base: the budget's payers.
    var payers: [MetricKey] = []
    /// [configuration][payer][replication]: cumulative discounted net.
    var cumulative: [[[Double]]] = []
    /// [configuration − 1][payer][replication]: cumulative discounted change against the base.
    var cumulativeChange: [[[Double]]] = []
    var undiscountedChange: [[Double]] = []
    var payback: [[Payback.Tracker]] = []
    public private(set) var rows: [BudgetReport.Row] = []

    public init(labels: [String], schedule: DiscountSchedule) {
        self.labels = labels
        self.schedule = schedule
    }

    /// Numbers held per replication: the same after one year as after a hundred.
    /// - Complexity: O(configurations × payers).
    public var heldReplicationValues: Int {
        (cumulative + cumulativeChange).reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
    }

    /// Adds one budget year's runs (configurations in order, base first).
    /// - Complexity: O(configurations × payers × replications).
    public mutating func add(_ runs: [ScenarioRun]) {
        let factor = schedule.factor(year: year)
        if payers.isEmpty {
            payers = runs[0].metrics.filter { $0.name == "payer.net" && $0.level != nil }.map(\.key)
            let reps = runs[0].values.count
            cumulative = runs.map { _ in payers.map { _ in Array(repeating: 0, count: reps) } }
            cumulativeChange = runs.dropFirst().map { _ in payers.map { _ in Array(repeating: 0, count: reps) } }
            undiscountedChange = runs.dropFirst().map { _ in payers.map { _ in 0 } }
            payback = runs.dropFirst().map { _ in payers.map { _ in Payback.Tracker() } }
        }
        /// One payer's values per replication in `run` (nil when the run has no such payer).
        func column(_ run: ScenarioRun, _ key: MetricKey) -> [Double]? {
            guard let m = run.metrics.firstIndex(where: { $0.key == key }) else { return nil }
            return run.values.map { $0[m] }
        }
        func row(_ c: Int, _ key: MetricKey, _ metric: String, _ values: [Double]) {
            let e = Summaries.estimate(values)
            rows.append(BudgetReport.Row(scenario: labels[c], year: year, level: key.level, entity: key.entity, metric: metric,
                                         mean: e.mean, ciLow: e.ciLow, ciHigh: e.ciHigh))
        }
        let baseNets = payers.map { column(runs[0], $0)! }
        for (c, run) in runs.enumerated() {
            for (p, key) in payers.enumerated() {
                guard let net = c == 0 ? baseNets[p] : column(run, key) else { continue }
                let discounted = net.map { $0 * factor }
                for r in discounted.indices { cumulative[c][p][r] += discounted[r] }
                row(c, key, "net", net)
                row(c, key, "discountedNet", discounted)
                row(c, key, "cumulativeDiscountedNet", cumulative[c][p])
                guard c > 0 else { continue }
                let change = zip(net, baseNets[p]).map { $0 - $1 }
                let discountedChange = change.map { $0 * factor }
                for r in change.indices { cumulativeChange[c - 1][p][r] += discountedChange[r] }
                row(c, key, "netChange", change)
                row(c, key, "discountedNetChange", discountedChange)
                row(c, key, "cumulativeDiscountedNetChange", cumulativeChange[c - 1][p])
                undiscountedChange[c - 1][p] += Summaries.estimate(change).mean
                payback[c - 1][p].add(Summaries.estimate(discountedChange).mean)
            }
        }
        year += 1
    }

    /// The budget so far.
    /// - Complexity: O(rows).
    public func report(startYear: Int?, populationSource: String?, discounting: String) -> BudgetReport {
        var paybacks: [BudgetReport.Payback] = []
        for c in payback.indices {
            for (p, key) in payers.enumerated() {
                paybacks.append(BudgetReport.Payback(scenario: labels[c + 1], level: key.level, entity: key.entity,
                                                     totalChange: undiscountedChange[c][p], presentValue: payback[c][p].cumulative,
                                                     year: payback[c][p].year))
            }
        }
        return BudgetReport(years: year, startYear: startYear, discounting: discounting, populationSource: populationSource,
                            rows: rows, payback: paybacks)
    }
}
