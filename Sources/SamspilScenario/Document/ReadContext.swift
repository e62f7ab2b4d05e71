/// Shared state for one decoding pass: where diagnostics go and which keys
/// each object kind accepts.
public final class ReadContext {
    public let diagnostics: DiagnosticCollector
    public let schema: SchemaRegistry
    /// True in the dry run of ``discoverSchema(of:)``: readers see empty objects,
    /// report nothing, and descend into every nested spec so all keys get recorded.
    public let isDiscoveringSchema: Bool

    /// Names declared earlier in the document, by category ("ageBands",
    /// "hospitals", …), so later values can be checked against them with a
    /// path and a "did you mean". Schema code fills it as it reads.
    public var names: [String: [String]] = [:]
    /// Raw values read earlier that later objects inherit from (e.g. the
    /// scenario-wide `discharge` that a municipality's `discharge` overrides).
    public var inherited: [String: JSONValue] = [:]

    var kindsBeingDiscovered: Set<String> = []
    var kindsDiscovered: Set<String> = []

    public init(diagnostics: DiagnosticCollector = DiagnosticCollector(), schema: SchemaRegistry = SchemaRegistry()) {
        self.diagnostics = diagnostics
        self.schema = schema
        self.isDiscoveringSchema = false
    }

    private init(discoveringInto schema: SchemaRegistry) {
        self.diagnostics = DiagnosticCollector()
        self.schema = schema
        self.isDiscoveringSchema = true
    }

    /// Reads `value` (usually a loaded document's root) with `spec`. Returns
    /// `nil` if anything was wrong; every problem is in `diagnostics`.
    public func read<T>(_ value: JSONValue, as spec: ValueSpec<T>, path: JSONPath = .root) -> T? {
        let result = ValueReader(value: value, path: path, context: self).read(spec)
        return diagnostics.hasErrors ? nil : result
    }

    /// Runs the reading code of `spec` without a document and returns every
    /// object kind and key it accepts. Reading code must ask for all of an
    /// object's keys before bailing out on a missing one (which it should do
    /// anyway, so that all problems are reported at once).
    public static func discoverSchema<T>(of spec: ValueSpec<T>) -> SchemaRegistry {
        let context = ReadContext(discoveringInto: SchemaRegistry())
        spec.discover?(context)
        return context.schema
    }
}

/// A value at a path in a document, being read.
public struct ValueReader {
    public let value: JSONValue
    public let path: JSONPath
    public let context: ReadContext

    public init(value: JSONValue, path: JSONPath, context: ReadContext) {
        self.value = value
        self.path = path
        self.context = context
    }

    public var location: SourceLocation { value.location }

    public func read<T>(_ spec: ValueSpec<T>) -> T? {
        spec.read(self)
    }

    /// Reports an error about this value.
    public func error(_ message: String, suggestion: String? = nil, notes: [Diagnostic.Note] = []) {
        guard !context.isDiscoveringSchema else { return }
        context.diagnostics.error(message, at: value.location, path: path, suggestion: suggestion, notes: notes)
    }

    /// Reports "expected …, found …" for this value.
    public func mismatch(expected: String, suggestion: String? = nil) {
        error("expected \(expected), found \(value.foundDescription)", suggestion: suggestion)
    }

    /// A reader for an element (used by array specs).
    public func element(_ index: Int, _ value: JSONValue) -> ValueReader {
        ValueReader(value: value, path: path.appending(index: index), context: context)
    }
}
