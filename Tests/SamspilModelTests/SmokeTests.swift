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
