import Testing
@testable import SamspilReport

/// `--language da`: every phrase of the report and the console has both
/// texts, and a Danish page or table carries Danish words and numbers.
@Suite struct LanguageTests {
    /// The `{n}` placeholders of a text, in order of number.
    static func placeholders(_ text: String) -> [String] {
        (1...9).map { "{\($0)}" }.filter(text.contains)
    }

    @Test func everyPhraseHasEnglishAndDanishWithTheSamePlaceholders() {
        for phrase in Phrase.allCases {
            let pair = Phrase._table[phrase]
            #expect(pair != nil, "\(phrase) has no entry in the table")
            guard let pair else { continue }
            #expect(!pair.en.isEmpty && !pair.da.isEmpty, "\(phrase) has an empty text")
            #expect(Self.placeholders(pair.en) == Self.placeholders(pair.da), "\(phrase): placeholders differ")
        }
        #expect(Phrase._table.count == Phrase.allCases.count)
    }

    @Test func phrasesFillTheirPlaceholders() {
        #expect(Phrase.paysMore(.english, "Viborg municipality", "7.02M") == "Viborg municipality pays 7.02M DKK more")
        #expect(Phrase.paysMore(.danish, "Viborg Kommune", "7,02 mio.") == "Viborg Kommune betaler 7,02 mio. kr. mere")
    }

    @Test func danishNumbers() {
        #expect(ReportLanguage.danish.number("1,234.5") == "1.234,5")
        #expect(ReportLanguage.danish.number("7.02M") == "7,02 mio.")
        #expect(ReportLanguage.danish.number("1.2bn") == "1,2 mia.")
        #expect(ReportLanguage.english.number("7.02M") == "7.02M")
        #expect(ReportLanguage.danish.numbersInSVG("<text x=\"1.5\">14.8M</text><text>day 1.5</text><text>−1,000</text>")
                == "<text x=\"1.5\">14,8M</text><text>day 1.5</text><text>−1.000</text>")
        #expect(ReportLanguage.english.numbersInSVG("<text>14.8M</text>") == "<text>14.8M</text>")
    }

    @Test func danishReport() {
        let doc = Fixtures.compare()
        let html = HTMLReport.render(doc, language: .danish)
        #expect(html.contains("<html lang=\"da\">"))
        #expect(html.contains("<h2>Hovedresultater</h2>"))
        #expect(html.contains("Sammenligning af scenarier"))
        #expect(html.contains(">sengedage på sygehus</th>"))
        #expect(html.contains("title=\"bedDays"))  // the identifier stays in the tooltip
        #expect(!html.contains("Key results") && !html.contains("Scenario comparison"))
        // English stays the default.
        #expect(HTMLReport.render(doc) == HTMLReport.render(doc, language: .english))
        #expect(HTMLReport.render(doc).contains("<html lang=\"en\">"))
    }

    @Test func danishSweepReport() {
        let html = HTMLReport.render(Fixtures.sweep(), language: .danish)
        #expect(html.contains("<h2>Parametervariation</h2>"))
        #expect(html.contains("Begge parametre på én gang"))
    }

    @Test func danishConsole() {
        let doc = Fixtures.compare()
        let summary = TerminalTable.summary(doc.runs[0], useColor: false, language: .danish)
        #expect(summary.contains("Mål") && summary.contains("Gennemsnit") && summary.contains("indlæggelser"))
        #expect(!summary.contains("Metric"))
        let comparison = TerminalTable.comparison(doc, useColor: false, language: .danish)
        #expect(comparison.contains("Forskel") && comparison.contains("indeholder ikke 0"))
        #expect(!comparison.contains("Difference"))
        let sweep = TerminalTable.sweep(Fixtures.sweep(), useColor: false, language: .danish)
        #expect(sweep.contains("parametervariation: 6 punkter"))
    }
}
