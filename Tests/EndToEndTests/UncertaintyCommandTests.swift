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

/// `samspil uncertainty --shard K/N` and `--merge`: parts of one analysis
/// merge into exactly the files of a single run; anything else is refused.
@Suite("End to end: uncertainty shards")
struct UncertaintyShardTests {
    static let analysis = ["uncertainty", "Scenarios/baseline.json5", "Scenarios/viborg-uncertainty.json5", "--draws", "3",
                           "-n", "2", "--horizon-days", "20", "--warmup-days", "5", "-q"]

    @Test func shardsMergeToTheSingleRun() throws {
        let dir = try TemporaryDirectory()
        #expect(try Samspil.run(Self.analysis + ["--out", dir.path("all")]).status == 0)
        for k in 1...3 { #expect(try Samspil.run(Self.analysis + ["--shard", "\(k)/3", "--out", dir.path("p\(k)")]).status == 0) }
        #expect(dir.contents("p1") == ["psa-part.json"])
        let merged = try Samspil.run(["uncertainty", "--merge", dir.path("p3"), dir.path("p1"), dir.path("p2"), "-q", "--out", dir.path("m")])
        #expect(merged.status == 0, "\(merged)")
        for file in ["draws.csv", "ceac.csv", "tornado.csv", "results.json"] {
            #expect(bytes(dir.path("all/\(file)")) == bytes(dir.path("m/\(file)")), "\(file) differs from the single run")
        }
    }

    @Test func incompleteRepeatedOrEditedPartsAreRefused() throws {
        let dir = try TemporaryDirectory()
        for k in 1...2 { #expect(try Samspil.run(Self.analysis + ["--shard", "\(k)/2", "--out", dir.path("p\(k)")]).status == 0) }
        let missing = try Samspil.run(["uncertainty", "--merge", dir.path("p1"), "--out", dir.path("m")])
        #expect(missing.status == 2 && missing.stderr.contains("a shard is missing"), "\(missing)")
        let twice = try Samspil.run(["uncertainty", "--merge", dir.path("p1"), dir.path("p1"), dir.path("p2"), "--out", dir.path("m")])
        #expect(twice.status == 2 && twice.stderr.contains("appears in more than one part"), "\(twice)")
        let path = dir.path("p2/psa-part.json")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"index\" : 1,", with: "\"index\" : 1 ,").replacingOccurrences(of: "0.", with: "1.")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let edited = try Samspil.run(["uncertainty", "--merge", dir.path("p1"), dir.path("p2"), "--out", dir.path("m")])
        #expect(edited.status == 2 && edited.stderr.contains("does not match its digest"), "\(edited)")
        let other = try Samspil.run(Self.analysis.map { $0 == "3" ? "4" : $0 } + ["--shard", "2/2", "--out", dir.path("q2")])
        #expect(other.status == 0)
        let mixed = try Samspil.run(["uncertainty", "--merge", dir.path("p1"), dir.path("q2"), "--out", dir.path("m")])
        #expect(mixed.status == 2 && mixed.stderr.contains("belongs to another analysis"), "\(mixed)")
        #expect(!dir.contents().contains("m"))
    }
}
