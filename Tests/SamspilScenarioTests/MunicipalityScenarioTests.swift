import Foundation
import SamspilModel
import Testing
@testable import SamspilScenario

/// `samspil init`'s scenarios: every municipality validates and runs, the
/// copied baseline sections have not drifted from `Scenarios/baseline.json5`.
@Suite("Municipality scenarios (samspil init)")
struct MunicipalityScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the copied sections occur verbatim in Scenarios/baseline.json5 (regenerate with make_init_tables.py)")
    func noDrift() throws {
        let baseline = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/baseline.json5"), encoding: .utf8)
        for (key, text) in MunicipalityScenario.baselineSections {
            #expect(baseline.contains(text), "section \(key) differs from baseline.json5")
        }
        #expect(DanishGeography.municipalities.count == 98)
        #expect(Set(DanishGeography.municipalities.map(\.name)).count == 98)
    }

    @Test("names match ignoring case, æ/ø/å spellings and 'Kommune'; misspellings get a suggestion")
    func lookup() {
        #expect(DanishGeography.municipality(named: "skive")?.name == "Skive")
        #expect(DanishGeography.municipality(named: "Skive Kommune")?.name == "Skive")
        #expect(DanishGeography.municipality(named: "Tarnby") == nil)
        #expect(DanishGeography.municipality(named: "Taarnby")?.name == "Tårnby")
        #expect(DanishGeography.municipality(named: "Aeroe")?.name == "Ærø")
        #expect(DanishGeography.suggestion(for: "Skiev") == "Skive")
        #expect(DanishGeography.municipality(named: "Atlantis") == nil)
    }

    @Test("every municipality's scenario, with and without a team, validates and runs 30 days",
          arguments: [MunicipalityScenario.Team.none, .roundTheClock])
    func everyMunicipalityRuns(team: MunicipalityScenario.Team) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("samspil-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for municipality in DanishGeography.municipalities {
            let scenario = MunicipalityScenario(municipality: municipality, team: team)
            let url = directory.appendingPathComponent(scenario.suggestedFileName)
            try scenario.text(commandLine: "samspil init").write(to: url, atomically: true, encoding: .utf8)
            switch ScenarioLoader().load(url.path) {
            case .failure(let error):
                Issue.record("\(municipality.name): \(error.diagnostics.map(\.description).joined(separator: "\n"))")
            case .success(let loaded):
                var s = loaded.file.scenario
                #expect(s.municipalities.map(\.name) == [municipality.name])
                #expect(s.acuteTeams.count == (team == .none ? 0 : 1))
                s.simulation.horizonDays = 30
                s.simulation.warmupDays = 7
                let result = PatientFlowModel.run(try CompiledScenario(s), replication: 0)
                #expect(result.episodesSimulated > 0, "\(municipality.name)")
            }
        }
    }
}
