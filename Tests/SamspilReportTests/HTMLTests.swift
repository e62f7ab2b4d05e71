import Foundation
import Testing
@testable import SamspilReport

/// A tiny well-formedness checker for the markup the report emits: every
/// non-void element closed in order, attributes quoted, no stray `<` or `&`.
/// Returns the problems found (empty when fine).
func markupProblems(_ html: String) -> [String] {
    let void: Set = ["meta", "br", "link", "img", "input", "hr", "col", "source", "wbr", "area", "base"]
    var problems: [String] = []
    var stack: [String] = []
    var i = html.startIndex
    while i < html.endIndex {
        let ch = html[i]
        if ch == "&" {
            let rest = html[i...].prefix(12)
            if !(rest.range(of: "^&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);", options: .regularExpression) != nil) {
                problems.append("bare & near \(String(html[i...].prefix(20)))")
            }
            i = html.index(after: i)
            continue
        }
        guard ch == "<" else { i = html.index(after: i); continue }
        guard let close = html[i...].firstIndex(of: ">") else { problems.append("unclosed tag"); break }
        let tag = String(html[html.index(after: i)..<close])
        i = html.index(after: close)
        if tag.hasPrefix("!") { continue }  // doctype
        if tag.hasPrefix("/") {
            let name = String(tag.dropFirst()).lowercased()
            if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
            continue
        }
        guard let name = tag.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "/" }).first.map({ String($0).lowercased() }),
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !name.isEmpty else {
            problems.append("bad tag <\(tag.prefix(20))"); continue
        }
        if tag.filter({ $0 == "\"" }).count % 2 != 0 { problems.append("unbalanced quotes in <\(tag.prefix(40))") }
        if tag.contains("<") { problems.append("< inside tag <\(tag.prefix(40))") }
        if tag.hasSuffix("/") || void.contains(name) { continue }
        if name == "script" || name == "style" {
            // Raw text: skip to the end tag.
            guard let end = html[i...].range(of: "</\(name)>") else { problems.append("unclosed <\(name)>"); break }
            i = end.upperBound
            continue
        }
        stack.append(name)
    }
    if !stack.isEmpty { problems.append("unclosed: \(stack)") }
    return problems
}

func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

@Suite struct HTMLTests {
    @Test func checkerCatchesMistakes() {
        #expect(markupProblems("<p><b>x</b></p>").isEmpty)
        #expect(!markupProblems("<p><b>x</p></b>").isEmpty)
        #expect(!markupProblems("<p>a < b</p>").isEmpty)
        #expect(!markupProblems("<p>R&D</p>").isEmpty)
        #expect(!markupProblems("<div>").isEmpty)
        #expect(markupProblems("<br><meta charset=\"utf-8\"><svg><path d=\"M0\"/></svg>").isEmpty)
    }

    @Test(arguments: ["compare", "single", "sweep"])
    func wellFormedAndSelfContained(kind: String) {
        let doc = kind == "compare" ? Fixtures.compare() : kind == "single" ? Fixtures.single() : Fixtures.sweep()
        let html = HTMLReport.render(doc)
        #expect(markupProblems(html) == [])
        for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
            // The SVG namespace is an identifier, not a fetch.
            let text = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!text.contains(external), "\(external)")
        }
        #expect(html == HTMLReport.render(doc))  // deterministic
        #expect(count("<svg", in: html) == count("</svg>", in: html))
        #expect(count("<svg", in: html) == count("<figure", in: html))
        // Every chart has a title, a description and drawn data.
        for chart in html.components(separatedBy: "<svg").dropFirst() {
            let body = chart.components(separatedBy: "</svg>")[0]
            #expect(body.contains("<title id="))
            #expect(body.contains("<desc id="))
            #expect(body.contains("<path class=\"line\" d=\"M") || body.contains("<rect x="))
        }
    }

    @Test func compareReportHasEveryChart() {
        let html = HTMLReport.render(Fixtures.compare())
        // occupancy, team caseload, avoided admissions, payer costs, payer net, one comparison chart per key metric
        #expect(count("<svg", in: html) == 5 + 8)
        #expect(html.contains("id=\"chart-occupancy\""))
        #expect(html.contains("<path class=\"band\" d=\"M"))
        #expect(html.contains("id=\"chart-avoided-admissions\""))
        #expect(html.contains("id=\"chart-payer-net\"") && html.contains("id=\"chart-payer-costs\""))
        #expect(count("/svg\" id=\"chart-comparison-", in: html) == 8)
        #expect(html.contains("id=\"chart-comparison-admissions\""))
        for section in ["key-results", "series-occupancy", "avoided-admissions", "costs", "comparison", "stress-des", "appendix"] {
            #expect(html.contains("<section id=\"\(section)\">"), "\(section)")
        }
        #expect(!html.contains("id=\"sweep\""))
        // Header facts and escaping.
        #expect(html.contains("20240601") && html.contains("samspil 0.3.0"))
        #expect(html.contains("Viborg, &quot;udvidet&quot; &lt;model&gt;"))
        #expect(!html.contains("<model>"))
        #expect(html.contains("&lt;none&gt; discarded"))
        #expect(html.contains("<details><summary>baseline</summary>"))
        #expect(!html.contains("12.5"))  // wall-clock seconds are not reported
        // Payers by their group names.
        #expect(html.contains(">general practice</text>"))
    }

    @Test func absentDataOmitsSections() {
        var doc = Fixtures.single()
        doc.runs[0].series = []
        doc.runs[0].resolvedScenario = ""
        let keep: Set = ["admissions", "meanOccupancy"]
        let idx = doc.runs[0].metrics.indices.filter { keep.contains(doc.runs[0].metrics[$0].name) }
        doc.runs[0].metrics = idx.map { doc.runs[0].metrics[$0] }
        doc.runs[0].estimates = idx.map { doc.runs[0].estimates[$0] }
        doc.runs[0].values = doc.runs[0].values.map { row in idx.map { row[$0] } }
        let html = HTMLReport.render(doc)
        #expect(markupProblems(html) == [])
        #expect(count("<svg", in: html) == 0)
        #expect(html.contains("id=\"key-results\""))
        for absent in ["comparison", "costs", "sweep", "stress-des", "appendix", "avoided-admissions", "series-occupancy"] {
            #expect(!html.contains("<section id=\"\(absent)\">"), "\(absent)")
        }
        #expect(!html.contains("<nav"))  // a single section needs no contents
    }

    @Test func sweepReportDrawsCurves() {
        let html = HTMLReport.render(Fixtures.sweep())
        #expect(html.contains("<section id=\"sweep\">"))
        // Six key metrics, then the payers' net burden (four payers in the fixture).
        #expect(count("/svg\" id=\"chart-sweep-", in: html) == 10)
        #expect(html.contains("id=\"chart-sweep-payer-municipality-net\""))
        #expect(html.contains("hours = 24/7"))
        // Runs are named in short words in tables and charts, not by their full paths.
        #expect(html.contains("</span>capacity = 2, hours = day</th>"))
        #expect(!html.contains("</span>capacity=2, hours=day</th>"))
        // Two parameters: heat maps over both, the first parameter across.
        #expect(html.contains("<table class=\"results heat\">"))
        #expect(html.contains("<th scope=\"col\">hours \\ capacity</th>"))
        #expect(html.contains("<circle"))
        // Six runs: the key-results table lists runs as rows.
        #expect(html.contains("<th scope=\"col\">Run</th>"))
    }

    @Test func customKeyMetrics() {
        let html = HTMLReport.render(Fixtures.compare(), keyMetrics: [.bedDays])
        #expect(html.contains(">hospital bed-days</th>") && html.contains("title=\"bedDays: "))
        #expect(!html.contains(">admissions</th>"))
    }

    /// Writes a sample report for the headless-browser check when
    /// `SAMSPIL_REPORT_SAMPLE_DIR` is set (see docs/guides/report-internals.md).
    @Test func writeSampleReports() throws {
        guard let dir = ProcessInfo.processInfo.environment["SAMSPIL_REPORT_SAMPLE_DIR"], !dir.isEmpty else { return }
        try ReportOutput.write(Fixtures.compare(), to: URL(fileURLWithPath: dir).appendingPathComponent("compare"))
        try ReportOutput.write(Fixtures.sweep(), to: URL(fileURLWithPath: dir).appendingPathComponent("sweep"))
    }
}
