/// A budget over several years: each payer's net (and, in a comparison, its
/// change against the base) per year, discounted, with each payer's payback year.
public struct BudgetReport: Codable, Sendable, Equatable {
    public var years: Int
    /// The calendar year of budget year 0, when the scenario gives one.
    public var startYear: Int?
    /// How amounts were discounted, in words (e.g. the schedule and its source).
    public var discounting: String
    /// Where the population projection comes from; nil: the population is held constant.
    public var populationSource: String?
    public var rows: [Row]
    /// One per compared scenario and payer entity (empty for a single run).
    public var payback: [Payback]

    public struct Row: Codable, Sendable, Equatable {
        public var scenario: String
        public var year: Int
        public var level: String
        public var entity: String
        /// `net`, `discountedNet`, `cumulativeDiscountedNet`, or for a compared
        /// scenario `netChange`, `discountedNetChange`, `cumulativeDiscountedNetChange`.
        public var metric: String
        public var mean: Double
        public var ciLow: Double?
        public var ciHigh: Double?
        public init(scenario: String, year: Int, level: String, entity: String, metric: String, mean: Double, ciLow: Double?, ciHigh: Double?) {
            self.scenario = scenario
            self.year = year
            self.level = level
            self.entity = entity
            self.metric = metric
            self.mean = mean
            self.ciLow = ciLow
            self.ciHigh = ciHigh
        }
    }

    public struct Payback: Codable, Sendable, Equatable {
        public var scenario: String
        public var level: String
        public var entity: String
        /// Σ of the yearly mean change in net burden, undiscounted (DKK).
        public var totalChange: Double
        /// Σ of the discounted yearly mean change: the present value (DKK).
        public var presentValue: Double
        /// The first budget year from which the cumulative discounted change is
        /// ≤ 0 and stays so; nil: not within the budget's years.
        public var year: Int?
        public init(scenario: String, level: String, entity: String, totalChange: Double, presentValue: Double, year: Int?) {
            self.scenario = scenario
            self.level = level
            self.entity = entity
            self.totalChange = totalChange
            self.presentValue = presentValue
            self.year = year
        }

        /// "year 3", "from the start", "unchanged" or "not within 10 years".
        /// - Complexity: O(1).
        public func text(years: Int, startYear: Int?) -> String {
            if totalChange == 0 && presentValue == 0 { return "unchanged" }
            guard let year else { return "not within \(years) years" }
            if year == 0 { return "from the start (gains every year)" }
            return "year \(year)" + (startYear.map { " (\($0 + year))" } ?? "")
        }
    }

    public init(years: Int, startYear: Int?, discounting: String, populationSource: String?, rows: [Row], payback: [Payback]) {
        self.years = years
        self.startYear = startYear
        self.discounting = discounting
        self.populationSource = populationSource
        self.rows = rows
        self.payback = payback
    }

    /// `scenario,year,level,entity,metric,mean,ci_low,ci_high`.
    /// - Complexity: O(rows).
    public var table: CSVTable {
        var table = CSVTable(header: ["scenario", "year", "level", "entity", "metric", "mean", "ci_low", "ci_high"])
        for r in rows {
            table.append([r.scenario, String(r.year), r.level, r.entity, r.metric, NumberText.csv(r.mean),
                          NumberText.csv(r.ciLow), NumberText.csv(r.ciHigh)])
        }
        return table
    }
}

extension BudgetReport {
    /// The console's budget: per payer, the sum over the years and its present
    /// value, and in a comparison the payback year.
    /// - Complexity: O(rows).
    public var consoleText: String {
        func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, n - s.count))
            return right ? fill + s : s + fill
        }
        func money(_ x: Double) -> String { (x > 0 ? "+" : "") + NumberText.display(x).replacingOccurrences(of: "-", with: "−") }
        var text = "Budget over \(years) years, \(discounting)\n"
        if payback.isEmpty {
            // A single run: each payer's net burden, summed and discounted.
            text += pad("payer", 44) + pad("Σ net (DKK)", 16, right: true) + pad("present value", 16, right: true) + "\n"
            let sums = rows.filter { $0.metric == "net" }
            var seen: [String] = []
            for r in sums where !seen.contains("\(r.level) \(r.entity)") { seen.append("\(r.level) \(r.entity)") }
            for payer in seen {
                let total = sums.filter { "\($0.level) \($0.entity)" == payer }.reduce(0) { $0 + $1.mean }
                let pv = rows.last { $0.metric == "cumulativeDiscountedNet" && "\($0.level) \($0.entity)" == payer }?.mean ?? 0
                text += pad(payer, 44) + pad(NumberText.display(total), 16, right: true) + pad(NumberText.display(pv), 16, right: true) + "\n"
            }
            return text
        }
        for scenario in payback.map(\.scenario).reduce(into: [String](), { if !$0.contains($1) { $0.append($1) } }) {
            text += "  \(scenario) vs \(rows.first?.scenario ?? "base"): change in net burden (+ pays more, − saves)\n"
            text += "  " + pad("payer", 42) + pad("Σ change", 14, right: true) + pad("present value", 16, right: true) + "   payback\n"
            for p in payback where p.scenario == scenario {
                text += "  " + pad("\(p.level) \(p.entity)", 42) + pad(money(p.totalChange), 14, right: true)
                    + pad(money(p.presentValue), 16, right: true) + "   " + p.text(years: years, startYear: startYear) + "\n"
            }
        }
        return text
    }
}
