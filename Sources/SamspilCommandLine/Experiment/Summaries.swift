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
            return Comparison(baseLabel: base.label, label: run.label, differences: differences)
        }
    }
}
