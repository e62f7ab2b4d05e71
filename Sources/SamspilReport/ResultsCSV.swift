/// The CSV files of a run, in "tidy" long form where that is what analysis
/// tools want (one observation per row), and wide where a person reads them
/// (`replications.csv`: one row per replication, one column per metric).
///
/// Runs are identified by their `label` (unique per run, unlike
/// `scenarioName`, which repeats across sweep points and regimes). Missing
/// values are empty cells, never `0`, so "not estimated" cannot be mistaken for
/// a measurement.
public enum ResultsCSV {
    /// File name → RFC 4180 text for every CSV file the document has data for.
    /// `comparison.csv` needs comparisons, `sweep.csv` a sweep and
    /// `timeseries.csv` at least one series; the other two are always written.
    public static func files(for document: RunDocument, dialect: CSVDialect = .standard) -> [(name: String, text: String)] {
        var out: [(String, String)] = [
            ("summary.csv", summary(document).text(dialect)),
            ("replications.csv", replications(document).text(dialect)),
        ]
        if document.runs.contains(where: { !$0.series.isEmpty }) {
            out.append(("timeseries.csv", timeseries(document).text(dialect)))
        }
        if !document.comparisons.isEmpty { out.append(("comparison.csv", comparison(document).text(dialect))) }
        if document.comparisons.contains(where: { !($0.derived ?? []).isEmpty }) {
            out.append(("between-runs.csv", betweenRuns(document).text(dialect)))
        }
        if document.sweep != nil { out.append(("sweep.csv", sweep(document).text(dialect))) }
        if let budget = document.budget { out.append(("budget.csv", budget.table.text(dialect))) }
        return out
    }

    /// `scenario,level,entity,metric,unit,mean,sd,ci_low,ci_high,n`: one row per
    /// run × metric row; `level` is `system` for scenario-wide rows, otherwise
    /// the entity's level (`municipality`, `region`, …) and `entity` its name.
    /// - Complexity: O(runs × metrics).
    public static func summary(_ document: RunDocument) -> CSVTable {
        var table = CSVTable(header: ["scenario", "level", "entity", "metric", "unit", "mean", "sd", "ci_low", "ci_high", "n"])
        for run in document.runs {
            for (metric, estimate) in zip(run.metrics, run.estimates) {
                table.append([run.label] + where_(metric) + [metric.name, metric.unit, NumberText.csv(estimate.mean),
                              NumberText.csv(estimate.sd), NumberText.csv(estimate.ciLow),
                              NumberText.csv(estimate.ciHigh), String(estimate.n)])
            }
        }
        return table
    }

    /// The `level` and `entity` cells of a metric row.
    static func where_(_ metric: MetricInfo) -> [String] { [metric.level ?? MetricKey.system, metric.entity ?? ""] }

    /// `scenario,replication,level,entity,metric,value`: one row per run ×
    /// replication × metric row (long format, so entities need no column names).
    /// - Complexity: O(runs × replications × metrics).
    public static func replications(_ document: RunDocument) -> CSVTable {
        var table = CSVTable(header: ["scenario", "replication", "level", "entity", "metric", "value"])
        for run in document.runs {
            for (r, row) in run.values.enumerated() {
                let number = r < run.replicationNumbers.count ? String(run.replicationNumbers[r]) : String(r)
                for (m, metric) in run.metrics.enumerated() where m < row.count {
                    table.append([run.label, number] + where_(metric) + [metric.name, NumberText.csv(row[m])])
                }
            }
        }
        return table
    }

    /// `scenario,series,day,mean,ci_low,ci_high`: one row per run × series × day.
    /// - Complexity: O(total series length).
    public static func timeseries(_ document: RunDocument) -> CSVTable {
        var table = CSVTable(header: ["scenario", "series", "day", "mean", "ci_low", "ci_high"])
        for run in document.runs {
            for band in run.series {
                for i in band.day.indices {
                    table.append([run.label, band.name, String(band.day[i]),
                                  NumberText.csv(band.mean.element(i)), NumberText.csv(band.low.element(i)),
                                  NumberText.csv(band.high.element(i))])
                }
            }
        }
        return table
    }

    /// `base,scenario,level,entity,metric,unit,difference,ci_low,ci_high,n,significant`:
    /// paired differences (scenario − base). `significant` is `true` when the
    /// 95 % interval excludes zero, `false` when it includes it, and empty when
    /// there is no interval.
    public static func comparison(_ document: RunDocument) -> CSVTable {
        var table = CSVTable(header: ["base", "scenario", "level", "entity", "metric", "unit", "difference", "ci_low", "ci_high",
                                      "n", "significant"])
        for comparison in document.comparisons {
            let metrics = document.run(labelled: comparison.baseLabel)?.metrics ?? document.runs.first?.metrics ?? []
            for (metric, d) in zip(metrics, comparison.differences) {
                let significant = d.ciExcludesZero.map { $0 ? "true" : "false" } ?? ""
                table.append([comparison.baseLabel, comparison.label] + where_(metric) + [metric.name, metric.unit,
                              NumberText.csv(d.mean), NumberText.csv(d.ciLow), NumberText.csv(d.ciHigh),
                              String(d.n), significant])
            }
        }
        return table
    }

    /// `base,scenario,measure,unit,estimate,ci_low,ci_high,n`: measures that
    /// exist only between two runs (avoided admissions both ways, net cost per
    /// avoided admission), one row per comparison × measure.
    public static func betweenRuns(_ document: RunDocument) -> CSVTable {
        var table = CSVTable(header: ["base", "scenario", "measure", "unit", "estimate", "ci_low", "ci_high", "n"])
        for comparison in document.comparisons {
            for derived in comparison.derived ?? [] {
                let d = derived.estimate
                table.append([comparison.baseLabel, comparison.label, derived.metric.name, derived.metric.unit,
                              NumberText.csv(d.mean), NumberText.csv(d.ciLow), NumberText.csv(d.ciHigh), String(d.n)])
            }
        }
        return table
    }

    /// `<parameter…>,metric,unit,mean,ci_low,ci_high,n`: one row per sweep point
    /// × metric, the parameter columns holding that point's values.
    public static func sweep(_ document: RunDocument) -> CSVTable {
        guard let sweep = document.sweep else {
            return CSVTable(header: ["metric", "unit", "mean", "ci_low", "ci_high", "n"])
        }
        var table = CSVTable(header: sweep.parameters.map(\.path) + ["level", "entity", "metric", "unit", "mean", "ci_low", "ci_high", "n"])
        for (run, point) in zip(document.runs, sweep.points) {
            let values = sweep.parameters.indices.map { p -> String in
                guard p < point.count, sweep.parameters[p].values.indices.contains(point[p]) else { return "" }
                return sweep.parameters[p].values[point[p]]
            }
            for (metric, e) in zip(run.metrics, run.estimates) {
                table.append(values + where_(metric) + [metric.name, metric.unit, NumberText.csv(e.mean), NumberText.csv(e.ciLow),
                                       NumberText.csv(e.ciHigh), String(e.n)])
            }
        }
        return table
    }

    /// Every metric name across runs, in first-seen order.
    static func metricIDs(_ document: RunDocument) -> [MetricID] {
        var seen = Set<MetricID>()
        var ids: [MetricID] = []
        for run in document.runs {
            for m in run.metrics where seen.insert(m.id).inserted { ids.append(m.id) }
        }
        return ids
    }
}

extension Estimate {
    /// Whether the 95 % interval lies entirely on one side of zero; nil when
    /// there is no interval (fewer than two replications).
    public var ciExcludesZero: Bool? {
        guard let low = ciLow, let high = ciHigh, low.isFinite, high.isFinite else { return nil }
        return low > 0 || high < 0
    }
}

extension RunDocument {
    /// The run with `label`, if any.
    public func run(labelled label: String) -> ScenarioRun? {
        runs.first { $0.label == label }
    }

    /// The paired difference (run − base) in metric `id`, or the derived estimate `id`, of a comparison.
    /// - Complexity: O(metrics).
    public func difference(_ id: MetricID, in comparison: Comparison) -> Estimate? {
        if let base = run(labelled: comparison.baseLabel) ?? runs.first,
           let m = base.metrics.firstIndex(where: { $0.id == id }), m < comparison.differences.count {
            return comparison.differences[m]
        }
        return comparison.derived?.first { $0.metric.id == id }?.estimate
    }
}

extension ScenarioRun {
    /// The metric `id` and its estimate, if this run has it.
    /// - Complexity: O(metrics).
    public func estimate(_ id: MetricID) -> (metric: MetricInfo, estimate: Estimate)? {
        guard let i = metrics.firstIndex(where: { $0.id == id }), i < estimates.count else { return nil }
        return (metrics[i], estimates[i])
    }

    /// The daily series `id`, if this run has it.
    public func series(_ id: SeriesID) -> SeriesBand? {
        series.first { $0.id == id }
    }
}

extension Array where Element == Double {
    /// The element at `i`, or nil past the end (series arrays are parallel but
    /// a hand-built document might not keep them equally long).
    func element(_ i: Int) -> Double? { indices.contains(i) ? self[i] : nil }
}
