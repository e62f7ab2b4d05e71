import Foundation
import Testing

/// One vocabulary for CSV column names (docs/guides/outputs.md), a sweep's
/// base point, and `samspil metrics` covering every measure the outputs carry.
@Suite struct VocabularyTests {
    /// The names in the table under "## Column names" of docs/guides/outputs.md.
    static func documentedColumns() throws -> Set<String> {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/guides/outputs.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Column names").dropFirst().first?.components(separatedBy: "\n## ").first)
        var names = Set<String>()
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            for part in cell.split(separator: "`") where !part.trimmingCharacters(in: .whitespaces).hasPrefix(",") && !part.trimmingCharacters(in: .whitespaces).isEmpty {
                names.insert(String(part))
            }
        }
        return names
    }

    @Test func everyCSVHeaderUsesDocumentedNames() throws {
        let documented = try Self.documentedColumns()
        #expect(documented.isSuperset(of: ["scenario", "mean", "difference_mean", "estimate", "swing", "at_low", "at_means"]), "\(documented.sorted())")
        let dir = try TemporaryDirectory()
        let parameters = ["acuteTeams[*].shifts[day].nurses", "decision.trust.gp"]
        let runs: [(String, [String])] = [
            ("run", ["run", viborg, "-n", "2"] + short),
            // A compare with a budget writes every compare file and budget.csv.
            ("compare", ["compare", baseline, viborg, "-n", "2", "--years", "2"] + short),
            ("sweep", ["sweep", viborg, "--set", "\(parameters[0])=2,4", "--set", "\(parameters[1])=0.3,0.9", "-n", "2"] + short),
            ("psa", ["uncertainty", baseline, "Scenarios/viborg-uncertainty.json5", "--draws", "3", "-n", "2", "--horizon-days", "30",
                     "--warmup-days", "7"]),
        ]
        let metrics = try Samspil.run(["metrics"]).stdout
        var seen = Set<String>()
        for (name, arguments) in runs {
            let r = try Samspil.run(arguments + ["-q", "--out", dir.path(name)] + (name == "psa" ? [] : ["--no-report"]))
            #expect(r.status == 0, "\(r)")
            for file in dir.contents(name) where file.hasSuffix(".csv") {
                let csv = try CSVFile(dir.path("\(name)/\(file)"))
                for column in csv.header {
                    seen.insert(column)
                    if name == "sweep" && parameters.contains(column) { continue }
                    // draws.csv: one column per uncertain input (a path) and per outcome (a metric).
                    if file == "draws.csv" && column != "draw" && (column.contains(".") || metrics.contains("  \(column) ")) { continue }
                    #expect(documented.contains(column), "\(name)/\(file): column '\(column)' is not in docs/guides/outputs.md")
                }
            }
        }
        // The vocabulary lists nothing that no file uses.
        #expect(documented.subtracting(seen).isEmpty, "documented but never written: \(documented.subtracting(seen).sorted())")
    }

    @Test func theMetricsCommandListsEveryMeasureTheOutputsCarry() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["compare", baseline, viborg, "-n", "2", "-q", "--no-report", "--out", dir.path("c")] + short)
        #expect(r.status == 0, "\(r)")
        let listed = try Samspil.run(["metrics"]).stdout
        var names = Set(try CSVFile(dir.path("c/summary.csv")).column("metric"))
        names.formUnion(try CSVFile(dir.path("c/comparison.csv")).column("metric"))
        names.formUnion(try CSVFile(dir.path("c/between-runs.csv")).column("metric"))
        #expect(names.contains("netCostPerAvoidedAdmission") && names.contains("payer.net"))
        for name in names.sorted() {
            #expect(listed.contains("  \(name) "), "samspil metrics does not list \(name)")
        }
    }

    @Test func aSweepComparesWithTheBasePointItIsGiven() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["sweep", viborg, "--set", "acuteTeams[*].shifts[day].nurses=2,4,6", "--base", "4", "-n", "2",
                                 "--no-report", "--out", dir.path("s")] + short)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("differences against acuteTeams[*].shifts[day].nurses=4"), "\(r)")
        let document = try readResults(dir.path("s"))
        #expect(document.comparisons.map(\.baseLabel) == Array(repeating: document.runs[1].label, count: 2))
        #expect(document.comparisons.map(\.label) == [document.runs[0].label, document.runs[2].label])
        let sweep = try CSVFile(dir.path("s/sweep.csv"))
        for (nurses, difference) in zip(try sweep.column("acuteTeams[*].shifts[day].nurses"), try sweep.column("difference_mean")) {
            #expect((nurses == "4") == difference.isEmpty)
        }
        let unknown = try Samspil.run(["sweep", viborg, "--set", "acuteTeams[*].shifts[day].nurses=2,4", "--base", "5", "-n", "2"] + short)
        #expect(unknown.status == 2 && unknown.stderr.contains("--base '5' is no point of the sweep; give a point's values, e.g. 2 or 4"), "\(unknown)")
    }
}
