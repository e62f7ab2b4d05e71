import Foundation
import Testing
@testable import SamspilScenario

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
}
