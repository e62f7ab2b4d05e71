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

    /// - Parameter language: the language of the texts (English in `results.json`
    ///   unless the command was given `--language`).
    /// - Complexity: O(runs × size of a resolved scenario).
    public static func warnings(_ document: RunDocument, language: ReportLanguage = .english) -> [String] {
        var warnings: [String] = []
        let n = document.experiment.replications
        if n < minimumReplications {
            let count = n == 1 ? Phrase.oneReplication(language) : Phrase.replicationCount(language, String(n))
            warnings.append(Phrase.warnFewReplications(language, count, String(minimumReplications)))
        }
        if document.command == Experiment.Command.compare.rawValue, let base = document.runs.first {
            let (municipalities, hospitals) = system(base)
            for other in document.runs.dropFirst() {
                let (m, h) = system(other)
                guard m != municipalities || h != hospitals else { continue }
                let what = m != municipalities ? Phrase.municipalities(language) : Phrase.hospitals(language)
                warnings.append(Phrase.warnOtherSystem(language, other.label, what, base.label))
            }
        }
        for run in document.runs {
            guard let (_, occupancy) = run.estimate(.occupancyRate), occupancy.mean > 0.95 else { continue }
            warnings.append(Phrase.warnFullHospitals(language, run.label, String(Int((occupancy.mean * 100).rounded()))))
        }
        return warnings
    }

    /// `document` with its warnings in `language`: each of this type's own
    /// warnings it carries is replaced by the same warning in that language;
    /// any other (a precision verdict) is kept as it is.
    /// - Complexity: as ``warnings(_:language:)``.
    public static func translated(_ document: RunDocument, to language: ReportLanguage) -> RunDocument {
        guard language != .english, let current = document.warnings else { return document }
        let texts = Dictionary(zip(warnings(document), warnings(document, language: language)), uniquingKeysWith: { first, _ in first })
        var d = document
        d.warnings = current.map { texts[$0] ?? $0 }
        return d
    }

    /// The names of a run's municipalities and hospitals, from its resolved scenario.
    static func system(_ run: ScenarioRun) -> (Set<String>, Set<String>) {
        let root = try? JSON5Parser.parse(run.resolvedScenario, file: run.label)
        func names(_ key: String) -> Set<String> { Set((root?[key]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }) }
        return (names("municipalities"), names("hospitals"))
    }
}
