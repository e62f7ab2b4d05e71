import Foundation
import Testing

/// `samspil init`: a scenario for a named municipality that validates and
/// runs; precise errors for unknown names, existing files and bad options.
@Suite struct InitTests {
    @Test func writesAScenarioThatValidatesAndRuns() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("skive.json5")
        let made = try Samspil.run(["init", "--municipality", "Skive", "--team", "24/7", "--out", file])
        #expect(made.status == 0, "\(made)")
        #expect(made.stdout.isEmpty && made.stderr.contains("wrote \(file)"), "\(made)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("// Skive — made by `samspil init --municipality Skive --team 24/7`."))
        #expect(text.contains("ASSUMED") && text.contains("name: \"night\""))
        let valid = try Samspil.run(["validate", file])
        #expect(valid.status == 0, "\(valid)")
        let run = try Samspil.run(["run", file, "--replications", "2", "--horizon-days", "20", "--warmup-days", "5", "--quiet"])
        #expect(run.status == 0, "\(run)")
        // Standard output without --out.
        let printed = try Samspil.run(["init", "-m", "skive"])
        #expect(printed.status == 0 && printed.stdout.hasPrefix("// Skive — made by `samspil init --municipality Skive`."), "\(printed)")
    }

    @Test func errors() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("x.json5")
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["init", "--municipality", "Skiev"], "no Danish municipality called 'Skiev', did you mean 'Skive'?"),
            (["init"], "give the municipality with --municipality NAME"),
            (["init", "-m", "Skive", "--team", "nights"], "--team takes none, daytime or 24/7, got 'nights'"),
            (["init", "-m", "Skive", "--out", file], "\(file) exists; add --force to replace it"),
            (["init", "Skive"], "unexpected argument 'Skive'"),
        ]
        for (arguments, message) in cases {
            let r = try Samspil.run(arguments)
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains(message), "\(r)")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        let list = try Samspil.run(["init", "--list"])
        #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 98, "\(list)")
    }
}
