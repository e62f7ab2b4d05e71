import Foundation
import SamspilReport
import Testing
@testable import SamspilExperiment

/// `samspil merge`: partial results of --shard runs combine into exactly the
/// document one run of all replications gives, and mismatched parts are refused.
@Suite struct MergingTests {
    static let replications = 7

    static func baseline(seed: UInt64? = nil) throws -> Configuration {
        try Experiments.configuration("baseline.json5", replications: replications, seed: seed)
    }

    static func parts(_ command: String, _ configurations: [Configuration], of count: Int) throws -> [RunDocument] {
        try (1...count).map { try Experiments.document(command, configurations, shard: Shard(index: $0, count: count), jobs: 1) }
    }

    func problem(_ parts: [RunDocument], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        do {
            _ = try Merging.merge(parts)
            Issue.record("expected the merge to fail", sourceLocation: sourceLocation)
            return ""
        } catch {
            return error.message
        }
    }

    @Test func mergedShardsEqualASingleRun() throws {
        let configurations = [try Self.baseline()]
        let single = try Experiments.document("run", configurations)
        let parts = try Self.parts("run", configurations, of: 3)
        #expect(parts.map { $0.runs[0].replicationNumbers } == [[0, 3, 6], [1, 4], [2, 5]])
        #expect(parts.allSatisfy { !$0.runs[0].replicationSeries.isEmpty }, "partial results keep per-replication series")
        #expect(parts.allSatisfy { $0.experiment.shard != nil })
        // Any order of the parts gives the same result.
        for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
            let merged = try Merging.merge(order.map { parts[$0] })
            #expect(merged.experiment.shard == nil)
            #expect(merged.runs[0].replicationSeries.isEmpty)
            #expect(Experiments.reproducible(merged) == Experiments.reproducible(single), "order \(order)")
            // And so the same files, byte for byte.
            let a = ResultsCSV.files(for: merged), b = ResultsCSV.files(for: single)
            #expect(a.map(\.name) == b.map(\.name))
            #expect(a.map(\.text) == b.map(\.text))
        }
        #expect(single.runs[0].series.count == 3, "the single run has its series bands")
    }

    @Test func mergedComparisonShardsEqualASingleComparison() throws {
        let configurations = [try Self.baseline(),
                              try Experiments.configuration("viborg-acute-team.json5", replications: Self.replications)]
        let single = try Experiments.document("compare", configurations)
        let merged = try Merging.merge(try Self.parts("compare", configurations, of: 2))
        #expect(!merged.comparisons.isEmpty)
        #expect(Experiments.reproducible(merged) == Experiments.reproducible(single))
    }

    @Test func emptyShardsFirstStillMergeTheSeries() throws {
        // More shards than replications: shards 8 and 9 of 9 are empty; naming one first
        // used to drop the time series.
        let configurations = [try Self.baseline()]
        let single = try Experiments.document("run", configurations)
        let parts = try Self.parts("run", configurations, of: 9)
        #expect(parts[8].runs[0].replicationNumbers.isEmpty)
        let merged = try Merging.merge([parts[8]] + parts.prefix(8) + [parts[7]].prefix(0))
        #expect(Experiments.reproducible(merged) == Experiments.reproducible(single))
        #expect(ResultsCSV.files(for: merged).map(\.name).contains("timeseries.csv"))
    }

    @Test func oneShardIsTheWholeRun() throws {
        let configurations = [try Self.baseline()]
        let merged = try Merging.merge(try Self.parts("run", configurations, of: 1))
        #expect(Experiments.reproducible(merged) == Experiments.reproducible(try Experiments.document("run", configurations)))
    }

    @Test func overlappingPartsAreRefused() throws {
        let parts = try Self.parts("run", [try Self.baseline()], of: 3)
        #expect(problem([parts[0], parts[1], parts[0], parts[2]]) == "shard 1/3 is given twice")
        #expect(problem([parts[1], parts[2], parts[2]]) == "shard 3/3 is given twice")
    }

    @Test func aMissingShardIsNamed() throws {
        let parts = try Self.parts("run", [try Self.baseline()], of: 3)
        #expect(problem([parts[0], parts[2]]) == "shard 2/3 is missing: replications 1, 4 have no result")
        #expect(problem([parts[1]]) == "shards 1/3, 3/3 are missing: replications 0, 2, 3, 5, 6 have no result")
    }

    @Test func longListsOfMissingReplicationsAreCut() throws {
        let configurations = [try Experiments.configuration("baseline.json5", replications: 24)]
        let part = try Experiments.document("run", configurations, shard: Shard(index: 1, count: 2), jobs: 2)
        #expect(problem([part]) == "shard 2/2 is missing: replications 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, … have no result")
    }

    /// A part edited and sealed again, to reach the checks behind the digest.
    static func resealed(_ part: RunDocument, _ change: (inout RunDocument) -> Void) throws -> RunDocument {
        var d = part
        change(&d)
        return try ShardSeal.sealed(d)
    }

    @Test func partsOfDifferentScenariosAreRefused() throws {
        let baseline = try Self.parts("run", [try Self.baseline()], of: 2)
        let viborg = try Self.parts("run", [try Experiments.configuration("viborg-acute-team.json5", replications: Self.replications)], of: 2)
        #expect(problem([baseline[0], viborg[1]]) == "the parts are of different scenarios (viborg-acute-team vs baseline)")
        // Same label, another resolved scenario (an edited file).
        let edited = try Self.resealed(baseline[1]) { $0.runs[0].resolvedScenario += " " }
        #expect(problem([baseline[0], edited]) == "'baseline' differs between the parts (another scenario file, regime or version)")
        let renamed = try Self.resealed(baseline[1]) { $0.runs[0].metrics[0].name = "visits" }
        #expect(problem([baseline[0], renamed]) == "'baseline' differs between the parts (another scenario file, regime or version)")
    }

    @Test func partsOfDifferentExperimentsAreRefused() throws {
        let parts = try Self.parts("run", [try Self.baseline()], of: 2)
        let other = try Self.parts("run", [try Self.baseline(seed: 99)], of: 2)
        #expect(problem([parts[0], other[1]]).hasPrefix("the parts come from different experiments: seed "))
        for (change, named) in [({ (d: inout RunDocument) in d.experiment.replications += 1 }, "replications 7 vs 8"),
                                ({ $0.experiment.warmupDays += 1 }, "warm-up 7.0 vs 8.0 days"),
                                ({ $0.experiment.horizonDays = 61 }, "horizon 60.0 vs 61.0 days"),
                                ({ $0.experiment.shard = "2/3" }, "shard counts 1/2 vs 2/3")] {
            let part = try Self.resealed(parts[1], change)
            #expect(problem([parts[0], part]) == "the parts come from different experiments: \(named)")
        }
        let newer = try Self.resealed(parts[1]) { $0.tool.version = "9.9.9" }
        #expect(problem([parts[0], newer]) == "the parts were written by different samspil versions (\(Experiment.toolVersion) and 9.9.9)")
        let compare = try Self.resealed(parts[1]) { $0.command = "compare" }
        #expect(problem([parts[0], compare]) == "cannot merge a 'compare' result with a 'run' result")
        #expect(problem([]) == "nothing to merge")
    }
}
