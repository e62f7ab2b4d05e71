import Foundation
import SamspilEngine
import SamspilExperiment
import SamspilReport
import SamspilScenario

/// `samspil uncertainty`: probabilistic sensitivity analysis of BASE → SCENARIO.
enum UncertaintyCommand {
    static let command = Command(
        name: "uncertainty", summary: "Probabilistic sensitivity analysis: CEAC, tornado, EVPI, who gains.",
        usage: "samspil uncertainty BASE SCENARIO --draws N [--replications R] [--design lhs|mc] [--shard K/N] --out DIR\n       samspil uncertainty --merge PART... --out DIR",
        discussion: """
        Draws the uncertain inputs listed under `uncertainty` in either file N
        times (a seeded Latin hypercube by default), writes each draw into both
        scenarios wherever its path exists, and runs R paired replications of
        base and scenario with common random numbers. Reports each outcome's
        mean and 95 % interval *including* parameter uncertainty, the chance
        that each payer gains, the cost-effectiveness acceptability curve
        (willingness to pay per avoided admission) and the expected value of
        perfect information. Writes draws.csv, ceac.csv, tornado.csv and
        results.json. Bit-identical for any --jobs. The base's experiment
        settings apply to both.

        With --shard K/N a process runs every N-th evaluation (draws, the point
        at the means and the tornado's) and writes psa-part.json; --merge checks
        that the parts belong to one analysis, are intact and together complete,
        and writes the outputs a single run would have written.
        """,
        options: [
            OptionSpec("--draws", value: "N", help: "Parameter draws (outer loop)."),
            OptionSpec("--replications", short: "-n", value: "R", help: "Paired replications per draw (default 5)."),
            OptionSpec("--design", value: "KIND", help: "lhs (Latin hypercube, default) or mc (plain Monte Carlo)."),
            OptionSpec("--shard", value: "K/N", help: "Run only every N-th evaluation, starting at K, and write psa-part.json."),
            OptionSpec("--merge", help: "Combine psa-part.json files (or their directories) given as arguments."),
        ] + ExperimentCommand.options.filter { ["--seed", "--warmup-days", "--horizon-days", "--jobs", "--csv", "--quiet"].contains($0.name) }
          + [OptionSpec("--out", short: "-o", value: "DIR", help: "Write draws.csv, ceac.csv, tornado.csv, results.json and report.html here.")],
        examples: ["samspil uncertainty Scenarios/baseline.json5 Scenarios/viborg-uncertainty.json5 --draws 200 --out results/psa"],
        run: run)

    static func run(_ args: ParsedArguments, _ console: Console) throws -> Int32 {
        try run(args, console, deal: nil)
    }

    /// The analysis; with `deal` (a probability), also the deal designer's search (`samspil deal`).
    static func run(_ args: ParsedArguments, _ console: Console, deal: Double?) throws -> Int32 {
        let name = deal == nil ? "uncertainty" : "deal"
        if deal == nil, args.flag("--merge") { return try merge(args, console) }
        guard args.positional.count == 2 else { throw UsageError("give a base and one scenario", command: name) }
        let shard = try args.value("--shard").map { text throws(UsageError) -> Shard in
            guard let s = NumberSyntax.shard(text) else { throw UsageError("--shard takes K/N with 1 ≤ K ≤ N, got '\(text)'", command: name) }
            guard args.value("--out") != nil else { throw UsageError("--shard needs --out DIR for the partial result", command: name) }
            return s
        }
        guard let drawCount = try args.int("--draws", in: 2...1_000_000, command: name) else {
            throw UsageError("give --draws N (the number of parameter draws)", command: name)
        }
        let replications = try args.int("--replications", in: 1...100_000, command: name) ?? 5
        let design: UnitCubeSample.Design
        switch args.value("--design") ?? "lhs" {
        case "lhs": design = .latinHypercube
        case "mc": design = .monteCarlo
        case let other: throw UsageError("--design takes lhs or mc, got '\(other)'", command: name)
        }
        var overrides = try ExperimentCommand.overrides(args, command: name)
        overrides.replications = replications
        let base = try ExperimentCommand.load(args.positional[0], command: name).applying(overrides)
        let scenario = try ExperimentCommand.load(args.positional[1], command: name).applying(overrides)
        let inputs = try mergedInputs(base.file.uncertainty, scenario.file.uncertainty, files: args.positional)
        let jobs = try args.int("--jobs", in: 1...4096, command: name) ?? ProcessInfo.processInfo.activeProcessorCount
        let dialect = try ExperimentCommand.csvDialect(args, command: name)
        let seed = base.file.scenario.simulation.seed
        let analysis: ProbabilisticSensitivity
        do {
            analysis = try ProbabilisticSensitivity(base: base, scenario: scenario, inputs: inputs, draws: drawCount,
                                                    design: design, seed: seed)
        } catch { throw ExperimentCommand.failure(error, command: name) }

        let destinations = try Destinations(args, command: name)
        defer { destinations.release() }
        let bar = ProgressBar(console: console, enabled: !args.flag("--quiet"), label: name)
        let settings = ProbabilisticSensitivity.Settings(
            replications: replications, jobs: jobs, progress: { done, all in bar.update(done: done, total: all) },
            shouldStop: { Interruption.shared.isRequested })
        let indices = shard.map { Array(stride(from: $0.index - 1, to: analysis.evaluationCount, by: $0.count)) }
            ?? Array(0..<analysis.evaluationCount)
        let evaluations: [Int: ProbabilisticSensitivity.Evaluation]?
        do { evaluations = try analysis.evaluate(indices, settings) } catch { throw ExperimentCommand.failure(error, command: name) }
        bar.finish()
        guard let evaluations, !Interruption.shared.isRequested else {
            console.err("samspil \(name): interrupted; no output was written\n")
            return Interruption.shared.exitCode
        }
        let population = scenario.file.scenario.municipalities.reduce(0) { $0 + $1.population.reduce(0, +) }
        let settingsText = ["base": base.label, "scenario": scenario.label, "draws": String(drawCount),
                            "replicationsPerDraw": String(replications), "design": design.rawValue, "seed": String(seed),
                            "horizonDays": NumberText.csv(analysis.simulation.horizonDays), "tool": ExperimentCommand.toolInfo().version]
        if let shard {
            let part = try SensitivityPart(
                experimentDigest: SensitivityPart.experimentDigest(analysis, replications: replications, design: design.rawValue,
                                                                   seed: seed, tool: ExperimentCommand.toolInfo().version),
                shard: shard.description, evaluationCount: analysis.evaluationCount, draws: drawCount,
                inputNames: inputs.map(\.path), outcomeNames: analysis.outcomeNames, horizonDays: analysis.simulation.horizonDays,
                population: population, settings: settingsText, evaluations: evaluations)
            try destinations.publish(trace: nil, files: [OutputFile(name: "psa-part.json", contents: { try Self.encode(part) })])
            if !args.flag("--quiet") { console.err("wrote partial result (shard \(shard)) to \(args.value("--out")!)\n") }
            return 0
        }
        let report = SensitivityReport(analysis.assemble(evaluations),
                                       horizonDays: analysis.simulation.horizonDays, population: population)
        var extra: [OutputFile] = []
        var dealText: String?
        if let deal {
            let designer = DealDesigner(report, probability: deal)
            let deals = designer.search()
            dealText = designer.summary(deals)
            var table = CSVTable(header: ["payer", "receiver", "rate_low", "rate_high", "best_rate", "best_probability"])
            for d in deals {
                table.append([d.payer, d.receiver, d.acceptableRates.map { NumberText.csv($0.lowerBound) } ?? "",
                              d.acceptableRates.map { NumberText.csv($0.upperBound) } ?? "", NumberText.csv(d.bestRate),
                              NumberText.csv(d.bestProbability)])
            }
            let text = table.text(dialect)
            extra.append(OutputFile(name: "deals.csv", contents: { Data(text.utf8) }))
        }
        try write(report, settings: settingsText, title: "\(scenario.label) vs \(base.label): uncertainty", dialect: dialect,
                  destinations: destinations, args: args, console: console, replications: replications, extra: extra)
        if let dealText { console.out("\nDeal (payments per avoided admission between named payers):\n" + TerminalTable.wrap(dealText, width: 100) + "\n") }
        return 0
    }

    static func encode(_ part: SensitivityPart) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(part)
    }

    /// `--merge PART...`: the outputs of one run from its shards' parts.
    static func merge(_ args: ParsedArguments, _ console: Console) throws -> Int32 {
        let name = "uncertainty"
        guard !args.positional.isEmpty else { throw UsageError("give the psa-part.json files (or their directories) to merge", command: name) }
        guard args.value("--out") != nil else { throw UsageError("give --out DIR", command: name) }
        let dialect = try ExperimentCommand.csvDialect(args, command: name)
        let destinations = try Destinations(args, command: name)
        defer { destinations.release() }
        var parts: [SensitivityPart] = []
        for path in args.positional {
            var url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(description: "samspil uncertainty: error: \(path) does not exist")
            }
            if isDirectory.boolValue { url.appendPathComponent("psa-part.json") }
            guard let data = try? Data(contentsOf: url), let part = try? JSONDecoder().decode(SensitivityPart.self, from: data) else {
                throw InputError(description: "samspil uncertainty: error: \(url.path) is not a psa-part.json samspil can read")
            }
            parts.append(part)
        }
        let report: SensitivityReport
        do { report = try SensitivityPart.merge(parts) } catch {
            throw InputError(description: "samspil uncertainty: error: \(error.description)")
        }
        let settings = parts[0].settings
        try write(report, settings: settings, title: "\(settings["scenario"] ?? "scenario") vs \(settings["base"] ?? "base"): uncertainty",
                  dialect: dialect, destinations: destinations, args: args, console: console,
                  replications: Int(settings["replicationsPerDraw"] ?? "") ?? 0)
        return 0
    }

    /// Writes every output of a complete analysis and prints the summary.
    static func write(_ report: SensitivityReport, settings settingsText: [String: String], title: String, dialect: CSVDialect,
                      destinations: Destinations, args: ParsedArguments, console: Console, replications: Int,
                      extra: [OutputFile] = []) throws {
        let files = [
            OutputFile(name: "draws.csv", contents: { Data(report.drawsCSV.text(dialect).utf8) }),
            OutputFile(name: "ceac.csv", contents: { Data(report.ceacCSV.text(dialect).utf8) }),
            OutputFile(name: "tornado.csv", contents: { Data(report.tornadoCSV.text(dialect).utf8) }),
            OutputFile(name: "results.json", contents: { try report.json(settings: settingsText) }),
            OutputFile(name: "report.html", contents: { Data(report.html(title: title).utf8) }),
        ]
        try destinations.publish(trace: nil, files: files + extra)
        if let out = args.value("--out"), !args.flag("--quiet") { console.err("wrote results to \(out)\n") }
        if !args.flag("--quiet") { console.out(table(report, replications: replications)) }
    }

    /// The inputs of both files; one path declared in both must agree.
    static func mergedInputs(_ a: [UncertainInput], _ b: [UncertainInput], files: [String]) throws -> [UncertainInput] {
        var inputs = a
        for input in b {
            if let same = inputs.first(where: { $0.path == input.path }) {
                guard same == input else {
                    throw InputError(description: "samspil uncertainty: error: '\(input.path)' has different distributions in \(files[0]) and \(files[1])")
                }
            } else {
                inputs.append(input)
            }
        }
        guard !inputs.isEmpty else {
            throw InputError(description: "samspil uncertainty: error: neither \(files[0]) nor \(files[1]) lists any `uncertainty` inputs (see docs/scenario-format.md#uncertaininput)")
        }
        return inputs
    }

    /// The console summary: outcomes with intervals, payers' chances, CEAC and EVPI at a few points.
    static func table(_ report: SensitivityReport, replications: Int) -> String {
        var out = "\(report.result.draws.count) parameter draws × \(replications) paired replications; "
        out += "95 % intervals include parameter uncertainty\n"
        let width = max(26, (report.outcomes.map(\.outcome.count).max() ?? 0) + 2)
        out += "Outcome (scenario − base)".padding(toLength: width, withPad: " ", startingAt: 0)
            + "Mean".leftPadded(12) + "  " + "95 % interval".leftPadded(24) + "  " + "P(< 0)" + "\n"
        for o in report.outcomes {
            let n = NumberText.displayGroup([o.mean, o.low, o.high])
            out += o.outcome.padding(toLength: width, withPad: " ", startingAt: 0)
            out += n[0].leftPadded(12) + "  " + (n[1] + " – " + n[2]).leftPadded(24) + "  " + (o.probabilityBelowZero.map { NumberText.fixed($0, fractionDigits: 2) } ?? "–").leftPadded(6) + "\n"
        }
        out += "P(< 0) of a payer's net is the chance that the payer gains.\n"
        let curve = report.curve
        let picks = [0, curve.count / 4, curve.count / 2, 3 * curve.count / 4, curve.count - 1].filter { $0 < curve.count }
        out += "Willingness to pay per avoided admission (DKK): P(cost-effective), EVPI per year\n"
        for i in picks {
            let p = curve[i]
            out += "  \(NumberText.display(p.willingnessToPay).leftPadded(10)): \(NumberText.fixed(p.probability, fractionDigits: 2))  EVPI \(NumberText.display(report.perYear(p.evpi))) DKK\n"
        }
        if report.result.draws.count < 30 {
            out += "note: fewer than 30 draws — the intervals and probabilities are rough.\n"
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// `samspil deal`: the deal designer on a probabilistic sensitivity analysis.
enum DealCommand {
    static let command = Command(
        name: "deal", summary: "Side payments that let every payer gain: the deal designer.",
        usage: "samspil deal BASE SCENARIO --draws N [--probability P] [options]",
        discussion: """
        Runs the probabilistic sensitivity analysis of `samspil uncertainty` and
        then searches payments per admission avoided between runs, from one named
        payer to another (e.g. the region to the municipality that runs the
        team), for the rates at which every payer whose net changes ends no worse
        off with probability at least P (default 0.8). Payments move money
        between payers; when the change costs more in total than it saves, no
        deal can make everyone gain, and the command says so. Writes deals.csv
        beside the uncertainty outputs.
        """,
        options: UncertaintyCommand.command.options.filter { !["--shard", "--merge"].contains($0.name) }
            + [OptionSpec("--probability", value: "P", help: "The probability every party must gain with (default 0.8).")],
        examples: ["samspil deal Scenarios/baseline.json5 Scenarios/viborg-uncertainty.json5 --draws 200 --out results/deal"],
        run: { args, console in
            let p = try args.double("--probability", in: 0.5...0.999, command: "deal") ?? 0.8
            return try UncertaintyCommand.run(args, console, deal: p)
        })
}
