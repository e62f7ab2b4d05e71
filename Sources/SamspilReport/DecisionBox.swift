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
    public init?(_ comparison: Comparison, base: ScenarioRun) {
        guard let lead = AvoidedAdmissionsLead(comparison, base: base) else { return nil }
        title = "\(comparison.label) vs \(comparison.baseLabel)"
        func interval(_ e: Estimate, unit: String = "", signed: Bool = false) -> String {
            let n = NumberText.displayGroup([e.mean, e.ciLow, e.ciHigh])
            let value = signed ? TerminalTable.signed(n[0], e.mean) : n[0]
            let suffix = unit.isEmpty ? "" : " " + unit
            return e.ciLow != nil && e.ciHigh != nil ? "\(value)\(suffix) (95 % CI \(n[1]) to \(n[2]))" : value + suffix
        }
        var lines = [Line(label: "admissions avoided, between runs", text: interval(lead.betweenRuns)
                          + "; per episode \(interval(lead.perEpisode))")]
        if let m = base.metrics.firstIndex(where: { $0.id == .totalCost }), m < comparison.differences.count {
            lines.append(Line(label: "change in total resource cost", text: interval(comparison.differences[m], unit: "DKK", signed: true)))
        }
        if let ratio = comparison.derived?.first(where: { $0.metric.id == .netCostPerAvoidedAdmission }) {
            lines.append(Line(label: "net cost per avoided admission", text: interval(ratio.estimate, unit: "DKK")))
        } else {
            lines.append(Line(label: "net cost per avoided admission",
                              text: "not given: the admissions avoided between runs are not clearly above zero, so the ratio would mean nothing"))
        }
        lines.append(Line(label: "who pays, who saves", text: WhoPays.sentence(comparison, base: base)
                          ?? "no payer's net burden changes beyond chance"))
        if let why = lead.explanation { lines.append(Line(label: "why the two measures differ", text: why)) }
        self.lines = lines
    }

    /// The box as HTML: a definition list, first on the report's page.
    public func html() -> String {
        let e = Markup.escape
        var out = "<section class=\"decision\"><h2>The decision: \(e(title))</h2>\n<dl>\n"
        for line in lines { out += "<dt>\(e(line.label))</dt><dd>\(e(line.text))</dd>\n" }
        return out + "</dl></section>\n"
    }

    /// The box as plain text for the console, wrapped to `width`.
    public func text(width: Int = 100) -> String {
        let labelWidth = lines.map(\.label.count).max() ?? 0
        var out = "The decision: \(title)\n"
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
