import Foundation
import SamspilEngine
import SamspilReport

/// What a probabilistic sensitivity analysis says, in numbers and files:
/// each outcome's mean and 95 % interval *including* parameter uncertainty,
/// the probability that each payer gains, the cost-effectiveness
/// acceptability curve and the expected value of perfect information.
///
/// The decision is "scenario instead of base"; its effect is admissions
/// avoided between runs and its cost the change in total resource cost, so
/// the net monetary benefit at a willingness to pay λ (DKK per avoided
/// admission) is λ · avoided − Δcost.
public struct SensitivityReport: Sendable {
    public var result: ProbabilisticSensitivity.Result
    /// Measured days per run, to scale values to a year.
    public var horizonDays: Double
    /// Citizens of the scenario, to scale EVPI to the population.
    public var population: Double
    public var willingnessToPay: [Double]

    public init(_ result: ProbabilisticSensitivity.Result, horizonDays: Double, population: Double) {
        self.result = result
        self.horizonDays = horizonDays
        self.population = population
        willingnessToPay = Self.increments(result).willingnessToPayGrid()
    }

    /// Effect (avoided admissions) and cost (Δ total cost) per draw.
    static func increments(_ result: ProbabilisticSensitivity.Result) -> IncrementalDraws {
        IncrementalDraws(effect: ContiguousArray(result.column(ProbabilisticSensitivity.avoidedBetweenRuns)),
                         cost: ContiguousArray(result.column(ProbabilisticSensitivity.totalCost)))
    }

    public var increments: IncrementalDraws { Self.increments(result) }

    public struct OutcomeSummary: Sendable, Equatable, Codable {
        public var outcome: String
        public var mean: Double
        /// 2.5th and 97.5th percentiles over draws.
        public var low: Double
        public var high: Double
        /// Share of draws in which the value is below zero (for a payer's net:
        /// the payer gains); `nil` when the outcome is zero in every draw.
        public var probabilityBelowZero: Double?
    }

    /// Mean and 95 % interval over draws of every outcome.
    public var outcomes: [OutcomeSummary] {
        result.outcomeNames.map { name in
            let xs = result.column(name).sorted()
            let mean = xs.reduce(0, +) / Double(max(1, xs.count))
            return OutcomeSummary(outcome: name, mean: mean, low: Self.percentile(xs, 0.025), high: Self.percentile(xs, 0.975),
                                  probabilityBelowZero: xs.allSatisfy { $0 == 0 } ? nil : probabilityOfGain(netChange: xs))
        }
    }

    /// Linear interpolation between order statistics (type 7).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = p * Double(sorted.count - 1)
        let i = Int(h.rounded(.down)), f = h - Double(i)
        return i + 1 < sorted.count ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i]
    }

    /// The acceptability curve with EVPI at each willingness to pay.
    public var curve: [(willingnessToPay: Double, probability: Double, evpi: Double)] {
        increments.acceptabilityCurve(willingnessToPay)
    }

    /// A year's worth of `value` measured over the horizon.
    public func perYear(_ value: Double) -> Double { value * 365 / horizonDays }

    // MARK: Files

    /// `draws.csv`: one row per draw, the inputs' values and the outcomes.
    public var drawsCSV: CSVTable {
        var t = CSVTable(header: ["draw"] + result.inputNames + result.outcomeNames)
        for (k, d) in result.draws.enumerated() {
            t.append([String(k)] + d.inputs.map(NumberText.csv) + d.outcomes.map(NumberText.csv))
        }
        return t
    }

    /// `ceac.csv`: willingness to pay per avoided admission, the probability
    /// that the scenario is cost-effective, and the EVPI per run and per year.
    public var ceacCSV: CSVTable {
        var t = CSVTable(header: ["willingness_to_pay", "probability", "evpi", "evpi_per_year", "evpi_per_year_per_100000_citizens"])
        for p in curve {
            t.append([NumberText.csv(p.willingnessToPay), NumberText.csv(p.probability), NumberText.csv(p.evpi),
                      NumberText.csv(perYear(p.evpi)), NumberText.csv(perYear(p.evpi) / population * 100_000)])
        }
        return t
    }

    /// `tornado.csv`: per outcome and input, the outcome with the input at its
    /// low and high quantile and every other input at its mean; largest swing first.
    public var tornadoCSV: CSVTable {
        var t = CSVTable(header: ["outcome", "input", "low_value", "high_value", "at_low", "at_high", "at_means", "swing"])
        for (k, name) in result.outcomeNames.enumerated() {
            let bars = result.tornado.sorted { abs($0.atHigh[k] - $0.atLow[k]) > abs($1.atHigh[k] - $1.atLow[k]) }
            for bar in bars {
                t.append([name, bar.input, NumberText.csv(bar.lowValue), NumberText.csv(bar.highValue), NumberText.csv(bar.atLow[k]),
                          NumberText.csv(bar.atHigh[k]), NumberText.csv(result.atMeans.outcomes[k]),
                          NumberText.csv(abs(bar.atHigh[k] - bar.atLow[k]))])
            }
        }
        return t
    }

    /// The summary as JSON: settings, outcomes, payers' chances, EVPI.
    public func json(settings: [String: String]) throws -> Data {
        struct Point: Codable { var willingnessToPay, probability, evpi, evpiPerYear, evpiPerYearPer100000Citizens: Double }
        struct Document: Codable {
            var settings: [String: String]
            var inputs: [String]
            var draws: Int
            var outcomes: [OutcomeSummary]
            var acceptability: [Point]
            var note: String
        }
        let document = Document(
            settings: settings, inputs: result.inputNames, draws: result.draws.count, outcomes: outcomes,
            acceptability: curve.map { Point(willingnessToPay: $0.willingnessToPay, probability: $0.probability, evpi: $0.evpi,
                                             evpiPerYear: perYear($0.evpi), evpiPerYearPer100000Citizens: perYear($0.evpi) / population * 100_000) },
            note: "Intervals are the 2.5th and 97.5th percentiles over parameter draws; each draw is the mean of paired replications, so the intervals include the remaining replication noise. probabilityBelowZero of a payer's net is the probability that the payer gains.")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(document)
    }
}

extension SensitivityReport {
    /// `report.html`: the acceptability curve and a tornado per headline
    /// outcome, self-contained (inline SVG, no scripts).
    public func html(title: String) -> String {
        let e = Markup.escape
        let ceac = Charts.lines(
            id: "chart-ceac", title: "Cost-effectiveness acceptability curve",
            description: "Probability that the scenario is cost-effective against the base, by willingness to pay per avoided admission.",
            xLabel: "willingness to pay per avoided admission (DKK)", yLabel: "probability cost-effective",
            series: [Charts.PointSeries(label: "", color: Palette.series[0],
                                        points: curve.map { .init(x: $0.willingnessToPay, y: $0.probability, low: nil, high: nil) })])
        let effects = result.column(ProbabilisticSensitivity.avoidedBetweenRuns), costs = result.column(ProbabilisticSensitivity.totalCost)
        let meanEffect = effects.reduce(0, +) / Double(max(1, effects.count)), meanCost = costs.reduce(0, +) / Double(max(1, costs.count))
        let plane = Charts.lines(
            id: "chart-ce-plane", title: "Cost-effectiveness plane",
            description: "Each parameter draw's admissions avoided (between runs) against its change in total resource cost; the mean in a second colour.",
            xLabel: "admissions avoided", yLabel: "change in total cost (DKK)",
            series: [Charts.PointSeries(label: "draws", color: Palette.series[5],
                                        points: zip(effects, costs).map { .init(x: $0, y: $1, low: nil, high: nil) }),
                     Charts.PointSeries(label: "mean", color: Palette.series[3],
                                        points: [.init(x: meanEffect, y: meanCost, low: nil, high: nil)])],
            connected: false)
        var tornadoes = ""
        for name in [ProbabilisticSensitivity.totalCost, ProbabilisticSensitivity.avoidedBetweenRuns] {
            guard let k = result.outcomeNames.firstIndex(of: name) else { continue }
            let bars = result.tornado.sorted { abs($0.atHigh[k] - $0.atLow[k]) > abs($1.atHigh[k] - $1.atLow[k]) }.map { bar in
                Charts.Bar(label: bar.input, value: result.atMeans.outcomes[k], low: min(bar.atLow[k], bar.atHigh[k]),
                           high: max(bar.atLow[k], bar.atHigh[k]), color: Palette.series[1])
            }
            tornadoes += Charts.horizontalBars(
                id: "chart-tornado-\(Markup.identifier(name))", title: "Tornado: \(name)",
                description: "The outcome with each input at its 5th and 95th percentile (whiskers) and the others at their means (marker).",
                panels: [Charts.Panel(title: "", valueLabel: name, bars: bars)])
        }
        var rows = ""
        for o in outcomes {
            let n = NumberText.displayGroup([o.mean, o.low, o.high])
            rows += "<tr><th scope=\"row\">\(e(o.outcome))</th><td class=\"num\">\(e(n[0]))</td><td class=\"num\">\(e(n[1])) – \(e(n[2]))</td>"
            rows += "<td class=\"num\">\(o.probabilityBelowZero.map { NumberText.fixed($0, fractionDigits: 2) } ?? "–")</td></tr>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>body { font: 15px/1.45 system-ui, sans-serif; color: #222; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        table { border-collapse: collapse; } th, td { padding: .25rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; } svg { max-width: 100%; height: auto; }
        .note { color: #555; font-size: .9rem; }</style></head>
        <body><main>
        <h1>\(e(title))</h1>
        <p class="note">\(result.draws.count) parameter draws of \(result.inputNames.count) uncertain inputs. Intervals are the 2.5th and 97.5th percentiles over draws and include parameter uncertainty; P(&lt; 0) of a payer's net is the chance that the payer gains.</p>
        <table><thead><tr><th>Outcome (scenario − base)</th><th>Mean</th><th>95 % interval</th><th>P(&lt; 0)</th></tr></thead>
        <tbody>
        \(rows)</tbody></table>
        <h2>Is it worth it?</h2>
        \(plane)
        \(ceac)
        <h2>Which inputs matter?</h2>
        \(tornadoes)
        </main></body></html>

        """
    }
}
