import Foundation
import Testing

/// `samspil uncertainty` from the command line.
@Suite("End to end: uncertainty")
struct UncertaintyCommandTests {
    @Test func writesEveryFileAndSummarises() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["uncertainty", "Scenarios/baseline.json5", "Scenarios/viborg-uncertainty.json5", "--draws", "4",
                                 "-n", "2", "--horizon-days", "30", "--warmup-days", "7", "--out", dir.path("psa")])
        #expect(r.status == 0, "\(r)")
        #expect(dir.contents("psa") == ["ceac.csv", "draws.csv", "report.html", "results.json", "tornado.csv"], "\(dir.contents("psa"))")
        #expect(r.stdout.contains("4 parameter draws × 2 paired replications"))
        #expect(r.stdout.contains("avoidedAdmissions.betweenRuns"))
        #expect(r.stdout.contains("fewer than 30 draws"))
        let draws = try String(contentsOfFile: dir.path("psa/draws.csv"), encoding: .utf8)
        #expect(draws.hasPrefix("draw,patientGroups[*].acuteTeam.escalationProbability,"))
    }

    @Test func usageErrors() throws {
        let noDraws = try Samspil.run(["uncertainty", "Scenarios/baseline.json5", "Scenarios/viborg-uncertainty.json5"])
        #expect(noDraws.status == 2 && noDraws.stderr.contains("--draws"), "\(noDraws)")
        let noInputs = try Samspil.run(["uncertainty", "Scenarios/baseline.json5", "Scenarios/viborg-acute-team.json5", "--draws", "3"])
        #expect(noInputs.status == 2 && noInputs.stderr.contains("lists any `uncertainty` inputs"), "\(noInputs)")
        let design = try Samspil.run(["uncertainty", "Scenarios/baseline.json5", "Scenarios/viborg-uncertainty.json5", "--draws", "3",
                                      "--design", "sobol"])
        #expect(design.status == 2 && design.stderr.contains("lhs or mc"), "\(design)")
    }
}
