import Foundation
import SamspilReport

/// Seals a partial result with digests when it is written.
public enum ShardSeal {
    /// `document` with its ``PartSeal``: the experiment's digest and the content's.
    /// - Complexity: O(size of the document).
    public static func sealed(_ document: RunDocument) throws -> RunDocument {
        var d = document
        d.seal = PartSeal(experimentDigest: try experimentDigest(d), contentDigest: "")
        let digest = try contentDigest(d)
        d.seal?.contentDigest = digest
        return d
    }

    /// SHA-256 over what every shard of one experiment shares.
    static func experimentDigest(_ d: RunDocument) throws -> String {
        struct RunIdentity: Encodable {
            var label: String
            var resolvedScenario: String
            var metrics: [MetricInfo]
        }
        struct Identity: Encodable {
            var command: String
            var tool: String
            var version: String
            var seed: UInt64
            var replications: Int
            var warmupDays: Double
            var horizonDays: Double
            var shards: Int?
            var runs: [RunIdentity]
            var sweep: SweepInfo?
        }
        let e = d.experiment
        let identity = Identity(command: d.command, tool: d.tool.name, version: d.tool.version, seed: e.seed,
                                replications: e.replications, warmupDays: e.warmupDays, horizonDays: e.horizonDays,
                                shards: e.shard.flatMap(Shard.init).map(\.count),
                                runs: d.runs.map { RunIdentity(label: $0.label, resolvedScenario: $0.resolvedScenario, metrics: $0.metrics) },
                                sweep: d.sweep)
        return SHA256.hex(try ResultsJSON.makeEncoder().encode(identity))
    }

    /// SHA-256 of the document as `results.json` holds it, with the content digest empty.
    static func contentDigest(_ d: RunDocument) throws -> String {
        var d = d
        d.seal?.contentDigest = ""
        return SHA256.hex(try ResultsJSON.encode(d))
    }
}

/// The checks `merge` makes before combining anything.
enum PartCheck {
    typealias Problem = Merging.Problem

    /// The part is sealed, unchanged since it was written, and well formed.
    static func intact(_ d: RunDocument) throws(Problem) {
        guard let text = d.experiment.shard, let shard = Shard(text) else {
            throw Problem("not a partial result of a --shard K/N run (its shard is '\(d.experiment.shard ?? "none")')")
        }
        guard let seal = d.seal else { throw Problem("shard \(shard) has no content digest (written by an older samspil?); run the shard again") }
        guard (try? ShardSeal.contentDigest(d)) == seal.contentDigest else {
            throw Problem("shard \(shard) has been changed since it was written (its content digest does not match)")
        }
        guard (try? ShardSeal.experimentDigest(d)) == seal.experimentDigest else {
            throw Problem("shard \(shard) has been changed since it was written (its experiment digest does not match)")
        }
        guard !d.runs.isEmpty else { throw Problem("shard \(shard) holds no runs") }
        for run in d.runs { try wellFormed(run, in: shard) }
    }

    /// Every row as long as its header, every number finite, series present where replications are.
    static func wellFormed(_ run: ScenarioRun, in shard: Shard) throws(Problem) {
        let name = "'\(run.label)' in shard \(shard)"
        guard !run.metrics.isEmpty else { throw Problem("\(name) lists no metrics") }
        guard run.values.count == run.replicationNumbers.count else {
            throw Problem("\(name) has \(run.values.count) value rows for \(run.replicationNumbers.count) replications")
        }
        for (r, row) in run.values.enumerated() {
            guard row.count == run.metrics.count else {
                throw Problem("\(name): replication \(run.replicationNumbers[r]) has \(row.count) values for \(run.metrics.count) metrics")
            }
            guard row.allSatisfy(\.isFinite) else { throw Problem("\(name): replication \(run.replicationNumbers[r]) has a null or non-finite value") }
        }
        guard !run.replicationNumbers.isEmpty else { return }
        let expected = SeriesID.allCases.map(\.rawValue)
        guard run.replicationSeries.map(\.name) == expected else {
            throw Problem("\(name) should carry the daily series \(expected.joined(separator: ", ")) per replication; it has [\(run.replicationSeries.map(\.name).joined(separator: ", "))]")
        }
        for series in run.replicationSeries {
            guard !series.day.isEmpty, series.values.count == run.replicationNumbers.count,
                  series.values.allSatisfy({ $0.count == series.day.count }) else {
                throw Problem("\(name): the daily series '\(series.name)' does not have one value per day for every replication")
            }
            guard series.values.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
                throw Problem("\(name): the daily series '\(series.name)' has a null or non-finite value")
            }
        }
    }

    /// The parts share command, tool version, experiment settings, scenarios and shard count.
    static func sameExperiment(_ parts: [RunDocument]) throws(Problem) {
        let first = parts[0]
        for part in parts.dropFirst() {
            let a = first.experiment, b = part.experiment
            guard part.command == first.command else { throw Problem("cannot merge a '\(part.command)' result with a '\(first.command)' result") }
            guard part.tool.version == first.tool.version else {
                throw Problem("the parts were written by different samspil versions (\(first.tool.version) and \(part.tool.version))")
            }
            var differing: [String] = []
            if a.seed != b.seed { differing.append("seed \(a.seed) vs \(b.seed)") }
            if a.replications != b.replications { differing.append("replications \(a.replications) vs \(b.replications)") }
            if a.warmupDays != b.warmupDays { differing.append("warm-up \(a.warmupDays) vs \(b.warmupDays) days") }
            if a.horizonDays != b.horizonDays { differing.append("horizon \(a.horizonDays) vs \(b.horizonDays) days") }
            if shardCount(a) != shardCount(b) { differing.append("shard counts \(a.shard ?? "") vs \(b.shard ?? "")") }
            guard differing.isEmpty else {
                throw Problem("the parts come from different experiments: \(differing.joined(separator: "; "))")
            }
            guard part.runs.map(\.label) == first.runs.map(\.label), part.sweep == first.sweep else {
                throw Problem("the parts are of different scenarios (\(part.runs.map(\.label).joined(separator: ", ")) vs \(first.runs.map(\.label).joined(separator: ", ")))")
            }
            for (i, run) in part.runs.enumerated() where run.resolvedScenario != first.runs[i].resolvedScenario || run.metrics != first.runs[i].metrics {
                throw Problem("'\(run.label)' differs between the parts (another scenario file, regime or version)")
            }
            // What the named checks cannot see (a field added later) the digest still catches.
            guard part.seal?.experimentDigest == first.seal?.experimentDigest else {
                throw Problem("the parts come from different experiments (their experiment digests differ)")
            }
            for (i, run) in part.runs.enumerated() {
                if let a = run.replicationSeries.first?.day, let b = first.runs[i].replicationSeries.first?.day, a != b {
                    throw Problem("'\(run.label)' has daily series over different days in different parts")
                }
            }
        }
    }

    static func shardCount(_ e: ExperimentInfo) -> Int? { e.shard.flatMap(Shard.init).map(\.count) }

    /// Each part holds exactly its shard's replications; together they are 0..<n, each once.
    static func replicationsPartitioned(_ parts: [RunDocument]) throws(Problem) {
        let n = parts[0].experiment.replications
        var shardsSeen: Set<Int> = []
        for part in parts {
            let shard = Shard(part.experiment.shard ?? "")!
            guard shardsSeen.insert(shard.index).inserted else { throw Problem("shard \(shard) is given twice") }
            let expected = shard.replications(of: n)
            for run in part.runs where run.replicationNumbers != expected {
                let strays = Set(run.replicationNumbers).subtracting(expected).sorted()
                let detail = strays.isEmpty ? "some of its replications are missing or repeated"
                    : "it holds replication \(strays.prefix(5).map(String.init).joined(separator: ", ")), which belongs to another shard or is outside 0…\(n - 1)"
                throw Problem("shard \(shard) of '\(run.label)' is not the shard it claims to be: \(detail)")
            }
        }
        let count = shardCount(parts[0].experiment) ?? parts.count
        let missing = (1...count).filter { !shardsSeen.contains($0) }
        let lost = missing.flatMap { Shard(index: $0, count: count).replications(of: n) }.sorted()
        if !lost.isEmpty {
            let shards = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            let numbers = lost.prefix(10).map(String.init).joined(separator: ", ") + (lost.count > 10 ? ", …" : "")
            throw Problem("shard\(missing.count == 1 ? "" : "s") \(shards) \(missing.count == 1 ? "is" : "are") missing: replications \(numbers) have no result")
        }
    }
}
