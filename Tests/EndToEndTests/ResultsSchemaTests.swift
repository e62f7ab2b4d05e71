import Foundation
import SamspilReport
import Testing

/// `results.json` of real runs matches `docs/results.schema.json`, and the
/// validator used for that catches what it should.
@Suite struct ResultsSchemaTests {
    static func schema() throws -> SchemaValidator {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/results.schema.json"), encoding: .utf8)
        return SchemaValidator(root: try #require(JSONTree(parsing: text)))
    }

    static func results(_ directory: String) throws -> JSONTree {
        try #require(JSONTree(parsing: try String(contentsOfFile: "\(directory)/results.json", encoding: .utf8)))
    }

    @Test func realOutputMatchesTheSchema() throws {
        let validator = try Self.schema()
        let dir = try TemporaryDirectory()
        let commands: [(String, [String])] = [
            ("run", ["run", viborg, "-n", "2"]),
            ("compare", ["compare", baseline, viborg, "-n", "2"]),
            ("sweep", ["sweep", viborg, "--set", "acuteTeams[*].shifts[day].nurses=2,4", "-n", "2"]),
            ("part", ["run", viborg, "-n", "2", "--shard", "1/2"]),
            ("budget", ["compare", baseline, viborg, "-n", "2", "--years", "2"]),
        ]
        for (name, arguments) in commands {
            let r = try Samspil.run(arguments + short + ["-q", "--no-report", "--out", dir.path(name)])
            #expect(r.status == 0, "\(r)")
            let json = try Self.results(dir.path(name))
            let problems = validator.problems(json)
            #expect(problems.isEmpty, "\(name): \(problems.prefix(10))")
            guard case .object(let top) = json else { Issue.record("not an object"); continue }
            #expect(top["version"] == .number(Double(ResultsJSON.formatVersion)))
            // The resolved scenario is an object, not JSON text in a string.
            if name == "budget" { #expect(top["budget"] != nil, "a --years result carries its budget") }
            if case .array(let runs)? = top["runs"], case .object(let run)? = runs.first {
                guard case .object(let scenario)? = run["scenario"] else { Issue.record("\(name): scenario is not an object"); continue }
                #expect(scenario["name"] != nil)
            }
        }
    }

    @Test func theValidatorCatchesWhatItShould() throws {
        let validator = try Self.schema()
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["run", baseline, "-n", "2", "-q", "--no-report", "--out", dir.path("o")] + short)
        #expect(r.status == 0, "\(r)")
        guard case .object(var top) = try Self.results(dir.path("o")) else { Issue.record("not an object"); return }
        var broken = top
        broken["version"] = nil
        #expect(validator.problems(.object(broken)).contains("$: 'version' is required"))
        broken = top
        broken["extra"] = .bool(true)
        #expect(validator.problems(.object(broken)).contains("$: unexpected property 'extra'"))
        broken = top
        broken["command"] = .string("walk")
        #expect(validator.problems(.object(broken)).contains { $0.hasPrefix("$.command: ") })
        top["runs"] = .array([.object(["label": .number(1)])])
        let problems = validator.problems(.object(top))
        #expect(problems.contains("$.runs[0].label: expected string, found number"), "\(problems)")
        #expect(problems.contains("$.runs[0]: 'metrics' is required"), "\(problems)")
        #expect(SchemaValidator(root: .object(["minimum": .number(0)])).problems(.number(1)) == ["$: unsupported schema keyword 'minimum'"])
    }
}
