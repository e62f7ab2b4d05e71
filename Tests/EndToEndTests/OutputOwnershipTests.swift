import Foundation
import Testing

/// An output directory holds exactly one result: a later run replaces every
/// file Samspil wrote there (listed in `.samspil-manifest`) and leaves other
/// files alone.
@Suite struct OutputOwnershipTests {
    static func manifest(_ dir: TemporaryDirectory, _ name: String) throws -> [String] {
        try String(contentsOfFile: dir.path(name + "/.samspil-manifest"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    @Test func runAfterCompareLeavesNoStaleFiles() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("D")
        let compare = try Samspil.run(["compare", baseline, viborg, "-n", "2", "-q", "--out", out] + short)
        #expect(compare.status == 0, "\(compare)")
        #expect(dir.contents("D").contains("comparison.csv") && dir.contents("D").contains("between-runs.csv"))
        try "mine".write(toFile: dir.path("D/notes.txt"), atomically: true, encoding: .utf8)

        let run = try Samspil.run(["run", baseline, "-n", "2", "-q", "--no-report", "--out", out] + short)
        #expect(run.status == 0, "\(run)")
        #expect(dir.contents("D") == ["notes.txt", "replications.csv", "results.json", "summary.csv", "timeseries.csv"],
                "the compare's comparison.csv, between-runs.csv and report.html are gone; notes.txt stays: \(dir.contents("D"))")
        #expect(try Self.manifest(dir, "D") == ["replications.csv", "results.json", "summary.csv", "timeseries.csv"])
        #expect(try String(contentsOfFile: dir.path("D/notes.txt"), encoding: .utf8) == "mine")
        #expect(dir.allContents() == ["D"], "no staging directory or lock file is left: \(dir.allContents())")
    }

    @Test func aShardIntoAFullResultLeavesOnlyThePartialResult() throws {
        let dir = try TemporaryDirectory()
        let full = try Samspil.run(["run", baseline, "-n", "2", "-q", "--out", dir.path("D")] + short)
        #expect(full.status == 0, "\(full)")
        let part = try Samspil.run(["run", baseline, "-n", "2", "-q", "--shard", "1/2", "--out", dir.path("D")] + short)
        #expect(part.status == 0, "\(part)")
        #expect(dir.contents("D") == ["results.json"], "\(dir.contents("D"))")
        #expect(try readResults(dir.path("D")).experiment.shard == "1/2")
    }
}
