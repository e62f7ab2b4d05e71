import Testing
@testable import SamspilExperiment

@Suite("Warm-up check (MSER-5)")
struct WarmupCheckTests {
    @Test("an empty start needs a warm-up; the bundled pre-filled start with 28 days has enough")
    func verdicts() throws {
        var empty = try Experiments.configuration("baseline.json5", replications: 4)
        empty.file.scenario.simulation.initialState = .empty
        empty.file.scenario.simulation.warmupDays = 0
        empty.file.scenario.simulation.horizonDays = 150
        let cold = try WarmupCheck.run(empty, replications: 4, jobs: 2)
        #expect(cold.suggestedDays > 0 && !cold.suffices, "\(cold.sentence)")
        #expect(cold.sentence.contains("lengthen it"))
        var typical = try Experiments.configuration("baseline.json5", replications: 4)
        typical.file.scenario.simulation.warmupDays = 28
        typical.file.scenario.simulation.horizonDays = 150
        let warm = try WarmupCheck.run(typical, replications: 4, jobs: 2)
        #expect(warm.suffices, "\(warm.sentence)")
    }
}
