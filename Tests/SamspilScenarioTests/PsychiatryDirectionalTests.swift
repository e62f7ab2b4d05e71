import Testing
import SamspilEngine
import SamspilEconomics
@testable import SamspilModel
@testable import SamspilScenario

/// Silkeborg's psychiatric scenarios run, and their mechanisms move results
/// the expected way: closing psychiatric beds raises overflow, adding shared
/// acute places lowers admissions. Paired differences (common random numbers)
/// with 95 % confidence intervals, as in `DirectionalTests`.
@Suite("Psychiatry: Silkeborg's scenarios and their directions")
struct PsychiatryDirectionalTests {
    static let replications = 6

    static func shortened(_ file: String) -> Scenario {
        var s = try! CalibrationTests.load(file).adjustedForIncentives()
        s.simulation.horizonDays = 200
        return s
    }

    static let before = shortened("silkeborg-before.json5")
    static let after = shortened("silkeborg-shared-beds.json5")
    static let afterRuns: [ReplicationResult] = try! CalibrationTests.run(after, replications: replications)

    static func psychiatricWard(_ s: Scenario) -> Int { s.hospitals[0].wards.firstIndex { $0.name == "psychiatric" }! }

    static func expect(_ base: Scenario, baseRuns: [ReplicationResult]? = nil, _ change: (inout Scenario) -> Void,
                       _ expectations: [(Metric, DirectionalTests.Sign)],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var scenario = base
        change(&scenario)
        let baseline = try baseRuns ?? CalibrationTests.run(base, replications: replications)
        let runs = try CalibrationTests.run(scenario, replications: replications)
        try DirectionalTests.expectDirections(runs, against: baseline, expectations, sourceLocation: sourceLocation)
    }

    @Test("both scenarios run: psychiatric admissions fill the psychiatric ward only, invariants hold")
    func run() throws {
        for s in [Self.before, Self.after] {
            let r = try CalibrationTests.run(s, replications: 1)[0]
            #expect(r[.admissions] > 0)
            #expect(r.usage.admissionsByWard.first == 0, "the medical ward has no patients")
            #expect(r.usage.admissionsByWard.reduce(0, +) == Int(r[.admissions]))
            #expect(r.invariants.capacityViolations == 0)
            #expect(abs(r.invariants.bedHoursByStays - r.invariants.bedHoursByOccupancy) <= 1e-6 * r.invariants.bedHoursByOccupancy)
        }
        #expect(Self.afterRuns.allSatisfy { $0[.teamEpisodes] > 0 && $0[.acuteBedEpisodes] > 0 })
    }

    @Test("closing psychiatric beds: more overflow and overcrowding on the ward")
    func closingBeds() throws {
        try Self.expect(Self.before, { s in
            let w = Self.psychiatricWard(s)
            s.hospitals[0].wards[w].bedChanges = [Hospital.BedChange(fromDay: 0, beds: 16)]
        }, [(.overflowBedHours, .up), (.overcrowdingPatients2300, .up), (.admissionsToFullHospital, .up)])
    }

    @Test("more shared acute places: more acute-place episodes, fewer admissions, less overflow")
    func moreSharedPlaces() throws {
        try Self.expect(Self.after, baseRuns: Self.afterRuns, { $0.acuteBedUnits[0].beds = 12 },
                        [(.acuteBedEpisodes, .up), (.admissions, .down), (.overflowBedHours, .down)])
    }

    @Test("without the outreach team: more admissions")
    func withoutOutreach() throws {
        try Self.expect(Self.after, baseRuns: Self.afterRuns, { $0.acuteTeams = [] },
                        [(.teamEpisodes, .down), (.admissions, .up)])
    }

    @Test("jointly run acute places: each party bears its cost share of the unit, and nothing else moves")
    func costShares() throws {
        let file = try CalibrationTests.load("silkeborg-shared-beds.json5")
        var s = file.adjustedForIncentives()
        s.simulation.horizonDays = 30
        s.simulation.warmupDays = 7
        let usage = try CalibrationTests.run(s, replications: 1)[0].usage
        func costs(regionShare: Double) -> (region: Double, municipality: Double, total: Double) {
            var t = s
            t.acuteBedUnits[0].costShares = [.init(payer: "municipality", share: 1 - regionShare), .init(payer: "region", share: regionShare)]
            let r = CostAccounting.evaluate(file.economics, scenario: t, usage: usage, days: 30)
            return (r.accounts[.region]!.costs.dkk, r.accounts[.municipality]!.costs.dkk, r.totalCost.dkk)
        }
        let all = costs(regionShare: 1), none = costs(regionShare: 0), half = costs(regionShare: 0.5)
        let unit = file.economics.prices.acuteBedDay * 6 * 30
        #expect(abs((all.region - none.region) - unit) <= 0.05, "the region bears the whole unit: \(all.region - none.region) vs \(unit)")
        #expect(abs((none.municipality - all.municipality) - unit) <= 0.05)
        #expect(abs((half.region - none.region) - unit / 2) <= 0.05)
        #expect(all.total == none.total && half.total == none.total)
    }
}

/// Randers' COPD-at-home lab: a team for COPD exacerbations only, with the
/// hospital as backup, lowers each municipality's admissions.
@Suite("Randers: COPD at home")
struct RandersCOPDTests {
    @Test("only COPD is treated at home; early discharges and fewer admissions, by municipality")
    func copdAtHome() throws {
        var copd = try CalibrationTests.load("randers-copd-at-home.json5").adjustedForIncentives()
        var cluster = try CalibrationTests.load("randers-cluster.json5").adjustedForIncentives()
        for k in [0, 1] {
            var s = k == 0 ? copd : cluster
            s.simulation.horizonDays = 120
            if k == 0 { copd = s } else { cluster = s }
        }
        #expect(copd.patientGroups.filter { $0.acuteTeam != nil }.map(\.name) == ["COPD exacerbation"])
        let a = try CalibrationTests.run(copd, replications: 4), b = try CalibrationTests.run(cluster, replications: 4)
        #expect(a.allSatisfy { $0[.teamEpisodes] > 0 && $0[.earlyDischarges] > 0 })
        try DirectionalTests.expectDirections(a, against: b, [(.admissions, .down), (.bedDays, .down)])
        // Summed over replications, each municipality's citizens are admitted less.
        let ages = a[0].usage.ageCount, groups = a[0].usage.groupCount
        for m in 0..<copd.municipalities.count {
            func admissions(_ runs: [ReplicationResult]) -> Int {
                runs.reduce(0) { $0 + $1.usage.admissions[(m * groups * ages)..<((m + 1) * groups * ages)].reduce(0, +) }
            }
            #expect(admissions(a) < admissions(b), "\(copd.municipalities[m].name)")
        }
    }
}
