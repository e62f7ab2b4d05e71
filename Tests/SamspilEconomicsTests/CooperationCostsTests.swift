import Testing
import SamspilEngine
@testable import SamspilModel
@testable import SamspilEconomics

/// Costs of cooperation and general practice's fees, against hand computations
/// on a one-municipality ledger (PaymentRuleTests.scenario(): municipality M,
/// region R, team T).
@Suite("Economics: costs of cooperation and GP fees")
struct CooperationCostsTests {
    static func accounts(_ e: EconomicsSettings, _ usage: UsageLedger, days: Double = 365,
                         oneOffs: OneOffTreatment? = nil) -> [PayerEntity: PayerAccount] {
        let r = CostAccounting.evaluate(e, scenario: PaymentRuleTests.scenario(), usage: usage, days: days, oneOffs: oneOffs)
        return Dictionary(uniqueKeysWithValues: zip(r.entities, r.entityAccounts))
    }

    static let municipality = PayerEntity(level: .municipality, name: "M")
    static let region = PayerEntity(level: .region, name: "R")
    static let practice = PayerEntity(level: .generalPractice, name: "R")
    static let state = PayerEntity(level: .state, name: PayerEntities.stateName)

    @Test("annuity: a one-off sum as the level yearly amount with the same present value (hand computation)")
    func annuity() {
        // Σ_{y=0…4} 1.035^−y = 4.673079…; 1,000,000 / 4.673079 = 213,991.66…
        let a = ImplementationItem.annuity(1_000_000, lifetimeYears: 5, schedule: .danishCentralGovernment)
        #expect(abs(a - 213_991.665) < 0.001)
        #expect(ImplementationItem.annuity(1_000_000, lifetimeYears: 4, schedule: .constant(0)) == 250_000)
        // Half a year's life: the whole sum in year 0's half year.
        #expect(ImplementationItem.annuity(100, lifetimeYears: 0.5, schedule: .constant(0)) == 200)
    }

    @Test("each implementation item lands on the entity it names and nowhere else; transfers still sum to zero")
    func implementationLandsOnItsPayer() throws {
        var usage = try PaymentRuleTests.emptyLedger(PaymentRuleTests.scenario())
        usage.teamEpisodes = [10]
        usage.admissions = [2, 1, 3]
        usage.gpConsultations = [5, 0, 1]
        let plain = PaymentRuleTests.economics(.dk2007_2026)
        let before = Self.accounts(plain, usage)
        let items: [(ImplementationItem, Double)] = [
            // 100 staff × 5 hours × 400 DKK once, over 4 years undiscounted: 50,000 a year.
            (ImplementationItem(name: "training", kind: .training, payer: Self.municipality, oneOff: 200_000, lifetimeYears: 4), 50_000),
            // 10 episodes × (0.5 h × 1,000 DKK) physicians' time.
            (ImplementationItem(name: "physicians", kind: .medicalResponsibility, payer: Self.region, perTeamEpisode: 500), 5_000),
            (ImplementationItem(name: "IT", kind: .itSystem, payer: Self.state, perYear: 36_500), 36_500),
            (ImplementationItem(name: "medicine", kind: .medicine, payer: Self.practice, perTeamEpisode: 7, teams: ["T"]), 70),
        ]
        for (item, expected) in items {
            var e = plain
            e.discountRatePercent = 0
            e.implementation = [item]
            let r = CostAccounting.evaluate(e, scenario: PaymentRuleTests.scenario(), usage: usage, days: 365)
            let after = Dictionary(uniqueKeysWithValues: zip(r.entities, r.entityAccounts))
            for (entity, account) in after {
                let extra = account.costs - before[entity]!.costs
                #expect(extra == (entity == item.payer ? Money(dkk: expected) : .zero), "\(item.name) on \(entity)")
                #expect(account.transfersIn == before[entity]!.transfersIn && account.transfersOut == before[entity]!.transfersOut)
            }
            #expect(r.implementationCost == Money(dkk: expected))
            #expect(r.entityAccounts.reduce(Money.zero) { $0 + $1.transfersIn - $1.transfersOut } == .zero)
            #expect(r.entityAccounts.reduce(Money.zero) { $0 + $1.costs } == r.totalCost)
            #expect(AccountHolder.allCases.reduce(Money.zero) { $0 + r.accounts[$1]!.costs } == r.totalCost)
        }
        // A month's window carries a month of the yearly amount.
        var e = plain
        e.implementation = [items[2].0]
        #expect(Self.accounts(e, usage, days: 73)[Self.state]!.costs == Money(dkk: 7_300))
        // In a budget, the one-off sum sits whole in year 0 and nowhere after.
        e.implementation = [items[0].0]
        #expect(Self.accounts(e, usage, oneOffs: .lumpSum(true))[Self.municipality]!.costs - before[Self.municipality]!.costs == Money(dkk: 200_000))
        #expect(Self.accounts(e, usage, oneOffs: .lumpSum(false))[Self.municipality]!.costs == before[Self.municipality]!.costs)
        // Under a pooled regime a municipality's item goes to its region's joint budget, like every other municipal cost.
        e = PaymentRuleTests.economics(.sharedBudget)
        e.implementation = [items[0].0]
        e.discountRatePercent = 0
        let pooled = Self.accounts(e, usage)
        #expect(pooled[Self.municipality]!.costs == .zero)
        #expect(pooled[PayerEntity(level: .jointBudget, name: "R")]!.costs
                    - Self.accounts(PaymentRuleTests.economics(.sharedBudget), usage)[PayerEntity(level: .jointBudget, name: "R")]!.costs
                    == Money(dkk: 50_000))
    }

    @Test("GP fees by contract: general practice gains or loses against its time; out-of-hours can be the region's")
    func generalPracticeFees() throws {
        var usage = try PaymentRuleTests.emptyLedger(PaymentRuleTests.scenario())
        usage.gpConsultations = [10, 0, 0]
        usage.gpHomeVisits = [2, 0, 0]
        usage.outOfHoursContacts = [4, 0, 0]
        var e = PaymentRuleTests.economics(.dk2027)   // no fee co-financing, no capitation
        // Default: fees equal the prices (400, 800, 500), so general practice's net is minus its capitation (0).
        let plain = CostAccounting.evaluate(e, scenario: PaymentRuleTests.scenario(), usage: usage, days: 365)
        #expect(Self.accounts(e, usage)[Self.practice]!.net == .zero)
        #expect(plain.transfers[.gpFees] == Money(dkk: 4_000 + 1_600 + 2_000))
        // Contract fees 150 / 450 / 300: fees 1,500 + 900 + 1,200 = 3,600 against time worth 7,600.
        e.gpContract.consultationFee = 150
        e.gpContract.homeVisitFee = 450
        e.gpContract.outOfHoursFee = 300
        var r = CostAccounting.evaluate(e, scenario: PaymentRuleTests.scenario(), usage: usage, days: 365)
        #expect(r.transfers[.gpFees] == Money(dkk: 3_600))
        #expect(Self.accounts(e, usage)[Self.practice]!.net == Money(dkk: 4_000))
        #expect(r.totalCost == plain.totalCost, "fees move money; they do not change what care costs")
        // A home-visit fee of 2,000 DKK: each of the 2 visits now earns 1,200 above its time.
        e.gpContract.homeVisitFee = 2_000
        #expect(Self.accounts(e, usage)[Self.practice]!.net == Money(dkk: 4_000 - 2 * 1_550))
        // The region runs out-of-hours: it bears the 2,000 DKK of contacts and pays no out-of-hours fees.
        e.gpContract.outOfHoursOperator = .region
        r = CostAccounting.evaluate(e, scenario: PaymentRuleTests.scenario(), usage: usage, days: 365)
        let accounts = Self.accounts(e, usage)
        #expect(accounts[Self.practice]!.costs == Money(dkk: 5_600))
        #expect(accounts[Self.practice]!.transfersIn == Money(dkk: 1_500 + 4_000))
        #expect(accounts[Self.region]!.costs - Self.accounts(PaymentRuleTests.economics(.dk2027), usage)[Self.region]!.costs == Money(dkk: 2_000))
        #expect(r.totalCost == plain.totalCost)
        // Municipal co-financing is a share of the fee paid: 7 % of 150 × 10 + 7 % of 2,000 × 2 + 7 % of 300 × 4.
        e.regime = .dk2007_2026
        r = CostAccounting.evaluate(e, scenario: PaymentRuleTests.scenario(), usage: usage, days: 365)
        #expect(r.transfers[.gpFeeCoFinancing] == Money(dkk: 0.07 * (1_500 + 4_000 + 1_200)))
    }
}
