import Testing
@testable import SamspilCommandLine

/// The hand-written option parser: GNU conventions and precise usage errors.
@Suite struct ArgumentParserTests {
    static let options: [OptionSpec] = [
        OptionSpec("--replications", short: "-n", value: "N", help: "Replications."),
        OptionSpec("--out", short: "-o", value: "DIR", help: "Output."),
        OptionSpec("--set", value: "PATH=VALUES", repeatable: true, help: "A parameter."),
        OptionSpec("--quiet", short: "-q", help: "Quiet."),
    ]

    func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        try ArgumentParser.parse(arguments, options: Self.options, command: "run")
    }

    /// The message of the usage error `arguments` must raise.
    func failure(_ arguments: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        do {
            let parsed = try parse(arguments)
            Issue.record("expected a usage error, parsed \(parsed)", sourceLocation: sourceLocation)
            return ""
        } catch {
            #expect(error.command == "run", sourceLocation: sourceLocation)
            return error.message
        }
    }

    @Test func longOptionWithSeparateValue() throws {
        let p = try parse(["file.json5", "--replications", "7", "--out", "dir"])
        #expect(p.positional == ["file.json5"])
        #expect(p.value("--replications") == "7")
        #expect(p.value("--out") == "dir")
        #expect(p.flags.isEmpty)
    }

    @Test func shortOptionsAreStoredUnderTheLongName() throws {
        let p = try parse(["-n", "3", "-o", "x", "-q", "f"])
        #expect(p.value("--replications") == "3")
        #expect(p.value("--out") == "x")
        #expect(p.flag("--quiet"))
        #expect(p.values["-n"] == nil)
        #expect(p.positional == ["f"])
    }

    @Test func inlineValueAfterEquals() throws {
        let p = try parse(["--replications=12", "--set=a.b=1,2", "--out="])
        #expect(p.value("--replications") == "12")
        // Only the first '=' separates the name: the value keeps the rest.
        #expect(p.all("--set") == ["a.b=1,2"])
        #expect(p.value("--out") == "")
    }

    @Test func valueMayLookLikeAnOption() throws {
        // A value is taken verbatim even if it starts with '-'.
        let p = try parse(["--out", "-weird", "f"])
        #expect(p.value("--out") == "-weird")
        #expect(p.positional == ["f"])
    }

    @Test func doubleDashEndsOptions() throws {
        let p = try parse(["-q", "--", "--replications", "-n", "--bogus", "-"])
        #expect(p.flag("--quiet"))
        #expect(p.positional == ["--replications", "-n", "--bogus", "-"])
        #expect(p.values.isEmpty)
    }

    @Test func lonelyDashIsPositional() throws {
        let p = try parse(["-", "-q"])
        #expect(p.positional == ["-"])
        #expect(p.flag("--quiet"))
    }

    @Test func repeatableOptionCollectsEveryValueInOrder() throws {
        let p = try parse(["--set", "a=1", "--set=b=2,3", "--set", "c=4"])
        #expect(p.all("--set") == ["a=1", "b=2,3", "c=4"])
        #expect(p.value("--set") == "c=4")
    }

    @Test func missingValue() {
        #expect(failure(["f", "--replications"]) == "option --replications needs a value (N)")
        #expect(failure(["-o"]) == "option --out needs a value (DIR)")
    }

    @Test func repeatedNonRepeatableOption() {
        #expect(failure(["--replications", "3", "-n", "4"]) == "option --replications given twice")
        #expect(failure(["--out=a", "--out", "b"]) == "option --out given twice")
    }

    @Test func flagTakesNoValue() {
        #expect(failure(["--quiet=yes"]) == "option --quiet takes no value")
    }

    @Test func unknownOptionSuggestsTheClosest() {
        #expect(failure(["--replicatons", "3"]) == "unknown option --replicatons, did you mean --replications?")
        #expect(failure(["--replicatons=3"]) == "unknown option --replicatons, did you mean --replications?")
        #expect(failure(["--quite"]) == "unknown option --quite, did you mean --quiet?")
    }

    @Test func unknownOptionWithoutAnyCloseName() {
        #expect(failure(["--frobnicate"]) == "unknown option --frobnicate")
        #expect(failure(["-x"]) == "unknown option -x")
    }

    @Test func integerOptionsAreRangeChecked() throws {
        let p = try parse(["-n", "0"])
        #expect(throws: UsageError.self) { try p.int("--replications", in: 1...10, command: "run") }
        do {
            _ = try p.int("--replications", in: 1...10, command: "run")
        } catch {
            #expect(error.message == "--replications takes a whole number from 1 to 10, got '0'")
        }
        #expect(try parse(["-n", "10"]).int("--replications", in: 1...10, command: "run") == 10)
        let fractional = try parse(["-n", "2.5"])
        #expect(throws: UsageError.self, "2.5 is not a whole number") { try fractional.int("--replications", in: 1...10, command: "run") }
        #expect(try parse([]).int("--replications", in: 1...10, command: "run") == nil)
    }

    @Test func numberOptionsRejectNonFiniteAndOutOfRange() throws {
        for text in ["nan", "inf", "-1", "x", "1e9"] {
            let p = try parse(["-n", text])
            #expect(throws: UsageError.self, "\(text)") { try p.double("--replications", in: 0...100, command: "run") }
        }
        #expect(try parse(["-n", "2.5"]).double("--replications", in: 0...100, command: "run") == 2.5)
    }

    @Test func helpTextListsEveryOptionWithItsShortForm() {
        let text = ArgumentParser.helpText(Self.options)
        #expect(text.contains("-n, --replications N"))
        #expect(text.contains("    --set PATH=VALUES"))
        #expect(text.contains("-q, --quiet"))
        #expect(text.split(separator: "\n").count == Self.options.count)
    }
}
