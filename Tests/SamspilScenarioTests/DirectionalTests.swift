import Foundation
import Testing
import SamspilEngine
import SamspilModel
@testable import SamspilScenario

/// The directional validation suite: a dozen planner what-ifs on the bundled
/// Viborg scenario, each with the sign a planner expects for the outcomes
/// that matter. Paired replications with common random numbers; a what-if
/// passes only if the whole 95 % interval of the paired difference lies on the
/// expected side, so a wrong sign — or no effect — fails. docs/validation.md
/// has the table with measured values.
@Suite("Directional validation: planner what-ifs have the expected signs")
struct DirectionalTests {
    enum Sign: CustomStringConvertible {
        case up, down
        var description: String { self == .up ? "up" : "down" }
    }

    static let replications = 6

    static let viborg: Scenario = {
        var s = try! CalibrationTests.load("viborg-acute-team.json5").adjustedForIncentives()
        s.simulation.horizonDays = 240
        return s
    }()

    static let base: [ReplicationResult] = try! CalibrationTests.run(viborg, replications: replications)

    static func expect(_ change: (inout Scenario) -> Void, _ expectations: [(Metric, Sign)],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var scenario = viborg
        change(&scenario)
        let runs = try CalibrationTests.run(scenario, replications: replications)
        try expectDirections(runs, against: base, expectations, sourceLocation: sourceLocation)
    }

    /// Each metric's paired difference `runs − base` has the expected sign: its 95 % CI excludes 0 on that side.
    static func expectDirections(_ runs: [ReplicationResult], against base: [ReplicationResult], _ expectations: [(Metric, Sign)],
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for (metric, sign) in expectations {
            let d = PairedDifference(scenario: runs.map { $0[metric] }, base: base.map { $0[metric] })
            let ci = try #require(d.difference.confidenceInterval, sourceLocation: sourceLocation)
            let holds = sign == .up ? ci.lowerBound > 0 : ci.upperBound < 0
            #expect(holds, "\(metric) should go \(sign): paired difference 95 % CI \(ci)", sourceLocation: sourceLocation)
        }
    }

    static func setNurses(_ s: inout Scenario, _ nurses: (String) -> Int) {
        for k in s.acuteTeams[0].shifts.indices { s.acuteTeams[0].shifts[k].nurses = nurses(s.acuteTeams[0].shifts[k].name) }
    }

    @Test("a night shift (team staffed 24/7) avoids admissions")
    func roundTheClock() throws {
        try Self.expect({ s in
            s.acuteTeams[0].shifts.append(AcuteTeam.Shift(name: "night", hours: HourWindow(from: 23, to: 7), days: .all, nurses: 1))
        }, [(.admissions, .down), (.teamEpisodes, .up), (.avoidedAdmissions, .up)])
    }

    @Test("one nurse per shift: slower help, doctors stop referring, more admissions")
    func fewerNurses() throws {
        try Self.expect({ Self.setNurses(&$0) { _ in 1 } },
                        [(.admissions, .up), (.teamResponseMeanHours, .up), (.teamNotCredibleNow, .up), (.avoidedAdmissions, .down)])
    }

    /// Where nurses are not the bottleneck (Viborg's team rarely queues), more
    /// of them buy a faster response and idle time, not fewer admissions: the
    /// admissions difference is expected to be about zero (docs/validation.md).
    @Test("more nurses than needed: faster response and lower utilisation, admissions about unchanged")
    func moreNurses() throws {
        try Self.expect({ Self.setNurses(&$0) { _ in 8 } }, [(.teamResponseMeanHours, .down), (.teamUtilisation, .down)])
    }

    @Test("closing a quarter of the beds: rushed discharges, more returns, more overcrowding")
    func closeBeds() throws {
        try Self.expect({ $0.hospitals[0].medicalBeds = 58 },
                        [(.pressureDischarges, .up), (.readmissions, .up), (.overcrowdingPatients2300, .up)])
    }

    @Test("longer notification rules: more delayed-discharge days and bed-days")
    func longerNotification() throws {
        try Self.expect({ s in
            s.discharge.notificationHours = 72
            for m in s.municipalities.indices { s.municipalities[m].discharge?.notificationHours = 72 }
        }, [(.delayedDischargeDays, .up), (.bedDays, .up)])
    }

    @Test("notification rules abolished: fewer delayed-discharge days")
    func noNotification() throws {
        try Self.expect({ s in
            s.discharge.notificationHours = 0
            for m in s.municipalities.indices { s.municipalities[m].discharge?.notificationHours = 0 }
        }, [(.delayedDischargeDays, .down), (.bedDays, .down)])
    }

    @Test("shared IT: fewer readmissions, more team episodes")
    func sharedIT() throws {
        try Self.expect({ $0.coordination.sharedIT = true }, [(.readmissions, .down), (.teamEpisodes, .up), (.admissions, .down)])
    }

    @Test("acute beds pooled with the hospital: hospital patients use them, less overflow")
    func pooledBeds() throws {
        try Self.expect({ $0.acuteBedUnits[0].sharing = .pooled(hospital: $0.hospitals[0].name) },
                        [(.hospitalPatientsInAcuteBeds, .up), (.overflowBedHours, .down)])
    }

    @Test("no forward visitation: more admissions")
    func noForwardVisitation() throws {
        try Self.expect({ $0.acuteTeams[0].forwardVisitation = nil },
                        [(.forwardVisitationReferrals, .down), (.admissions, .up)])
    }

    @Test("no follow-up visits: more readmissions")
    func noFollowUp() throws {
        try Self.expect({ $0.acuteTeams[0].followUp = nil }, [(.teamFollowUpVisits, .down), (.readmissions, .up)])
    }

    @Test("a fifth more citizens: more admissions, fuller beds")
    func largerPopulation() throws {
        try Self.expect({ s in
            for m in s.municipalities.indices { s.municipalities[m].population = s.municipalities[m].population.map { $0 * 1.2 } }
        }, [(.admissions, .up), (.occupancyRate, .up), (.pressureDischarges, .up)])
    }

    @Test("no team at all: more admissions, no team episodes")
    func noTeam() throws {
        try Self.expect({ $0.acuteTeams = [] }, [(.admissions, .up), (.teamEpisodes, .down), (.avoidedAdmissions, .down)])
    }

    @Test("slower first response: more patients deteriorate while waiting")
    func slowerResponse() throws {
        try Self.expect({ $0.acuteTeams[0].responseDelay = .lognormal(mean: 6, sd: 2) },
                        [(.waitingDeteriorations, .up), (.teamEscalations, .up)])
    }
}
