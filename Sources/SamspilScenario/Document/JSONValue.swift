/// A number as written in a scenario file.
///
/// `value` is the nearest `Double`. When the literal was an integer (decimal
/// without fraction or exponent, or hex) that fits in `Int`, `integer` holds it
/// exactly, so large counts and seeds survive beyond 2⁵³ and print back as
/// written.
public struct JSONNumber: Sendable, CustomStringConvertible {
    public var value: Double
    public var integer: Int?

    @inlinable
    public init(_ value: Double) {
        self.value = value
        self.integer = nil
    }

    @inlinable
    public init(_ integer: Int) {
        self.value = Double(integer)
        self.integer = integer
    }

    @inlinable
    public init(value: Double, integer: Int?) {
        self.value = value
        self.integer = integer
    }

    /// The number as JSON5 text that parses back to the same number.
    public var description: String {
        if let integer { return String(integer) }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    /// Same integer if both are exact integers, otherwise the same `Double`
    /// (NaN equals NaN here: this is equality of documents, not arithmetic).
    public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
        if let x = a.integer, let y = b.integer { return x == y }
        if a.value.isNaN && b.value.isNaN { return true }
        return a.value == b.value
    }
}

extension JSONNumber: Equatable {}

/// One `key: value` member of an object, with the location of the key.
public struct JSONMember: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: JSONValue

    @inlinable
    public init(key: String, keyLocation: SourceLocation, value: JSONValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// An object: members in the order they were written. Keys are unique in
/// anything the parser returns (duplicates are reported as errors and only the
/// first occurrence is kept).
public struct JSONObject: Sendable {
    public var members: [JSONMember]

    @inlinable
    public init(_ members: [JSONMember] = []) { self.members = members }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public func index(forKey key: String) -> Int? {
        members.firstIndex { $0.key == key }
    }

    public func member(_ key: String) -> JSONMember? {
        index(forKey: key).map { members[$0] }
    }

    /// Reads the value for `key`; setting replaces it in place or appends a
    /// new member (with a synthesized key location); setting `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { index(forKey: key).map { members[$0].value } }
        set {
            if let i = index(forKey: key) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append(JSONMember(key: key, keyLocation: newValue.location, value: newValue))
            }
        }
    }
}

/// A node of a parsed scenario document. Every node remembers where it was
/// written, so any later error — syntax, schema or merge — can point at the
/// file, line and column.
///
/// Equality (`==`) compares the document structure and ignores locations.
public struct JSONValue: Sendable {
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(JSONNumber)
        case string(String)
        case array([JSONValue])
        case object(JSONObject)
    }

    public var kind: Kind
    public var location: SourceLocation

    @inlinable
    public init(_ kind: Kind, at location: SourceLocation = .synthesized) {
        self.kind = kind
        self.location = location
    }

    public var isNull: Bool { if case .null = kind { return true }; return false }
    public var boolValue: Bool? { if case .bool(let b) = kind { return b }; return nil }
    public var numberValue: JSONNumber? { if case .number(let n) = kind { return n }; return nil }
    public var doubleValue: Double? { numberValue?.value }
    public var stringValue: String? { if case .string(let s) = kind { return s }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = kind { return a }; return nil }
    public var objectValue: JSONObject? { if case .object(let o) = kind { return o }; return nil }

    /// Object member lookup (`nil` if not an object or no such key).
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// "an object", "a string", … — the type's name for messages.
    public var typeDescription: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// A short description of the value for "found …" in messages:
    /// `null`, `true`, `12.5`, `the string "12"`, `an array of 3 elements`.
    public var foundDescription: String {
        switch kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s):
            let shown = s.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(37))) + "..." : s
            return "the string \(JSONPrinter.quoted(shown))"
        case .array(let a):
            return a.isEmpty ? "an empty array" : "an array of \(a.count) element\(a.count == 1 ? "" : "s")"
        case .object(let o):
            return o.isEmpty ? "an empty object" : "an object"
        }
    }
}

extension JSONValue: Equatable {
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a.kind, b.kind) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            guard x.members.count == y.members.count else { return false }
            for (m, n) in zip(x.members, y.members) where m.key != n.key || m.value != n.value {
                return false
            }
            return true
        default: return false
        }
    }
}

// Literal syntax, for building documents in code and tests:
// `let v: JSONValue = ["name": "Odense", "beds": 120, "weights": [1, 2.5]]`.
extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self.init(.null) }
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
    public init(integerLiteral value: Int) { self.init(.number(JSONNumber(value))) }
    public init(floatLiteral value: Double) { self.init(.number(JSONNumber(value))) }
    public init(stringLiteral value: String) { self.init(.string(value)) }
    public init(arrayLiteral elements: JSONValue...) { self.init(.array(elements)) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(.object(JSONObject(elements.map {
            JSONMember(key: $0.0, keyLocation: .synthesized, value: $0.1)
        })))
    }
}
