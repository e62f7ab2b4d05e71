/// How to read one kind of value: the checks, the decoding, and a description
/// of what is expected (used in error messages and recorded in the schema).
///
/// Specs compose, so a schema reads like a declaration:
///
///     o.required("medicalBeds", .integer(.nonNegative))
///     o.optional("lengthOfStay", .number(.positive), default: 3.5)
///     o.required("kind", .oneOf(HospitalKind.self))
///     o.required("hourWeights", .array(of: .number(.nonNegative), count: 24))
///     o.required("wards", .array(of: .object(kind: "Ward") { w in Ward(reading: w) }))
public struct ValueSpec<Value>: Sendable {
    /// What is expected, for messages: "a non-negative number".
    public var expected: String
    let read: @Sendable (ValueReader) -> Value?
    /// Schema discovery: descend into nested object kinds without a document.
    let discover: (@Sendable (ReadContext) -> Void)?

    /// A custom spec. `read` reports its own errors through the reader (see
    /// ``ValueReader/mismatch(expected:suggestion:)``) and returns `nil` on failure.
    public init(
        expected: String, discover: (@Sendable (ReadContext) -> Void)? = nil,
        read: @escaping @Sendable (ValueReader) -> Value?
    ) {
        self.expected = expected
        self.read = read
        self.discover = discover
    }

    /// Transforms a successfully read value.
    public func map<U>(_ transform: @escaping @Sendable (Value) -> U) -> ValueSpec<U> {
        let read = self.read
        return ValueSpec<U>(expected: expected, discover: discover) { reader in read(reader).map(transform) }
    }

    /// Adds a check: `problem` returns an error message for invalid values
    /// (reported at the value, with its path) or `nil` if the value is fine.
    public func validated(_ problem: @escaping @Sendable (Value) -> String?) -> ValueSpec<Value> {
        let read = self.read
        return ValueSpec(expected: expected, discover: discover) { reader in
            guard let value = read(reader) else { return nil }
            if let message = problem(value) {
                reader.error(message)
                return nil
            }
            return value
        }
    }
}

// MARK: Scalars

extension ValueSpec where Value == Double {
    /// A finite number satisfying `constraint`.
    public static func number(_ constraint: NumberConstraint = .any) -> ValueSpec<Double> {
        let expected = constraint.describe(noun: "number")
        return ValueSpec(expected: expected) { reader in
            guard let number = reader.value.numberValue else {
                reader.mismatch(expected: expected, suggestion: quotedNumberHint(reader.value))
                return nil
            }
            guard constraint.contains(number.value) else {
                reader.mismatch(expected: expected)
                return nil
            }
            return number.value
        }
    }

    /// A number in a closed range.
    public static func number(in range: ClosedRange<Double>) -> ValueSpec<Double> {
        number(.range(range))
    }
}

extension ValueSpec where Value == Int {
    /// An integral number (written `3`, `3.0`, `3e0` or `0x3`) satisfying `constraint`.
    public static func integer(_ constraint: NumberConstraint = .any) -> ValueSpec<Int> {
        let expected = constraint.describe(noun: "integer")
        return ValueSpec(expected: expected) { reader in
            guard let number = reader.value.numberValue else {
                reader.mismatch(expected: expected, suggestion: quotedNumberHint(reader.value))
                return nil
            }
            let integer: Int?
            if let exact = number.integer {
                integer = exact
            } else if number.value.isFinite && number.value.rounded() == number.value && abs(number.value) < 9.2e18 {
                integer = Int(number.value)
            } else {
                integer = nil
            }
            guard let integer, constraint.contains(Double(integer)) else {
                reader.mismatch(expected: expected)
                return nil
            }
            return integer
        }
    }

    /// An integer in a closed range.
    public static func integer(in range: ClosedRange<Int>) -> ValueSpec<Int> {
        integer(.range(Double(range.lowerBound)...Double(range.upperBound)))
    }
}

extension ValueSpec where Value == Bool {
    public static var bool: ValueSpec<Bool> {
        ValueSpec(expected: "true or false") { reader in
            if let b = reader.value.boolValue { return b }
            var hint: String? = nil
            if let s = reader.value.stringValue, s == "true" || s == "false" { hint = "remove the quotes" }
            reader.mismatch(expected: "true or false", suggestion: hint)
            return nil
        }
    }
}

extension ValueSpec where Value == String {
    public static var string: ValueSpec<String> {
        ValueSpec(expected: "a string") { reader in
            if let s = reader.value.stringValue { return s }
            reader.mismatch(expected: "a string")
            return nil
        }
    }

    /// A string with at least one non-blank character.
    public static var nonEmptyString: ValueSpec<String> {
        ValueSpec(expected: "a non-empty string") { reader in
            if let s = reader.value.stringValue, s.contains(where: { !$0.isWhitespace }) { return s }
            reader.mismatch(expected: "a non-empty string")
            return nil
        }
    }

    /// One of a fixed set of strings; the error lists them and suggests the closest.
    public static func oneOf(_ allowed: [String]) -> ValueSpec<String> {
        let expected = "one of " + allowed.map { JSONPrinter.quoted($0) }.joined(separator: ", ")
        return ValueSpec(expected: expected) { reader in
            if let s = reader.value.stringValue, allowed.contains(s) { return s }
            let suggestion = reader.value.stringValue
                .flatMap { Suggestions.closest(to: $0, among: allowed) }
                .map { "did you mean \(JSONPrinter.quoted($0))?" }
            reader.mismatch(expected: expected, suggestion: suggestion)
            return nil
        }
    }
}

extension ValueSpec where Value == JSONValue {
    /// Any value, unchecked (for parts decoded elsewhere).
    public static var any: ValueSpec<JSONValue> {
        ValueSpec(expected: "any value") { $0.value }
    }
}

extension ValueSpec where Value: CaseIterable & RawRepresentable & Sendable, Value.RawValue == String {
    /// An enum value written as its raw string (the enum must be `Sendable`, as enums usually are).
    public static func oneOf(_ type: Value.Type) -> ValueSpec<Value> {
        ValueSpec<String>.oneOf(Value.allCases.map(\.rawValue)).map { Value(rawValue: $0)! }
    }
}

func quotedNumberHint(_ value: JSONValue) -> String? {
    guard let s = value.stringValue, Double(s.trimmingCharacters(in: " ")) != nil else { return nil }
    return "remove the quotes to make it a number"
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var slice = self[...]
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return slice
    }
}

// MARK: Containers

extension ValueSpec {
    /// An object of the given kind, read by `body` with an ``ObjectReader``;
    /// unknown keys are reported after `body` returns.
    public static func object(kind: String, _ body: @escaping @Sendable (ObjectReader) -> Value?) -> ValueSpec<Value> {
        ValueSpec(
            expected: "\(ObjectReader.article(kind)) \(kind) object",
            discover: { context in
                guard !context.kindsDiscovered.contains(kind),
                    context.kindsBeingDiscovered.insert(kind).inserted
                else { return }
                defer {
                    context.kindsBeingDiscovered.remove(kind)
                    context.kindsDiscovered.insert(kind)
                }
                let reader = ObjectReader(object: JSONObject(), location: .synthesized, path: .root, kind: kind, context: context)
                _ = body(reader)
                reader.finish()
            },
            read: { value in
                guard let reader = ObjectReader(value, kind: kind) else { return nil }
                let result = body(reader)
                reader.finish()
                return result
            })
    }

    /// An array whose elements are all read with `element`. `count` demands an
    /// exact length (e.g. 24 hour weights); `minCount` a minimum. Every element
    /// is read, so all bad elements are reported; the result is `nil` if any failed.
    public static func array<E>(of element: ValueSpec<E>, count: Int? = nil, minCount: Int = 0) -> ValueSpec<[E]>
    where Value == [E] {
        var expected = "an array"
        if let count { expected += " of exactly \(count) element\(count == 1 ? "" : "s")" }
        else if minCount > 0 { expected += " of at least \(minCount) element\(minCount == 1 ? "" : "s")" }
        expected += ", each \(element.expected)"
        let lengthText = expected
        return ValueSpec<[E]>(expected: expected, discover: element.discover) { reader in
            guard let elements = reader.value.arrayValue else {
                reader.mismatch(expected: lengthText)
                return nil
            }
            var ok = true
            if let count, elements.count != count {
                reader.error("expected exactly \(count) element\(count == 1 ? "" : "s"), found \(elements.count)")
                ok = false
            } else if elements.count < minCount {
                reader.error("expected at least \(minCount) element\(minCount == 1 ? "" : "s"), found \(elements.count)")
                ok = false
            }
            var result: [E] = []
            result.reserveCapacity(elements.count)
            for (index, value) in elements.enumerated() {
                if let decoded = element.read(reader.element(index, value)) { result.append(decoded) } else { ok = false }
            }
            return ok ? result : nil
        }
    }

    /// A list of objects identified by a unique `"name"` (hospitals,
    /// municipalities, …): like `.array(of: element)`, plus an error for each
    /// repeated name (the merge rules match elements by name).
    public static func namedList<E>(of element: ValueSpec<E>, minCount: Int = 0) -> ValueSpec<[E]>
    where Value == [E] {
        let list = ValueSpec<[E]>.array(of: element, minCount: minCount)
        return ValueSpec<[E]>(expected: list.expected, discover: list.discover) { reader in
            var firstByName: [String: SourceLocation] = [:]
            var ok = true
            for (index, element) in (reader.value.arrayValue ?? []).enumerated() {
                guard let nameMember = element.objectValue?.member("name"),
                    let name = nameMember.value.stringValue
                else { continue }
                if let first = firstByName[name] {
                    reader.element(index, element).error(
                        "duplicate name \(JSONPrinter.quoted(name)) in list; names must be unique",
                        notes: [Diagnostic.Note("first used here", at: first)])
                    ok = false
                } else {
                    firstByName[name] = nameMember.value.location
                }
            }
            let result = list.read(reader)
            return ok ? result : nil
        }
    }

    /// An object used as a map from free-form keys (e.g. municipality names) to
    /// values read with `element`; order is kept.
    public static func dictionary<E>(of element: ValueSpec<E>) -> ValueSpec<[(key: String, value: E)]>
    where Value == [(key: String, value: E)] {
        let expected = "an object whose values are each \(element.expected)"
        return ValueSpec<[(key: String, value: E)]>(expected: expected, discover: element.discover) { reader in
            guard let object = reader.value.objectValue else {
                reader.mismatch(expected: expected)
                return nil
            }
            var ok = true
            var result: [(key: String, value: E)] = []
            for member in object.members {
                let child = ValueReader(value: member.value, path: reader.path.appending(key: member.key), context: reader.context)
                if let decoded = element.read(child) { result.append((member.key, decoded)) } else { ok = false }
            }
            return ok ? result : nil
        }
    }
}
