import SamspilReport
import SamspilScenario

/// Warnings a careful analyst would give before anyone quotes the numbers:
/// too few replications for the intervals to mean much, a comparison of two
/// different health systems, hospitals that run over 95 % full on average.
/// They go to standard error, into `results.json` and onto the report. They
/// are read from the result alone, so a merged result warns as one run does.
public enum GuardRails {
    /// Below this many replications, Student-t intervals are too wide and too
    /// sensitive to the normality assumption to quote.
    public static let minimumReplications = 10

    /// - Complexity: O(runs × size of a resolved scenario).
    public static func warnings(_ document: RunDocument) -> [String] {
        var warnings: [String] = []
        let n = document.experiment.replications
        if n < minimumReplications {
            warnings.append("only \(n) replication\(n == 1 ? "" : "s"): the 95 % intervals are wide and unreliable below \(minimumReplications); use --replications 20 or more before quoting a number")
        }
        if document.command == Experiment.Command.compare.rawValue, let base = document.runs.first {
            let (municipalities, hospitals) = system(base)
            for other in document.runs.dropFirst() {
                let (m, h) = system(other)
                guard m != municipalities || h != hospitals else { continue }
                let what = m != municipalities ? "municipalities" : "hospitals"
                warnings.append("'\(other.label)' has other \(what) than '\(base.label)': the differences compare two health systems, not one change to a system")
            }
        }
        for run in document.runs {
            guard let (_, occupancy) = run.estimate(.occupancyRate), occupancy.mean > 0.95 else { continue }
            warnings.append("'\(run.label)' runs its hospitals \(Int((occupancy.mean * 100).rounded())) % full on average: overcrowding and bed pressure dominate, and the beds are probably too few for the demand")
        }
        return warnings
    }

    /// The names of a run's municipalities and hospitals, from its resolved scenario.
    static func system(_ run: ScenarioRun) -> (Set<String>, Set<String>) {
        let root = try? JSON5Parser.parse(run.resolvedScenario, file: run.label)
        func names(_ key: String) -> Set<String> { Set((root?[key]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }) }
        return (names("municipalities"), names("hospitals"))
    }
}
