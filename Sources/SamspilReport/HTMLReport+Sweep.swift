/// The report's sweep section: curves of outcomes, costs and payers' net
/// burden against the first swept parameter (one line per value of the
/// second), and, when two parameters are swept, heat maps of the key outcomes
/// over both.
extension Page {
    /// Outcomes drawn as sweep curves besides the key metrics: the total cost
    /// and each payer type's net burden.
    static let sweepMoneyMetrics: [MetricID] = [.totalCost]
        + ["region", "municipality", "state", "generalPractice", "jointBudget"].map { PayerMetricID(payer: $0, kind: .net).metric }

    /// Outcomes shown as heat maps when two parameters are swept.
    static let heatMapMetrics: [MetricID] = [.admissions, .totalCost, PayerMetricID(payer: "municipality", kind: .net).metric,
                                             PayerMetricID(payer: "region", kind: .net).metric]

    mutating func sweep() {
        guard let sweep = document.sweep, let first = sweep.parameters.first, !sweep.points.isEmpty else { return }
        let numericX = first.values.map { Double($0) }
        let isNumeric = !numericX.contains(nil)
        let second = sweep.parameters.count > 1 ? sweep.parameters[1] : nil
        let firstName = SweepLabels.short(first.path)
        // Points whose third and later parameters sit at their first value.
        let runsAt = zip(document.runs, sweep.points).filter { $0.1.count >= sweep.parameters.count && $0.1.dropFirst(2).allSatisfy { $0 == 0 } }
        func curves(_ metrics: [MetricID]) -> String {
            var html = ""
            for key in metrics {
                let lineKeys = second?.values.indices.map { $0 } ?? [0]
                let series: [Charts.PointSeries] = lineKeys.enumerated().compactMap { k, v in
                    let points: [Charts.PointSeries.Point] = runsAt.compactMap { run, point in
                        guard second == nil || point[1] == v, let (_, est) = run.estimate(key) else { return nil }
                        let x = isNumeric ? numericX[point[0]]! : Double(point[0])
                        return .init(x: x, y: est.mean, low: est.ciLow, high: est.ciHigh)
                    }
                    guard !points.isEmpty else { return nil }
                    let label = second.map { "\(SweepLabels.short($0.path)) = \($0.values[v])" } ?? ""
                    return Charts.PointSeries(label: label, color: Palette.color(k), points: points)
                }
                // A payer that bears nothing at any point would be a flat line at zero.
                guard series.contains(where: { $0.points.contains { $0.y != 0 } }) else { continue }
                let unit = document.runs.lazy.compactMap { $0.estimate(key)?.metric.unit }.first ?? ""
                let svg = Charts.lines(
                    // The x axis names the parameter, so the title is the metric alone and
                    // the y axis its unit: long labels stay legible in a half-width chart.
                    id: "chart-sweep-\(Markup.identifier(key.name))", title: label(key),
                    description: t(.sweepDescription, label(key), first.path, second.map { t(.sweepOneLinePer, $0.path) } ?? ""),
                    xLabel: firstName, yLabel: unit.isEmpty ? label(key) : language.unit(unit), series: series,
                    xCategories: isNumeric ? nil : first.values, width: 480, height: 320)
                html += figure(svg, caption: "")
            }
            return html
        }
        let outcomes = curves(Array(keys.prefix(6)))
        let money = curves(Page.sweepMoneyMetrics.filter { !keys.prefix(6).contains($0) })
        guard !outcomes.isEmpty || !money.isEmpty else { return }
        var html = ""
        if sweep.parameters.count > 2 {
            html += "<p class=\"note\">\(e(t(.sweepHeld, sweep.parameters.dropFirst(2).map { "\(SweepLabels.short($0.path)) = \($0.values.first ?? "")" }.joined(separator: ", "))))</p>\n"
        }
        html += "<p class=\"note\">\(e(t(.sweepNote, first.path, second.map { t(.sweepOneLinePer, $0.path) } ?? "")))</p>\n"
        html += "<div class=\"grid\">\n" + outcomes + "</div>\n"
        if !money.isEmpty { html += "<h3>\(e(t(.sweepPayerNets)))</h3>\n<div class=\"grid\">\n" + money + "</div>\n" }
        if let second { html += heatMaps(first: first, second: second, runsAt: runsAt) }
        sections.append(("sweep", t(.sweepSection), html))
    }

    /// One table per outcome: the first parameter across, the second down,
    /// each cell the mean, shaded from the lowest (light) to the highest (dark).
    func heatMaps(first: SweepInfo.Parameter, second: SweepInfo.Parameter, runsAt: [(ScenarioRun, [Int])]) -> String {
        var html = ""
        for key in Page.heatMapMetrics {
            var grid = [[Double?]](repeating: [Double?](repeating: nil, count: first.values.count), count: second.values.count)
            for (run, point) in runsAt { grid[point[1]][point[0]] = run.estimate(key)?.estimate.mean }
            let values = grid.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite)
            guard let low = values.min(), let high = values.max(), high > low || values.contains(where: { $0 != 0 }) else { continue }
            let unit = document.runs.lazy.compactMap { $0.estimate(key)?.metric.unit }.first ?? ""
            html += "<div class=\"heat\"><p class=\"heat-title\">\(e(t(.heatMapTitle, label(key), language.unit(unit))))</p>\n"
            html += "<div class=\"scroll\"><table class=\"results heat\">\n<thead><tr><th scope=\"col\">\(e(SweepLabels.short(second.path))) \\ \(e(SweepLabels.short(first.path)))</th>"
            for v in first.values { html += "<th scope=\"col\" class=\"num\">\(e(v))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for (j, v) in second.values.enumerated() {
                html += "<tr><th scope=\"row\">\(e(v))</th>"
                for i in first.values.indices {
                    guard let x = grid[j][i], x.isFinite else { html += "<td class=\"num\">–</td>"; continue }
                    // Lightness 96 % (lowest) to 55 % (highest); dark cells get white text.
                    let share = high > low ? (x - low) / (high - low) : 0.5
                    let lightness = 96 - 41 * share
                    let ink = lightness < 70 ? "#fff" : "#222"
                    html += "<td class=\"num\" style=\"background:hsl(205,70%,\(NumberText.coordinate(lightness))%);color:\(ink)\">\(e(language.number(NumberText.display(x))))</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody></table></div></div>\n"
        }
        return html.isEmpty ? "" : "<h3>\(e(t(.heatMaps)))</h3>\n<p class=\"note\">\(e(t(.heatMapNote)))</p>\n" + html
    }
}
