/// The report's tables per municipality, hospital, region, team and acute-bed
/// unit: each level's main metrics (``EntityTable``), one row per entity. A
/// run shows means; a comparison shows the paired difference of its first
/// comparison (scenario − base), marked when the 95 % interval excludes 0.
extension Page {
    /// Levels with tables, their headings, and how many metrics a table may
    /// have before it is split so it fits the page without scrolling.
    static let entityLevels: [(level: String, title: String)] = [
        ("municipality", "Per municipality (its citizens)"), ("hospital", "Per hospital"), ("region", "Per region"),
        ("team", "Per acute team"), ("acuteBeds", "Per acute-bed unit"),
    ]
    static let entityColumnsPerTable = 4
    /// Levels with more entities than this start folded (a print opens them).
    static let entitiesShownOpen = 12

    mutating func entities() {
        guard let run = document.runs.first else { return }
        let comparison = document.comparisons.first
        let base = comparison.flatMap { document.run(labelled: $0.baseLabel) } ?? run
        var html = ""
        for (level, title) in Page.entityLevels {
            let indices = EntityTable.rows(base.metrics, level: level, entity: nil)
                .filter { comparison == nil || $0 < comparison!.differences.count }
            guard !indices.isEmpty else { continue }
            var names: [String] = [], metrics: [String] = []
            var at: [String: Int] = [:]   // "entity\0metric" → row
            for i in indices {
                let m = base.metrics[i]
                if !names.contains(m.entity!) { names.append(m.entity!) }
                if !metrics.contains(m.name) { metrics.append(m.name) }
                at[m.entity! + "\u{0}" + m.name] = i
            }
            var tables = ""
            for chunk in stride(from: 0, to: metrics.count, by: Page.entityColumnsPerTable).map({ Array(metrics[$0..<min($0 + Page.entityColumnsPerTable, metrics.count)]) }) {
                tables += "<div class=\"scroll\"><table class=\"results entities\">\n<thead><tr><th scope=\"col\">\(e(level))</th>"
                for name in chunk {
                    let unit = at.first { $0.key.hasSuffix("\u{0}" + name) }.map { base.metrics[$0.value].unit } ?? ""
                    // The plain-word label keeps a column narrow (it wraps); the name is in the tooltip and the files.
                    let label = MetricLabels.label(name, .english) ?? name
                    tables += "<th scope=\"col\" class=\"num\" title=\"\(e(name))\">\(e(label))<br><span class=\"unit\">\(e(unit))</span></th>"
                }
                tables += "</tr></thead>\n<tbody>\n"
                for entity in names {
                    tables += "<tr><th scope=\"row\">\(e(entity))</th>"
                    for name in chunk {
                        guard let i = at[entity + "\u{0}" + name] else { tables += "<td class=\"num\">–</td>"; continue }
                        guard let c = comparison else { tables += "<td class=\"num\">\(cell(base.estimates[i]))</td>"; continue }
                        let d = c.differences[i], sig = d.ciExcludesZero == true
                        tables += "<td class=\"num\(sig ? " sig" : "")\">\(cell(d))\(sig ? "\u{A0}<span title=\"95 % CI excludes 0\">*</span>" : "")</td>"
                    }
                    tables += "</tr>\n"
                }
                tables += "</tbody></table></div>\n"
            }
            let open = names.count <= Page.entitiesShownOpen ? " open" : ""
            html += "<h3>\(e(title))</h3>\n<details\(open)><summary>\(names.count) \(names.count == 1 ? "entity" : "entities")</summary>\n\(tables)</details>\n"
        }
        guard !html.isEmpty else { return }
        let what = comparison.map { "Paired difference \(e($0.label)) − \(e($0.baseLabel)) with its 95 % confidence interval below; * the interval excludes 0. " }
            ?? "Mean across replications with the 95 % confidence interval below it. "
        html = "<p class=\"note\">\(what)Each level's main measures; every row of every entity is in <code>summary.csv</code>"
            + (comparison == nil ? "" : " and <code>comparison.csv</code>") + " (columns level and entity).</p>\n" + html
        sections.append(("entities", "By municipality, hospital and team", html))
    }
}
