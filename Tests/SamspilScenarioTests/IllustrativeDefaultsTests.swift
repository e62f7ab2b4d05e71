import Foundation
import Testing
@testable import SamspilScenario

/// `validate --explain`: the illustrative defaults a scenario relies on.
@Suite("Illustrative defaults")
struct IllustrativeDefaultsTests {
    /// The table in the code is the set of † rows in docs/scenario-format.md.
    @Test func tableMatchesTheDocument() throws {
        let text = try String(contentsOfFile: DocumentationTests.documentPath, encoding: .utf8)
        var rows: Set<String> = []
        var kind = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { kind = line.drop { $0 == "#" || $0 == " " }.trimmingCharacters(in: .whitespaces); continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 4, cells[1].hasPrefix("`"), cells[3].contains("†") else { continue }
            rows.insert(kind + "." + cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
        }
        let table = Set(IllustrativeDefaults.table.map { $0.kind + "." + $0.key })
        #expect(table == rows, "in the code only: \(table.subtracting(rows)); in the document only: \(rows.subtracting(table))")
        #expect(IllustrativeDefaults.table.allSatisfy { IllustrativeDefaults.places[$0.kind] != nil })
    }

    @Test func aScenarioListsWhatItInherits() throws {
        let loaded = try ScenarioLoader().load(CalibrationTests.directory.appendingPathComponent("viborg-acute-team.json5").path).get()
        let inherited = IllustrativeDefaults.inherited(by: loaded.document.root).map(\.path)
        #expect(inherited.contains("bedPressure.occupancyThreshold"))
        #expect(inherited.contains("deterioration.hazardPerHourWaiting"))
        #expect(inherited.contains("economics.prices.hospitalBedDayDkk"))
        // Set in the baseline: not inherited.
        #expect(!inherited.contains("decision.partTimeCredibility"))
        // Per element, with its name.
        #expect(inherited.contains { $0.hasPrefix("hospitals[Regionshospitalet Viborg].") } == false)
        #expect(!inherited.contains { $0.hasPrefix("decision.trustDynamics") }, "trust dynamics is off: its defaults do not apply")
    }
}
