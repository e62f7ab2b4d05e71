import Foundation
import Testing

/// Every class of error: its message on standard error and its exit code
/// (2 for usage and input errors, 1 for runtime failures), and no output.
@Suite struct ErrorTests {
    /// A scenario file whose line 3 holds an invalid value at column 31.
    static func invalidScenario(in dir: TemporaryDirectory, name: String = "bad.json5") throws -> String {
        let text = """
        {
          extends: "\(repositoryRoot.appendingPathComponent(baseline).path)",
          simulation: { replications: -3 },
        }

        """
        try text.write(toFile: dir.path(name), atomically: true, encoding: .utf8)
        return dir.path(name)
    }

    @Test func unknownCommandSuggestsTheClosest() throws {
        let r = try Samspil.run(["rn", baseline])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("samspil: error: unknown command 'rn', did you mean 'run'?"), "\(r)")
        #expect(r.stdout.isEmpty)
        let far = try Samspil.run(["frobnicate"])
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown command 'frobnicate'\n"), "no suggestion when nothing is close: \(far)")
    }

    @Test func unknownOptionSuggestsTheClosest() throws {
        let r = try Samspil.run(["run", baseline, "--replicatons", "3"])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("samspil run: error: unknown option --replicatons, did you mean --replications?"), "\(r)")
        #expect(r.stderr.contains("Run `samspil run --help` for usage."), "\(r)")
        #expect(r.stdout.isEmpty)
    }

    @Test func optionErrors() throws {
        let cases: [([String], String)] = [
            (["run", baseline, "--replications"], "option --replications needs a value (N)"),
            (["run", baseline, "-n", "2", "-n", "3"], "option --replications given twice"),
            (["run", baseline, "-n", "0"], "--replications takes a whole number from 1 to 1000000, got '0'"),
            (["run", baseline, "--jobs", "two"], "--jobs takes a whole number from 1 to 4096, got 'two'"),
            (["run", baseline, "--horizon-days", "nan"], "--horizon-days takes a number from 1.0 to 36500.0, got 'nan'"),
            (["run"], "give exactly one scenario file"),
            (["run", baseline, baseline], "give exactly one scenario file"),
            (["compare", baseline], "give a base and at least one scenario"),
            (["compare", viborg, "--regime", "dk-2027,dk-2072"], "unknown regime 'dk-2072', did you mean 'dk-2027'?"),
            (["compare", viborg, "--regime", "dk-2027"], "--regime needs at least two regimes"),
            (["sweep", viborg], "give at least one --set PATH=V1,V2"),
            (["sweep", viborg, "--set", "decision.trust.gp"], "--set takes PATH=V1,V2,…, got 'decision.trust.gp'"),
            (["sweep", viborg, "--set", "decision.trust.gp=[1,"], "--set decision.trust.gp: '[1,' is not a JSON5 value"),
            (["merge", "x"], "give --out DIR"),
            (["validate"], "give at least one scenario file"),
        ]
        for (arguments, message) in cases {
            let r = try Samspil.run(arguments)
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains("samspil \(arguments[0]): error: \(message)\n"), "\(r)")
        }
    }

    @Test func missingFileNamesThePath() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.path("no-such-scenario.json5")
        for arguments in [["run", missing, "--out", dir.path("o")], ["validate", missing], ["show", missing],
                          ["compare", baseline, missing, "--out", dir.path("o")]] {
            let r = try Samspil.run(arguments)
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains(missing), "\(r)")
            #expect(r.stderr.contains("error: cannot read scenario file"), "\(r)")
        }
        #expect(dir.contents().isEmpty, "nothing was written")
    }

    @Test func invalidScenarioReportsFileLineColumnAndPath() throws {
        let dir = try TemporaryDirectory()
        let bad = try Self.invalidScenario(in: dir)
        for command in ["validate", "run", "show"] {
            let r = try Samspil.run([command, bad])
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains("\(bad):3:31: error: simulation.replications: expected an integer from 1 to 1000000, found -3"), "\(r)")
            #expect(r.stdout.isEmpty, "\(r)")
        }
    }

    @Test func syntaxErrorAndUnknownKeyWithSuggestion() throws {
        let dir = try TemporaryDirectory()
        try "{ name: \"x\",\n  bogus: [1,\n".write(toFile: dir.path("syntax.json5"), atomically: true, encoding: .utf8)
        let syntax = try Samspil.run(["validate", dir.path("syntax.json5")])
        #expect(syntax.status == 2, "\(syntax)")
        #expect(syntax.stderr.contains("\(dir.path("syntax.json5")):3:1: error: "), "\(syntax)")

        let typo = "{\n  extends: \"\(repositoryRoot.appendingPathComponent(baseline).path)\",\n  simulation: { horizonDay: 30 },\n}\n"
        try typo.write(toFile: dir.path("typo.json5"), atomically: true, encoding: .utf8)
        let r = try Samspil.run(["validate", dir.path("typo.json5")])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("\(dir.path("typo.json5")):3:17: error: simulation: unknown key 'horizonDay'"), "\(r)")
        #expect(r.stderr.contains("did you mean 'horizonDays'?"), "\(r)")
    }

    @Test func badShard() throws {
        let dir = try TemporaryDirectory()
        for shard in ["4/3", "0/2", "1", "a/b", "1/0"] {
            let r = try Samspil.run(["run", baseline, "--shard", shard, "--out", dir.path("o")] + short)
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains("samspil run: error: --shard takes K/N with 1 ≤ K ≤ N, got '\(shard)'"), "\(r)")
        }
        let noOut = try Samspil.run(["run", baseline, "--shard", "1/2"] + short)
        #expect(noOut.status == 2, "\(noOut)")
        #expect(noOut.stderr.contains("--shard needs --out DIR"), "\(noOut)")
        #expect(dir.contents().isEmpty)
    }

    @Test func badSetPathSuggestsTheClosest() throws {
        let name = try Samspil.run(["sweep", viborg, "--set", #"acuteTeams["Viborg akuteam"].maximumCaseload=3,4"#, "-n", "1"] + short)
        #expect(name.status == 2, "\(name)")
        #expect(name.stderr.contains(#"samspil sweep: error: --set acuteTeams["Viborg akuteam"].maximumCaseload: 'acuteTeams' has no element named 'Viborg akuteam'; did you mean 'Viborg akutteam'?"#), "\(name)")

        let key = try Samspil.run(["sweep", viborg, "--set", "decision.trst.gp=0.3,0.6", "-n", "1"] + short)
        #expect(key.status == 2, "\(key)")
        #expect(key.stderr.contains("--set decision.trst.gp:1:1: error: decision: unknown key 'trst'"), "\(key)")
        #expect(key.stderr.contains("did you mean 'trust'?"), "\(key)")

        let syntax = try Samspil.run(["sweep", viborg, "--set", "acuteTeams[0.x=1", "-n", "1"] + short)
        #expect(syntax.status == 2, "\(syntax)")
        #expect(syntax.stderr.contains("--set acuteTeams[0.x: unclosed '['"), "\(syntax)")
    }

    @Test func unusableOutIsAUsageErrorBeforeSimulating() throws {
        let dir = try TemporaryDirectory()
        try "x".write(toFile: dir.path("file"), atomically: true, encoding: .utf8)
        let out = dir.path("file") + "/results"
        let r = try Samspil.run(["run", baseline, "-n", "2", "-q", "--out", out] + short)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("samspil run: error: --out '\(out)': '\(dir.path("file"))' exists and is not a directory\n"), "\(r)")
        #expect(dir.contents() == ["file"], "no staging directory is left behind")

        // An existing regular file as the output directory itself.
        let onFile = try Samspil.run(["run", baseline, "-n", "2", "-q", "--out", dir.path("file")] + short)
        #expect(onFile.status == 2, "\(onFile)")
        #expect(onFile.stderr.contains("exists and is not a directory"), "\(onFile)")
        #expect(try String(contentsOfFile: dir.path("file"), encoding: .utf8) == "x", "the file is untouched")
        #expect(dir.contents() == ["file"])
    }

    @Test func unusableTraceIsAUsageErrorBeforeSimulating() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["run", baseline, "-n", "1", "-q", "--trace", dir.path("missing-dir/trace.csv")] + short)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("--trace '\(dir.path("missing-dir/trace.csv"))': the directory '\(dir.path("missing-dir"))' does not exist"), "\(r)")
    }

    @Test func mergeErrors() throws {
        let dir = try TemporaryDirectory()
        for k in 1...2 {
            let r = try Samspil.run(["run", baseline, "-n", "4", "--shard", "\(k)/2", "--out", dir.path("p\(k)")] + short)
            #expect(r.status == 0, "\(r)")
        }
        let overlap = try Samspil.run(["merge", dir.path("p1"), dir.path("p1"), dir.path("p2"), "--out", dir.path("m")])
        #expect(overlap.status == 2, "\(overlap)")
        #expect(overlap.stderr.contains("samspil merge: error: shard 1/2 is given twice"), "\(overlap)")
        let missing = try Samspil.run(["merge", dir.path("p2"), "--out", dir.path("m")])
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("shard 1/2 is missing: replications 0, 2 have no result"), "\(missing)")
        let unreadable = try Samspil.run(["merge", dir.path("p1"), dir.path("nothing"), "--out", dir.path("m")])
        #expect(unreadable.status == 2, "\(unreadable)")
        #expect(unreadable.stderr.contains("samspil merge: error: \(dir.path("nothing")) does not exist"), "\(unreadable)")

        let other = try Samspil.run(["run", viborg, "-n", "4", "--shard", "2/2", "--out", dir.path("v2")] + short)
        #expect(other.status == 0, "\(other)")
        let mixed = try Samspil.run(["merge", dir.path("p1"), dir.path("v2"), "--out", dir.path("m")])
        #expect(mixed.status == 2, "\(mixed)")
        #expect(mixed.stderr.contains("the parts are of different scenarios"), "\(mixed)")
        // A complete result is not a partial one (merging it would drop its time series).
        let full = try Samspil.run(["run", baseline, "-n", "4", "-q", "--out", dir.path("full")] + short)
        #expect(full.status == 0, "\(full)")
        let complete = try Samspil.run(["merge", dir.path("full"), "--out", dir.path("m")])
        #expect(complete.status == 2, "\(complete)")
        #expect(complete.stderr.contains("samspil merge: error: \(dir.path("full/results.json")) is a complete result, not a partial result of a --shard K/N run"), "\(complete)")
        #expect(!dir.contents().contains("m"), "failed merges write nothing")
    }

    /// A part edited after it was written, or malformed by hand, is refused with one line and exit 2.
    @Test func tamperedOrMalformedPartsAreRefused() throws {
        let dir = try TemporaryDirectory()
        for k in 1...2 {
            let r = try Samspil.run(["run", baseline, "-n", "4", "--shard", "\(k)/2", "--out", dir.path("p\(k)")] + short)
            #expect(r.status == 0, "\(r)")
        }
        let file = dir.path("p2/results.json")
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let edits: [(from: String, to: String, says: String)] = [
            ("\"replications\" : [\n        1,", "\"replications\" : [\n        0,", "has been changed since it was written"),
            ("\"replications\" : [\n        1,", "\"replications\" : [\n        null,", "is not a results.json samspil can read (a value is missing or null at runs[0].replications[0])"),
            ("\"name\" : \"episodes\",\n          \"unit\" : \"episodes\",\n          \"values\" : {\n            \"1\" : ",
             "\"name\" : \"episodes\",\n          \"unit\" : \"episodes\",\n          \"values\" : {\n            \"1\" : 1", "has been changed since it was written"),
            ("\"version\" : 2\n}", "\"version\" : 1\n}", "results.json of format version 1; this samspil reads version 2"),
            ("\"replicationSeries\" : [", "\"replicationSeries\" : [], \"x\" : [", "has been changed since it was written"),
        ]
        for edit in edits {
            #expect(original.contains(edit.from), "the fixture text is still there: \(edit.from)")
            try original.replacingOccurrences(of: edit.from, with: edit.to).write(toFile: file, atomically: true, encoding: .utf8)
            let r = try Samspil.run(["merge", dir.path("p1"), dir.path("p2"), "--out", dir.path("m")])
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains(edit.says), "\(r)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r)")
        }
        #expect(!dir.contents().contains("m"), "failed merges write nothing")
    }

    @Test func validateExitCodes() throws {
        let dir = try TemporaryDirectory()
        let bad = try Self.invalidScenario(in: dir)
        let good = try Samspil.run(["validate", baseline, viborg])
        #expect(good.status == 0, "\(good)")
        #expect(good.stdout.contains("\(baseline): ok ("), "\(good)")
        #expect(good.stdout.contains("\(viborg): ok ("), "\(good)")
        let quiet = try Samspil.run(["validate", "-q", baseline])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty, "\(quiet)")
        let mixed = try Samspil.run(["validate", baseline, bad])
        #expect(mixed.status == 2, "\(mixed)")
        #expect(mixed.stdout.contains("\(baseline): ok"), "\(mixed)")
        #expect(mixed.stderr.contains("1 of 2 files invalid"), "\(mixed)")
    }

    @Test func showPrintsTheResolvedScenarioAsJSON() throws {
        let r = try Samspil.run(["show", viborg])
        #expect(r.status == 0, "\(r)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r)")
        #expect(object["name"] as? String == "viborg-acute-team")
        #expect(object["extends"] == nil, "extends is resolved")
        // Inherited from baseline.json5:
        let hospitals = try #require(object["hospitals"] as? [[String: Any]])
        #expect(hospitals.first?["name"] as? String == "Regionshospitalet Viborg")
        #expect(object["acuteTeams"] as? [Any] != nil)

        let origins = try Samspil.run(["show", viborg, "--origins"])
        #expect(origins.status == 0)
        #expect(origins.stdout.contains("baseline.json5:"), "origins name the file values come from")
    }
}
