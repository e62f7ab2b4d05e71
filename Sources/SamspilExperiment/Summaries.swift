import SamspilEngine
import SamspilReport

/// Replication values → estimates, bands and paired differences. Everything is
/// computed from values in replication order, so a run split into shards and
/// merged gives exactly the numbers of one run.
public enum Summaries {
    public static func estimate(_ values: [Double]) -> Estimate {
        let s = ReplicationSummary(values)
        return Estimate(n: s.count, mean: s.mean ?? 0, sd: s.standardDeviation, ciLow: s.lower, ciHigh: s.upper)
    }

    /// Recomputes a run's estimates and series bands from its replication values.
    public static func refresh(_ run: inout ScenarioRun) {
        let order = run.replicationNumbers.indices.sorted { run.replicationNumbers[$0] < run.replicationNumbers[$1] }
        run.replicationNumbers = order.map { run.replicationNumbers[$0] }
        run.values = order.map { run.values[$0] }
        for i in run.replicationSeries.indices { run.replicationSeries[i].values = order.map { run.replicationSeries[i].values[$0] } }
        run.estimates = run.metrics.indices.map { m in estimate(run.values.map { $0[m] }) }
        run.series = run.replicationSeries.map { series in
            band(name: series.name, unit: series.unit, day: series.day) { d in series.values.map { $0[d] } }
        }
    }

    /// A daily series' mean and 95 % band, from each day's values across replications (in replication order).
    /// - Complexity: O(days × replications); memory for one day's values at a time.
    static func band<E: Error>(name: String, unit: String, day: [Int],
                               column: (Int) throws(E) -> [Double]) throws(E) -> SeriesBand {
        var mean: [Double] = [], low: [Double] = [], high: [Double] = []
        for d in day.indices {
            let e = estimate(try column(d))
            mean.append(e.mean)
            low.append(e.ciLow ?? e.mean)
            high.append(e.ciHigh ?? e.mean)
        }
        return SeriesBand(name: name, unit: unit, day: day, mean: mean, low: low, high: high)
    }

    static func band<E: Error>(_ id: SeriesID, day: [Int], column: (Int) throws(E) -> [Double]) throws(E) -> SeriesBand {
        try band(name: id.rawValue, unit: id.unit, day: day, column: column)
    }

    /// Paired differences of every run against the base (the first, or run
    /// `base`), replication by replication.
    public static func comparisons(_ runs: [ScenarioRun], base index: Int = 0) -> [Comparison] {
        guard runs.indices.contains(index) else { return [] }
        let base = runs[index]
        return runs.enumerated().filter { $0.offset != index }.map(\.element).map { run in
            let common = base.replicationNumbers.filter(run.replicationNumbers.contains)
            let bi = common.map { base.replicationNumbers.firstIndex(of: $0)! }
            let ri = common.map { run.replicationNumbers.firstIndex(of: $0)! }
            // Rows pair by metric and entity, so two systems with different entities still compare where they overlap.
            let runIndex = Dictionary(run.metrics.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
            let differences = base.metrics.indices.map { m -> Estimate in
                guard let k = runIndex[base.metrics[m].key] else { return Estimate(n: 0, mean: .nan, sd: nil, ciLow: nil, ciHigh: nil) }
                let d = PairedDifference(scenario: ri.map { run.values[$0][k] }, base: bi.map { base.values[$0][m] })
                let s = d.difference
                return Estimate(n: s.count, mean: s.mean ?? 0, sd: s.standardDeviation, ciLow: s.lower, ciHigh: s.upper)
            }
            return Comparison(baseLabel: base.label, label: run.label, differences: differences,
                              derived: derived(base: base, run: run, baseRows: bi, runRows: ri))
        }
    }

    /// The measures that exist only between two runs (`between-runs.csv`, the
    /// decision box): avoided admissions per episode and between runs, and the
    /// net cost per avoided admission, in that order.
    public static let derivedMetrics: [MetricInfo] = [
        MetricInfo(name: MetricID.avoidedAdmissionsCounterfactual.name, unit: "admissions",
                   description: "admissions avoided per episode: the same doctor's decision without the acute alternative would have admitted (scenario's own measure)",
                   group: "avoided admissions"),
        MetricInfo(name: MetricID.avoidedAdmissionsBetweenRuns.name, unit: "admissions",
                   description: "base admissions − scenario admissions, paired by replication: includes system effects (freed beds, fewer readmissions, escalations)",
                   group: "avoided admissions"),
        MetricInfo(name: MetricID.netCostPerAvoidedAdmission.name, unit: "DKK",
                   description: "(scenario − base total resource cost) / admissions avoided between runs; ratio of means with a delta-method 95 % CI; given only when the admissions avoided between runs are clearly above zero",
                   group: "costs by provider"),
    ]

    /// Avoided admissions both ways side by side, and the net cost per avoided admission.
    static func derived(base: ScenarioRun, run: ScenarioRun, baseRows: [Int], runRows: [Int]) -> [DerivedEstimate] {
        func column(_ r: ScenarioRun, _ rows: [Int], _ id: MetricID) -> [Double]? {
            guard let m = r.metrics.firstIndex(where: { $0.id == id }) else { return nil }
            return rows.map { r.values[$0][m] }
        }
        guard let baseAdmissions = column(base, baseRows, .admissions), let admissions = column(run, runRows, .admissions),
              let counterfactual = column(run, runRows, .avoidedAdmissions),
              let baseCost = column(base, baseRows, .totalCost), let cost = column(run, runRows, .totalCost) else { return [] }
        let avoided = zip(baseAdmissions, admissions).map { $0 - $1 }
        let extraCost = zip(cost, baseCost).map { $0 - $1 }
        let d = derivedMetrics
        var result = [DerivedEstimate(metric: d[0], estimate: estimate(counterfactual)), DerivedEstimate(metric: d[1], estimate: estimate(avoided))]
        // A cost per avoided admission only means something when admissions are
        // clearly avoided: a denominator whose interval reaches zero makes the ratio meaningless.
        if let low = estimate(avoided).ciLow, low > 0 {
            result.append(DerivedEstimate(metric: d[2], estimate: ratio(extraCost, avoided)))
        }
        return result
    }

    /// Ratio of means ȳ/x̄ with a delta-method Student-t 95 % interval (see ``RatioEstimate``); NaN when undefined.
    public static func ratio(_ y: [Double], _ x: [Double]) -> Estimate {
        guard let r = RatioEstimate(y, over: x) else { return Estimate(n: y.count, mean: .nan, sd: nil, ciLow: nil, ciHigh: nil) }
        return Estimate(n: r.count, mean: r.ratio, sd: r.standardDeviation, ciLow: r.lower, ciHigh: r.upper)
    }
}
