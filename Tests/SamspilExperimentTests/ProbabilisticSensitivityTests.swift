import Foundation
import Testing
import SamspilEngine
import SamspilScenario
@testable import SamspilExperiment

/// Probabilistic sensitivity analysis: draws, paired inner replications,
/// tornado, summaries — deterministic for any number of threads.
@Suite("Probabilistic sensitivity analysis")
struct ProbabilisticSensitivityTests {
    static func analysis(draws: Int = 4) throws -> ProbabilisticSensitivity {
        let base = try Experiments.configuration("baseline.json5", replications: 2)
        let scenario = try Experiments.configuration("viborg-uncertainty.json5", replications: 2)
        return try ProbabilisticSensitivity(base: base, scenario: scenario, inputs: scenario.file.uncertainty, draws: draws,
                                            design: .latinHypercube, seed: 7)
    }

    @Test("bit-identical for any number of threads; outcomes consistent with each other")
    func deterministic() throws {
        let a = try Self.analysis()
        let one = try a.run(.init(replications: 2, jobs: 1)), two = try a.run(.init(replications: 2, jobs: 2))
        #expect(one.draws == two.draws && one.tornado == two.tornado && one.atMeans == two.atMeans)
        #expect(one.draws.count == 4 && one.tornado.count == a.draws.inputs.count)
        for d in one.draws {
            // Avoided between runs is minus the change in admissions; the team avoids admissions in every draw.
            #expect(d.outcomes[2] == -d.outcomes[1])
            #expect(d.outcomes[2] > 0)
        }
        // The tornado moves one input at a time around the means.
        #expect(one.tornado.allSatisfy { $0.lowValue < $0.highValue })
        #expect(one.atMeans.inputs == a.draws.means)
    }

    @Test("the draws cover each input's strata once (Latin hypercube) and depend only on the seed")
    func draws() throws {
        let input = UncertainInput(path: "decision.partTimeCredibility", distribution: .uniform(min: 0, max: 1))
        let counts = UncertainInput(path: "acuteTeams[*].maximumCaseload", distribution: .uniform(min: 10, max: 30), isInteger: true)
        let d = ParameterDraws(inputs: [input, counts], draws: 10, design: .latinHypercube, seed: 1)
        let strata = (0..<10).map { Int(d[draw: $0, input: 0] * 10) }.sorted()
        #expect(strata == Array(0..<10))
        #expect((0..<10).allSatisfy { d[draw: $0, input: 1] == d[draw: $0, input: 1].rounded() })
        #expect(d == ParameterDraws(inputs: [input, counts], draws: 10, design: .latinHypercube, seed: 1))
        #expect(d != ParameterDraws(inputs: [input, counts], draws: 10, design: .latinHypercube, seed: 2))
    }

    @Test("an input is written wherever its path exists; [*] skips elements without it")
    func documents() throws {
        let root = try JSON5Parser.parse("""
            { groups: [{ name: "a", team: { p: 0.1 } }, { name: "b" }], prices: { bed: 1 } }
            """, file: "t")
        let p = try DocumentEditing.replacing(JSONValue(.number(JSONNumber(0.5))), at: "groups[*].team.p", in: root)
        #expect(p["groups"]?.arrayValue?[0]["team"]?["p"]?.numberValue?.value == 0.5)
        #expect(p["groups"]?.arrayValue?[1]["team"] == nil)
        // Outside a [*], a missing key is created (a default made explicit).
        let q = try DocumentEditing.replacing(JSONValue(.number(JSONNumber(3))), at: "economics.prices.x", in: root)
        #expect(q["economics"]?["prices"]?["x"]?.numberValue?.value == 3)
        #expect(throws: DocumentEditing.PathError.self) {
            try DocumentEditing.replacing(JSONValue(.number(JSONNumber(1))), at: "groups[*].other.p", in: root)
        }
    }

    @Test("summaries: intervals over draws, payers' chances, acceptability and EVPI")
    func summaries() throws {
        let result = try Self.analysis(draws: 6).run(.init(replications: 2, jobs: 2))
        let report = SensitivityReport(result, horizonDays: 60, population: 95_200)
        let cost = try #require(report.outcomes.first { $0.outcome == ProbabilisticSensitivity.totalCost })
        #expect(cost.low <= cost.mean && cost.mean <= cost.high)
        // General practice's net never changes: no chance to quote.
        #expect(report.outcomes.first { $0.outcome == "payer.generalPractice.net" }?.probabilityBelowZero == nil)
        let curve = report.curve
        #expect(curve.first?.willingnessToPay == 0 && curve.count == 41)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.probability <= $1.probability })
        #expect(curve.allSatisfy { $0.evpi >= 0 })
        #expect(report.drawsCSV.rows.count == 6 && report.tornadoCSV.rows.count == result.outcomeNames.count * result.inputNames.count)
        #expect(report.perYear(1) == 365.0 / 60)
    }
}

/// The PSA's must-reach checks: fixed inputs reproduce `compare` exactly, and
/// an input with a hand-computable effect gives the hand-computed outcomes.
@Suite("Probabilistic sensitivity analysis: known answers")
struct ProbabilisticSensitivityKnownAnswerTests {
    @Test("with every input fixed, every draw is the comparison")
    func degenerate() throws {
        let base = try Experiments.configuration("baseline.json5", replications: 3)
        let scenario = try Experiments.configuration("viborg-acute-team.json5", replications: 3)
        let fixed = [UncertainInput(path: "decision.partTimeCredibility", distribution: .fixed(0.6)),
                     UncertainInput(path: "economics.prices.hospitalBedDayDkk", distribution: .fixed(2000))]
        let psa = try ProbabilisticSensitivity(base: base, scenario: scenario, inputs: fixed, draws: 3, design: .monteCarlo, seed: 1)
        let result = try psa.run(.init(replications: 3, jobs: 2))
        let compared = try Experiments.document("compare", [base, scenario])
        let c = compared.comparisons[0]
        func difference(_ name: String, level: String? = nil, entity: String? = nil) -> Double {
            let m = compared.runs[0].metrics.firstIndex { $0.name == name && $0.level == level && $0.entity == entity }!
            return c.differences[m].mean
        }
        for draw in result.draws {
            #expect(draw.outcomes[0] == difference("cost.total"))
            #expect(draw.outcomes[1] == difference("admissions"))
            #expect(draw.outcomes[2] == c.derived!.first { $0.metric.id == .avoidedAdmissionsBetweenRuns }!.estimate.mean)
            #expect(draw.outcomes[2 + 2] == difference("payer.region.net"))
            let k = result.outcomeNames.firstIndex(of: "payer.net[municipality=Viborg]")!
            #expect(draw.outcomes[k] == difference("payer.net", level: "municipality", entity: "Viborg"))
        }
    }

    @Test("a bed-day price moves the total cost linearly, by the change in bed-days")
    func linearInPrice() throws {
        let base = try Experiments.configuration("baseline.json5", replications: 2)
        let scenario = try Experiments.configuration("viborg-acute-team.json5", replications: 2)
        let price = UncertainInput(path: "economics.prices.hospitalBedDayDkk", distribution: .uniform(min: 1000, max: 3000))
        let result = try ProbabilisticSensitivity(base: base, scenario: scenario, inputs: [price], draws: 6, design: .latinHypercube, seed: 3)
            .run(.init(replications: 2, jobs: 2))
        let compared = try Experiments.document("compare", [base, scenario])
        let bedDays = compared.comparisons[0].differences[compared.runs[0].metrics.firstIndex { $0.name == "bedDays" && $0.level == nil }!].mean
        // Δcost(p) = Δcost(2000) + (p − 2000) · Δbed-days, to the øre rounding of each line item.
        let atMean = result.atMeans.outcomes[0]
        for draw in result.draws {
            let expected = atMean + (draw.inputs[0] - 2000) * bedDays
            #expect(abs(draw.outcomes[0] - expected) < 1, "price \(draw.inputs[0]): \(draw.outcomes[0]) vs \(expected)")
        }
        // The patients do not depend on the price: admissions are the same in every draw.
        #expect(Set(result.draws.map { $0.outcomes[1] }).count == 1)
    }
}

@Suite("Deal designer")
struct DealDesignerTests {
    /// Draws in which the region saves 3,000 and the municipality pays 1,000 for 100 avoided admissions.
    static func report(regionSaves: Double = -3000, municipalityPays: Double = 1000, cost: Double = -2000) -> SensitivityReport {
        let names = [ProbabilisticSensitivity.totalCost, ProbabilisticSensitivity.admissions, ProbabilisticSensitivity.avoidedBetweenRuns,
                     ProbabilisticSensitivity.avoidedPerEpisode, "payer.net[municipality=M]", "payer.net[region=R]"]
        let draws = (0..<10).map { k in
            ProbabilisticSensitivity.Evaluation(inputs: [Double(k)], outcomes: [cost, -100, 100, 80, municipalityPays, regionSaves])
        }
        let result = ProbabilisticSensitivity.Result(outcomeNames: names, inputNames: ["x"], draws: draws, atMeans: draws[0],
                                                     tornado: [], interrupted: false)
        return SensitivityReport(result, horizonDays: 365, population: 1000)
    }

    @Test("a payment per avoided admission from the saver to the payer: acceptable exactly between break-evens")
    func knownRange() {
        let designer = DealDesigner(Self.report(), probability: 0.8)
        let deals = designer.search(rates: (0...40).map(Double.init))
        let deal = deals.first { $0.payer == "payer.net[region=R]" && $0.receiver == "payer.net[municipality=M]" }
        #expect(deal?.acceptableRates == 10...30)
        #expect(deals.first { $0.payer == "payer.net[municipality=M]" }?.acceptableRates == nil)
        #expect(designer.summary(deals).hasPrefix("R pays M municipality 10.0–30.0 DKK per avoided admission"))
    }

    @Test("when the change costs more than it saves, no deal exists and the summary says why")
    func noDeal() {
        let designer = DealDesigner(Self.report(regionSaves: -500, municipalityPays: 1000, cost: 500), probability: 0.8)
        let text = designer.summary(designer.search(rates: (0...40).map(Double.init)))
        #expect(text.hasPrefix("No payment per avoided admission"))
        #expect(text.contains("lowers the total resource cost in 0 % of the draws"))
    }
}
