import Testing
import SamspilEngine
@testable import SamspilModel
@testable import SamspilEconomics

/// With neutral behaviour a regime decides who pays, never what happens or what it costs.
@Suite("Economics: regimes move money, not care")
struct RegimeNeutralityTests {
    static func scenario() -> Scenario {
        let group = PatientGroup(name: "pneumonia", ratePerThousandPerYear: [2, 20, 60],
                                 severity: Array(repeating: SeverityShares(gpManageable: 0.3, borderline: 0.4, mustAdmit: 0.3), count: 3),
                                 lengthOfStay: [.lognormal(mean: 96, sd: 72), .lognormal(mean: 127, sd: 96), .lognormal(mean: 134, sd: 96)],
                                 needsMunicipalCare: [0.1, 0.3, 0.5], readmissionProbability: [0.1, 0.15, 0.2],
                                 acuteTeam: TeamTreatment(substitutableShare: 0.5, episodeLength: .fixed(72), visitsPerDay: 2,
                                                          escalationProbability: 0.1),
                                 acuteBed: BedTreatment(substitutableShare: 0.3, lengthOfStay: .fixed(48), escalationProbability: 0.1))
        var s = Scenario(name: "regimes", regions: [Region(name: "R")],
                         hospitals: [Hospital(name: "H", region: "R", medicalBeds: 12)],
                         municipalities: [Municipality(name: "M", region: "R", population: [75_000, 15_000, 5_000],
                                                       catchment: [.init(hospital: "H", share: 1)])],
                         patientGroups: [group])
        s.simulation.horizonDays = 120
        s.acuteTeams = [AcuteTeam(name: "T", municipalities: ["M"],
                                  shifts: [.init(name: "day", hours: HourWindow(from: 7, to: 15), nurses: 3),
                                           .init(name: "evening", hours: HourWindow(from: 15, to: 23), nurses: 2)],
                                  maximumCaseload: 20)]
        s.acuteBedUnits = [AcuteBedUnit(name: "U", municipalities: ["M"], beds: 3, sharing: .pooled(hospital: "H"))]
        return s
    }

    @Test("every regime: the same total cost to the øre, transfers summing to zero, nets adding up to the total")
    func neutrality() throws {
        let s = Self.scenario()
        let compiled = try CompiledScenario(s)
        for replication in 0..<3 {
            let result = PatientFlowModel.run(compiled, replication: replication)
            #expect(result.usage.hospitalPatientDaysInAcuteBeds[0] > 0)     // the lending is exercised
            var totals = Set<Money>()
            var regionNets = Set<Money>()
            for regime in RegimeName.allCases {
                var e = EconomicsSettings()
                e.regime = regime
                // Behaviour neutral: the regime does not change the simulated scenario.
                #expect(BehaviouralResponse.apply(e, to: s) == s)
                let cost = CostAccounting.evaluate(e, scenario: s, usage: result.usage, days: s.simulation.horizonDays)
                #expect(cost.transferBalance == .zero, "\(regime)")
                #expect(cost.accounts.values.reduce(Money.zero) { $0 + $1.net } == cost.totalCost, "\(regime)")
                totals.insert(cost.totalCost)
                regionNets.insert(cost.accounts[.region]!.net)
            }
            #expect(totals.count == 1)
            #expect(regionNets.count > 1)                   // but who pays does change
        }
    }

    @Test("non-neutral coefficients change behaviour in the documented direction")
    func behaviouralResponses() {
        let s = Self.scenario()
        var e = EconomicsSettings()
        e.behaviour.referralPerCoFinancingShare = 1
        e.behaviour.lengthOfStayPerActivityShare = 0.5
        e.behaviour.gpHomeVisitFee = 500
        e.behaviour.gpKeepAtHomePerThousandDkk = 0.2
        e.behaviour.admissionPerActivityShare = 0.5
        let old = BehaviouralResponse.apply(e, to: s).behaviour
        // dk-2007-2026: activity share = 0.2 (state) + mean co-financing (0.2 + 0.4 + 0.56) / 3.
        let activity = 0.2 + (0.2 + 0.4 + 0.56) / 3
        #expect(abs(old.referralPropensityMultiplier - (1 + (0.2 + 0.4 + 0.56) / 3)) < 1e-12)
        #expect(abs(old.lengthOfStayMultiplier - (1 + 0.5 * activity)) < 1e-12)
        #expect(abs(old.gpKeepAtHomeShift - 0.1) < 1e-12)
        #expect(abs(old.hospitalAdmissionShift - 0.5 * activity) < 1e-12)
        e.regime = .dk2027
        let new = BehaviouralResponse.apply(e, to: s).behaviour
        #expect(new.referralPropensityMultiplier == 1)          // no co-financing, no push to refer
        #expect(abs(new.lengthOfStayMultiplier - 1.1) < 1e-12)  // activity share 0.2 (state only)
    }
}
