import Foundation
import Testing
import SamspilEconomics
import SamspilReport
import SamspilScenario
@testable import SamspilExperiment

/// The multi-year budget on the hand-counted two-municipality system: flat
/// memory over ten years, discounting by hand, the population projection and
/// the payback of an investment.
@Suite("Budget over several years")
struct MultiYearBudgetTests {
    static func configuration(_ economics: String, budget: String, label: String) throws -> Configuration {
        let text = HandCountedEntitiesTests.text
            .replacingOccurrences(of: "gpFeeCoFinancingShare: 0 },", with: "gpFeeCoFinancingShare: 0, \(economics) },\n  budget: \(budget),")
            .replacingOccurrences(of: "replications: 2", with: "replications: 3")
        return try Configuration(decoding: try JSON5Parser.parse(text, file: "two.json5"), label: label)
    }

    @Test("ten years: memory flat in years, discounting and the projection by hand, a payback year")
    func tenYears() throws {
        let budget = "{ startYear: 2026, population: { index: { all: [1, 1.05, 1.1025] } } }"
        // An investment: 2 M DKK once for municipality B, then nothing; B gains nothing back, so no payback.
        // The state pays 1 M once and saves 300,000 a year (a negative yearly cost cannot be written, so
        // the base carries the 300,000 a year instead): paid back in year 4, as by hand.
        let invest = try Self.configuration("""
        discountRatePercent: 3.5, implementation: [
          { name: "IT", kind: "itSystem", payer: { level: "municipality", name: "B" }, oneOffDkk: 2000000 },
          { name: "state", kind: "other", payer: { level: "state" }, oneOffDkk: 1000000 } ]
        """, budget: budget, label: "invest")
        let baseWithCost = try Self.configuration("""
        discountRatePercent: 3.5, implementation: [{ name: "running", kind: "other", payer: { level: "state" }, perYearDkk: 300000 }]
        """, budget: budget, label: "base")
        let experiment = Experiment.compare([baseWithCost, invest])
        var held: [Int] = []
        var rowCounts: [Int] = []
        let report = try #require(try MultiYearBudget.perform(experiment, years: 10, options: Experiment.Options(jobs: 2)) { _, accumulator in
            held.append(accumulator.heldReplicationValues)
            rowCounts.append(accumulator.rows.count)
        })
        // Memory: the per-replication state is the same after every year (2 configurations + 1 change,
        // × 9 payers — 2 municipalities, 2 regions, the state, general practice and a joint budget per
        // region — × 3 replications); only the output rows grow, by the same number each year.
        #expect(held.count == 10 && Set(held) == [3 * 9 * 3])
        #expect(Set(zip(rowCounts.dropFirst(), rowCounts).map { $0 - $1 }) == [rowCounts[0]])
        #expect(report.years == 10 && report.startYear == 2026)

        func row(_ scenario: String, _ year: Int, _ level: String, _ entity: String, _ metric: String) throws -> BudgetReport.Row {
            try #require(report.rows.first { $0.scenario == scenario && $0.year == year && $0.level == level && $0.entity == entity && $0.metric == metric })
        }
        // Discounting by hand: year y's discounted net is its net × 1.035^−y.
        for year in [0, 1, 2, 9] {
            let net = try row("invest", year, "municipality", "A", "net").mean
            let discounted = try row("invest", year, "municipality", "A", "discountedNet").mean
            #expect(abs(discounted - net * pow(1.035, -Double(year))) < 1e-6 * abs(net))
        }
        // The one-off sits whole in year 0: B's change is +2 M in year 0 and 0 after (same patients every year).
        #expect(try row("invest", 0, "municipality", "B", "netChange").mean == 2_000_000)
        #expect(try row("invest", 5, "municipality", "B", "netChange").mean == 0)
        // The state: +1 M − 300,000 in year 0, −300,000 after: paid back in year 3 (0.7, 0.41, 0.12, −0.15 M discounted).
        let state = try #require(report.payback.first { $0.scenario == "invest" && $0.level == "state" })
        #expect(state.year == 3)
        #expect(abs(state.totalChange - (1e6 - 10 * 3e5)) < 0.01)
        let pv = 1e6 - 3e5 * (0..<10).reduce(0.0) { $0 + pow(1.035, -Double($1)) }
        #expect(abs(state.presentValue - pv) < 0.01)
        #expect(report.payback.first { $0.level == "municipality" && $0.entity == "B" }?.year == nil)
        #expect(report.payback.first { $0.level == "municipality" && $0.entity == "A" }?.text(years: 10, startYear: 2026) == "unchanged")
        // The population grows 5 % a year for two years, then holds: admissions follow (same seed every year).
        let a0 = try row("base", 0, "municipality", "A", "net").mean, a2 = try row("base", 2, "municipality", "A", "net").mean
        let a5 = try row("base", 5, "municipality", "A", "net").mean
        #expect(a2 > a0 && a5 == a2)
        // budget.csv has the columns of the brief, after the scenario.
        #expect(report.table.header == ["scenario", "year", "level", "entity", "metric", "mean", "ci_low", "ci_high"])
    }

    @Test("ramp-up scales the referrals to new services; the configuration of a year says so")
    func yearConfiguration() throws {
        let c = try Self.configuration("discountRatePercent: 0",
                                       budget: "{ population: { index: { all: [1, 1.5] } }, rampUp: { years: 3, startShare: 0.5 } }", label: "c")
        let y0 = MultiYearBudget.configuration(c, year: 0, population: c.file.budget)
        let y1 = MultiYearBudget.configuration(c, year: 1, population: c.file.budget)
        let y4 = MultiYearBudget.configuration(c, year: 4, population: c.file.budget)
        #expect(y0.file.scenario.behaviour.referralPropensityMultiplier == 0.5)
        #expect(y1.file.scenario.behaviour.referralPropensityMultiplier == 0.75)
        #expect(y4.file.scenario.behaviour.referralPropensityMultiplier == 1)
        #expect(y0.file.scenario.municipalities[0].population == [50_000] && y1.file.scenario.municipalities[0].population == [75_000])
        #expect(y4.file.scenario.simulation.horizonDays == 365)
    }
}
