import Foundation
import SamspilEngine
import SamspilExperiment
import SamspilReport
import SamspilScenario

/// `samspil uncertainty`: probabilistic sensitivity analysis of BASE → SCENARIO.
enum UncertaintyCommand {
    static let command = Command(
        name: "uncertainty", summary: "Probabilistic sensitivity analysis: CEAC, tornado, EVPI, who gains.",
        usage: "samspil uncertainty BASE SCENARIO --draws N [--replications R] [--design lhs|mc] --out DIR",
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
        """,
        options: [
            OptionSpec("--draws", value: "N", help: "Parameter draws (outer loop)."),
            OptionSpec("--replications", short: "-n", value: "R", help: "Paired replications per draw (default 5)."),
            OptionSpec("--design", value: "KIND", help: "lhs (Latin hypercube, default) or mc (plain Monte Carlo)."),
        ] + ExperimentCommand.options.filter { ["--seed", "--warmup-days", "--horizon-days", "--jobs", "--csv", "--quiet"].contains($0.name) }
          + [OptionSpec("--out", short: "-o", value: "DIR", help: "Write draws.csv, ceac.csv, tornado.csv, results.json and report.html here.")],
        examples: ["samspil uncertainty Scenarios/baseline.json5 Scenarios/viborg-uncertainty.json5 --draws 200 --out results/psa"],
        run: run)

    static func run(_ args: ParsedArguments, _ console: Console) throws -> Int32 {
        let name = "uncertainty"
        guard args.positional.count == 2 else { throw UsageError("give a base and one scenario", command: name) }
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
        let result: ProbabilisticSensitivity.Result
        do { result = try analysis.run(settings) } catch { throw ExperimentCommand.failure(error, command: name) }
        bar.finish()
        guard !result.interrupted, !Interruption.shared.isRequested else {
            console.err("samspil \(name): interrupted; no output was written\n")
            return Interruption.shared.exitCode
        }
        let population = scenario.file.scenario.municipalities.reduce(0) { $0 + $1.population.reduce(0, +) }
        let report = SensitivityReport(result, horizonDays: analysis.simulation.horizonDays, population: population)
        let settingsText = ["base": base.label, "scenario": scenario.label, "draws": String(drawCount),
                            "replicationsPerDraw": String(replications), "design": design.rawValue, "seed": String(seed),
                            "horizonDays": NumberText.csv(analysis.simulation.horizonDays), "tool": ExperimentCommand.toolInfo().version]
        let files = [
            OutputFile(name: "draws.csv", contents: { Data(report.drawsCSV.text(dialect).utf8) }),
            OutputFile(name: "ceac.csv", contents: { Data(report.ceacCSV.text(dialect).utf8) }),
            OutputFile(name: "tornado.csv", contents: { Data(report.tornadoCSV.text(dialect).utf8) }),
            OutputFile(name: "results.json", contents: { try report.json(settings: settingsText) }),
            OutputFile(name: "report.html", contents: { Data(report.html(title: "\(scenario.label) vs \(base.label): uncertainty").utf8) }),
        ]
        try destinations.publish(trace: nil, files: files)
        if let out = args.value("--out"), !args.flag("--quiet") { console.err("wrote results to \(out)\n") }
        if !args.flag("--quiet") { console.out(table(report, replications: replications)) }
        return 0
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
