import Foundation
import Testing
@testable import SamspilScenario
import SamspilModel

/// Every scenario shipped in Scenarios/ loads, resolves its `extends` and validates.
@Suite struct BundledScenarioTests {
    static let directory = repositoryRoot().appendingPathComponent("Scenarios")

    static func bundledFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json5") }.sorted()
    }

    @Test func theDirectoryHoldsTheReferenceScenarios() {
        let files = Self.bundledFiles()
        #expect(files.contains("baseline.json5"), "Scenarios/: \(files)")
        #expect(files.contains("viborg-acute-team.json5"), "Scenarios/: \(files)")
    }

    @Test(arguments: bundledFiles())
    func loadsAndValidates(_ file: String) {
        let path = Self.directory.appendingPathComponent(file).path
        switch ScenarioLoader().load(path) {
        case .success(let loaded):
            #expect(!loaded.file.scenario.name.isEmpty)
            #expect(!loaded.file.scenario.patientGroups.isEmpty)
        case .failure(let error):
            Issue.record("\(file) does not load:\n\(error.description)")
        }
    }

    /// Every bundled scenario runs: one replication of a month (national: a
    /// week), with admissions and the invariants holding.
    @Test(arguments: bundledFiles())
    func runs(_ file: String) throws {
        let loaded = try ScenarioLoader().load(Self.directory.appendingPathComponent(file).path).get()
        var scenario = loaded.file.adjustedForIncentives()
        scenario.simulation.horizonDays = scenario.municipalities.count > 20 ? 7 : 30
        scenario.simulation.warmupDays = 7
        let r = PatientFlowModel.run(try CompiledScenario(scenario), replication: 0)
        #expect(r[.admissions] > 0, "\(file)")
        #expect(r.invariants.capacityViolations == 0, "\(file)")
        let byOccupancy = r.invariants.bedHoursByOccupancy
        #expect(abs(r.invariants.bedHoursByStays - byOccupancy) <= 1e-6 * max(1, byOccupancy), "\(file)")
    }
}
