import Testing
import SamspilReport
@testable import SamspilExperiment

/// Warnings before anyone quotes a number.
@Suite("Guard rails")
struct GuardRailsTests {
    @Test("few replications, two different systems, hospitals over 95 % full")
    func warnings() throws {
        let base = try Experiments.configuration("baseline.json5", replications: 3)
        let randers = try Experiments.configuration("randers-cluster.json5", replications: 3)
        let experiment = Experiments.experiment("compare", [base, randers])
        let document = try Experiments.perform(experiment, shard: nil, jobs: 2)
        let warnings = try #require(document.warnings)
        #expect(warnings.first?.hasPrefix("only 3 replications") == true)
        #expect(warnings.contains { $0.contains("'randers-cluster' has other municipalities than 'baseline'") })
        // In Danish: each warning replaced by its Danish text, in place; a warning of another kind kept as it is.
        var noted = document
        noted.warnings = warnings + ["precision reached with 3 replications"]
        let danish = try #require(GuardRails.translated(noted, to: .danish).warnings)
        #expect(danish.count == warnings.count + 1)
        #expect(danish.first?.hasPrefix("kun 3 replikationer") == true)
        #expect(danish.contains { $0.contains("'randers-cluster' har andre kommuner end 'baseline'") })
        #expect(danish.last == "precision reached with 3 replications")
        #expect(GuardRails.translated(noted, to: .english) == noted)
        // The same scenario twice: the same system; enough replications: no warning about them.
        let same = Experiments.experiment("compare", [try Experiments.configuration("baseline.json5", replications: 10),
                                                      try Experiments.configuration("fyn-sambo.json5", replications: 10)])
        let quiet = GuardRails.warnings(try Experiments.perform(same, shard: nil, jobs: 2))
        #expect(!quiet.contains { $0.contains("replications") || $0.contains("health systems") }, "\(quiet)")
    }
}
