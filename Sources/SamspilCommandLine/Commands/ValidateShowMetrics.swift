import Foundation
import SamspilExperiment
import SamspilModel
import SamspilScenario

enum ValidateCommand {
    static let command = Command(
        name: "validate", summary: "Check scenario files and report every problem.",
        usage: "samspil validate FILE...",
        discussion: """
        Loads each file with its `extends` chain, checks every value, reference and
        range, and prints every problem with file, line, column and JSON path.
        Exits 0 when all files are valid and 2 otherwise. With --explain it also
        lists the illustrative defaults (marked † in docs/scenario-format.md) each
        valid file relies on without setting them: the numbers to replace with
        local ones before quoting a result.
        """,
        options: [OptionSpec("--quiet", short: "-q", help: "Print nothing for valid files."),
                  OptionSpec("--explain", help: "List the illustrative defaults each file inherits.")],
        examples: ["samspil validate Scenarios/*.json5", "samspil validate Scenarios/viborg-acute-team.json5 --explain"],
        run: { args, console in
            guard !args.positional.isEmpty else { throw UsageError("give at least one scenario file", command: "validate") }
            var failed = 0
            for path in args.positional {
                switch ScenarioLoader().load(path) {
                case .success(let loaded):
                    if !args.flag("--quiet") {
                        let s = loaded.file.scenario
                        console.out("\(path): ok (\(s.municipalities.count) municipalities, \(s.hospitals.count) hospitals, \(s.patientGroups.count) patient groups)\n")
                    }
                    if args.flag("--explain") {
                        let inherited = IllustrativeDefaults.inherited(by: loaded.document.root)
                        console.out("\(path): relies on \(inherited.count) illustrative default\(inherited.count == 1 ? "" : "s") (set them to local values, or sweep them):\n")
                        for (key, value) in inherited { console.out("  \(key) = \(value)\n") }
                    }
                case .failure(let error):
                    failed += 1
                    console.err(render(error, useColor: console.useColor(forStderr: true)) + "\n")
                }
            }
            if failed > 0 { console.err("\(failed) of \(args.positional.count) file\(args.positional.count == 1 ? "" : "s") invalid\n") }
            return failed == 0 ? 0 : 2
        })

    static func render(_ error: DiagnosticError, useColor: Bool) -> String {
        let text = error.diagnostics.map(\.description).joined(separator: "\n")
        guard useColor else { return text }
        return text.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ")
    }
}

enum ShowCommand {
    static let command = Command(
        name: "show", summary: "Print the fully resolved scenario (what would run).",
        usage: "samspil show FILE [--origins]",
        discussion: """
        Resolves `extends`, merges overrides and prints the result as indented JSON,
        so a planner sees exactly what a run uses. With --origins each value is
        followed by a comment naming the file and line it came from.
        """,
        options: [OptionSpec("--origins", help: "Annotate every value with the file:line it was written at.")],
        examples: ["samspil show Scenarios/viborg-acute-team.json5", "samspil show Scenarios/denmark.json5 --origins | less"],
        run: { args, console in
            guard args.positional.count == 1 else { throw UsageError("give exactly one scenario file", command: "show") }
            switch ScenarioLoader().load(args.positional[0]) {
            case .success(let loaded):
                console.out(loaded.document.resolvedText(annotateOrigins: args.flag("--origins")) + "\n")
                return 0
            case .failure(let error):
                throw InputError(description: ValidateCommand.render(error, useColor: console.useColor(forStderr: true)))
            }
        })
}

enum MetricsCommand {
    static let command = Command(
        name: "metrics", summary: "List every metric with its unit and meaning.",
        usage: "samspil metrics",
        discussion: "The metrics that runs report, in output order, grouped as in the report.",
        options: [],
        examples: ["samspil metrics | grep payer"],
        run: { args, console in
            guard args.positional.isEmpty else {
                throw UsageError("metrics takes no arguments, got '\(args.positional[0])'", command: "metrics")
            }
            var group = ""
            for m in ExperimentRunner.metricInfos {
                if m.group != group {
                    group = m.group
                    console.out("\n\(group)\n")
                }
                console.out("  \(m.name.padding(38))\(m.unit.padding(16))\(m.description)\n")
            }
            let implementation = EntityMetrics.implementation
            console.out("  \(implementation.name.padding(38))\(implementation.unit.padding(16))\(implementation.description) — only in scenarios that have such costs\n")
            console.out("\nby entity (rows with level and entity: municipality, hospital, region, team, acuteBeds; same names as above where the meaning is the same)\n")
            for info in EntityModelMetrics.lineNames where !ExperimentRunner.metricInfos.contains(where: { $0.name == info.name }) {
                console.out("  \(info.name.padding(38))\(info.unit.padding(16))\(info.description)\n")
            }
            console.out("\npayer by name (one row per municipality, region, the state, general practice per region and joint budget; level and entity in their own columns)\n")
            for line in EntityMetrics.accountLines {
                console.out("  \(line.name.padding(38))\("DKK".padding(16))\(line.description)\n")
            }
            console.out("\nbetween runs (compare and sweep: between-runs.csv and the decision box; not a metric of one run)\n")
            for m in Summaries.derivedMetrics {
                console.out("  \(m.name.padding(38))\(m.unit.padding(16))\(m.description)\n")
            }
            return 0
        })
}
