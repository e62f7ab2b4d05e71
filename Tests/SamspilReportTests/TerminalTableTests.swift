import Testing
@testable import SamspilReport

@Suite struct TerminalTableTests {
    @Test func summaryIsAlignedAndPlainWithoutColour() {
        let text = TerminalTable.summary(Fixtures.compare().runs[1], useColor: false)
        #expect(!text.contains("\u{1B}"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "acute team")
        #expect(lines[1].hasPrefix("Metric"))
        // Every row ends at the same column: the numeric columns are right-aligned.
        let widths = Set(lines.dropFirst().map(\.count))
        #expect(widths.count == 1, "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(text.contains("4,5"))  // thousands separator on admissions
        #expect(text.contains("payer.region.net"))
        #expect(text.contains("meanOccupancy"))
        #expect(!text.contains("payer.region.costs"))  // not a default metric
    }

    @Test func selectedMetricsAndOrder() {
        let text = TerminalTable.summary(Fixtures.single().runs[0], metrics: [.bedDays, .admissions, MetricID("nosuch")],
                                         useColor: false)
        let rows = text.split(separator: "\n").dropFirst(3).map { $0.split(separator: " ")[0] }
        #expect(rows == ["bedDays", "admissions"])
    }

    @Test func fitsNarrowWidths() {
        var doc = Fixtures.single()
        doc.runs[0].metrics[0].name = "a.very.long.metric.name.that.goes.on.and.on.and.on.and.on.and.on.and.on.and.on.forever"
        let text = TerminalTable.summary(doc.runs[0], metrics: [doc.runs[0].metrics[0].id], useColor: false, width: 60)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(text.contains("…"))
    }

    @Test func comparisonMarksSignificanceAndColours() {
        let doc = Fixtures.compare()
        let plain = TerminalTable.comparison(doc, useColor: false)
        #expect(!plain.contains("\u{1B}"))
        let lines = plain.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 100 })
        #expect(lines[0] == "acute team vs baseline")
        let admissions = lines.first { $0.hasPrefix("admissions ") }!
        #expect(admissions.hasSuffix("*"))
        #expect(admissions.contains("−"))
        let avoided = lines.first { $0.hasPrefix("avoidedAdmissions") }!
        #expect(avoided.contains("+"))
        #expect(plain.hasSuffix("excludes 0\n"))

        let coloured = TerminalTable.comparison(doc, useColor: true)
        #expect(coloured.contains("\u{1B}[1m"))
        #expect(coloured.contains("\u{1B}[32m"))  // fewer admissions: good
        #expect(coloured.contains("\u{1B}[31m"))  // higher municipal cost: bad
        // Same text once the escapes are removed.
        #expect(stripANSI(coloured) == plain)
    }

    @Test func colourPolicy() {
        #expect(TerminalTable.colorAllowed(environment: [:], isTerminal: true))
        #expect(!TerminalTable.colorAllowed(environment: ["NO_COLOR": "1"], isTerminal: true))
        #expect(TerminalTable.colorAllowed(environment: ["NO_COLOR": ""], isTerminal: true))
        #expect(!TerminalTable.colorAllowed(environment: [:], isTerminal: false))
        #expect(!TerminalTable.colorAllowed(environment: ["TERM": "dumb"], isTerminal: true))
    }

    @Test func noComparisonsGivesEmptyText() {
        #expect(TerminalTable.comparison(Fixtures.single(), useColor: true) == "")
    }
}

func stripANSI(_ s: String) -> String {
    var out = ""
    var inEscape = false
    for ch in s {
        if inEscape { if ch == "m" { inEscape = false }; continue }
        if ch == "\u{1B}" { inEscape = true; continue }
        out.append(ch)
    }
    return out
}
