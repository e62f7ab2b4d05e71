import Foundation
import Testing

/// `--help` and `--version` of the tool and of every command.
@Suite struct HelpTests {
    static let commands = ["run", "compare", "sweep", "validate", "show", "merge", "metrics"]

    @Test func executableIsBuilt() {
        #expect(samspilExecutable != nil, "\(Samspil.NotBuilt())")
    }

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func toolHelp(_ arguments: [String]) throws {
        let r = try Samspil.run(arguments)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("USAGE: samspil <command> [options]"), "\(r)")
        #expect(r.stdout.contains("EXAMPLES:\n  samspil run Scenarios/baseline.json5"), "\(r)")
        for command in Self.commands {
            #expect(r.stdout.contains("\n  \(command) "), "the overview lists \(command)")
        }
        #expect(r.stderr.isEmpty, "\(r)")
    }

    @Test func noArgumentsPrintsTheOverviewAsAUsageError() throws {
        let r = try Samspil.run([])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("USAGE: samspil"), "\(r)")
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: [["--version"], ["version"], ["run", "--version"], ["merge", "--version"]])
    func version(_ arguments: [String]) throws {
        let r = try Samspil.run(arguments)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.wholeMatch(of: /samspil \d+\.\d+\.\d+\n/) != nil, "\(r)")
    }

    @Test(arguments: commands)
    func commandHelp(_ command: String) throws {
        for flag in ["--help", "-h"] {
            let r = try Samspil.run([command, flag])
            #expect(r.status == 0, "\(r)")
            #expect(r.stdout.contains("USAGE: samspil \(command)"), "\(r)")
            #expect(r.stdout.contains("OPTIONS:"), "\(r)")
            #expect(r.stdout.contains("-h, --help"), "\(r)")
            // At least one example, and it runs this command.
            let examples = try #require(r.stdout.range(of: "EXAMPLES:\n"), "\(r)")
            #expect(r.stdout[examples.upperBound...].hasPrefix("  samspil \(command)"), "\(r)")
        }
        // `samspil help COMMAND` is the same text.
        let viaHelp = try Samspil.run(["help", command])
        let direct = try Samspil.run([command, "--help"])
        #expect(viaHelp.status == 0 && viaHelp.stdout == direct.stdout)
    }

    @Test func helpWinsOverOtherArguments() throws {
        // --help anywhere shows help, even after an unknown option or a missing file.
        let r = try Samspil.run(["run", "--bogus", "missing.json5", "--help"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("USAGE: samspil run FILE"))
    }

    @Test func versionMatchesResultsJSON() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["run", baseline, "-n", "2", "-q", "--no-report", "--out", dir.path("o")] + short)
        #expect(r.status == 0, "\(r)")
        let version = try Samspil.run(["--version"]).stdout
        #expect(version == "samspil \(try readResults(dir.path("o")).tool.version)\n")
    }

    @Test func metricsListsEveryMetricWithItsUnit() throws {
        let r = try Samspil.run(["metrics"])
        #expect(r.status == 0, "\(r)")
        for name in ["episodes", "avoidedAdmissions", "bedDays", "cost.total", "payer.region.net", "payer.municipality.net"] {
            #expect(r.stdout.contains("  \(name) "), "metrics lists \(name)")
        }
        #expect(r.stdout.contains("DKK"))
    }
}
