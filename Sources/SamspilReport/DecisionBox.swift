/// The answer first: what a comparison means for the decision, in four lines —
/// admissions avoided (between runs), the change in total resource cost, the
/// net cost per avoided admission (only when the avoided admissions are
/// clearly above zero; otherwise why not), and who pays and who saves by name.
public struct DecisionBox: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var label: String
        /// The value with its interval, in words and numbers, or why there is none.
        public var text: String
    }

    public var title: String
    public var lines: [Line]

    /// - Returns: `nil` when the comparison lacks the measures (e.g. a sweep point of another kind).
    public var language: ReportLanguage = .english

    public init?(_ comparison: Comparison, base: ScenarioRun, language: ReportLanguage = .english) {
        guard let lead = AvoidedAdmissionsLead(comparison, base: base, language: language) else { return nil }
        self.language = language
        title = Phrase.versus(language, comparison.label, comparison.baseLabel)
        func interval(_ e: Estimate, unit: String = "", signed: Bool = false) -> String {
            let n = NumberText.displayGroup([e.mean, e.ciLow, e.ciHigh]).map(language.number)
            let value = signed ? TerminalTable.signed(n[0], e.mean) : n[0]
            let suffix = unit.isEmpty ? "" : " " + language.unit(unit)
            return e.ciLow != nil && e.ciHigh != nil ? Phrase.withCI(language, value + suffix, n[1], n[2]) : value + suffix
        }
        var lines = [Line(label: Phrase.avoidedBetweenRuns(language),
                          text: Phrase.perEpisode(language, interval(lead.betweenRuns), interval(lead.perEpisode)))]
        if let m = base.metrics.firstIndex(where: { $0.id == .totalCost }), m < comparison.differences.count {
            lines.append(Line(label: Phrase.changeInTotalCost(language), text: interval(comparison.differences[m], unit: "DKK", signed: true)))
        }
        if let ratio = comparison.derived?.first(where: { $0.metric.id == .netCostPerAvoidedAdmission }) {
            lines.append(Line(label: Phrase.netCostPerAvoided(language), text: interval(ratio.estimate, unit: "DKK")))
        } else {
            lines.append(Line(label: Phrase.netCostPerAvoided(language), text: Phrase.ratioWithheld(language)))
        }
        lines.append(Line(label: Phrase.whoPaysWhoSaves(language), text: WhoPays.sentence(comparison, base: base, language: language)
                          ?? Phrase.noPayerChanges(language)))
        if let why = lead.explanation { lines.append(Line(label: Phrase.whyTheyDiffer(language), text: why)) }
        self.lines = lines
    }

    /// The box as HTML: a definition list, first on the report's page.
    public func html() -> String {
        let e = Markup.escape
        var out = "<section class=\"decision\"><h2>\(e(Phrase.theDecision(language, title)))</h2>\n<dl>\n"
        for line in lines { out += "<dt>\(e(line.label))</dt><dd>\(e(line.text))</dd>\n" }
        return out + "</dl></section>\n"
    }

    /// The box as plain text for the console, wrapped to `width`.
    public func text(width: Int = 100) -> String {
        let labelWidth = lines.map(\.label.count).max() ?? 0
        var out = Phrase.theDecision(language, title) + "\n"
        for line in lines {
            let indent = String(repeating: " ", count: labelWidth + 4)
            let wrapped = TerminalTable.wrap(line.text, width: max(30, width - labelWidth - 4))
                .split(separator: "\n").enumerated().map { $0.offset == 0 ? String($0.element) : indent + $0.element }
                .joined(separator: "\n")
            out += "  " + line.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + wrapped + "\n"
        }
        return out
    }
}
