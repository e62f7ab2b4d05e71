/// The report's budget section: each payer's payback year and present value
/// over the budget's years, and the cumulative discounted change year by year.
extension Page {
    mutating func budget() {
        guard let budget = document.budget else { return }
        var html = "<p>\(budget.years) budget years, each a simulated year with that year's population and ramp-up; "
            + "\(e(budget.discounting)).\(budget.populationSource.map { " Population: \(e($0))." } ?? " Population held constant.")</p>\n"
        if !budget.payback.isEmpty {
            html += "<table class=\"budget\"><caption>Payback by payer: the first year from which the cumulative discounted change in its net burden is ≤ 0 and stays so</caption>\n"
            html += "<thead><tr><th scope=\"col\">Scenario</th><th scope=\"col\">Payer</th><th scope=\"col\" class=\"num\">Σ change in net (DKK)</th>"
            html += "<th scope=\"col\" class=\"num\">Present value (DKK)</th><th scope=\"col\">Payback</th></tr></thead>\n<tbody>\n"
            for p in budget.payback {
                html += "<tr><td>\(e(p.scenario))</td><td>\(e(p.level)) \(e(p.entity))</td>"
                html += "<td class=\"num\">\(e(NumberText.display(p.totalChange)))</td><td class=\"num\">\(e(NumberText.display(p.presentValue)))</td>"
                html += "<td>\(e(p.text(years: budget.years, startYear: budget.startYear)))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        // Year by year: the cumulative discounted figure per payer (change for compared scenarios).
        let cumulative = budget.rows.filter { $0.metric.hasPrefix("cumulativeDiscounted") && (budget.payback.isEmpty || $0.metric.hasSuffix("Change")) }
        var payers: [String] = []
        for r in cumulative where !payers.contains("\(r.scenario)\u{1}\(r.level) \(r.entity)") { payers.append("\(r.scenario)\u{1}\(r.level) \(r.entity)") }
        html += "<table class=\"budget\"><caption>\(budget.payback.isEmpty ? "Cumulative discounted net burden" : "Cumulative discounted change in net burden") by year (DKK, mean)</caption>\n<thead><tr><th scope=\"col\">Payer</th>"
        for y in 0..<budget.years { html += "<th scope=\"col\" class=\"num\">\(budget.startYear.map { String($0 + y) } ?? "year \(y)")</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for payer in payers {
            let parts = payer.split(separator: "\u{1}", maxSplits: 1).map(String.init)
            html += "<tr><th scope=\"row\">\(e(parts[0])): \(e(parts[1]))</th>"
            for y in 0..<budget.years {
                let value = cumulative.first { "\($0.scenario)\u{1}\($0.level) \($0.entity)" == payer && $0.year == y }?.mean
                html += "<td class=\"num\">\(value.map { e(NumberText.display($0)) } ?? "–")</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table>\n"
        sections.append((id: "budget", title: "Budget over \(budget.years) years", html: html))
    }
}
