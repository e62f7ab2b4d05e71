import Testing
import SamspilEngine
@testable import SamspilModel

@Suite("Patient flow: smoke")
struct SmokeTests {
    @Test("a municipality with and without a team runs and conserves episodes")
    func runs() throws {
        for scenario in [Fixtures.municipality(), Fixtures.municipality(team: Fixtures.team())] {
            let compiled = try CompiledScenario(scenario)
            let r = PatientFlowModel.run(compiled, replication: 0)
            let outcomes = [Metric.outcomeHomeWithGP, .outcomeDischargedFromED, .outcomeAdmitted, .outcomeAcuteTeam,
                            .outcomeAcuteBed, .outcomeInProgress].reduce(0.0) { $0 + r[$1] }
            #expect(outcomes == r[.episodes])
        }
    }
}

@Suite("Patient flow: the event calendar changes speed only")
struct CalendarChoiceTests {
    /// The model runs on a timing wheel of one-hour buckets; the ladder queue
    /// and a binary heap must give bit-for-bit the same replication, trace
    /// included. Twenty times the fixture's population, so that hourly buckets
    /// hold enough events for the wheel's counting sort and early heap.
    @Test("timing wheel, ladder queue and binary heap give identical replications")
    func calendarsAgree() throws {
        var scenario = Fixtures.municipality(beds: 1_200, team: Fixtures.team(nurses: 20, roundTheClock: true), horizonDays: 30)
        scenario.municipalities[0].population = scenario.municipalities[0].population.map { $0 * 20 }
        let compiled = try CompiledScenario(scenario)
        let options = ReplicationOptions(recordTimeSeries: true, recordTrace: true)
        let wheel = PatientFlowModel.run(compiled, replication: 3, options: options)
        for other in [PatientFlowModel.run(compiled, replication: 3, options: options, calendar: LadderQueueCalendar.self),
                      PatientFlowModel.run(compiled, replication: 3, options: options, calendar: BinaryHeapCalendar.self)] {
            #expect(other.values.map(\.bitPattern) == wheel.values.map(\.bitPattern))
            #expect(other.events == wheel.events)
            #expect(other.trace == wheel.trace)
            #expect(other.occupancyDistribution == wheel.occupancyDistribution)
        }
        #expect(wheel.trace?.isEmpty == false)
    }
}
