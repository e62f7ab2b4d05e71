import Testing
@testable import SamspilReport
@testable import SamspilExperiment

/// The report's tables and the console's rows per municipality, hospital and
/// team, on a real comparison of the Randers cluster with and without a team.
@Suite("Entity tables in the report and on the console")
struct EntityReportTests {
    static func comparison() throws -> RunDocument {
        let base = try Experiments.configuration("randers-cluster.json5", replications: 2)
        let team = try Experiments.configuration("randers-acute-team.json5", replications: 2)
        return try Experiments.document("compare", [base, team])
    }

    @Test func reportHasATablePerLevel() throws {
        let html = HTMLReport.render(try Self.comparison())
        let section = try #require(html.components(separatedBy: "<section id=\"entities\">").dropFirst().first)
        for heading in ["Per municipality (its citizens)", "Per hospital", "Per region"] {
            #expect(section.contains("<h3>\(heading)</h3>"), "\(heading) missing")
        }
        for name in ["Randers", "Norddjurs", "Syddjurs", "Favrskov", "Regionshospitalet Randers", "Region Midtjylland"] {
            #expect(section.contains("<th scope=\"row\">\(name)</th>"), "\(name) missing")
        }
        // Columns by plain-word label, at most four to a table, the name in the tooltip.
        #expect(section.contains("title=\"avoidedAdmissions\""))
        for table in section.components(separatedBy: "<table").dropFirst() {
            let header = table.components(separatedBy: "</thead>")[0]
            #expect(header.components(separatedBy: "<th scope=\"col\" class=\"num\"").count - 1 <= Page.entityColumnsPerTable)
        }
        #expect(section.contains("Paired difference randers-acute-team − randers-cluster"))
        // The base has no team: no team table in a comparison against it.
        #expect(!section.contains("Per acute team"))
    }

    @Test func runReportShowsMeansAndTheTeam() throws {
        let team = try Experiments.configuration("randers-acute-team.json5", replications: 2)
        let html = HTMLReport.render(try Experiments.document("run", [team]))
        let section = try #require(html.components(separatedBy: "<section id=\"entities\">").dropFirst().first)
        #expect(section.contains("Mean across replications"))
        #expect(section.contains("<h3>Per acute team</h3>") && section.contains("Randers-klyngens akutteam"))
    }

    @Test func consoleRowsOfTheScenarioAloneShowItsMean() throws {
        let text = EntityTable.comparison(try Self.comparison(), levels: ["team", "municipality"], entity: nil, useColor: false)
        #expect(text.contains("by team\n") && text.contains("Randers-klyngens akutteam"))
        #expect(text.contains("by municipality\n"))
        let teamLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("Randers-klyngens akutteam") })
        #expect(teamLine.hasSuffix("–"), "a scenario-only row has no difference: \(teamLine)")
        // Payer rows carry their level: a region's name is also its general practice's.
        let payers = EntityTable.comparison(try Self.comparison(), levels: ["payer"], entity: "Region Midtjylland", useColor: false)
        #expect(payers.contains("region: Region Midtjylland") && payers.contains("generalPractice: Region Midtjylland"))
    }
}
