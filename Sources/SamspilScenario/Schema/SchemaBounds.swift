import SamspilModel

/// Upper bounds where the model has no meaning beyond them, so every number
/// the schema accepts runs: a planner's typo (a stay of 5,000 days, a Weibull
/// shape of 0.001) is refused by `validate` with the reason, rather than
/// overflowing or exhausting memory in a run. Documented in
/// docs/scenario-format.md ("Upper bounds").
enum SchemaBounds {
    /// Longest duration, in days: stays, delays and visits are acute-care times.
    static let maximumDurationDays = 365.0

    /// A duration parameter written in a unit of `unitHours` hours: 0 (or any
    /// negative number, for a normal's mean) up to 365 days in that unit.
    static func duration(unitHours: Double, allowsNegative: Bool) -> NumberConstraint {
        let upper = maximumDurationDays * 24 / unitHours
        let unit = unitHours == 24 ? "days" : unitHours == 1 ? "hours" : "minutes"
        let range = allowsNegative ? "a number of at most \(whole(upper))" : "a number from 0 to \(whole(upper))"
        return NumberConstraint(lower: allowsNegative ? nil : 0, upper: upper,
                                wording: "\(range) (\(unit); durations are at most 365 days — no acute stay, delay or visit lasts longer)")
    }

    /// The bounds of a distribution's unitless parameter.
    static func shape(of kind: String, parameter: String) -> NumberConstraint {
        switch (kind, parameter) {
        case ("gamma", "shape"):
            NumberConstraint(lower: 0.05, upper: 10_000, wording: "a number from 0.05 to 10000 (a gamma shape below 0.05 puts "
                             + "almost all stays near zero with a vast tail; above 10000 it is a fixed duration — use \"fixed\")")
        case ("weibull", "shape"):
            NumberConstraint(lower: 0.1, upper: 100, wording: "a number from 0.1 to 100 (a Weibull shape below 0.1 has a mean "
                             + "millions of times its scale; above 100 it is a fixed duration — use \"fixed\")")
        default:
            .nonNegative
        }
    }

    /// Citizens of one municipality in one age band.
    static let population = NumberConstraint(
        lower: 0, upper: 10_000_000,
        wording: "a number from 0 to 10000000 (citizens of one municipality in one age band; Denmark has about 6 million)")

    /// Acute episodes per 1,000 citizens per year: at most 1,000 per 1,000 citizens per day.
    static let episodeRatePerThousandPerYear = NumberConstraint(
        lower: 0, upper: 365_000,
        wording: "a number from 0 to 365000 (episodes per 1,000 citizens per year; at most 1,000 per 1,000 a day — "
            + "more than one acute episode per citizen a day has no meaning)")

    /// Most patients in hospital at once that a scenario's demand may imply.
    static let maximumImpliedInpatients = 1_000_000.0

    /// Patients in hospital at once that the demand implies (Little's law:
    /// admissions per hour × mean length of stay in hours, summed over
    /// municipalities, patient groups and age bands), counting every episode
    /// that may be admitted. This is what `initialState: "typical"` pre-fills.
    ///
    /// - Complexity: O(municipalities × patient groups × age bands).
    static func impliedInpatients(_ scenario: Scenario) -> Double {
        var total = 0.0
        let stayFactor = scenario.behaviour.lengthOfStayMultiplier
        for group in scenario.patientGroups {
            for age in group.ratePerThousandPerYear.indices {
                let shares = group.severity[age]
                let admitted = shares.sum > 0 ? (shares.borderline + shares.mustAdmit) / shares.sum : 0
                let citizens = scenario.municipalities.reduce(0.0) { $0 + $1.population[age] }
                let perHour = citizens / 1000 * group.ratePerThousandPerYear[age] / (365 * 24)
                total += perHour * admitted * group.lengthOfStay[age].mean * stayFactor
            }
        }
        return total.isNaN ? .infinity : total
    }

    /// Reports an error when the demand implies more inpatients than the model can hold.
    static func checkScale(_ file: ScenarioFile, root: JSONValue, diagnostics: DiagnosticCollector) {
        let implied = impliedInpatients(file.scenario)
        guard !(implied <= maximumImpliedInpatients) else { return }
        let amount = implied.isFinite && implied < 1e15 ? "about \(Int(implied.rounded()))" : "an unbounded number of"
        let location = root["patientGroups"]?.location ?? root.location
        diagnostics.error(
            "the demand implies \(amount) patients in hospital at once (admissions × mean length of stay); "
                + "at most 1000000 can be simulated — check the populations, rates and lengths of stay",
            at: location, path: [.key("patientGroups")])
    }

    private static func whole(_ x: Double) -> String {
        x.rounded() == x ? String(Int(x)) : String(x)
    }
}
