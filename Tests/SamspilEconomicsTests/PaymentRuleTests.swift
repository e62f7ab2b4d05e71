import Testing
import SamspilEngine
@testable import SamspilModel
@testable import SamspilEconomics

/// Payment rules against hand-computed expectations.
@Suite("Economics: payment rules")
struct PaymentRuleTests {
    /// One municipality, one hospital, one group, three age bands, one team.
    static func scenario() -> Scenario {
        let group = PatientGroup(name: "pneumonia", ratePerThousandPerYear: [1, 1, 1],
                                 severity: Array(repeating: SeverityShares(gpManageable: 0, borderline: 0.5, mustAdmit: 0.5), count: 3),
                                 lengthOfStay: Array(repeating: .fixed(96), count: 3), needsMunicipalCare: [0, 0, 0],
                                 readmissionProbability: [0, 0, 0])
        var s = Scenario(name: "ledger", regions: [Region(name: "R")],
                         hospitals: [Hospital(name: "H", region: "R", medicalBeds: 10)],
                         municipalities: [Municipality(name: "M", region: "R", population: [1000, 0, 0],
                                                       catchment: [.init(hospital: "H", share: 1)])],
                         patientGroups: [group])
        s.acuteTeams = [AcuteTeam(name: "T", municipalities: ["M"],
                                  shifts: [.init(name: "day", hours: HourWindow(from: 7, to: 15), nurses: 2)], maximumCaseload: 5)]
        return s
    }

    static func emptyLedger(_ s: Scenario) throws -> UsageLedger { UsageLedger(try CompiledScenario(s)) }

    static func economics(_ regime: RegimeName) -> EconomicsSettings {
        var e = EconomicsSettings()
        e.regime = regime
        e.gpCapitationPerCitizenYear = 0
        e.stateActivityShare = 0
        return e
    }

    @Test("co-financing: share of the DRG tariff by age band, capped per admission")
    func coFinancingCap() throws {
        let s = Self.scenario()
        var usage = try Self.emptyLedger(s)
        usage.admissions = [1, 1, 1]                    // one admission in each age band
        var e = Self.economics(.dk2007_2026)
        e.drgTariff = ["pneumonia": 80_000]
        let r = CostAccounting.evaluate(e, scenario: s, usage: usage, days: 365)
        // 0–64: 20 % × 80,000 = 16,000; 65–79: 40 % = 32,000 → cap 31,029; 80+: 56 % = 44,800 → cap 31,029.
        #expect(r.transfers[.coFinancing] == Money(dkk: 16_000 + 31_029 + 31_029))
        #expect(r.accounts[.municipality]!.transfersOut == Money(dkk: 78_058))
        #expect(r.accounts[.region]!.transfersIn == Money(dkk: 78_058))
        e.regime = .dk2027
        #expect(CostAccounting.evaluate(e, scenario: s, usage: usage, days: 365).transfers[.coFinancing] == nil)
    }

    @Test("delayed discharge: base on every day; ×2 on days 1–2 and ×3 from day 3 with the state surcharge")
    func steppedDelayedDischarge() throws {
        let rate = 1_976.0
        #expect(DelayedDischarge.municipalPayment(days: 1, rate: rate) == 3_952)
        #expect(DelayedDischarge.municipalPayment(days: 2, rate: rate) == 7_904)
        #expect(DelayedDischarge.municipalPayment(days: 3, rate: rate) == 13_832)
        #expect(DelayedDischarge.municipalPayment(days: 10, rate: rate) == 55_328)
        // Through the ledger: one stay each of 1, 2, 3 and 10 days.
        let s = Self.scenario()
        var usage = try Self.emptyLedger(s)
        for d in [1, 2, 3, 10] { usage.recordDelayedDischarge(municipality: 0, days: d) }
        let r = CostAccounting.evaluate(Self.economics(.dk2007_2026), scenario: s, usage: usage, days: 365)
        #expect(r.transfers[.delayedDischarge] == Money(dkk: rate * 16))                       // 1 + 2 + 3 + 10 days
        #expect(r.transfers[.stateSurcharge] == Money(dkk: rate * (1 + 2 + 4 + 18)))
        #expect(r.transfers[.surchargeReturned] == r.transfers[.stateSurcharge])
        // The municipality's payments: base + surcharge = 3,952 + 7,904 + 13,832 + 55,328.
        #expect(r.accounts[.municipality]!.transfersOut == Money(dkk: 3_952 + 7_904 + 13_832 + 55_328))
        // Stays beyond the histogram's last bucket keep their exact day count.
        var long = try Self.emptyLedger(s)
        long.recordDelayedDischarge(municipality: 0, days: 75)
        let l = CostAccounting.evaluate(Self.economics(.dk2007_2026), scenario: s, usage: long, days: 365)
        #expect(l.transfers[.delayedDischarge]! + l.transfers[.stateSurcharge]! == Money(dkk: DelayedDischarge.municipalPayment(days: 75, rate: rate)))
    }

    @Test("GP fee co-financing: the municipality pays its age band's share of each fee")
    func gpFeeCoFinancing() throws {
        let s = Self.scenario()
        var usage = try Self.emptyLedger(s)
        usage.gpConsultations = [0, 0, 10]              // ten consultations of citizens 80+
        usage.outOfHoursContacts = [5, 0, 0]            // five out-of-hours contacts of citizens 0–64
        usage.gpHomeVisits = [0, 2, 0]                  // two home visits of citizens 65–79
        let r = CostAccounting.evaluate(Self.economics(.dk2007_2026), scenario: s, usage: usage, days: 365)
        // 18 % × 400 × 10 + 7 % × 500 × 5 + 12 % × 800 × 2 = 720 + 175 + 192.
        #expect(r.transfers[.gpFeeCoFinancing] == Money(dkk: 1_087))
        #expect(r.transfers[.gpFees] == Money(dkk: 400 * 10 + 500 * 5 + 800 * 2))
    }

    @Test("the 2027 regime moves the acute team's cost from the municipality to the region")
    func regimeSwitchMovesTeamCost() throws {
        let s = Self.scenario()
        var usage = try Self.emptyLedger(s)
        usage.shiftNurseHours = [2 * 8 * 365]           // two nurses, eight hours a day, a year
        usage.teamVisits = [1000]
        let old = CostAccounting.evaluate(Self.economics(.dk2007_2026), scenario: s, usage: usage, days: 365)
        let new = CostAccounting.evaluate(Self.economics(.dk2027), scenario: s, usage: usage, days: 365)
        let team = Money(dkk: 450 * 5_840 + 150 * 1_000)
        #expect(old.providerCosts[.acuteTeam] == team)
        #expect(old.accounts[.municipality]!.costs == team)
        #expect(new.accounts[.municipality]!.costs == .zero)
        #expect(new.accounts[.region]!.costs == team)
        #expect(old.totalCost == new.totalCost)
    }

    @Test("transfers sum to zero for every regime; the shared budget pools region and municipality")
    func transfersBalance() throws {
        let s = Self.scenario()
        var usage = try Self.emptyLedger(s)
        usage.admissions = [3, 7, 11]
        usage.gpConsultations = [4, 5, 6]
        usage.outOfHoursContacts = [1, 2, 3]
        usage.bedDays = [123.456]
        usage.temporaryBedDays = [17.25]
        usage.shiftNurseHours = [1_000]
        for d in [1, 4, 70] { usage.recordDelayedDischarge(municipality: 0, days: d) }
        var totals: [Money] = []
        for regime in RegimeName.allCases {
            var e = EconomicsSettings()
            e.regime = regime
            e.regionBlockGrantPerYear = 1e6
            let r = CostAccounting.evaluate(e, scenario: s, usage: usage, days: 365)
            #expect(r.transferBalance == .zero, "\(regime)")
            // Nets add up to the total resource cost, exactly.
            #expect(r.accounts.values.reduce(Money.zero) { $0 + $1.net } == r.totalCost, "\(regime)")
            totals.append(r.totalCost)
            if regime == .sharedBudget {
                #expect(r.accounts[.region]! == PayerAccount() && r.accounts[.municipality]! == PayerAccount())
                #expect(r.accounts[.jointBudget]!.costs > .zero)
            }
        }
        #expect(Set(totals).count == 1)
    }

    @Test("the 2027 regime puts 70 % of temporary-bed costs on the region")
    func temporaryBeds() throws {
        let s = Self.scenario()
        var usage = try Self.emptyLedger(s)
        usage.temporaryBedDays = [10]
        let r = CostAccounting.evaluate(Self.economics(.dk2027), scenario: s, usage: usage, days: 365)
        #expect(r.accounts[.region]!.costs == Money(dkk: 0.7 * 19_200))
        #expect(r.accounts[.municipality]!.costs == Money(dkk: 0.3 * 19_200))
    }

    @Test("open beds cost money whether used or not: closing beds saves the region their capacity cost")
    func bedCapacityCost() throws {
        let s = Self.scenario()
        var open = try Self.emptyLedger(s)
        open.availableBedDays = [100 * 365]
        open.bedDays = [90 * 365]
        var closed = open
        closed.availableBedDays = [80 * 365]
        let e = Self.economics(.dk2007_2026)
        let a = CostAccounting.evaluate(e, scenario: s, usage: open, days: 365)
        let b = CostAccounting.evaluate(e, scenario: s, usage: closed, days: 365)
        #expect(a.providerCosts[.hospitalBeds]! - b.providerCosts[.hospitalBeds]! == Money(dkk: 3_000 * 20 * 365))
        #expect(a.providerCosts[.hospitalBeds] == Money(dkk: 2_000 * 90 * 365 + 3_000 * 100 * 365))
    }

    @Test("lent beds are paid for by the borrower; dk-2027 puts 70 % of acute beds on the region")
    func lentBeds() throws {
        var s = Self.scenario()
        s.acuteBedUnits = [AcuteBedUnit(name: "U", municipalities: ["M"], beds: 4, sharing: .pooled(hospital: "H"))]
        var usage = try Self.emptyLedger(s)
        usage.hospitalPatientDaysInAcuteBeds = [10]
        usage.acutePatientDaysInHospitalBeds = [3]
        let old = CostAccounting.evaluate(Self.economics(.dk2007_2026), scenario: s, usage: usage, days: 365)
        #expect(old.transfers[.lentAcuteBeds] == Money(dkk: 10 * 1_920))
        #expect(old.transfers[.lentHospitalBeds] == Money(dkk: 3 * 2_000))
        #expect(old.accounts[.municipality]!.costs == Money(dkk: 4 * 365 * 1_920))
        let new = CostAccounting.evaluate(Self.economics(.dk2027), scenario: s, usage: usage, days: 365)
        #expect(new.accounts[.region]!.costs == Money(dkk: 0.7 * 4 * 365 * 1_920))
        // The region now owns 70 % of the unit: it pays only for the municipal 30 %.
        #expect(new.transfers[.lentAcuteBeds] == Money(dkk: 0.3 * 10 * 1_920))
        #expect(new.transferBalance == .zero && old.transferBalance == .zero)
        #expect(new.totalCost == old.totalCost)
    }

    @Test("money rounds to the øre, half away from zero")
    func money() {
        #expect(Money(dkk: 2.5 / 100).ore == 3)
        #expect(Money(dkk: -0.125).ore == -13)
        #expect(Money(dkk: 12.34).description == "12.34 DKK")
        #expect(Money(ore: -5).description == "-0.05 DKK")
    }
}
