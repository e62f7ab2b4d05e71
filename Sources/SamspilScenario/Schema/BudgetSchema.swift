import SamspilEconomics
import SamspilModel

/// The `budget` section: years, population projection, ramp-up of new services.
extension ScenarioSchema {
    static let budget = ValueSpec<BudgetSettings>.object(kind: "Budget") { o in
        notes(o)
        var b = BudgetSettings()
        b.years = o.optional("years", .integer(in: 1...100), default: b.years)
        b.startYear = o.optional("startYear", .integer(in: 1900...2200))
        if let p = o.optional("population", populationProjection) {
            b.populationIndex = p.index
            b.populationSource = p.source
        }
        if let ramp = o.optional("rampUp", rampUp) {
            b.rampUpYears = ramp.years
            b.rampUpStartShare = ramp.startShare
        }
        return b
    }

    /// Either a bundled projection by name, or an index per age band and year.
    static let populationProjection = ValueSpec<(index: [[Double]], source: String?)>.object(kind: "PopulationProjection") { o in
        _ = o.optional("notes", .string)
        let bundled = PopulationProjection.bundled.map(\.name)
        let name = o.optional("projection", .oneOf(bundled))
        let index = o.optional("index", CommonSpecs.perAge(.array(of: .number(.range(0.01...100)), minCount: 1),
                                                           isSingle: { $0.arrayValue != nil }))
        let source = o.optional("source", .string)
        switch (name, index) {
        case (let name?, nil):
            let projection = PopulationProjection.bundled.first { $0.name == name }!
            let bands = o.context.names["ageBands"] ?? Scenario.defaultAgeBands
            guard bands == projection.ageBands else {
                o.error("projection '\(name)' is given for the age bands \(projection.ageBands.joined(separator: ", ")); this scenario's are \(bands.joined(separator: ", ")): give an 'index' per band instead",
                        at: "projection")
                return nil
            }
            return (projection.index, source ?? projection.source)
        case (nil, let index?):
            if index.contains(where: { $0[0] != 1 }) {
                o.error("an index starts at 1 in year 0 (the scenario's own population)", at: "index")
            }
            return (index, source)
        default:
            // A bad value was reported where it stands; say only what is missing or too much.
            if o.contains("projection") == o.contains("index") {
                o.error("give either 'projection' (one of \(bundled.joined(separator: ", "))) or 'index'")
            }
            return nil
        }
    }

    static let rampUp = ValueSpec<(years: Int, startShare: Double)>.object(kind: "RampUp") { o in
        notes(o)
        let years = o.required("years", .integer(in: 1...50))
        let share = o.required("startShare", .number(.probability))
        guard let years, let share else { return nil }
        return (years, share)
    }
}
