import Foundation
import Testing

/// `--language da`: the console and report.html in Danish; English by default;
/// anything else a usage error before any simulation.
@Suite struct LanguageOptionTests {
    @Test func danishConsoleAndReport() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("da")
        let r = try Samspil.run(["compare", baseline, viborg, "--replications", "3", "--language", "da", "--out", out] + short)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.contains("skrev resultaterne til \(out)"), "\(r)")
        #expect(r.stderr.contains("samspil compare: advarsel: kun 3 replikationer"), "\(r)")
        #expect(r.stdout.hasPrefix("Beslutningen: viborg-acute-team mod baseline"), "\(r)")
        #expect(r.stdout.contains("hvem betaler, hvem sparer") && r.stdout.contains("Viborg Kommune betaler"), "\(r)")
        #expect(!r.stdout.contains("The decision"), "\(r)")
        let html = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"da\">") && html.contains("Beslutningen:") && html.contains("Hovedresultater"))
    }

    @Test func englishByDefaultAndUnknownLanguagesRefused() throws {
        let english = try Samspil.run(["compare", baseline, viborg, "--replications", "2"] + short)
        #expect(english.status == 0 && english.stdout.hasPrefix("The decision:"), "\(english)")
        let bad = try Samspil.run(["run", baseline, "--language", "sv"] + short)
        #expect(bad.status == 2 && bad.stderr.contains("--language takes en or da, got 'sv'"), "\(bad)")
    }
}
