/// `report.html`: one self-contained page a planner can open, read and print.
///
/// Self-contained means no network at all: CSS is inline, charts are inline
/// SVG drawn by ``Charts`` at render time, fonts are the system's. The only
/// script is three lines that expand the `<details>` blocks before printing.
/// The page is a pure function of the ``RunDocument`` (no date, no wall-clock
/// time), so the same run gives the same bytes.
///
/// Sections appear only when the document has their data: a single `run` has
/// no comparison, a run without payer metrics has no cost chart.
public enum HTMLReport {
    /// Metrics featured in the key-results table, the comparison chart and the
    /// sweep curves, when the caller names none.
    public static let defaultKeyMetrics: [MetricID] = [
        .admissions, .avoidedAdmissions, .meanOccupancy, .p95Occupancy, .overcrowdingPatients2300,
        .teamEpisodes, .delayedDischargeDays, .bedDays,
    ]

    /// Series drawn as line-and-band charts, in this order, with their titles.
    static let bandSeries: [(id: SeriesID, title: Phrase)] = [
        (.occupancy, .occupancyOverTime),
        (.teamCaseload, .teamCaseloadOverTime),
    ]

    /// At most this many comparisons are drawn as bars; more (a large sweep)
    /// would make unreadable panels, and `comparison.csv` has them all.
    static let maxComparisonBars = 12

    /// The HTML text of the report.
    /// - Parameter keyMetrics: metrics to feature; nil for ``defaultKeyMetrics``
    ///   (falling back to every metric of the first run if it has none of them).
    ///   - language: the language of every text on the page (numbers included).
    /// - Complexity: O(size of the document).
    public static func render(_ document: RunDocument, keyMetrics: [MetricID]? = nil, language: ReportLanguage = .english) -> String {
        var page = Page(document: document, keyMetrics: keyMetrics, language: language)
        return page.render()
    }
}

/// The report being assembled.
struct Page {
    let document: RunDocument
    let keys: [MetricID]
    let language: ReportLanguage
    var sections: [(id: String, title: String, html: String)] = []
    var chartCount = 0

    init(document: RunDocument, keyMetrics: [MetricID]?, language: ReportLanguage) {
        self.document = document
        self.language = language
        let available = ResultsCSV.metricIDs(document)
        let wanted = (keyMetrics ?? HTMLReport.defaultKeyMetrics).filter(Set(available).contains)
        self.keys = wanted.isEmpty && keyMetrics == nil ? Array(available.prefix(8)) : wanted
    }

    mutating func render() -> String {
        keyResults()
        bands()
        avoidedAdmissions()
        costs()
        comparison()
        entities()
        sweep()
        budget()
        stress()
        appendix()
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>\(Page.css)</style>
        </head>
        <body>
        <main>

        """
        html += header()
        if sections.count > 1 {
            html += "<nav aria-label=\"\(t(.contents))\"><ol>"
            for s in sections { html += "<li><a href=\"#\(s.id)\">\(e(s.title))</a></li>" }
            html += "</ol></nav>\n"
        }
        for s in sections {
            html += "<section id=\"\(s.id)\">\n<h2>\(e(s.title))</h2>\n\(s.html)</section>\n"
        }
        html += """
        </main>
        <script>addEventListener("beforeprint", function () {
          document.querySelectorAll("details").forEach(function (d) { d.open = true; });
        });</script>
        </body>
        </html>

        """
        return html
    }

    var title: String {
        let names = uniqueScenarioNames
        return "Samspil \(document.command): " + (names.count <= 3 ? names.joined(separator: ", ") : t(.scenarios, String(names.count)))
    }

    var uniqueScenarioNames: [String] {
        var seen = Set<String>()
        return document.runs.map(\.scenarioName).filter { seen.insert($0).inserted }
    }

    // MARK: Header

    func header() -> String {
        let x = document.experiment
        var h = "<header>\n<h1>\(e(title))</h1>\n"
        if !document.runs.isEmpty {
            h += "<p class=\"runs\">"
            h += document.runs.enumerated().prefix(24).map { i, run in
                "<span class=\"swatch\" style=\"background:\(Palette.color(i))\"></span>\(e(shown(run.label)))"
            }.joined(separator: " &nbsp; ")
            if document.runs.count > 24 { h += " &nbsp; " + t(.inAll, String(document.runs.count)) }
            h += "</p>\n"
        }
        var facts: [(String, String)] = [
            (t(.tool), "\(document.tool.name) \(document.tool.version)"),
            (t(.commandWord), document.command),
            (t(.seed), String(x.seed)),
            (t(.replications), String(x.replications)),
            (t(.warmUp), t(.days, language.number(NumberText.csv(x.warmupDays)))),
            (t(.horizon), t(.days, language.number(NumberText.csv(x.horizonDays)))),
        ]
        if let shard = x.shard { facts.append((t(.shard), shard)) }
        if !document.tool.machine.isEmpty { facts.append((t(.machine), document.tool.machine)) }
        if !document.tool.commandLine.isEmpty {
            facts.append((t(.commandLine), document.tool.commandLine.joined(separator: " ")))
        }
        h += "<dl class=\"facts\">"
        for (k, v) in facts { h += "<div><dt>\(e(k))</dt><dd>\(e(v))</dd></div>" }
        h += "</dl>\n</header>\n"
        return h
    }

    // MARK: Key results

    mutating func keyResults() {
        let runs = document.runs
        guard !runs.isEmpty, !keys.isEmpty else { return }
        var t = (document.warnings ?? []).map { "<p class=\"warning\"><strong>\(self.t(.warning))</strong> \(e($0))</p>\n" }.joined()
        t += avoidedAdmissionsLead()
        t += "<div class=\"scroll\"><table class=\"results\">\n"
        if runs.count <= 4 {
            t += "<thead><tr><th scope=\"col\">\(self.t(.metric))</th><th scope=\"col\">\(self.t(.unit))</th>"
            for (i, run) in runs.enumerated() { t += "<th scope=\"col\" class=\"num\">\(swatch(i))\(e(shown(run.label)))</th>" }
            t += "</tr></thead>\n<tbody>\n"
            for key in keys {
                let info = runs.lazy.compactMap { $0.estimate(key)?.metric }.first
                t += "<tr>\(metricHeader(key, info?.description))<td>\(e(language.unit(info?.unit ?? "")))</td>"
                for run in runs { t += "<td class=\"num\">\(cell(run.estimate(key)?.estimate))</td>" }
                t += "</tr>\n"
            }
        } else {
            // Runs as rows; metrics in tables of four columns so they fit the page.
            for (c, chunk) in stride(from: 0, to: keys.count, by: 4).map({ Array(keys[$0..<min($0 + 4, keys.count)]) }).enumerated() {
                if c > 0 { t += "</tbody></table></div>\n<div class=\"scroll\"><table class=\"results\">\n" }
                t += "<thead><tr><th scope=\"col\">\(self.t(.run))</th>"
                for key in chunk {
                    let unit = runs.lazy.compactMap { $0.estimate(key)?.metric.unit }.first ?? ""
                    t += "<th scope=\"col\" class=\"num\" title=\"\(e(key.name))\">\(e(label(key)))<br><span class=\"unit\">\(e(language.unit(unit)))</span></th>"
                }
                t += "</tr></thead>\n<tbody>\n"
                for (i, run) in runs.enumerated() {
                    t += "<tr><th scope=\"row\">\(swatch(i))\(e(shown(run.label)))</th>"
                    for key in chunk { t += "<td class=\"num\">\(cell(run.estimate(key)?.estimate))</td>" }
                    t += "</tr>\n"
                }
            }
        }
        t += "</tbody></table></div>\n"
        t += "<p class=\"note\">\(self.t(.keyResultsNote))</p>\n"
        sections.append(("key-results", self.t(.keyResults), t))
    }

    /// The answer first, for each comparison: the decision box (admissions
    /// avoided, cost, net cost per avoided admission, who pays by name).
    mutating func avoidedAdmissionsLead() -> String {
        var html = ""
        for c in document.comparisons.prefix(HTMLReport.maxComparisonBars) {
            guard let base = document.run(labelled: c.baseLabel), let box = DecisionBox(c, base: base, language: language) else { continue }
            html += box.html()
        }
        if let first = document.comparisons.first, let base = document.run(labelled: first.baseLabel) {
            html += payersByName([first], base: base, heading: false)
        }
        return html
    }

    /// "mean" over "low – high" for a table cell.
    func cell(_ estimate: Estimate?) -> String {
        guard let est = estimate else { return "–" }
        let n = NumberText.displayGroup([est.mean, est.ciLow, est.ciHigh]).map(language.number)
        var c = e(n[0])
        if est.ciLow != nil && est.ciHigh != nil { c += "<br><span class=\"ci\">\(e(n[1])) – \(e(n[2]))</span>" }
        return c
    }

    /// A phrase of the page's language.
    func t(_ phrase: Phrase, _ arguments: String...) -> String { phrase.text(language, arguments) }

    /// A run's label as shown: a sweep point's short form (`day nurses = 2,
    /// trust.gp = 0.3`; the full paths are in the files), otherwise the label.
    func shown(_ label: String) -> String {
        guard let sweep = document.sweep, let r = document.runs.firstIndex(where: { $0.label == label }), r < sweep.points.count else { return label }
        return SweepLabels.point(sweep, sweep.points[r])
    }

    /// A metric's plain-word label in the page's language.
    func label(_ id: MetricID) -> String { language.label(id.name) }

    /// A table row's header cell: the label, the identifier and meaning in a tooltip.
    func metricHeader(_ id: MetricID, _ description: String?) -> String {
        "<th scope=\"row\" title=\"\(e(id.name + (description.map { ": " + $0 } ?? "")))\">\(e(label(id)))</th>"
    }

    func swatch(_ i: Int) -> String {
        "<span class=\"swatch\" style=\"background:\(Palette.color(i))\"></span>"
    }

    // MARK: Charts

    mutating func figure(_ svg: String, caption: String) -> String {
        chartCount += 1
        let figcaption = caption.isEmpty ? "" : "<figcaption>\(e(caption))</figcaption>\n"
        return "<figure class=\"chart\">\n\(language.numbersInSVG(svg))\n\(figcaption)</figure>\n"
    }

    mutating func bands() {
        for (id, phrase) in HTMLReport.bandSeries {
            let name = id.rawValue
            let chartTitle = t(phrase)
            let series: [Charts.BandSeries] = document.runs.enumerated().compactMap { i, run in
                guard let b = run.series(id), !b.day.isEmpty else { return nil }
                return Charts.BandSeries(label: shown(run.label), color: Palette.color(i), x: b.day.map(Double.init),
                                         mean: b.mean, low: b.low, high: b.high)
            }
            guard !series.isEmpty, series.count <= 8 else { continue }
            let unit = document.runs.lazy.compactMap { $0.series(id)?.unit }.first ?? ""
            let yLabel = unit.isEmpty ? name : "\(name) (\(language.unit(unit)))"
            let svg = Charts.band(id: "chart-\(Markup.identifier(name))", title: t(.meanAndBand, chartTitle),
                                  description: t(.bandDescription, name, series.map(\.label).joined(separator: ", ")),
                                  xLabel: t(.day), yLabel: yLabel, series: series)
            let html = figure(svg, caption: t(.bandCaption))
            sections.append(("series-\(Markup.identifier(name))", chartTitle, html))
        }
    }

    mutating func avoidedAdmissions() {
        let bars: [Charts.Bar] = document.runs.enumerated().compactMap { i, run in
            guard let (_, est) = run.estimate(.avoidedAdmissions) else { return nil }
            return Charts.Bar(label: shown(run.label), value: est.mean, low: est.ciLow, high: est.ciHigh, color: Palette.color(i))
        }
        guard !bars.isEmpty else { return }
        let unit = document.runs.lazy.compactMap { $0.estimate(.avoidedAdmissions)?.metric.unit }.first ?? ""
        let svg = Charts.horizontalBars(
            id: "chart-avoided-admissions", title: t(.avoidedPerRun), description: t(.avoidedPerRunDescription),
            panels: [Charts.Panel(title: "", valueLabel: unit.isEmpty ? t(.avoidedAxis) : "\(t(.avoidedAxis)) (\(language.unit(unit)))",
                                  bars: bars)])
        let html = figure(svg, caption: t(.avoidedCaption))
        sections.append(("avoided-admissions", t(.avoidedAdmissions), html))
    }

    /// Payers found in the metrics (``PayerMetricID``), in first-seen order,
    /// with a display name taken from the metric group "payer: …".
    func payers() -> [(id: String, name: String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for run in document.runs {
            for m in run.metrics {
                guard let payer = PayerMetricID(m.id)?.payer, seen.insert(payer).inserted else { continue }
                let name = m.group.hasPrefix("payer: ") ? String(m.group.dropFirst(7)) : payer
                out.append((payer, name))
            }
        }
        // A payer that bears nothing in any run (the joint budget outside a
        // pooled regime) would only add an empty group to the charts.
        return out.filter { payer in bearsAnything(payer.0) }
    }

    func bearsAnything(_ payer: String) -> Bool {
        for run in document.runs {
            for kind in PayerMetricID.Kind.allCases {
                let mean: Double = run.estimate(PayerMetricID(payer: payer, kind: kind).metric)?.estimate.mean ?? 0
                if mean != 0 { return true }
            }
        }
        return false
    }

    mutating func costs() {
        let payers = payers()
        var html = ""
        let runs = document.runs.enumerated().prefix(8)
        let legend = runs.map { (label: $0.element.label, color: Palette.color($0.offset)) }
        for (kind, heading, desc) in [(PayerMetricID.Kind.costs, t(.costsByPayer), t(.costsByPayerMeaning)),
                                      (.net, t(.netByPayer), t(.netByPayerMeaning))] {
            let values: [[Charts.Bar?]] = payers.map { payer in
                runs.map { i, run in
                    run.estimate(PayerMetricID(payer: payer.id, kind: kind).metric).map {
                        Charts.Bar(label: "\(shown(run.label)) – \(payer.name)", value: $0.estimate.mean, low: $0.estimate.ciLow,
                                   high: $0.estimate.ciHigh, color: Palette.color(i))
                    }
                }
            }
            guard values.contains(where: { $0.contains { $0 != nil } }) else { continue }
            let unit = document.runs.lazy.flatMap(\.metrics).first { PayerMetricID($0.id)?.kind == kind }?.unit ?? ""
            let svg = Charts.groupedBars(
                id: "chart-payer-\(kind.rawValue)", title: t(.meanAndCI, heading), description: t(.payerBarsDescription, desc),
                yLabel: unit.isEmpty ? kind.rawValue : "\(language.label("payer.\(kind)")) (\(language.unit(unit)))",
                groups: payers.map { language == .english ? $0.name : MetricLabels._payers[$0.id]?.da ?? $0.name },
                series: Array(legend), values: values)
            html += figure(svg, caption: t(.payerCaption, heading, desc))
        }
        // Costs by provider, if the model reports them.
        let providerMetrics = document.runs.first?.metrics.filter { $0.group == "costs by provider" } ?? []
        if !providerMetrics.isEmpty {
            let values: [[Charts.Bar?]] = providerMetrics.map { metric in
                runs.map { i, run in
                    run.estimate(metric.id).map {
                        Charts.Bar(label: "\(shown(run.label)) – \(metric.name)", value: $0.estimate.mean, low: $0.estimate.ciLow,
                                   high: $0.estimate.ciHigh, color: Palette.color(i))
                    }
                }
            }
            let svg = Charts.groupedBars(
                id: "chart-provider-costs", title: t(.meanAndCI, t(.costsByProvider)), description: t(.providerBarsDescription),
                yLabel: t(.costsAxis, language.unit(providerMetrics[0].unit)),
                groups: providerMetrics.map { language == .english ? Page.shortName($0.name) : MetricLabels._providers[Page.shortName($0.name)]?.da ?? Page.shortName($0.name) },
                series: Array(legend), values: values)
            html += figure(svg, caption: t(.providerCaption))
        }
        guard !html.isEmpty else { return }
        sections.append(("costs", t(.costsSection), html))
    }

    /// `costs.hospital.bedDays` → `hospital.bedDays`: drop a leading group word.
    static func shortName(_ name: String) -> String {
        let parts = name.split(separator: ".")
        return parts.count > 1 && (parts[0] == "cost" || parts[0] == "costs" || parts[0] == "provider")
            ? parts.dropFirst().joined(separator: ".") : name
    }

    mutating func comparison() {
        let comparisons = document.comparisons
        guard !comparisons.isEmpty, let base = document.run(labelled: comparisons[0].baseLabel) ?? document.runs.first else { return }
        let labels = document.runs.map(\.label)
        let color = { (label: String) -> String in
            Palette.color(labels.firstIndex(of: label) ?? 0)
        }
        var html = ""
        let drawn = Array(comparisons.prefix(HTMLReport.maxComparisonBars))
        // One small chart per metric (metrics differ in unit and scale), laid
        // out two abreast on screen and free to break between pages in print.
        var grid = ""
        for key in keys {
            guard let m = base.metrics.firstIndex(where: { $0.id == key }) else { continue }
            let bars: [Charts.Bar] = drawn.compactMap { c in
                guard m < c.differences.count else { return nil }
                let d = c.differences[m]
                return Charts.Bar(label: shown(c.label), value: d.mean, low: d.ciLow, high: d.ciHigh, color: color(c.label),
                                  faded: d.ciExcludesZero != true)
            }
            guard !bars.isEmpty else { continue }
            let unit = base.metrics[m].unit
            let svg = Charts.horizontalBars(
                id: "chart-comparison-\(Markup.identifier(key.name))", title: label(key),
                description: t(.comparisonDescription, label(key), shown(base.label)),
                panels: [Charts.Panel(title: "", valueLabel: t(.differenceAxis, language.unit(unit)), bars: bars)],
                width: 480)
            grid += figure(svg, caption: "")
        }
        if !grid.isEmpty {
            html += "<p class=\"note\">\(e(t(.comparisonNote, shown(base.label))))</p>\n"
            html += "<div class=\"grid\">\n\(grid)</div>\n"
        }
        if comparisons.count > drawn.count {
            html += "<p class=\"note\">\(e(t(.showingFirst, String(drawn.count), String(comparisons.count))))</p>\n"
        }
        html += payersByName(drawn, base: base)
        // Table of the same numbers.
        if drawn.count <= 3 {
            html += "<div class=\"scroll\"><table class=\"results\">\n<thead><tr><th scope=\"col\">\(t(.metric))</th><th scope=\"col\">\(t(.unit))</th>"
            html += "<th scope=\"col\" class=\"num\">\(e(shown(base.label)))</th>"
            for c in drawn { html += "<th scope=\"col\" class=\"num\">\(e(t(.minusBase, shown(c.label))))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for key in keys {
                guard let m = base.metrics.firstIndex(where: { $0.id == key }) else { continue }
                html += "<tr>\(metricHeader(key, nil))<td>\(e(language.unit(base.metrics[m].unit)))</td><td class=\"num\">\(cell(base.estimates[m]))</td>"
                for c in drawn {
                    guard m < c.differences.count else { html += "<td class=\"num\">–</td>"; continue }
                    let d = c.differences[m]
                    let sig = d.ciExcludesZero == true
                    html += "<td class=\"num\(sig ? " sig" : "")\">\(cell(d))\(sig ? " <span title=\"\(t(.ciExcludesZero))\">*</span>" : "")</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody></table></div>\n<p class=\"note\">\(e(t(.significanceNote)))</p>\n"
        }
        // Who pays, who saves: the payers whose net changed, in words.
        for c in drawn {
            if let sentence = WhoPays.sentence(c, base: base, language: language) {
                html += "<p class=\"who-pays\"><strong>\(e(t(.versus, shown(c.label), shown(c.baseLabel)))):</strong> \(e(sentence))</p>\n"
            }
        }
        // Between-run measures: avoided admissions, net cost per avoided admission, who saves.
        let withDerived = drawn.filter { !($0.derived ?? []).isEmpty }
        if !withDerived.isEmpty {
            html += "<h3>\(t(.betweenRunMeasures))</h3>\n<div class=\"scroll\"><table class=\"results\">\n<thead><tr><th scope=\"col\">\(t(.comparisonColumn))</th>"
            html += "<th scope=\"col\">\(t(.measure))</th><th scope=\"col\">\(t(.unit))</th><th scope=\"col\" class=\"num\">\(t(.estimateCI))</th></tr></thead>\n<tbody>\n"
            for c in withDerived {
                for d in c.derived ?? [] {
                    html += "<tr><td>\(e(t(.versus, shown(c.label), shown(c.baseLabel))))</td>\(metricHeader(d.metric.id, d.metric.description))"
                    html += "<td>\(e(language.unit(d.metric.unit)))</td><td class=\"num\">\(cell(d.estimate))</td></tr>\n"
                }
            }
            html += "</tbody></table></div>\n"
        }
        sections.append(("comparison", t(.comparisonSection), html))
    }

    /// Who pays, who saves — by name: for each comparison, the change in every
    /// payer entity's net, one panel per level, largest change first; pale bars
    /// are changes whose interval includes zero.
    mutating func payersByName(_ comparisons: [Comparison], base: ScenarioRun, heading: Bool = true) -> String {
        let rows = base.metrics.indices.filter { base.metrics[$0].name == "payer.net" && base.metrics[$0].level != nil }
        guard !rows.isEmpty else { return "" }
        var html = heading ? "<h3>\(t(.whoPaysByName))</h3>\n" : ""
        for c in comparisons {
            var panels: [Charts.Panel] = []
            for level in ["municipality", "region", "state", "generalPractice", "jointBudget"] {
                let bars: [Charts.Bar] = rows.compactMap { m in
                    guard base.metrics[m].level == level, m < c.differences.count else { return nil }
                    let d = c.differences[m]
                    guard d.mean.isFinite, d.mean != 0 || (d.ciLow ?? 0) != 0 else { return nil }
                    return Charts.Bar(label: base.metrics[m].entity ?? "", value: d.mean, low: d.ciLow, high: d.ciHigh,
                                      color: d.mean > 0 ? Palette.series[3] : Palette.series[2], faded: d.ciExcludesZero != true)
                }.sorted { abs($0.value) > abs($1.value) }
                guard !bars.isEmpty else { continue }
                let title = ["municipality": t(.municipalities), "region": t(.regions), "state": t(.theState),
                             "generalPractice": t(.generalPractice), "jointBudget": t(.jointBudgets)][level] ?? level
                panels.append(Charts.Panel(title: title, valueLabel: t(.changeInNetAxis), bars: Array(bars.prefix(25))))
            }
            guard !panels.isEmpty else { continue }
            html += figure(Charts.horizontalBars(
                id: "chart-payers-by-name-\(Markup.identifier(c.label))", title: t(.changeByPayerTitle, t(.versus, shown(c.label), shown(c.baseLabel))),
                description: t(.changeByPayerDescription), panels: panels), caption: t(.changeByPayerCaption))
        }
        return html
    }

    mutating func stress() {
        guard !document.stress.isEmpty else { return }
        var html = "<p class=\"note\">\(e(t(.stressNote)))</p>\n"
        for section in document.stress {
            html += "<h3>\(e(section.title))</h3>\n<dl class=\"stress\">\n"
            for item in section.items { html += "<dt>\(e(item.label))</dt><dd>\(e(item.text))</dd>\n" }
            html += "</dl>\n"
        }
        sections.append(("stress-des", "STRESS-DES", html))
    }

    mutating func appendix() {
        var seen = Set<String>()
        var html = ""
        for run in document.runs where !run.resolvedScenario.isEmpty {
            guard seen.insert(run.resolvedScenario).inserted else { continue }
            html += "<details><summary>\(e(run.label))</summary>\n<pre>\(e(run.resolvedScenario))</pre>\n</details>\n"
        }
        guard !html.isEmpty else { return }
        sections.append(("appendix", t(.appendix), html))
    }

    func e(_ s: String) -> String { Markup.escape(s) }

    static let css = """

    :root { color-scheme: light; --text: #222; --muted: #555; --rule: #ddd; --accent: #0072B2; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #fff; color: var(--text);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 48px; }
    h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--rule); }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: .8rem; }
    .runs { margin: .2rem 0 .6rem; }
    .swatch { display: inline-block; width: .8em; height: .8em; margin-right: .35em; border-radius: 2px; vertical-align: baseline; }
    dl.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.6rem; margin: 0; }
    dl.facts div { display: flex; gap: .4rem; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
    nav ol { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; padding: 0; margin: 1rem 0 0; list-style: none; font-size: .9rem; }
    nav a { color: var(--accent); }
    .scroll { overflow-x: auto; }
    table.results { border-collapse: collapse; font-size: .9rem; min-width: 50%; margin-bottom: .8rem; }
    table.results th, table.results td { padding: .35rem .7rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    table.results thead th { border-bottom: 2px solid #999; }
    table.results .num { text-align: right; font-variant-numeric: tabular-nums; }
    table.results tbody th { font-weight: 500; }
    .ci, .unit { color: var(--muted); font-size: .82rem; white-space: nowrap; }
    td.sig { font-weight: 700; }
    .note { color: var(--muted); font-size: .88rem; }
    .warning { border-left: 4px solid #D55E00; padding: .3rem .8rem; background: #fdf3ec; }
    .decision { border: 2px solid var(--accent); border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1rem 0; }
    .decision h2 { margin: .4rem 0; font-size: 1.2rem; }
    .decision dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
    .decision dt { font-weight: 600; } .decision dd { margin: 0; }
    .heat-title { font-weight: 600; margin: .8rem 0 .3rem; }
    .lead { font-size: 1.05rem; border-left: 4px solid var(--accent); padding: .4rem .8rem; background: #f5f8fc; }
    figure.chart { margin: 1rem 0 1.6rem; }
    figure.chart svg { display: block; width: 100%; max-width: 960px; height: auto; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 0 24px; }
    .grid figure.chart { margin: .4rem 0 1rem; }
    figcaption { color: var(--muted); font-size: .85rem; margin-top: .3rem; }
    dl.stress dt { font-weight: 600; margin-top: .5rem; }
    dl.stress dd { margin: 0 0 0 1.2rem; }
    details { margin: .5rem 0; border: 1px solid var(--rule); border-radius: 4px; padding: .3rem .7rem; }
    summary { cursor: pointer; font-weight: 600; }
    pre { font-size: .78rem; line-height: 1.35; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
    code { font-size: .9em; }
    @media print {
      @page { margin: 14mm; }
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      nav { display: none; }
      a { color: inherit; text-decoration: none; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      figure.chart, table.results tr, dl.stress dd { break-inside: avoid; page-break-inside: avoid; }
      .scroll { overflow: visible; }
      .grid { grid-template-columns: 1fr 1fr; }
      details { border: none; padding: 0; }
    }

    """
}
