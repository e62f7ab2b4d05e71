import Foundation

/// The CSV files of a run, in "tidy" long form (one observation per row), the
/// form pandas, R and Excel's pivot tables want.
///
/// Runs are identified by their `label` (unique per run, unlike
/// `scenarioName`, which repeats across sweep points and regimes). Missing
/// values are empty cells, never `0`, so "not estimated" cannot be mistaken for
/// a measurement.
public enum ResultsCSV {
    /// The CSV files as ``OutputFile``s, rendered only while they are written,
    /// `replications.csv` in pieces.
    /// - Complexity: that of writing them.
    public static func outputFiles(for document: RunDocument, dialect: CSVDialect = .standard) -> [OutputFile] {
        fileNames(for: document).map { name in
            name == "replications.csv" ? replicationsFile(document, dialect: dialect)
                : OutputFile(name: name, contents: { Data(table(name, of: document).text(dialect).utf8) })
        }
    }

    /// The names of the CSV files `document` has data for, in writing order.
    /// - Complexity: O(runs + comparisons).
    public static func fileNames(for document: RunDocument) -> [String] {
        var names = ["summary.csv", "replications.csv"]
        if document.runs.contains(where: { !$0.series.isEmpty }) { names.append("timeseries.csv") }
        if !document.comparisons.isEmpty { names.append("comparison.csv") }
        if document.comparisons.contains(where: { !($0.derived ?? []).isEmpty }) { names.append("between-runs.csv") }
        if document.sweep != nil { names.append("sweep.csv") }
        if document.budget != nil { names.append("budget.csv") }
        return names
    }

    /// The table of file `name` (one of ``fileNames(for:)``).
    static func table(_ name: String, of document: RunDocument) -> CSVTable {
        switch name {
        case "summary.csv": summary(document)
        case "replications.csv": replications(document)
        case "timeseries.csv": timeseries(document)
        case "comparison.csv": comparison(document)
        case "between-runs.csv": betweenRuns(document)
        case "sweep.csv": sweep(document)
        case "budget.csv": document.budget?.table ?? CSVTable(header: [])
        default: preconditionFailure("no CSV file named \(name)")
        }
    }

    /// File name → text of every CSV file the document has data for, whole
    /// (for tests and merging). `comparison.csv` needs comparisons, `sweep.csv`
    /// a sweep, `timeseries.csv` a series and `budget.csv` a budget; the other
    /// two are always written.
    /// - Complexity: O(total characters).
    public static func files(for document: RunDocument, dialect: CSVDialect = .standard) -> [(name: String, text: String)] {
        fileNames(for: document).map { ($0, table($0, of: document).text(dialect)) }
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
        var table = CSVTable(header: replicationsHeader)
        forEachReplicationRecord(document) { table.append($0) }
        return table
    }

    static let replicationsHeader = ["scenario", "replication", "level", "entity", "metric", "value"]

    /// Calls `body` with each record of ``replications(_:)`` in order.
    /// - Complexity: O(runs × replications × metrics).
    static func forEachReplicationRecord(_ document: RunDocument, _ body: ([String]) throws -> Void) rethrows {
        for run in document.runs {
            for (r, row) in run.values.enumerated() {
                let number = r < run.replicationNumbers.count ? String(run.replicationNumbers[r]) : String(r)
                for (m, metric) in run.metrics.enumerated() where m < row.count {
                    try body([run.label, number] + where_(metric) + [metric.name, NumberText.csv(row[m])])
                }
            }
        }
    }

    /// `replications.csv` written in pieces of about 1 MB: the file grows with
    /// replications × metric rows, and its text is never held whole.
    /// - Complexity: O(runs × replications × metrics).
    public static func replicationsFile(_ document: RunDocument, dialect: CSVDialect = .standard) -> OutputFile {
        OutputFile(name: "replications.csv") { emit in
            var piece = dialect.start + dialect.line(replicationsHeader)
            try forEachReplicationRecord(document) { record in
                piece += dialect.line(record)
                if piece.utf8.count >= 1 << 20 {
                    try emit(Data(piece.utf8))
                    piece = ""
                }
            }
            try emit(Data(piece.utf8))
        }
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

    /// `[<parameter…>,]base,scenario,level,entity,metric,unit,difference_mean,difference_sd,difference_ci_low,difference_ci_high,n,significant`:
    /// paired differences (scenario − base); in a sweep, the scenario point's
    /// parameter values first. `significant` is `true` when the 95 % interval
    /// excludes zero, `false` when it includes it, and empty when there is no interval.
    /// - Complexity: O(comparisons × metrics).
    public static func comparison(_ document: RunDocument) -> CSVTable {
        var table = CSVTable(header: parameterColumns(document) + ["base", "scenario", "level", "entity", "metric", "unit"] + differenceColumns
                             + ["n", "significant"])
        for comparison in document.comparisons {
            let metrics = document.run(labelled: comparison.baseLabel)?.metrics ?? document.runs.first?.metrics ?? []
            for (metric, d) in zip(metrics, comparison.differences) {
                table.append(parameterValues(document, label: comparison.label) + [comparison.baseLabel, comparison.label] + where_(metric)
                             + [metric.name, metric.unit] + differenceCells(d) + [String(d.n), significance(d)])
            }
        }
        return table
    }

    /// The columns of a paired difference, the same in `comparison.csv` and `sweep.csv`.
    static let differenceColumns = ["difference_mean", "difference_sd", "difference_ci_low", "difference_ci_high"]

    static func differenceCells(_ d: Estimate) -> [String] {
        [NumberText.csv(d.mean), NumberText.csv(d.sd), NumberText.csv(d.ciLow), NumberText.csv(d.ciHigh)]
    }

    static func significance(_ d: Estimate) -> String { d.ciExcludesZero.map { $0 ? "true" : "false" } ?? "" }

    /// `[<parameter…>,]base,scenario,metric,unit,estimate,ci_low,ci_high,n`: measures that
    /// exist only between two runs (avoided admissions both ways, net cost per
    /// avoided admission), one row per comparison × measure.
    public static func betweenRuns(_ document: RunDocument) -> CSVTable {
        var table = CSVTable(header: parameterColumns(document) + ["base", "scenario", "metric", "unit", "estimate", "ci_low", "ci_high", "n"])
        for comparison in document.comparisons {
            for derived in comparison.derived ?? [] {
                let d = derived.estimate
                table.append(parameterValues(document, label: comparison.label) + [comparison.baseLabel, comparison.label, derived.metric.name,
                             derived.metric.unit, NumberText.csv(d.mean), NumberText.csv(d.ciLow), NumberText.csv(d.ciHigh), String(d.n)])
            }
        }
        return table
    }

    /// `<parameter…>,scenario,level,entity,metric,unit,mean,sd,ci_low,ci_high,n,base,difference_mean,difference_sd,difference_ci_low,difference_ci_high,significant`:
    /// one row per sweep point × metric, the parameter columns holding that
    /// point's values, then its level and its paired difference against the
    /// base point (empty on the base point's own rows).
    /// - Complexity: O(points × metrics).
    public static func sweep(_ document: RunDocument) -> CSVTable {
        var table = CSVTable(header: parameterColumns(document) + ["scenario", "level", "entity", "metric", "unit", "mean", "sd", "ci_low",
                                                                   "ci_high", "n", "base"] + differenceColumns + ["significant"])
        let base = document.comparisons.first?.baseLabel ?? document.runs.first?.label ?? ""
        for run in document.runs {
            let comparison = document.comparisons.first { $0.label == run.label }
            let baseMetrics = document.run(labelled: base)?.metrics ?? []
            for (metric, e) in zip(run.metrics, run.estimates) {
                var row = parameterValues(document, label: run.label) + [run.label] + where_(metric)
                row += [metric.name, metric.unit, NumberText.csv(e.mean), NumberText.csv(e.sd), NumberText.csv(e.ciLow),
                        NumberText.csv(e.ciHigh), String(e.n), base]
                if let comparison, let m = baseMetrics.firstIndex(where: { $0.key == metric.key }), m < comparison.differences.count {
                    row += differenceCells(comparison.differences[m]) + [significance(comparison.differences[m])]
                } else {
                    row += Array(repeating: "", count: differenceColumns.count + 1)
                }
                table.append(row)
            }
        }
        return table
    }

    /// The swept parameters' paths (none outside a sweep).
    static func parameterColumns(_ document: RunDocument) -> [String] { document.sweep?.parameters.map(\.path) ?? [] }

    /// The parameter values of the run `label` in a sweep (none outside a sweep).
    static func parameterValues(_ document: RunDocument, label: String) -> [String] {
        guard let sweep = document.sweep else { return [] }
        guard let r = document.runs.firstIndex(where: { $0.label == label }), r < sweep.points.count else {
            return Array(repeating: "", count: sweep.parameters.count)
        }
        let point = sweep.points[r]
        return sweep.parameters.indices.map { p in
            p < point.count && sweep.parameters[p].values.indices.contains(point[p]) ? sweep.parameters[p].values[point[p]] : ""
        }
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
