import SamspilEngine

/// One uncertain input of a probabilistic sensitivity analysis: a value of the
/// scenario file, named by the same path syntax as `sweep --set`, and the
/// distribution of belief about it.
public struct UncertainInput: Sendable, Equatable {
    /// A path into the scenario document, e.g. `patientGroups[*].acuteTeam.escalationProbability`.
    public var path: String
    public var distribution: ParameterDistribution
    /// Round each drawn value to a whole number (counts such as nurses).
    public var isInteger: Bool
    /// Where the distribution comes from.
    public var source: String?

    public init(path: String, distribution: ParameterDistribution, isInteger: Bool = false, source: String? = nil) {
        self.path = path
        self.distribution = distribution
        self.isInteger = isInteger
        self.source = source
    }

    /// The value at quantile `u` of the distribution, rounded if the input is a count.
    public func value(atQuantile u: Double) -> Double {
        let x = distribution.quantile(u)
        return isInteger ? x.rounded() : x
    }

    /// The document with `value` written at this input's path.
    public func applying(_ value: Double, to root: JSONValue) throws(DocumentEditing.PathError) -> JSONValue {
        let number = isInteger ? JSONNumber(Int(value)) : JSONNumber(value)
        return try DocumentEditing.replacing(JSONValue(.number(number)), at: path, in: root)
    }
}

extension ScenarioSchema {
    // MARK: Probabilistic sensitivity analysis

    /// The quantiles at which every uncertain input must still give a valid
    /// scenario: a distribution whose tails leave the key's allowed range
    /// (a normal for a probability, say) is refused before anything runs.
    static let checkedQuantiles = [0.0005, 0.5, 0.9995]

    static let uncertainInput = ValueSpec<UncertainInput>.object(kind: "UncertainInput") { o in
        notes(o)
        let path = o.required("path", .nonEmptyString)
        let distribution = o.required("distribution", parameterDistribution)
        let integer = o.optional("integer", .bool, default: false)
        guard let path, let distribution else { return nil }
        do throws(DocumentEditing.PathError) {
            _ = try DocumentEditing.parse(path)
        } catch {
            o.error("not a valid path: \(error.message)", at: "path")
            return nil
        }
        return UncertainInput(path: path, distribution: distribution, isInteger: integer,
                              source: o.object["source"]?.stringValue)
    }

    static let meanAndSd = ValueSpec<(Double, Double)>.object(kind: "MeanAndSd") { o in
        notes(o)
        let mean = o.required("mean", .number())
        let sd = o.required("sd", .number(.nonNegative))
        guard let mean, let sd else { return nil }
        return (mean, sd)
    }

    static let betaParameters = ValueSpec<ParameterDistribution>.object(kind: "BetaParameters") { o in
        notes(o)
        let mean = o.optional("mean", .number(.probability))
        let sd = o.optional("sd", .number(.nonNegative))
        let events = o.optional("events", .number(.nonNegative))
        let trials = o.optional("trials", .number(.nonNegative))
        do {
            switch (mean, sd, events, trials) {
            case let (mean?, sd?, nil, nil): return try .beta(mean: mean, sd: sd)
            case let (nil, nil, events?, trials?): return try .beta(events: events, trials: trials)
            default:
                o.error("give a beta distribution either by 'mean' and 'sd' or by 'events' and 'trials'")
                return nil
            }
        } catch {
            o.error("\(error)")
            return nil
        }
    }

    static let rangeParameters = ValueSpec<(Double, Double)>.object(kind: "RangeParameters") { o in
        notes(o)
        let low = o.required("min", .number())
        let high = o.required("max", .number())
        guard let low, let high else { return nil }
        guard low <= high else { o.error("'min' (\(low)) must not exceed 'max' (\(high))"); return nil }
        return (low, high)
    }

    static let triangularParameters = ValueSpec<ParameterDistribution>.object(kind: "TriangularParameters") { o in
        notes(o)
        let low = o.required("min", .number())
        let mode = o.required("mode", .number())
        let high = o.required("max", .number())
        guard let low, let mode, let high else { return nil }
        guard low <= mode, mode <= high, low < high else {
            o.error("a triangular distribution needs min ≤ mode ≤ max and min < max (got \(low), \(mode), \(high))")
            return nil
        }
        return .triangular(min: low, mode: mode, max: high)
    }

    /// `{ beta: { mean, sd } }`, `{ beta: { events, trials } }`, `{ gamma: { mean, sd } }`,
    /// `{ lognormal: { mean, sd } }`, `{ normal: { mean, sd } }`, `{ uniform: { min, max } }`,
    /// `{ triangular: { min, mode, max } }` or `{ fixed: value }`, in the unit of the key.
    static let parameterDistribution = ValueSpec<ParameterDistribution>.object(kind: "ParameterDistribution") { o in
        notes(o)
        let fixed = o.optional("fixed", .number())
        let beta = o.optional("beta", betaParameters)
        let gamma = o.optional("gamma", meanAndSd)
        let lognormal = o.optional("lognormal", meanAndSd)
        let normal = o.optional("normal", meanAndSd)
        let uniform = o.optional("uniform", rangeParameters)
        let triangular = o.optional("triangular", triangularParameters)
        let given = ["fixed", "beta", "gamma", "lognormal", "normal", "uniform", "triangular"].filter(o.contains)
        guard given.count == 1 else {
            o.error(given.isEmpty ? "name one distribution" : "name exactly one distribution, found \(given.joined(separator: " and "))",
                    suggestion: "use one of: beta, gamma, lognormal, normal, uniform, triangular, fixed")
            return nil
        }
        do {
            if let fixed { return .fixed(fixed) }
            if let beta { return beta }
            if let (mean, sd) = gamma {
                guard mean > 0 else { o.error("a gamma distribution needs a positive mean", at: "gamma"); return nil }
                return try .gamma(mean: mean, sd: sd)
            }
            if let (mean, sd) = lognormal {
                guard mean > 0 else { o.error("a lognormal distribution needs a positive mean", at: "lognormal"); return nil }
                return .lognormal(mean: mean, sd: sd)
            }
            if let (mean, sd) = normal { return .normal(mean: mean, sd: sd) }
            if let (low, high) = uniform { return .uniform(min: low, max: high) }
            if let triangular { return triangular }
        } catch {
            o.error("\(error)")
        }
        return nil
    }

    /// Every uncertain input must point at a settable value and give a valid
    /// scenario at its extreme and middle quantiles; each problem is reported
    /// at the input, with what the scenario said.
    static func checkUncertainty(_ inputs: [UncertainInput], in o: ObjectReader) {
        guard !inputs.isEmpty, !o.context.isDiscoveringSchema else { return }
        var members = o.object.members
        members.removeAll { $0.key == "uncertainty" }
        let root = JSONValue(.object(JSONObject(members)), at: o.location)
        let elements = o.object["uncertainty"]?.arrayValue ?? []
        for (i, input) in inputs.enumerated() {
            let at = i < elements.count ? elements[i].location : o.location
            let path = o.path.appending(key: "uncertainty").appending(index: i)
            for q in checkedQuantiles {
                let value = input.value(atQuantile: q)
                let edited: JSONValue
                do throws(DocumentEditing.PathError) {
                    edited = try input.applying(value, to: root)
                } catch {
                    o.context.diagnostics.error("cannot set '\(input.path)': \(error.message)", at: at, path: path)
                    break
                }
                let inner = DiagnosticCollector()
                _ = ReadContext(diagnostics: inner).read(edited, as: ScenarioSchema.file)
                if let first = inner.sorted.first(where: { $0.severity == .error }) {
                    let which = q == 0.5 ? "its median" : "its \(q < 0.5 ? "0.05th" : "99.95th") percentile"
                    o.context.diagnostics.error(
                        "at \(which) (\(value)) '\(input.path)' makes the scenario invalid: \(first.message)",
                        at: at, path: path)
                    break
                }
            }
        }
    }
}
