import SamspilReport

/// Combines partial results of shard runs into the result one run would give.
public enum Merging {
    public struct Problem: Error, Sendable {
        public var message: String
    }

    public static func merge(_ parts: [RunDocument]) throws(Problem) -> RunDocument {
        guard var merged = parts.first else { throw Problem(message: "nothing to merge") }
        for part in parts.dropFirst() {
            guard part.command == merged.command else { throw Problem(message: "cannot merge a '\(part.command)' result with a '\(merged.command)' result") }
            guard part.experiment.seed == merged.experiment.seed, part.experiment.replications == merged.experiment.replications,
                  part.experiment.warmupDays == merged.experiment.warmupDays, part.experiment.horizonDays == merged.experiment.horizonDays
            else { throw Problem(message: "the partial results come from different experiments (seed, replications, warm-up or horizon differ)") }
            guard part.runs.map(\.label) == merged.runs.map(\.label), part.sweep == merged.sweep else {
                throw Problem(message: "the partial results are of different scenarios")
            }
            for (i, run) in part.runs.enumerated() {
                guard run.metrics == merged.runs[i].metrics, run.resolvedScenario == merged.runs[i].resolvedScenario else {
                    throw Problem(message: "'\(run.label)' differs between the partial results (another scenario or version)")
                }
                let overlap = Set(run.replicationNumbers).intersection(merged.runs[i].replicationNumbers)
                if let r = overlap.min() { throw Problem(message: "replication \(r) of '\(run.label)' appears in two partial results") }
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
        let expected = merged.experiment.replications
        for i in merged.runs.indices {
            Summaries.refresh(&merged.runs[i])
            merged.runs[i].replicationSeries = []
            if merged.runs[i].replicationNumbers.count != expected {
                let missing = Set(0..<expected).subtracting(merged.runs[i].replicationNumbers).sorted()
                throw Problem(message: "'\(merged.runs[i].label)' is missing replications \(missing.prefix(10).map(String.init).joined(separator: ", "))\(missing.count > 10 ? ", …" : "") — a shard is missing")
            }
        }
        merged.comparisons = merged.command == "run" ? [] : Summaries.comparisons(merged.runs)
        merged.experiment.shard = nil
        return merged
    }
}
