import Foundation

/// Any JSON value, so that `results.json` can hold the resolved scenario as
/// an object rather than as JSON text inside a string.
public indirect enum JSONTree: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let b = try? c.decode(Bool.self) { self = .bool(b) } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) { self = .string(s) } else if let a = try? c.decode([JSONTree].self) {
            self = .array(a)
        } else { self = .object(try c.decode([String: JSONTree].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// `text` parsed as JSON; nil when it is not JSON.
    public init?(parsing text: String) {
        guard let tree = try? JSONDecoder().decode(JSONTree.self, from: Data(text.utf8)) else { return nil }
        self = tree
    }

    /// Indented JSON with sorted keys: the text ``init(parsing:)`` reads back to
    /// the same tree, and that prints the same again.
    public var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// A resolved scenario's text as `results.json` gives it back (see
    /// ``ScenarioRun/resolvedScenario``), so a run and a merge of its shards
    /// carry the same text; text that is not JSON is kept as it is.
    /// - Complexity: O(length of `text`).
    public static func canonical(_ text: String) -> String {
        JSONTree(parsing: text)?.text ?? text
    }
}
