import Foundation
import Testing

/// `--years N` on run and compare: budget.csv, the console's payback, the report's section, and its usage errors.
@Suite struct BudgetCommandTests {
    static let baseline = "Scenarios/baseline.json5"
    static let team = "Scenarios/viborg-acute-team.json5"
    static let short = ["--replications", "2", "--warmup-days", "7", "--jobs", "2"]

    @Test func compareWritesABudget() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["compare", Self.baseline, Self.team, "--years", "3", "--out", dir.path("o")] + Self.short,
                                environment: ["NO_COLOR": "1"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("Budget over 3 years, discounted with the Danish central-government schedule"))
        #expect(r.stdout.contains("viborg-acute-team vs baseline: change in net burden"))
        #expect(r.stdout.contains("municipality Viborg") && r.stdout.contains("not within 3 years"))
        let csv = try String(contentsOfFile: dir.path("o/budget.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline)
        #expect(lines.first == "scenario,year,level,entity,metric,mean,ci_low,ci_high")
        #expect(lines.contains { $0.hasPrefix("viborg-acute-team,2,municipality,Viborg,cumulativeDiscountedNetChange,") })
        #expect(lines.contains { $0.hasPrefix("baseline,2,region,Region Midtjylland,discountedNet,") })
        let html = try String(contentsOfFile: dir.path("o/report.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"budget\">") && html.contains("Payback by payer"))
        let json = try String(contentsOfFile: dir.path("o/results.json"), encoding: .utf8)
        #expect(json.contains("\"budget\""))
    }

    @Test func withoutYearsNothingChanges() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["run", Self.baseline, "-q", "--no-report", "--out", dir.path("o")] + Self.short)
        #expect(r.status == 0, "\(r)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("o/budget.csv")))
        let json = try String(contentsOfFile: dir.path("o/results.json"), encoding: .utf8)
        #expect(!json.contains("\"budget\""))
    }

    @Test func usageErrors() throws {
        let dir = try TemporaryDirectory()
        var r = try Samspil.run(["run", Self.baseline, "--years", "3", "--shard", "1/2", "--out", dir.path("o")] + Self.short)
        #expect(r.status == 2 && r.stderr.contains("cannot be combined with --shard or --precision"), "\(r)")
        r = try Samspil.run(["run", Self.baseline, "--years", "0"] + Self.short)
        #expect(r.status == 2, "\(r)")
        r = try Samspil.run(["sweep", Self.team, "--set", "decision.trust.gp=0.3,0.9", "--years", "3"] + Self.short)
        #expect(r.status == 2 && r.stderr.contains("--years"), "\(r)")
        r = try Samspil.run(["run", "--help"])
        #expect(r.stdout.contains("--years N"))
    }
}
