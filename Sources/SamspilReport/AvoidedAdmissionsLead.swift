/// The headline of a comparison: how many admissions the scenario avoided.
///
/// Two measures answer it. *Between runs* — base admissions minus scenario
/// admissions, paired by replication — is the answer to "how many admissions
/// did this change avoid", system effects included (escalations, returns,
/// beds freed or filled). *Per episode* — episodes the doctor would have
/// admitted without the municipal alternative and that were not admitted —
/// counts only the episodes the alternative took. The lead shows the first,
/// the second beside it, and when they disagree in sign, which flows offset.
public struct AvoidedAdmissionsLead: Sendable, Equatable {
    public var betweenRuns: Estimate
    public var perEpisode: Estimate
    /// A sentence naming the offsetting flows, when the two measures disagree in sign.
    public var explanation: String?

    /// The lead of `comparison`, or `nil` when it lacks the measures.
    public init?(_ comparison: Comparison, base: ScenarioRun, language: ReportLanguage = .english) {
        let derived = comparison.derived ?? []
        guard let between = derived.first(where: { $0.metric.id == .avoidedAdmissionsBetweenRuns })?.estimate,
              let episode = derived.first(where: { $0.metric.id == .avoidedAdmissionsCounterfactual })?.estimate else { return nil }
        betweenRuns = between
        perEpisode = episode
        explanation = Self.explain(between: between, perEpisode: episode, comparison: comparison, base: base, language: language)
    }

    static func explain(between: Estimate, perEpisode: Estimate, comparison: Comparison, base: ScenarioRun,
                        language: ReportLanguage = .english) -> String? {
        let disagree = (between.mean < 0) != (perEpisode.mean < 0) && between.mean != 0 && perEpisode.mean != 0
        guard disagree, between.ciExcludesZero == true || perEpisode.ciExcludesZero == true else { return nil }
        func change(_ id: MetricID) -> Double? {
            guard let m = base.metrics.firstIndex(where: { $0.id == id }), m < comparison.differences.count else { return nil }
            return comparison.differences[m].mean
        }
        guard let admissions = change(.admissions), let escalations = change(.admissionsFromEscalation),
              let returns = change(.readmissions) else { return nil }
        // Admissions avoided episode by episode take `perEpisode` off; the rest of the change came in by other flows.
        let other = admissions + perEpisode.mean - escalations - returns
        // Counts of admissions as whole numbers (means over replications, rounded).
        func count(_ x: Double) -> String { language.number(NumberText.fixed(abs(x), fractionDigits: 0)) }
        func n(_ x: Double) -> String { (x.rounded() > 0 ? "+" : x.rounded() < 0 ? "−" : "") + count(x) }
        return Phrase.measuresDisagree(language, count(perEpisode.mean), n(admissions), n(escalations), n(returns), n(other))
    }
}
