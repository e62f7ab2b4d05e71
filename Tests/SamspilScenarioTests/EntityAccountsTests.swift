import Foundation
import Testing
import SamspilEconomics
import SamspilEngine
import SamspilModel
@testable import SamspilScenario

/// Payer accounts per named entity: transfers sum to zero in every
/// replication, and each payer type's account is the exact sum of its entities'.
@Suite("Payer accounts by entity")
struct EntityAccountsTests {
    static func priced(_ name: String, regime: RegimeName? = nil, days: Double = 30) throws -> [CostResult] {
        var file = try CalibrationTests.load(name)
        if let regime { file.economics.regime = regime }
        var scenario = file.adjustedForIncentives()
        scenario.simulation.horizonDays = days
        scenario.simulation.warmupDays = 7
        let runs = try CalibrationTests.run(scenario, replications: 2)
        return runs.map { CostAccounting.evaluate(file.economics, scenario: scenario, usage: $0.usage, days: days) }
    }

    @Test("transfers sum to zero and entity accounts add up to the payer types, under every regime",
          arguments: ["randers-cluster.json5", "silkeborg-shared-beds.json5", "viborg-acute-team.json5"])
    func sums(_ name: String) throws {
        for regime in RegimeName.allCases where regime != .custom {
            for r in try Self.priced(name, regime: regime) {
                let balance = r.entityAccounts.reduce(Money.zero) { $0 + $1.transfersIn - $1.transfersOut }
                #expect(balance == .zero, "\(name) \(regime): transfers do not sum to zero (\(balance))")
                for holder in AccountHolder.allCases {
                    let sum = zip(r.entities, r.entityAccounts).filter { $0.0.level == holder }.reduce(PayerAccount()) { total, pair in
                        var t = total
                        t.costs += pair.1.costs; t.transfersIn += pair.1.transfersIn; t.transfersOut += pair.1.transfersOut
                        return t
                    }
                    #expect(sum == r.accounts[holder]!, "\(name) \(regime) \(holder)")
                }
                // Every provider's cost is borne by some entity, exactly.
                #expect(r.entityAccounts.reduce(Money.zero) { $0 + $1.costs } == r.totalCost)
            }
        }
    }

    @Test("each municipality pays co-financing for its own citizens, to its own region")
    func namedFlows() throws {
        let r = try #require(try Self.priced("randers-cluster.json5").first)
        let municipalities = zip(r.entities, r.entityAccounts).filter { $0.0.level == .municipality }
        #expect(municipalities.count == 4)
        #expect(municipalities.allSatisfy { $0.1.transfersOut > .zero }, "every municipality co-finances admissions")
        let region = try #require(zip(r.entities, r.entityAccounts).first { $0.0.level == .region })
        #expect(region.0.name == "Region Midtjylland" && region.1.transfersIn > .zero)
        #expect(zip(r.entities, r.entityAccounts).contains { $0.0.level == .generalPractice && $0.1.costs > .zero })
    }

    @Test func moneySplitsExactly() {
        let parts = Money(ore: 1_000).split([1, 1, 1])
        #expect(parts.map(\.ore) == [334, 333, 333])
        #expect(Money(ore: -7).split([2, 1]).reduce(Money.zero, +) == Money(ore: -7))
        #expect(Money(ore: 5).split([0, 0]).map(\.ore) == [3, 2])
    }
}
