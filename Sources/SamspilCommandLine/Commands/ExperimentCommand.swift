import Foundation
import SamspilEconomics
import SamspilExperiment
import SamspilModel
import SamspilReport
import SamspilScenario

/// What `run`, `compare` and `sweep` share: experiment options, running with
/// common random numbers, and writing the outputs.
enum ExperimentCommand {
    static let options: [OptionSpec] = [
        OptionSpec("--replications", short: "-n", value: "N", help: "Replications (overrides the scenario's)."),
        OptionSpec("--seed", value: "S", help: "Master seed (overrides the scenario's)."),
        OptionSpec("--warmup-days", value: "D", help: "Warm-up before measurement, days."),
        OptionSpec("--horizon-days", value: "D", help: "Measured period, days."),
        OptionSpec("--jobs", short: "-j", value: "N", help: "Replications run in parallel (default: all cores)."),
        OptionSpec("--out", short: "-o", value: "DIR", help: "Write summary.csv, replications.csv, timeseries.csv, results.json, report.html here."),
        OptionSpec("--trace", value: "FILE", help: "Write the episode steps of the first replication as CSV."),
        OptionSpec("--shard", value: "K/N", help: "Run only shard K of N (every N-th replication) and write a partial result for `samspil merge`."),
        OptionSpec("--no-report", help: "Skip report.html."),
        OptionSpec("--csv", value: "DIALECT", help: "standard (default: comma, decimal point) or excel (semicolon, decimal comma, UTF-8 BOM)."),
        OptionSpec("--language", value: "LANG", help: "en (default) or da: the language of the console tables and report.html."),
        OptionSpec("--quiet", short: "-q", help: "No progress bar and no table."),
        OptionSpec("--precision", value: "M=SHARE", help: "Add replications until metric M's 95 % half-width is at most SHARE of its mean (e.g. admissions=0.01)."),
        OptionSpec("--max-replications", value: "N", help: "The most replications --precision may use (default 1000)."),
    ]

    static let yearsOption = OptionSpec("--years", value: "N", help: "Also a budget over N years (population projection, ramp-up, discounting from the scenario's budget and economics): budget.csv, payback year per payer.")

    /// The `--csv` dialect; a usage error for anything else.
    static func csvDialect(_ args: ParsedArguments, command: String) throws(UsageError) -> CSVDialect {
        guard let text = args.value("--csv") else { return .standard }
        guard let dialect = CSVDialect(rawValue: text) else {
            throw UsageError("--csv takes standard or excel, got '\(text)'", command: command)
        }
        return dialect
    }

    /// The `--language` of the console and the report; a usage error for anything else.
    static func language(_ args: ParsedArguments, command: String) throws(UsageError) -> ReportLanguage {
        guard let text = args.value("--language") else { return .english }
        guard let language = ReportLanguage(rawValue: text) else {
            throw UsageError("--language takes en or da, got '\(text)'", command: command)
        }
        return language
    }

    static func overrides(_ args: ParsedArguments, command: String) throws(UsageError) -> ExperimentOverrides {
        var o = ExperimentOverrides()
        o.replications = try args.int("--replications", in: 1...1_000_000, command: command)
        if let seed = try args.int("--seed", in: 0...999_999_999_999, command: command) { o.seed = UInt64(seed) }
        o.warmupDays = try args.double("--warmup-days", in: 0...3650, command: command)
        o.horizonDays = try args.double("--horizon-days", in: 1...36_500, command: command)
        return o
    }

    /// Loads a scenario file (reporting every problem as an input error).
    static func load(_ path: String, command: String) throws -> Configuration {
        do { return try Configuration(loading: path) } catch { throw failure(error, command: command) }
    }

    /// The command line's error for an experiment that cannot be set up: exit 2 either way.
    static func failure(_ error: ExperimentError, command: String) -> any Error {
        switch error {
        case .scenario(let diagnostics):
            return InputError(description: ValidateCommand.render(diagnostics, useColor: Console.current.useColor(forStderr: true)))
        case .invalidRequest(let message):
            return UsageError(message, command: command)
        }
    }

    /// Runs the experiment and writes every output.
    static func execute(_ experiment: Experiment, args: ParsedArguments, console: Console) throws -> Int32 {
        let command = experiment.command.rawValue
        var shard: Shard?
        if let text = args.value("--shard") {
            guard let s = NumberSyntax.shard(text) else { throw UsageError("--shard takes K/N with 1 ≤ K ≤ N, got '\(text)'", command: command) }
            guard args.value("--out") != nil else { throw UsageError("--shard needs --out DIR for the partial result", command: command) }
            shard = s
        }
        let jobs = try args.int("--jobs", in: 1...4096, command: command) ?? ProcessInfo.processInfo.activeProcessorCount
        _ = try csvDialect(args, command: command)   // a bad --csv or --language is a usage error before any simulation
        _ = try language(args, command: command)
        let selection = try EntitySelection(args, experiment: experiment, command: command)
        let years = try budgetYears(experiment, args: args, shard: shard)
        let destinations = try Destinations(args, command: command)
        defer { destinations.release() }
        let bar = ProgressBar(console: console, enabled: !args.flag("--quiet"), label: command)
        let options = Experiment.Options(jobs: jobs, shard: shard, traceFirst: args.value("--trace") != nil, tool: toolInfo(),
                                         progress: { done, all in bar.update(done: done, total: all) },
                                         shouldStop: { Interruption.shared.isRequested })
        var document: RunDocument
        var traceCSV: String?
        if let text = args.value("--precision") {
            guard shard == nil else { throw UsageError("--precision cannot be combined with --shard", command: command) }
            guard let targets = PrecisionTarget.parse(text) else {
                throw UsageError("--precision takes METRIC=SHARE[,…] with 0 < SHARE < 1, e.g. admissions=0.01, got '\(text)'", command: command)
            }
            let maximum = try args.int("--max-replications", in: 2...1_000_000, command: command) ?? 1_000
            let outcome: PrecisionTarget.Outcome
            do { outcome = try PrecisionTarget.perform(experiment, targets: targets, maximum: maximum, options: options) } catch let error as ExperimentError {
                throw failure(error, command: command)
            }
            bar.finish()
            guard let result = outcome.document, !Interruption.shared.isRequested else {
                console.err("samspil \(command): interrupted; no output was written\n")
                return Interruption.shared.exitCode
            }
            var noted = result
            let verdict = outcome.reached ? "precision reached with \(outcome.replications) replications"
                : "precision NOT reached: stopped at the maximum of \(outcome.replications) replications (--max-replications)"
            noted.warnings = (noted.warnings ?? []).filter { !$0.hasPrefix("only ") } + (outcome.reached ? [] : [verdict])
            if noted.warnings?.isEmpty == true { noted.warnings = nil }
            if !args.flag("--quiet") {
                console.err("samspil \(command): \(verdict)\n")
                for line in outcome.lines { console.err("  \(line)\n") }
            }
            document = noted
            traceCSV = outcome.traceCSV
        } else {
            let result = try experiment.perform(options)
            bar.finish()
            guard let finished = result.document, !Interruption.shared.isRequested else {
                console.err("samspil \(command): interrupted after \(result.completed) of \(result.planned) replications; no output was written\n")
                return Interruption.shared.exitCode
            }
            document = finished
            traceCSV = result.traceCSV
        }
        var finished = document
        if years > 1 {
            let budgetBar = ProgressBar(console: console, enabled: !args.flag("--quiet"), label: "budget")
            let budgetOptions = Experiment.Options(jobs: jobs, progress: { done, all in budgetBar.update(done: done, total: all) },
                                                   shouldStop: { Interruption.shared.isRequested })
            let budget = try MultiYearBudget.perform(experiment, years: years, options: budgetOptions)
            budgetBar.finish()
            guard let budget, !Interruption.shared.isRequested else {
                console.err("samspil \(command): interrupted during the budget; no output was written\n")
                return Interruption.shared.exitCode
            }
            finished.budget = budget
        }
        // Warnings are in results.json and the report too, in the language asked for; --quiet keeps standard error for errors.
        let language = try language(args, command: command)
        finished = GuardRails.translated(finished, to: language)
        if !args.flag("--quiet") {
            for warning in finished.warnings ?? [] { console.err("samspil \(command): \(Phrase.warningPrefix(language)): \(warning)\n") }
        }
        try writeOutputs(finished, args: args, console: console, traceCSV: traceCSV, partial: shard != nil,
                         destinations: destinations)
        if !args.flag("--quiet") && shard == nil { console.out(selection.table(finished, useColor: console.useColor(forStderr: false))) }
        if let budget = finished.budget, !args.flag("--quiet") { console.out("\n" + budget.consoleText) }
        return 0
    }

    /// The budget's years: `--years`, else the base scenario's `budget.years`
    /// (1: no budget). A budget needs the whole experiment, so not with
    /// --shard or --precision.
    static func budgetYears(_ experiment: Experiment, args: ParsedArguments, shard: Shard?) throws(UsageError) -> Int {
        guard experiment.command != .sweep else { return 1 }
        let command = experiment.command.rawValue
        let years = try args.int("--years", in: 1...100, command: command) ?? experiment.configurations[0].file.budget.years
        if years > 1 && (shard != nil || args.value("--precision") != nil) {
            throw UsageError("a budget over several years (--years, budget.years) cannot be combined with --shard or --precision", command: command)
        }
        return years
    }

    static func writeOutputs(_ document: RunDocument, args: ParsedArguments, console: Console,
                             traceCSV: String?, partial: Bool, destinations: Destinations) throws {
        let trace = args.value("--trace") != nil ? traceCSV.map { Data($0.utf8) } : nil
        let language = try language(args, command: document.command)
        // Without --out nothing is written: the files (replications.csv grows
        // with replications × entity rows) are not even rendered.
        let files = args.value("--out") == nil ? []
            : partial ? [OutputFile(name: "results.json", contents: { try ResultsJSON.encode(document) })]
            : ReportOutput.files(for: document, html: !args.flag("--no-report"),
                                 csv: try csvDialect(args, command: document.command), language: language)
        try destinations.publish(trace: trace, files: files)
        if let out = args.value("--out"), !args.flag("--quiet") {
            console.err((partial ? Phrase.wrotePartialResult : .wroteResults)(language, out) + "\n")
        }
        guard !args.flag("--quiet"), !partial else { return }
        let color = console.useColor(forStderr: false)
        var table = document.sweep != nil ? TerminalTable.sweep(document, useColor: color, language: language)
            : document.comparisons.isEmpty ? TerminalTable.summary(document.runs[0], useColor: color, language: language)
            : TerminalTable.comparison(document, useColor: color, language: language)
        if !table.hasSuffix("\n") { table += "\n" }
        console.out(table)
    }

    static func toolInfo() -> ToolInfo {
        let p = ProcessInfo.processInfo
        let machine = "\(p.operatingSystemVersionString); \(p.activeProcessorCount) cores; \(p.physicalMemory >> 30) GiB"
        return ToolInfo(name: "samspil", version: Samspil.version, machine: machine, commandLine: ["samspil"] + CommandLine.arguments.dropFirst())
    }
}

enum RunCommand {
    static let command = Command(
        name: "run", summary: "Run a scenario and report every metric with 95 % confidence intervals.",
        usage: "samspil run FILE [options]",
        discussion: """
        Runs the scenario's replications in parallel (bit-identical results for any
        --jobs), prints the key metrics with 95 % confidence intervals, and with --out
        writes the full results as CSV, JSON and a self-contained HTML report.
        """,
        options: ExperimentCommand.options + EntitySelection.options
            + [ExperimentCommand.yearsOption,
               OptionSpec("--warmup-report", help: "Check the warm-up instead (MSER-5 on daily occupancy from day 0) and print the verdict.")],
        examples: ["samspil run Scenarios/baseline.json5",
                   "samspil run Scenarios/denmark.json5 --replications 100 --jobs 2 --out results/denmark",
                   "samspil run Scenarios/viborg-acute-team.json5 --trace trace.csv --replications 1",
                   "samspil run Scenarios/baseline.json5 --warmup-report",
                   "samspil run Scenarios/randers-cluster.json5 --by municipality --by hospital",
                   "samspil run Scenarios/viborg-acute-team.json5 --years 10 --out results/viborg-budget"],
        run: { args, console in
            guard args.positional.count == 1 else { throw UsageError("give exactly one scenario file", command: "run") }
            let overrides = try ExperimentCommand.overrides(args, command: "run")
            let configuration = try ExperimentCommand.load(args.positional[0], command: "run").applying(overrides)
            if args.flag("--warmup-report") {
                let jobs = try args.int("--jobs", in: 1...4096, command: "run") ?? ProcessInfo.processInfo.activeProcessorCount
                let check = try WarmupCheck.run(configuration, replications: configuration.file.scenario.simulation.replications, jobs: jobs)
                console.out(TerminalTable.wrap(check.sentence, width: 100) + "\n")
                return 0
            }
            return try ExperimentCommand.execute(.run(configuration), args: args, console: console)
        })
}

enum CompareCommand {
    static let command = Command(
        name: "compare", summary: "Compare scenarios with common random numbers: paired differences with 95 % CIs.",
        usage: "samspil compare BASE SCENARIO... [options]\n       samspil compare FILE --regime R1,R2,... [options]",
        discussion: """
        Runs the base and every scenario with the same seed and replications, so
        replication r of each sees the same patients, and reports scenario − base
        for every metric with a 95 % confidence interval. Avoided admissions appear
        both ways: the per-episode counterfactual (avoidedAdmissions) and the
        between-run difference in admissions. With --regime, one scenario runs under
        several incentive regimes side by side: same care, who pays?
        The base's experiment settings (replications, seed, warm-up, horizon) apply to all.
        """,
        options: ExperimentCommand.options + EntitySelection.options + [
            OptionSpec("--regime", value: "LIST", help: "Comma-separated regimes: dk-2007-2026, dk-2027, shared-budget, custom."),
            ExperimentCommand.yearsOption,
        ],
        examples: ["samspil compare Scenarios/baseline.json5 Scenarios/viborg-acute-team.json5",
                   "samspil compare Scenarios/viborg-acute-team.json5 --regime dk-2007-2026,dk-2027 --out results/regimes",
                   "samspil compare Scenarios/randers-cluster.json5 Scenarios/randers-acute-team.json5 --by municipality --entity Randers",
                   "samspil compare Scenarios/baseline.json5 Scenarios/viborg-acute-team.json5 --years 10 --out results/budget"],
        run: { args, console in
            let overrides = try ExperimentCommand.overrides(args, command: "compare")
            var configurations: [Configuration] = []
            if let list = args.value("--regime") {
                guard args.positional.count == 1 else { throw UsageError("--regime takes exactly one scenario file", command: "compare") }
                let loaded = try ExperimentCommand.load(args.positional[0], command: "compare")
                for name in list.split(separator: ",").map(String.init) {
                    guard let regime = RegimeName(rawValue: name) else {
                        let known = RegimeName.allCases.map(\.rawValue)
                        throw UsageError("unknown regime '\(name)'" + (Suggestions.closest(to: name, among: known).map { ", did you mean '\($0)'?" }
                            ?? "; regimes are \(known.joined(separator: ", "))"), command: "compare")
                    }
                    configurations.append(loaded.underRegime(regime).applying(overrides))
                }
                guard configurations.count >= 2 else { throw UsageError("--regime needs at least two regimes", command: "compare") }
            } else {
                guard args.positional.count >= 2 else { throw UsageError("give a base and at least one scenario", command: "compare") }
                for path in args.positional {
                    var configuration = try ExperimentCommand.load(path, command: "compare").applying(overrides)
                    if configurations.contains(where: { $0.label == configuration.label }) { configuration.label += " (\(path))" }
                    configurations.append(configuration)
                }
            }
            return try ExperimentCommand.execute(.compare(configurations), args: args, console: console)
        })
}

enum SweepCommand {
    static let command = Command(
        name: "sweep", summary: "Run a grid of parameter values with common random numbers.",
        usage: "samspil sweep FILE --set PATH=V1,V2,... [--set PATH=...] [options]",
        discussion: """
        Every combination of the --set values is a grid point; each runs with the
        same seed and replications, and is compared with the first point. PATH is
        a path into the scenario file: keys joined by dots, list elements by
        [index], ["name"] or [*] (all), e.g. decision.trust.gp,
        acuteTeams[*].shifts[day].nurses, economics.regime. Values are JSON5
        (numbers, "strings", true/false). Every point is validated like a file.
        simulation.horizonDays and simulation.warmupDays may differ per point;
        simulation.seed and simulation.replications may not (every point shares
        them so points pair by replication: use --seed and --replications).
        """,
        options: ExperimentCommand.options + [OptionSpec("--set", value: "PATH=VALUES", repeatable: true, help: "A parameter and its comma-separated values."),
                                               OptionSpec("--base", value: "POINT", help: "The point the others are compared with: its values (e.g. 4 or 4,0.6) or its label (default: the first point).")],
        examples: ["samspil sweep Scenarios/viborg-acute-team.json5 --set 'acuteTeams[*].shifts[day].nurses=2,4,6' --set decision.trust.gp=0.3,0.6,0.9",
                   "samspil sweep Scenarios/viborg-acute-team.json5 --set 'economics.regime=\"dk-2007-2026\",\"dk-2027\"' --out results/sweep"],
        run: { args, console in
            guard args.positional.count == 1 else { throw UsageError("give exactly one scenario file", command: "sweep") }
            let sets = args.all("--set")
            guard !sets.isEmpty else { throw UsageError("give at least one --set PATH=V1,V2", command: "sweep") }
            let overrides = try ExperimentCommand.overrides(args, command: "sweep")
            let base = try ExperimentCommand.load(args.positional[0], command: "sweep")
            var parameters: [SweepParameter] = []
            for item in sets {
                guard let equals = item.firstIndex(of: "=") else { throw UsageError("--set takes PATH=V1,V2,…, got '\(item)'", command: "sweep") }
                let path = String(item[..<equals])
                var values: [(String, JSONValue)] = []
                for text in try SweepValues.expand(splitValues(String(item[item.index(after: equals)...])), path: path) {
                    do { values.append((text, try JSON5Parser.parse(text, file: "--set \(path)"))) } catch {
                        throw UsageError("--set \(path): '\(text)' is not a JSON5 value" + SweepValues.quotingHint(text, path: path),
                                         command: "sweep")
                    }
                }
                parameters.append(SweepParameter(path: path, values: values))
            }
            var experiment: Experiment
            do { experiment = try .sweep(base, over: parameters, overrides: overrides) } catch let error as ExperimentError {
                throw ExperimentCommand.failure(error, command: "sweep")
            }
            if let text = args.value("--base"), let sweep = experiment.sweep {
                guard let index = SweepValues.point(text, in: sweep, labels: experiment.configurations.map(\.label)) else {
                    let examples = sweep.points.prefix(4).map { p in p.enumerated().map { sweep.parameters[$0.offset].values[$0.element] }.joined(separator: ",") }
                    throw UsageError("--base '\(text)' is no point of the sweep; give a point's values, e.g. \(examples.joined(separator: " or "))", command: "sweep")
                }
                experiment.baseIndex = index
            }
            return try ExperimentCommand.execute(experiment, args: args, console: console)
        })

    /// Splits "2,4,6" or "\"a,b\",\"c\"" at commas outside quotes and brackets.
    static func splitValues(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c; current.append(c)
            case "[", "{": depth += 1; current.append(c)
            case "]", "}": depth -= 1; current.append(c)
            case "," where depth == 0: parts.append(current); current = ""
            default: current.append(c)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

enum MergeCommand {
    static let command = Command(
        name: "merge", summary: "Combine partial results of --shard runs into one result.",
        usage: "samspil merge PARTIAL... --out DIR",
        discussion: """
        Each PARTIAL is a directory written by `run`, `compare` or `sweep` with
        --shard K/N (or its results.json). The merged result is the one a single
        run of all replications would have produced: same estimates, same
        comparisons, same files (only the run time and command line differ).
        """,
        options: [
            OptionSpec("--out", short: "-o", value: "DIR", help: "Where to write the merged results."),
            OptionSpec("--no-report", help: "Skip report.html."),
            ExperimentCommand.options.first { $0.name == "--csv" }!,
            ExperimentCommand.options.first { $0.name == "--language" }!,
            OptionSpec("--quiet", short: "-q", help: "No table."),
        ],
        examples: ["samspil merge results/part-* --out results/all"],
        run: { args, console in
            guard !args.positional.isEmpty else { throw UsageError("give the partial results to merge", command: "merge") }
            guard args.value("--out") != nil else { throw UsageError("give --out DIR", command: "merge") }
            _ = try ExperimentCommand.language(args, command: "merge")   // a bad --language is refused before reading anything
            let destinations = try Destinations(args, command: "merge")
            defer { destinations.release() }
            var merged: RunDocument
            do { merged = try Merging.merge(args.positional.map(Merging.readPart)) } catch let error as Merging.Problem {
                throw InputError(description: "samspil merge: error: \(error.message)")
            }
            merged.tool = ExperimentCommand.toolInfo()
            let language = try ExperimentCommand.language(args, command: "merge")
            merged = GuardRails.translated(merged, to: language)
            if !args.flag("--quiet") {
                for warning in merged.warnings ?? [] { console.err("samspil merge: \(Phrase.warningPrefix(language)): \(warning)\n") }
            }
            try ExperimentCommand.writeOutputs(merged, args: args, console: console, traceCSV: nil, partial: false,
                                               destinations: destinations)
            return 0
        })
}
