import SamspilEngine
import SamspilModel

/// Specs shared by the scenario schema: durations with units in their keys,
/// hour windows, weekday sets, per-age-band values and name references.
enum CommonSpecs {
    // MARK: Durations

    /// Time units accepted as key suffixes, with their length in hours.
    static let units: [(suffix: String, hours: Double)] = [("Minutes", 1.0 / 60), ("Hours", 1), ("Days", 24)]

    /// The distribution kinds a duration may name, with their parameters.
    /// Parameters marked `timed` take a unit suffix (`meanDays`, `sdHours`, …).
    static let distributionKinds: [(name: String, parameters: [(name: String, timed: Bool)])] = [
        ("fixed", [("value", true)]),
        ("exponential", [("mean", true)]),
        ("uniform", [("min", true), ("max", true)]),
        ("triangular", [("min", true), ("mode", true), ("max", true)]),
        ("normal", [("mean", true), ("sd", true)]),
        ("lognormal", [("mean", true), ("sd", true)]),
        ("gamma", [("shape", false), ("mean", true)]),
        ("weibull", [("shape", false), ("scale", true)]),
        ("erlang", [("k", false), ("mean", true)]),
        ("discrete", [("values", true), ("probabilities", false)]),
        ("piecewiseLinear", [("breakpoints", true), ("cumulativeProbabilities", false)]),
    ]

    /// A duration as a distribution, in hours: `{"lognormal": {"meanDays": 5.3, "sdDays": 4}}`.
    static let duration = ValueSpec<Distribution>(
        expected: "a duration distribution such as {\"lognormal\": {\"meanDays\": 5.3, \"sdDays\": 4}}",
        discover: { context in
            for kind in distributionKinds {
                let keys = kind.parameters.flatMap { p in p.timed ? units.map { p.name + $0.suffix } : [p.name] }
                for key in keys {
                    context.schema.record(kind: "Distribution", key: .init(name: kind.name + "." + key, isRequired: false,
                                                                           expected: "a number or list", defaultValue: nil))
                }
            }
        },
        read: readDuration)

    static func readDuration(_ reader: ValueReader) -> Distribution? {
        let expected = "a duration distribution such as {\"lognormal\": {\"meanDays\": 5.3, \"sdDays\": 4}}"
        guard let object = reader.value.objectValue else {
            reader.mismatch(expected: expected)
            return nil
        }
        guard object.count == 1, let member = object.members.first else {
            reader.error("a duration names exactly one distribution, found \(object.count) keys",
                         suggestion: "use one of: \(distributionKinds.map(\.name).joined(separator: ", "))")
            return nil
        }
        guard let kind = distributionKinds.first(where: { $0.name == member.key }) else {
            let known = distributionKinds.map(\.name)
            reader.error("unknown distribution '\(member.key)'",
                         suggestion: Suggestions.closest(to: member.key, among: known).map { "did you mean '\($0)'?" }
                            ?? "use one of: \(known.joined(separator: ", "))")
            return nil
        }
        let inner = ValueReader(value: member.value, path: reader.path.appending(key: member.key), context: reader.context)
        guard let o = ObjectReader(inner, kind: "\(kind.name) distribution") else { return nil }
        defer { o.finish() }
        _ = o.optional("source", .string)
        _ = o.optional("notes", .string)
        // Each parameter in the unit the planner wrote, converted to hours.
        var scalars: [String: Double] = [:]
        var lists: [String: [Double]] = [:]
        var missing = false
        for p in kind.parameters {
            let isList = kind.name == "discrete" || kind.name == "piecewiseLinear"
            let candidates = p.timed ? units.map { (p.name + $0.suffix, $0.hours) } : [(p.name, 1.0)]
            let present = candidates.filter { o.contains($0.0) }
            for c in candidates { o.declare(c.0, expected: isList ? "a list of numbers" : "a number") }
            if present.count > 1 {
                o.error("give '\(p.name)' in one unit only, found \(present.map(\.0).joined(separator: " and "))", at: present[1].0)
                missing = true
                continue
            }
            guard let (key, hours) = present.first else {
                o.error("missing '\(p.timed ? p.name + "Days', '" + p.name + "Hours' or '" + p.name + "Minutes" : p.name)' in the \(kind.name) distribution")
                missing = true
                continue
            }
            let field = ObjectReader(object: JSONObject(o.object.members.filter { $0.key == key }), location: o.location,
                                     path: o.path, kind: o.kind, context: o.context)
            let timedBound = SchemaBounds.duration(unitHours: hours, allowsNegative: kind.name == "normal" && p.name == "mean")
            if isList {
                if let values = field.required(key, .array(of: .number(p.timed ? timedBound : .probability), minCount: 1)) {
                    lists[p.name] = values.map { $0 * hours }
                } else { missing = true }
            } else {
                let constraint = p.timed ? timedBound : SchemaBounds.shape(of: kind.name, parameter: p.name)
                if let value = field.required(key, .number(constraint)) { scalars[p.name] = value * hours } else { missing = true }
            }
        }
        guard !missing else { return nil }
        let d: Distribution
        switch kind.name {
        case "fixed": d = .fixed(scalars["value"]!)
        case "exponential": d = .exponential(mean: scalars["mean"]!)
        case "uniform": d = .uniform(min: scalars["min"]!, max: scalars["max"]!)
        case "triangular": d = .triangular(min: scalars["min"]!, mode: scalars["mode"]!, max: scalars["max"]!)
        case "normal": d = .normal(mean: scalars["mean"]!, sd: scalars["sd"]!)
        case "lognormal": d = .lognormal(mean: scalars["mean"]!, sd: scalars["sd"]!)
        case "gamma":
            let shape = scalars["shape"]!
            d = .gamma(shape: shape, scale: scalars["mean"]! / shape)
        case "weibull": d = .weibull(shape: scalars["shape"]!, scale: scalars["scale"]!)
        case "erlang":
            let k = scalars["k"]!
            guard k >= 1, k.rounded() == k, k <= 1_000 else { o.error("the Erlang k must be a whole number from 1 to 1000", at: "k"); return nil }
            d = .erlang(k: Int(k), mean: scalars["mean"]!)
        case "discrete":
            do { d = .discrete(try DiscreteTable(values: lists["values"]!, probabilities: lists["probabilities"]!)) } catch {
                o.error(error.message)
                return nil
            }
        default:
            do {
                d = .piecewiseLinear(try PiecewiseLinearTable(breakpoints: lists["breakpoints"]!,
                                                              cumulativeProbabilities: lists["cumulativeProbabilities"]!))
            } catch {
                o.error(error.message)
                return nil
            }
        }
        if let problem = d.validate() {
            o.error(problem)
            return nil
        }
        return d
    }

    // MARK: Calendar

    /// `{"from": 8, "to": 16}` in hours of the day; `from > to` wraps past midnight.
    static let hourWindow = ValueSpec<HourWindow>.object(kind: "HourWindow") { o in
        _ = o.optional("source", .string)
        _ = o.optional("notes", .string)
        let from = o.required("from", .number(in: 0...24))
        let to = o.required("to", .number(in: 0...24))
        guard let from, let to else { return nil }
        return HourWindow(from: from, to: to)
    }

    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `["mon", "tue"]`, or "all", "weekdays", "weekends".
    static let weekdays = ValueSpec<WeekdaySet>(
        expected: "a list of weekdays like [\"mon\", \"fri\"], or \"all\", \"weekdays\" or \"weekends\"") { reader in
        if let word = reader.value.stringValue {
            switch word {
            case "all": return .all
            case "weekdays": return .mondayToFriday
            case "weekends": return WeekdaySet([5, 6])
            default:
                reader.mismatch(expected: "\"all\", \"weekdays\", \"weekends\" or a list of weekdays",
                                suggestion: Suggestions.closest(to: word, among: ["all", "weekdays", "weekends"]).map { "did you mean '\($0)'?" })
                return nil
            }
        }
        guard let names = reader.read(.array(of: .oneOf(weekdayNames), minCount: 1)) else { return nil }
        return WeekdaySet(names.compactMap { weekdayNames.firstIndex(of: $0) })
    }

    // MARK: References

    /// A name that must have been declared earlier in `category` (e.g. a hospital).
    static func reference(_ category: String, noun: String) -> ValueSpec<String> {
        ValueSpec<String>(expected: "the name of a \(noun)") { reader in
            guard let name = reader.read(.nonEmptyString) else { return nil }
            let known = reader.context.names[category] ?? []
            guard known.contains(name) else {
                reader.error("no \(noun) named '\(name)'",
                             suggestion: Suggestions.closest(to: name, among: known).map { "did you mean '\($0)'?" }
                                ?? (known.isEmpty ? nil : "known: \(known.prefix(8).joined(separator: ", "))\(known.count > 8 ? ", …" : "")"))
                return nil
            }
            return name
        }
    }

    // MARK: Per-age-band values

    /// A value for every age band: either one value for all bands, or an object
    /// keyed by band name (`{"0-64": 2, "65-79": 10, "80+": 30}`). `isSingle`
    /// tells the two apart for values that are themselves objects.
    static func perAge<T>(_ element: ValueSpec<T>, isSingle: @escaping @Sendable (JSONValue) -> Bool,
                          expected: String? = nil) -> ValueSpec<[T]> {
        ValueSpec<[T]>(expected: expected ?? "\(element.expected), or one per age band as {\"0-64\": …, \"65-79\": …, \"80+\": …}",
                       discover: { context in _ = ValueReader(value: JSONValue(.object(JSONObject())), path: .root, context: context).read(element) }) { reader in
            let bands = reader.context.names["ageBands"] ?? Scenario.defaultAgeBands
            if isSingle(reader.value) {
                guard let value = reader.read(element) else { return nil }
                return Array(repeating: value, count: bands.count)
            }
            guard let object = reader.value.objectValue else {
                reader.mismatch(expected: expected ?? "\(element.expected), or an object keyed by age band")
                return nil
            }
            var result: [T?] = Array(repeating: nil, count: bands.count)
            var ok = true
            for member in object.members {
                guard let index = bands.firstIndex(of: member.key) else {
                    reader.context.diagnostics.error(
                        "unknown age band '\(member.key)'", at: member.keyLocation, path: reader.path,
                        suggestion: Suggestions.closest(to: member.key, among: bands).map { "did you mean '\($0)'?" }
                            ?? "age bands are: \(bands.joined(separator: ", "))")
                    ok = false
                    continue
                }
                result[index] = ValueReader(value: member.value, path: reader.path.appending(key: member.key), context: reader.context).read(element)
                if result[index] == nil { ok = false }
            }
            let missing = bands.indices.filter { result[$0] == nil && object[bands[$0]] == nil }
            if !missing.isEmpty {
                reader.error("missing age band\(missing.count > 1 ? "s" : "") \(missing.map { "'\(bands[$0])'" }.joined(separator: ", "))")
                ok = false
            }
            return ok ? result.map { $0! } : nil
        }
    }

    static func perAgeNumber(_ constraint: NumberConstraint) -> ValueSpec<[Double]> {
        perAge(.number(constraint), isSingle: { $0.numberValue != nil })
    }

    static let perAgeDuration = perAge(duration) { value in
        guard let object = value.objectValue, object.count == 1, let key = object.keys.first else { return false }
        return distributionKinds.contains { $0.name == key }
    }
}
