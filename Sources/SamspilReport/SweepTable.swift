/// The console summary of a sweep: one row per grid point, the parameters'
/// values and the key outcomes as columns, each difference against the base point (the first, or `--base`)
/// point marked `*` when its 95 % interval excludes zero.
extension TerminalTable {
    /// The outcomes a sweep row shows: level, then change against the base point.
    static let sweepOutcomes: [MetricID] = [.admissions, .totalCost] + ["municipality", "region", "state"].map { PayerMetricID(payer: $0, kind: .net).metric }

    /// - Complexity: O(points × outcomes × metrics).
    public static func sweep(_ document: RunDocument, useColor: Bool, width: Int = 120, language: ReportLanguage = .english) -> String {
        guard let sweep = document.sweep, let first = document.runs.first else { return "" }
        let outcomes = sweepOutcomes.filter { first.estimate($0) != nil }
        let number = { (x: Double) in language.number(NumberText.display(x)) }
        var header = sweep.parameters.map { SweepLabels.short($0.path) }
        header += outcomes.map {
            $0 == .admissions ? Phrase.admissionsChange(language) : $0 == .totalCost ? Phrase.totalCostChange(language)
                : Phrase.netChange(language, language == .english ? PayerMetricID($0)?.payer ?? $0.name
                                 : MetricLabels._payers[PayerMetricID($0)?.payer ?? ""]?.da ?? $0.name)
        }
        var rows: [[String]] = []
        for (run, point) in zip(document.runs, sweep.points) {
            var row = sweep.parameters.indices.map { p in
                p < point.count ? sweep.parameters[p].values[point[p]].trimmingCharacters(in: ["\""]) : ""
            }
            let comparison = document.comparisons.first { $0.label == run.label }
            for id in outcomes {
                guard let m = first.metrics.firstIndex(where: { $0.id == id }) else { row.append("–"); continue }
                let difference = comparison.flatMap { m < $0.differences.count ? $0.differences[m] : nil }
                let mark = difference?.ciExcludesZero == true ? "*" : ""
                if id == .admissions {
                    let level = run.estimate(id).map { number($0.estimate.mean) } ?? "–"
                    row.append(difference.map { "\(level) (\(signed(number($0.mean), $0.mean))\(mark))" } ?? level)
                } else {
                    row.append(difference.map { signed(number($0.mean), $0.mean) + mark } ?? "0")
                }
            }
            rows.append(row)
        }
        let layout = Layout(header: header, rows: rows, rightAligned: header.indices.map { $0 >= sweep.parameters.count }, width: width)
        let style = Style(enabled: useColor)
        var out = style.bold(Phrase.sweepHeader(language, String(document.runs.count), document.comparisons.first?.baseLabel ?? first.label)) + "\n"
        out += layout.render(style: style, rowStyle: { _ in nil })
        out += Phrase.sweepFootnote(language) + "\n"
        return out
    }
}

/// Short names for swept parameters: `acuteTeams[*].shifts[night].nurses` →
/// `night nurses`, `decision.trust.gp` → `trust.gp`, `economics.regime` → `regime`.
public enum SweepLabels {
    /// A grid point in short words: `day nurses = 2, trust.gp = 0.3`.
    /// - Complexity: O(parameters).
    public static func point(_ sweep: SweepInfo, _ point: [Int]) -> String {
        sweep.parameters.indices.map { p in
            let value = p < point.count && sweep.parameters[p].values.indices.contains(point[p]) ? sweep.parameters[p].values[point[p]] : ""
            return "\(short(sweep.parameters[p].path)) = \(value.trimmingCharacters(in: ["\""]))"
        }.joined(separator: ", ")
    }

    public static func short(_ path: String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        guard let last = parts.last else { return path }
        if parts.count >= 2, let open = parts[parts.count - 2].firstIndex(of: "["), !parts[parts.count - 2].hasSuffix("[*]") {
            let name = parts[parts.count - 2][open...].dropFirst().dropLast()
            return "\(name.trimmingCharacters(in: ["\""])) \(last)"
        }
        if parts.count >= 3 { return parts[parts.count - 2] + "." + last }
        return last
    }
}
