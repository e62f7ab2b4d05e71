import Foundation
import SamspilReport

/// Combines partial results of shard runs into the result one run would give,
/// after checking that they are intact shards of one experiment (see
/// docs/guides/cluster.md, "What merge checks").
public enum Merging {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        init(_ message: String) { self.message = message }
    }

    /// Reads a partial result: a directory written with `--shard K/N`, or its `results.json`.
    public static func readPart(_ path: String) throws(Problem) -> RunDocument {
        var url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Problem("\(path) does not exist") }
        if isDirectory.boolValue { url.appendPathComponent("results.json") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw Problem("cannot read \(url.path): \(error.localizedDescription)") }
        let document: RunDocument
        do { document = try ResultsJSON.decode(data) } catch {
            throw Problem("\(url.path) is not a results.json samspil can read (\(Self.reason(error)))")
        }
        // A complete result has no per-replication series: merging it would silently drop the time series.
        guard document.experiment.shard != nil else {
            throw Problem("\(url.path) is a complete result, not a partial result of a --shard K/N run")
        }
        do { try PartCheck.intact(document) } catch { throw Problem("\(url.path): \(error.message)") }
        return document
    }

    /// The merged result.
    /// - Throws: a ``Problem`` naming the first inconsistency; nothing is merged then.
    /// - Complexity: O(total size of the parts).
    public static func merge(_ parts: [RunDocument]) throws(Problem) -> RunDocument {
        guard let first = parts.first else { throw Problem("nothing to merge") }
        for part in parts { try PartCheck.intact(part) }
        try PartCheck.sameExperiment(parts)
        try PartCheck.replicationsPartitioned(parts)
        var merged = first
        for part in parts.dropFirst() {
            for (i, run) in part.runs.enumerated() {
                merged.runs[i].replicationNumbers += run.replicationNumbers
                merged.runs[i].values += run.values
                // An empty shard (more shards than replications) carries no series: adopt them from the next part.
                for (k, series) in run.replicationSeries.enumerated() {
                    if k < merged.runs[i].replicationSeries.count {
                        merged.runs[i].replicationSeries[k].values += series.values
                    } else {
                        merged.runs[i].replicationSeries.append(series)
                    }
                }
            }
            merged.experiment.runSeconds += part.experiment.runSeconds
            merged.experiment.jobs = max(merged.experiment.jobs, part.experiment.jobs)
        }
        for i in merged.runs.indices {
            Summaries.refresh(&merged.runs[i])
            merged.runs[i].replicationSeries = []
        }
        // The parts' base (a sweep's --base point may be another than the first).
        let base = parts.first?.comparisons.first.flatMap { c in merged.runs.firstIndex { $0.label == c.baseLabel } } ?? 0
        merged.comparisons = merged.command == Experiment.Command.run.rawValue ? [] : Summaries.comparisons(merged.runs, base: base)
        merged.experiment.shard = nil
        merged.seal = nil
        let warnings = GuardRails.warnings(merged)
        merged.warnings = warnings.isEmpty ? nil : warnings
        return merged
    }

    static func reason(_ error: any Error) -> String {
        if let version = error as? RunDocument.FormatVersionError { return version.description }
        guard let error = error as? DecodingError else { return error.localizedDescription }
        func at(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "" : " at \(path.hasPrefix(".") ? String(path.dropFirst()) : path)"
        }
        switch error {
        case .valueNotFound(_, let c): return "a value is missing or null\(at(c))"
        case .typeMismatch(_, let c): return "a value has the wrong type\(at(c))"
        case .keyNotFound(let key, let c): return "the key '\(key.stringValue)' is missing\(at(c))"
        case .dataCorrupted(let c): return "the JSON is malformed\(at(c))"
        @unknown default: return "unreadable"
        }
    }
}
