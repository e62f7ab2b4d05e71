import Foundation
import SamspilExperiment
import SamspilReport
import SamspilScenario

/// The `samspil` command: dispatch to subcommands, errors and exit codes.
///
/// Exit codes: 0 success; 1 a runtime failure (an output cannot be written,
/// another run holds the output directory); 2 a usage or input error (unknown
/// option, invalid scenario, unusable destination); 130 interrupted (SIGINT),
/// 143 terminated (SIGTERM), nothing written. See docs/guides/command-line.md.
public enum Samspil {
    public static let version = Experiment.toolVersion

    public static let commands: [Command] = [
        RunCommand.command, CompareCommand.command, SweepCommand.command, ValidateCommand.command,
        ShowCommand.command, MergeCommand.command, MetricsCommand.command, InitCommand.command, UncertaintyCommand.command, DealCommand.command,
    ]

    public static var overview: String {
        let rows = commands.map { "  \($0.name.padding(9))\($0.summary)" }.joined(separator: "\n")
        return """
        samspil — a discrete-event simulator of cross-sector patient flow

        USAGE: samspil <command> [options]

        COMMANDS:
        \(rows)

        Run `samspil <command> --help` for a command's options and examples.
        Common: --help, --version. Errors and progress go to standard error;
        results go to standard output or to the --out directory.

        EXAMPLES:
          samspil run Scenarios/baseline.json5
          samspil compare Scenarios/baseline.json5 Scenarios/viborg-acute-team.json5 --out results/viborg
        """
    }

    /// Runs the command line `arguments` (without the program name); returns the exit code.
    public static func main(_ arguments: [String], console: Console = .current) -> Int32 {
        guard let first = arguments.first else {
            console.err(overview + "\n")
            return 2
        }
        switch first {
        case "-h", "--help", "help":
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.out(command.help + "\n")
            } else {
                console.out(overview + "\n")
            }
            return 0
        case "--version", "version":
            console.out("samspil \(version)\n")
            return 0
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let suggestion = Suggestions.closest(to: first, among: commands.map(\.name)).map { ", did you mean '\($0)'?" } ?? ""
            console.err("samspil: error: unknown command '\(first)'\(suggestion)\nRun `samspil --help` for the list of commands.\n")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.out(command.help + "\n")
            return 0
        }
        if rest.contains("--version") {
            console.out("samspil \(version)\n")
            return 0
        }
        do {
            let parsed = try ArgumentParser.parse(rest, options: command.options, command: command.name)
            // Commands that write catch signals from the start, so a Ctrl-C while
            // scenarios load still ends in exit 130 with nothing written.
            if ["run", "compare", "sweep", "merge", "uncertainty", "deal"].contains(command.name) { Interruption.shared.install() }
            return try command.run(parsed, console)
        } catch let error as UsageError {
            console.err("samspil \(command.name): error: \(error.message)\nRun `samspil \(command.name) --help` for usage.\n")
            return 2
        } catch let error as InputError {
            console.err(error.description + "\n")
            return 2
        } catch let interrupted as Interruption.Interrupted {
            console.err("samspil \(command.name): interrupted; no output was written\n")
            return interrupted.exitCode
        } catch let error as RuntimeFailure {
            console.err("samspil \(command.name): error: \(error.message)\n")
            return 1
        } catch {
            console.err("samspil \(command.name): error: \(error)\n")
            return 1
        }
    }
}

/// A subcommand: its options, help and implementation.
public struct Command: Sendable {
    public var name: String
    public var summary: String
    public var usage: String
    public var discussion: String
    public var options: [OptionSpec]
    public var examples: [String]
    public var run: @Sendable (ParsedArguments, Console) throws -> Int32

    public var help: String {
        """
        \(summary)

        USAGE: \(usage)

        \(discussion)

        OPTIONS:
        \(ArgumentParser.helpText(options + [OptionSpec("--help", short: "-h", help: "Show this help."),
                                                 OptionSpec("--version", help: "Show the version.")]))

        EXAMPLES:
        \(examples.map { "  " + $0 }.joined(separator: "\n"))
        """
    }
}

/// Invalid scenario input: the diagnostics, already formatted. Exit code 2.
public struct InputError: Error, CustomStringConvertible {
    public var description: String
}

/// A failure at run time (an output that cannot be written). Exit code 1.
public struct RuntimeFailure: Error {
    public var message: String
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
