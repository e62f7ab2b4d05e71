import Testing
import SamspilScenario
@testable import SamspilExperiment

/// Costs of cooperation in an experiment's rows: `cost.implementation` appears
/// only when a scenario has items, and the item lands on the named payer's row
/// only, with common random numbers leaving everything else exactly as it was.
@Suite("Entities: costs of cooperation in the rows")
struct CooperationCostRowsTests {
    @Test func implementationRowAndNamedPayer() throws {
        let plain = HandCountedEntitiesTests.text
        let priced = plain.replacingOccurrences(of: "gpFeeCoFinancingShare: 0 },", with: """
        gpFeeCoFinancingShare: 0, discountRatePercent: 0,
                       implementation: [{ name: "IT", kind: "itSystem", payer: { level: "municipality", name: "B" },
                                          oneOffDkk: 365000, lifetimeYears: 5, perYearDkk: 36500 }] },
        """)
        #expect(priced != plain)
        let a = try Configuration(decoding: try JSON5Parser.parse(plain, file: "two.json5"), label: "plain")
        let b = try Configuration(decoding: try JSON5Parser.parse(priced, file: "two.json5"), label: "priced")
        let runs = try ExperimentRunner(jobs: 2, replications: [0, 1]).run([a, b]).runs
        #expect(!runs[0].metrics.contains { $0.name == "cost.implementation" })
        let row = try #require(runs[1].metrics.firstIndex { $0.name == "cost.implementation" })
        // 73 days of (365,000 / 5 + 36,500) a year = 21,900 DKK.
        #expect(runs[1].values.allSatisfy { $0[row] == 21_900 })
        for (m, metric) in runs[0].metrics.enumerated() {
            let k = try #require(runs[1].metrics.firstIndex { $0.key == metric.key })
            let named = metric.entity == "B" && metric.level == "municipality" && ["payer.costs", "payer.net"].contains(metric.name)
            let system = metric.level == nil && ["cost.total", "payer.municipality.costs", "payer.municipality.net"].contains(metric.name)
            for r in 0..<2 {
                let extra = runs[1].values[r][k] - runs[0].values[r][m]
                #expect(abs(extra - (named || system ? 21_900 : 0)) < 0.005, "\(metric.key)")
            }
        }
    }
}
