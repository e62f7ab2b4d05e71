/// Reads one JSON object field by field with precise, collected errors.
///
/// Ask for every key the object kind accepts with `required` or `optional`;
/// each returns the decoded value or `nil`/the default, and reports problems
/// (missing key, wrong type, out of range, …) with the JSON path and location
/// without stopping. `finish()` (called for you by `.object(kind:)`) then
/// reports every key nobody asked for as unknown, with a "did you mean"
/// suggestion among the accepted keys.
///
/// `null` means "not set": an optional key whose value is `null` takes its
/// default (so an override file can reset a value with `null`); a required key
/// must not be `null`.
public final class ObjectReader {
    public let object: JSONObject
    public let location: SourceLocation
    public let path: JSONPath
    /// The object kind, e.g. "Hospital": the schema registry's key, and used in messages.
    public let kind: String
    public let context: ReadContext

    private var knownKeys: [String] = []
    private var consumed: Set<String> = []
    private var finished = false

    public init(object: JSONObject, location: SourceLocation, path: JSONPath, kind: String, context: ReadContext) {
        self.object = object
        self.location = location
        self.path = path
        self.kind = kind
        self.context = context
        context.schema.registerKind(kind)
    }

    /// An object reader for `value`, or `nil` after reporting that it is not an object.
    public convenience init?(_ reader: ValueReader, kind: String) {
        guard let object = reader.value.objectValue else {
            reader.mismatch(expected: "\(Self.article(kind)) \(kind) object")
            return nil
        }
        self.init(object: object, location: reader.value.location, path: reader.path, kind: kind, context: reader.context)
    }

    // MARK: Reading keys

    /// Reads a key that must be present (and not `null`).
    public func required<T>(_ key: String, _ spec: ValueSpec<T>) -> T? {
        declare(key, expected: spec.expected, isRequired: true)
        guard let member = object.member(key) else {
            if context.isDiscoveringSchema {
                spec.discover?(context)
            } else {
                context.diagnostics.error(
                    "missing required key '\(key)' (expected \(spec.expected))", at: location, path: path)
            }
            return nil
        }
        return spec.read(ValueReader(value: member.value, path: path.appending(key: key), context: context))
    }

    /// Reads an optional key: `nil` if absent or `null` (or invalid, after reporting).
    public func optional<T>(_ key: String, _ spec: ValueSpec<T>) -> T? {
        declare(key, expected: spec.expected, isRequired: false)
        return readOptional(key, spec)
    }

    /// Reads an optional key, using `default` if it is absent, `null` or invalid
    /// (an invalid value is still reported).
    public func optional<T>(_ key: String, _ spec: ValueSpec<T>, default defaultValue: T) -> T {
        declare(key, expected: spec.expected, isRequired: false, defaultValue: Self.describeDefault(defaultValue))
        return readOptional(key, spec) ?? defaultValue
    }

    private func readOptional<T>(_ key: String, _ spec: ValueSpec<T>) -> T? {
        guard let member = object.member(key), !member.value.isNull else {
            if context.isDiscoveringSchema { spec.discover?(context) }
            return nil
        }
        return spec.read(ValueReader(value: member.value, path: path.appending(key: key), context: context))
    }

    /// Marks `key` as accepted without reading it (for keys handled elsewhere),
    /// and records it in the schema registry.
    public func declare(_ key: String, expected: String, isRequired: Bool = false, defaultValue: String? = nil) {
        if consumed.insert(key).inserted { knownKeys.append(key) }
        context.schema.record(
            kind: kind,
            key: SchemaRegistry.Key(name: key, isRequired: isRequired, expected: expected, defaultValue: defaultValue))
    }

    /// Whether `key` is present with a non-null value.
    public func contains(_ key: String) -> Bool {
        guard let value = object[key] else { return false }
        return !value.isNull
    }

    /// The raw reader for `key` (marking it accepted), or `nil` if absent.
    public func reader(for key: String, expected: String = "a value") -> ValueReader? {
        declare(key, expected: expected)
        return object.member(key).map { ValueReader(value: $0.value, path: path.appending(key: key), context: context) }
    }

    // MARK: Semantic errors

    /// Reports a problem found by the schema code (e.g. "minimum exceeds
    /// maximum") at `key`'s value, or at the object if `key` is `nil` or absent.
    public func error(_ message: String, at key: String? = nil, suggestion: String? = nil, notes: [Diagnostic.Note] = []) {
        guard !context.isDiscoveringSchema else { return }
        if let key, let member = object.member(key) {
            context.diagnostics.error(
                message, at: member.value.location, path: path.appending(key: key), suggestion: suggestion, notes: notes)
        } else {
            context.diagnostics.error(message, at: location, path: path, suggestion: suggestion, notes: notes)
        }
    }

    // MARK: Finishing

    /// Reports every key that was not read or declared as unknown, with a
    /// "did you mean" suggestion. Idempotent.
    public func finish() {
        guard !finished else { return }
        finished = true
        guard !context.isDiscoveringSchema else { return }
        for member in object.members where !consumed.contains(member.key) {
            let suggestion = Suggestions.closest(to: member.key, among: knownKeys).map { "did you mean '\($0)'?" }
            var notes: [Diagnostic.Note] = []
            if suggestion == nil {
                notes.append(Diagnostic.Note("\(Self.article(kind)) \(kind) accepts: \(knownKeys.sorted().joined(separator: ", "))"))
            }
            context.diagnostics.error(
                "unknown key '\(member.key)' in \(kind)", at: member.keyLocation, path: path,
                suggestion: suggestion, notes: knownKeys.isEmpty ? [] : notes)
        }
    }

    static func article(_ word: String) -> String {
        word.first.map { "AEIOUaeiou".contains($0) } == true ? "an" : "a"
    }

    static func describeDefault<T>(_ value: T) -> String {
        if let raw = value as? any RawRepresentable { return "\(raw.rawValue)" }
        if let double = value as? Double { return JSONNumber(double).integerIfExact.description }
        if let string = value as? String { return JSONPrinter.quoted(string) }
        if let array = value as? [Any] { return "[" + array.map { describeDefault($0) }.joined(separator: ", ") + "]" }
        return "\(value)"
    }
}
