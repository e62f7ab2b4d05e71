import SamspilScenario

/// A usage error: wrong options or arguments. Exit code 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The command whose usage to point at.
    public var command: String?
    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }
    public var description: String { message }
}

/// An option a command accepts.
public struct OptionSpec: Sendable {
    public var name: String           // "--replications"
    public var short: String?         // "-n"
    public var valueName: String?     // "N"; nil for a flag
    public var help: String
    public var repeatable: Bool
    public init(_ name: String, short: String? = nil, value: String? = nil, repeatable: Bool = false, help: String) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
    }
}

/// Parsed command-line arguments of one command.
public struct ParsedArguments: Sendable {
    public var positional: [String] = []
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []

    public func flag(_ name: String) -> Bool { flags.contains(name) }
    public func value(_ name: String) -> String? { values[name]?.last }
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// An integer option within `range`, in ``NumberSyntax`` (no `+2` or `0x10`).
    public func int(_ name: String, in range: ClosedRange<Int>, command: String) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = NumberSyntax.integer(text), range.contains(n) else {
            throw UsageError("\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), got '\(text)'", command: command)
        }
        return n
    }

    /// A number option within `range`, in ``NumberSyntax`` (no `1e3` or `inf`).
    public func double(_ name: String, in range: ClosedRange<Double>, command: String) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let x = NumberSyntax.decimal(text), range.contains(x) else {
            throw UsageError("\(name) takes a number from \(range.lowerBound) to \(range.upperBound), got '\(text)'", command: command)
        }
        return x
    }
}

/// Hand-written parsing in the conventions of POSIX and GNU tools: long options
/// `--name value` or `--name=value`, short `-n value`, `--` ends options, and
/// precise errors with a "did you mean" for misspelt options.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], options: [OptionSpec], command: String) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var i = 0
        var optionsEnded = false
        func spec(named name: String) -> OptionSpec? {
            options.first { $0.name == name || ($0.short != nil && $0.short == name) }
        }
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                result.positional.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = spec(named: name) else {
                let known = options.map(\.name)
                let suggestion = Suggestions.closest(to: name, among: known).map { ", did you mean \($0)?" } ?? ""
                throw UsageError("unknown option \(name)\(suggestion)", command: command)
            }
            if let valueName = option.valueName {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i < arguments.count else {
                        throw UsageError("option \(option.name) needs a value (\(valueName))", command: command)
                    }
                    value = arguments[i]
                    i += 1
                }
                if !option.repeatable && result.values[option.name] != nil {
                    throw UsageError("option \(option.name) given twice", command: command)
                }
                result.values[option.name, default: []].append(value)
            } else {
                if inlineValue != nil { throw UsageError("option \(option.name) takes no value", command: command) }
                result.flags.insert(option.name)
            }
        }
        return result
    }

    /// The options block of a help text.
    public static func helpText(_ options: [OptionSpec]) -> String {
        let rows = options.map { o -> (String, String) in
            var left = o.short.map { "\($0), " } ?? "    "
            left += o.name
            if let v = o.valueName { left += " \(v)" }
            return (left, o.help)
        }
        let width = min(30, (rows.map { $0.0.count }.max() ?? 0) + 2)
        return rows.map { left, help in
            let pad = left.count < width ? String(repeating: " ", count: width - left.count) : "\n" + String(repeating: " ", count: width + 2)
            return "  " + left + pad + help
        }.joined(separator: "\n")
    }
}
