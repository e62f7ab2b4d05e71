import Foundation
import Testing

/// `--by LEVEL` and `--entity NAME`: entity rows on the console after the
/// system table, for run and compare; unknown names are usage errors.
@Suite struct EntitySelectionTests {
    static let cluster = "Scenarios/randers-cluster.json5"
    static let team = "Scenarios/randers-acute-team.json5"

    @Test func runPrintsTheRowsOfEachLevelAsked() throws {
        let r = try Samspil.run(["run", Self.cluster, "-n", "2"] + short + ["--by", "municipality", "--by", "hospital"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("randers-cluster by municipality\n"), "\(r)")
        #expect(r.stdout.contains("randers-cluster by hospital\n"), "\(r)")
        #expect(!r.stdout.contains("by region"), "\(r)")
        for name in ["Randers", "Norddjurs", "Syddjurs", "Favrskov", "Regionshospitalet Randers"] {
            #expect(r.stdout.contains(name), "\(name) missing: \(r)")
        }
        let municipality = try #require(r.stdout.components(separatedBy: "by municipality\n").last)
        for metric in ["episodes", "avoidedAdmissions", "readmissions", "bedDays", "payer.net"] {
            #expect(municipality.contains(metric), "\(metric) missing: \(r)")
        }
        #expect(r.stdout.contains("p95Occupancy") && r.stdout.contains("meanLengthOfStay"), "\(r)")
        // Without --by only the system table.
        let plain = try Samspil.run(["run", Self.cluster, "-n", "2"] + short)
        #expect(!plain.stdout.contains(" by "), "\(plain)")
    }

    @Test func compareFiltersToOneEntity() throws {
        let r = try Samspil.run(["compare", Self.cluster, Self.team, "-n", "3"] + short
                                + ["--by", "municipality", "--by", "payer", "--entity", "Favrskov"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("randers-acute-team vs randers-cluster by municipality\n"), "\(r)")
        #expect(r.stdout.contains("randers-acute-team vs randers-cluster by payer\n"), "\(r)")
        #expect(r.stdout.contains("Favrskov  "), "\(r)")
        #expect(r.stdout.contains("municipality: Favrskov"), "\(r)")
        // The decision box may name others; the entity tables may not.
        let tables = try #require(r.stdout.components(separatedBy: "randers-acute-team vs randers-cluster by ").dropFirst().joined() as String?)
        for other in ["Norddjurs", "Syddjurs"] { #expect(!tables.contains(other), "\(other) shown: \(r)") }
        #expect(r.stdout.contains("Difference"), "\(r)")
    }

    @Test func anEntityAloneShowsEveryLevelItHas() throws {
        let r = try Samspil.run(["compare", Self.cluster, Self.team, "-n", "2"] + short + ["--entity", "Randers-klyngens akutteam"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("by team\n") && r.stdout.contains("teamResponseMeanHours"), "\(r)")
        #expect(!r.stdout.contains("by municipality"), "\(r)")
    }

    @Test func unknownNamesAreUsageErrorsWithASuggestion() throws {
        let cases: [([String], String)] = [
            (["run", Self.cluster, "--entity", "Randrs"], "no entity named 'Randrs' in the scenario, did you mean 'Randers'?"),
            (["run", Self.cluster, "--by", "municipalty"], "--by takes municipality, hospital, region, team, acuteBeds, payer; got 'municipalty', did you mean municipality?"),
            (["compare", Self.cluster, Self.team, "--entity", "Favskov"], "no entity named 'Favskov' in the scenario, did you mean 'Favrskov'?"),
        ]
        for (arguments, message) in cases {
            let r = try Samspil.run(arguments)
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains("samspil \(arguments[0]): error: \(message)\n"), "\(r)")
            #expect(r.stdout.isEmpty, "\(r)")
        }
    }

    @Test func theHelpNamesBothOptions() throws {
        for command in ["run", "compare"] {
            let r = try Samspil.run([command, "--help"])
            #expect(r.stdout.contains("--by LEVEL") && r.stdout.contains("--entity NAME"), "\(r)")
        }
    }
}
