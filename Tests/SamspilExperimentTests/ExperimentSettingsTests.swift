import Foundation
import SamspilModel
import SamspilScenario
import Testing
@testable import SamspilExperiment

/// What runs is what is recorded: the base's experiment settings apply to every
/// configuration (common random numbers), and the resolved scenario in the
/// results shows the settings that actually ran.
@Suite struct ExperimentSettingsTests {
    static func simulation(_ text: String) throws -> JSONValue? {
        try JSON5Parser.parse(text, file: "resolved")["simulation"]
    }

    @Test func overridesAreRecordedInTheResolvedScenario() throws {
        let c = Experiment.aligned([try Experiments.configuration("baseline.json5", replications: 3, seed: 42)])[0]
        let s = try Self.simulation(c.resolvedText)
        #expect(s?["horizonDays"]?.numberValue == JSONNumber(60))
        #expect(s?["warmupDays"]?.numberValue == JSONNumber(7))
        #expect(s?["replications"]?.numberValue == JSONNumber(3))
        #expect(s?["seed"]?.numberValue == JSONNumber(42))
        #expect(s?["startDate"]?.stringValue == "2025-01-06", "other settings are kept")
        #expect(c.file.scenario.simulation.horizonDays == 60)
    }

    @Test func baseSettingsApplyToEveryConfiguration() throws {
        var other = try Experiments.configuration("viborg-acute-team.json5", replications: 9, seed: 5)
        other.file.scenario.simulation.horizonDays = 30
        other.file.scenario.simulation.warmupDays = 2
        let aligned = Experiment.aligned([try Experiments.configuration("baseline.json5", replications: 4), other])
        let base = aligned[0].file.scenario.simulation
        #expect(base.replications == 4 && base.horizonDays == 60 && base.warmupDays == 7)
        #expect(aligned[1].file.scenario.simulation == base, "the compared scenario runs the base's experiment")
        let recorded = try Self.simulation(aligned[1].resolvedText)
        #expect(recorded?["horizonDays"]?.numberValue == JSONNumber(60))
        #expect(recorded?["replications"]?.numberValue == JSONNumber(4))
        #expect(recorded?["seed"]?.numberValue == JSONNumber(Int(base.seed)))
        #expect(aligned[1].label == other.label)
    }

    @Test func unchangedSettingsLeaveTheTextAsItIs() throws {
        let c = try Configuration(loading: Experiments.scenario("baseline.json5"), label: "b")
        #expect(Experiment.aligned([c])[0].resolvedText == c.resolvedText)
    }

    @Test func fractionalDaysAreRecordedExactly() {
        var s = SimulationSettings()
        s.horizonDays = 10.5
        let root = Experiment.recording(s, in: try! JSON5Parser.parse("{ simulation: { horizonDays: 365 } }", file: "test"))
        #expect(root["simulation"]?["horizonDays"]?.doubleValue == 10.5)
    }
}
