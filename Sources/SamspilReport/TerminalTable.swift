/// Plain-text tables for the terminal: what `samspil run` and `samspil compare`
/// print when they finish.
///
/// Tables fit in `width` columns (100 by default) by shortening the metric
/// names, never the numbers. Numbers carry three significant digits and
/// thousands separators; a mean and its interval share one number of decimals
/// so they line up. Colour is strictly opt-in through `useColor`: the caller
/// decides (see ``colorAllowed(environment:isTerminal:)``), and with
/// `useColor: false` the output contains no escape codes at all.
public enum TerminalTable {
    /// Metrics shown when the caller names none: the patient-flow headline
    /// numbers and each payer's net cost. Those a run lacks are skipped; if it
    /// has none of them, all its metrics are shown.
    public static let defaultMetrics: [MetricID] = [
        .admissions, .avoidedAdmissions, .meanOccupancy, .p95Occupancy, .overcrowdingPatients2300,
        .teamEpisodes, .delayedDischargeDays, .bedDays,
    ] + ["region", "municipality", "general practice", "generalPractice", "state"].map { PayerMetricID(payer: $0, kind: .net).metric }

    /// Whether to colour output: never when `NO_COLOR` is set to anything
    /// non-empty (https://no-color.org), nor when standard output is not a
    /// terminal, nor for `TERM=dumb`.
    public static func colorAllowed(environment: [String: String], isTerminal: Bool) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// Metric, unit, mean and 95 % CI for one run.
    /// - Parameter metrics: the metrics to show, in order; nil for ``defaultMetrics``.
    /// - Complexity: O(metrics shown × metrics).
    /// - Parameter language: Danish shows plain-word labels and Danish numbers;
    ///   English keeps the identifiers (what scripts and the guides quote).
    public static func summary(_ run: ScenarioRun, metrics: [MetricID]? = nil, useColor: Bool, width: Int = 100,
                               language: ReportLanguage = .english) -> String {
        var rows: [[String]] = []
        for id in selected(metrics, in: run.metrics.map(\.id)) {
            guard let (info, e) = run.estimate(id) else { continue }
            let numbers = NumberText.displayGroup([e.mean, e.ciLow, e.ciHigh]).map(language.number)
            let ci = e.ciLow != nil && e.ciHigh != nil ? numbers[1] + " – " + numbers[2] : "–"
            rows.append([name(id, language), language.unit(info.unit), numbers[0], ci])
        }
        let layout = Layout(header: [Phrase.metric(language), Phrase.unit(language), Phrase.mean(language), Phrase.ci95(language)], rows: rows,
                            rightAligned: [false, false, true, true], width: width)
        let style = Style(enabled: useColor)
        var out = style.bold(run.label) + "\n"
        out += layout.render(style: style, rowStyle: { _ in nil })
        return out
    }

    /// One block per comparison: base mean, scenario mean, paired difference
    /// with 95 % CI, and `*` when the interval excludes zero. In colour,
    /// significant differences are green when they go the desirable way for
    /// the metric (fewer admissions, more avoided admissions, lower costs),
    /// red when they go the other way, and bold when the metric has no
    /// preferred direction.
    public static func comparison(_ document: RunDocument, metrics: [MetricID]? = nil, useColor: Bool,
                                  width: Int = 100, language: ReportLanguage = .english) -> String {
        let number = language.number
        let style = Style(enabled: useColor)
        var blocks: [String] = []
        for comparison in document.comparisons {
            guard let base = document.run(labelled: comparison.baseLabel) ?? document.runs.first else { continue }
            let scenario = document.run(labelled: comparison.label)
            var rows: [[String]] = []
            var tones: [Tone?] = []
            // The answer first: admissions avoided between runs, then per episode.
            let lead = AvoidedAdmissionsLead(comparison, base: base, language: language)
            for (name, d) in lead.map({ [(Phrase.avoidedBetweenRunsRow(language), $0.betweenRuns),
                                         (Phrase.avoidedPerEpisode(language), $0.perEpisode)] }) ?? [] {
                let texts = NumberText.displayGroup([d.mean, d.ciLow, d.ciHigh]).map(number)
                let ci = d.ciLow != nil && d.ciHigh != nil ? texts[1] + " – " + texts[2] : "–"
                let significant = d.ciExcludesZero == true
                rows.append([name, language.unit("admissions"), "", "", signed(texts[0], d.mean), ci, significant ? "*" : ""])
                tones.append(significant ? tone(metric: .avoidedAdmissions, difference: d.mean) : nil)
            }
            for id in selected(metrics, in: base.metrics.map(\.id)) {
                guard let m = base.metrics.firstIndex(where: { $0.id == id }), m < comparison.differences.count else { continue }
                let d = comparison.differences[m]
                let baseMean = base.estimates[m].mean
                let scenarioMean = scenario?.estimate(id)?.estimate.mean
                let means = NumberText.displayGroup([baseMean, scenarioMean]).map(number)
                let diffs = NumberText.displayGroup([d.mean, d.ciLow, d.ciHigh]).map(number)
                let ci = d.ciLow != nil && d.ciHigh != nil ? diffs[1] + " – " + diffs[2] : "–"
                let significant = d.ciExcludesZero == true
                rows.append([name(id, language), language.unit(base.metrics[m].unit), means[0], means[1], signed(diffs[0], d.mean), ci,
                             significant ? "*" : ""])
                tones.append(significant ? tone(metric: id, difference: d.mean) : nil)
            }
            let leadIDs: Set<MetricID> = lead == nil ? [] : [.avoidedAdmissionsBetweenRuns, .avoidedAdmissionsCounterfactual]
            for derived in comparison.derived ?? [] where !leadIDs.contains(derived.metric.id) {
                let d = derived.estimate
                let texts = NumberText.displayGroup([d.mean, d.ciLow, d.ciHigh]).map(number)
                let ci = d.ciLow != nil && d.ciHigh != nil ? texts[1] + " – " + texts[2] : "–"
                rows.append([name(derived.metric.id, language), language.unit(derived.metric.unit), "", "", texts[0], ci, ""])
                tones.append(nil)
            }
            let layout = Layout(header: [Phrase.metric, .unit, .base, .scenario, .difference, .ci95].map { $0(language) } + [""],
                                rows: rows, rightAligned: [false, false, true, true, true, true, false], width: width)
            // The decision first, then the table it rests on.
            let decision = DecisionBox(comparison, base: base, language: language)
            var block = decision.map { style.bold($0.text(width: width)) + "\n" } ?? ""
            block += style.bold(Phrase.versus(language, comparison.label, comparison.baseLabel)) + "\n"
            block += layout.render(style: style, rowStyle: { tones[$0] })
            if decision == nil, let sentence = WhoPays.sentence(comparison, base: base, language: language) {
                block += wrap(Phrase.whoPays(language, sentence), width: width) + "\n"
            }
            blocks.append(block)
        }
        guard !blocks.isEmpty else { return "" }
        return blocks.joined(separator: "\n") + Phrase.consoleFootnote(language) + "\n"
    }

    /// A metric's name in a console table: the identifier in English, the
    /// plain-word label in Danish.
    static func name(_ id: MetricID, _ language: ReportLanguage) -> String {
        language == .english ? id.name : language.label(id.name)
    }

    // MARK: Internals

    /// Breaks `text` at spaces into lines of at most `width` characters.
    public static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    static func selected(_ requested: [MetricID]?, in available: [MetricID]) -> [MetricID] {
        let present = Set(available)
        let wanted = (requested ?? defaultMetrics).filter(present.contains)
        return wanted.isEmpty && requested == nil ? available : wanted
    }

    /// `+12.3` for positive differences so the sign is never in doubt.
    static func signed(_ text: String, _ value: Double) -> String {
        value > 0 && !text.hasPrefix("+") ? "+" + text : text
    }

    enum Tone { case good, bad, neutral }

    /// Which direction is desirable for a metric.
    static func tone(metric: MetricID, difference: Double) -> Tone {
        let lowerIsBetter: Set<MetricID> = [.admissions, .meanOccupancy, .p95Occupancy, .overcrowdingPatients2300,
                                            .delayedDischargeDays, .bedDays]
        let higherIsBetter: Set<MetricID> = [.avoidedAdmissions]
        let payerKind = PayerMetricID(metric)?.kind
        let costLike = payerKind == .net || payerKind == .costs || metric.isCost
        if lowerIsBetter.contains(metric) || costLike { return difference < 0 ? .good : .bad }
        if higherIsBetter.contains(metric) { return difference > 0 ? .good : .bad }
        return .neutral
    }

    struct Style {
        var enabled: Bool
        func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s }
        func bold(_ s: String) -> String { wrap(s, "1") }
        func tone(_ s: String, _ tone: Tone?) -> String {
            switch tone {
            case .good: wrap(s, "32")
            case .bad: wrap(s, "31")
            case .neutral: wrap(s, "1")
            case nil: s
            }
        }
    }

    /// Column widths fitted to `width`, and the rendering.
    struct Layout {
        var header: [String]
        var rows: [[String]]
        var rightAligned: [Bool]
        var widths: [Int]
        static let gap = 2

        init(header: [String], rows: [[String]], rightAligned: [Bool], width: Int) {
            self.header = header
            self.rows = rows
            self.rightAligned = rightAligned
            var widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
            let total = widths.reduce(0, +) + Layout.gap * (widths.count - 1)
            var excess = total - width
            // Shorten the first two (text) columns, metric first, down to a minimum.
            for (c, minimum) in [(0, 12), (1, 4)] where excess > 0 && c < widths.count {
                let cut = min(excess, max(0, widths[c] - minimum))
                widths[c] -= cut
                excess -= cut
            }
            self.widths = widths
        }

        /// Data rows are styled in `styledColumns` (the difference, its CI and the mark of a comparison).
        func render(style: Style, styledColumns: Set<Int> = [4, 5, 6], rowStyle: (Int) -> Tone?) -> String {
            var out = line(header, style: { style.bold($0) })
            out += String(repeating: "─", count: widths.reduce(0, +) + Layout.gap * (widths.count - 1)) + "\n"
            for (i, row) in rows.enumerated() {
                let tone = rowStyle(i)
                out += line(row, style: { style.tone($0, tone) }, styledColumns: styledColumns)
            }
            return out
        }

        /// One padded line; `style` applies to every cell for the header, or
        /// to `styledColumns` only for data rows (padding stays unstyled).
        func line(_ cells: [String], style: (String) -> String, styledColumns: Set<Int>? = nil) -> String {
            var parts: [String] = []
            for (c, cell) in cells.enumerated() {
                let text = cell.count > widths[c] ? String(cell.prefix(max(1, widths[c] - 1))) + "…" : cell
                let pad = String(repeating: " ", count: max(0, widths[c] - text.count))
                let styled = (styledColumns?.contains(c) ?? true) && !text.isEmpty ? style(text) : text
                parts.append(rightAligned[c] ? pad + styled : styled + pad)
            }
            var s = parts.joined(separator: String(repeating: " ", count: Layout.gap))
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
    }
}
