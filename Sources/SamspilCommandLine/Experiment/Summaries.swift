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
            var mean: [Double] = [], low: [Double] = [], high: [Double] = []
            for d in series.day.indices {
                let e = estimate(series.values.map { $0[d] })
                mean.append(e.mean)
                low.append(e.ciLow ?? e.mean)
                high.append(e.ciHigh ?? e.mean)
            }
            return SeriesBand(name: series.name, unit: series.unit, day: series.day, mean: mean, low: low, high: high)
        }
    }

    /// Paired differences of every run against the first, replication by replication.
    public static func comparisons(_ runs: [ScenarioRun]) -> [Comparison] {
        guard let base = runs.first else { return [] }
        return runs.dropFirst().map { run in
            let common = base.replicationNumbers.filter(run.replicationNumbers.contains)
            let bi = common.map { base.replicationNumbers.firstIndex(of: $0)! }
            let ri = common.map { run.replicationNumbers.firstIndex(of: $0)! }
            let differences = base.metrics.indices.map { m -> Estimate in
                let d = PairedDifference(scenario: ri.map { run.values[$0][m] }, base: bi.map { base.values[$0][m] })
                let s = d.difference
                return Estimate(n: s.count, mean: s.mean ?? 0, sd: s.standardDeviation, ciLow: s.lower, ciHigh: s.upper)
            }
            return Comparison(baseLabel: base.label, label: run.label, differences: differences,
                              derived: derived(base: base, run: run, baseRows: bi, runRows: ri))
        }
    }

    /// Avoided admissions both ways side by side, and the net cost per avoided admission.
    static func derived(base: ScenarioRun, run: ScenarioRun, baseRows: [Int], runRows: [Int]) -> [DerivedEstimate] {
        func column(_ r: ScenarioRun, _ rows: [Int], _ name: String) -> [Double]? {
            guard let m = r.metrics.firstIndex(where: { $0.name == name }) else { return nil }
            return rows.map { r.values[$0][m] }
        }
        guard let baseAdmissions = column(base, baseRows, "admissions"), let admissions = column(run, runRows, "admissions"),
              let counterfactual = column(run, runRows, "avoidedAdmissions"),
              let baseCost = column(base, baseRows, "cost.total"), let cost = column(run, runRows, "cost.total") else { return [] }
        let avoided = zip(baseAdmissions, admissions).map { $0 - $1 }
        let extraCost = zip(cost, baseCost).map { $0 - $1 }
        var result = [
            DerivedEstimate(metric: MetricInfo(name: "avoidedAdmissions.counterfactual", unit: "admissions",
                                               description: "admissions avoided per episode: the same doctor's decision without the acute alternative would have admitted (scenario's own measure)",
                                               group: "avoided admissions"),
                            estimate: estimate(counterfactual)),
            DerivedEstimate(metric: MetricInfo(name: "avoidedAdmissions.betweenRuns", unit: "admissions",
                                               description: "base admissions − scenario admissions, paired by replication: includes system effects (freed beds, fewer readmissions, escalations)",
                                               group: "avoided admissions"),
                            estimate: estimate(avoided)),
        ]
        // A cost per avoided admission only means something when admissions are avoided.
        if avoided.reduce(0, +) > 0 {
            result.append(DerivedEstimate(metric: MetricInfo(name: "netCostPerAvoidedAdmission", unit: "DKK",
                                                             description: "(scenario − base total resource cost) / admissions avoided between runs; ratio of means with a delta-method 95 % CI",
                                                             group: "costs by provider"),
                                          estimate: ratio(extraCost, avoided)))
        }
        return result
    }

    /// Ratio of means ȳ/x̄ with a delta-method Student-t 95 % interval.
    public static func ratio(_ y: [Double], _ x: [Double]) -> Estimate {
        let n = Double(y.count)
        guard y.count >= 2 else { return Estimate(n: y.count, mean: .nan, sd: nil, ciLow: nil, ciHigh: nil) }
        let my = y.reduce(0, +) / n, mx = x.reduce(0, +) / n
        guard mx != 0 else { return Estimate(n: y.count, mean: .nan, sd: nil, ciLow: nil, ciHigh: nil) }
        let r = my / mx
        var syy = 0.0, sxx = 0.0, sxy = 0.0
        for (a, b) in zip(y, x) { syy += (a - my) * (a - my); sxx += (b - mx) * (b - mx); sxy += (a - my) * (b - mx) }
        syy /= n - 1; sxx /= n - 1; sxy /= n - 1
        let variance = max(0, (syy - 2 * r * sxy + r * r * sxx) / (mx * mx)) / n
        let half = StudentT.twoSidedCriticalValue(confidence: 0.95, degreesOfFreedom: n - 1) * variance.squareRoot()
        return Estimate(n: y.count, mean: r, sd: (variance * n).squareRoot(), ciLow: r - half, ciHigh: r + half)
    }
}
