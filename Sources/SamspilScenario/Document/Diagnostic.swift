/// One problem found in a scenario file.
///
/// Rendered in the conventional compiler form, with the JSON path first in the
/// message so a planner can find the value even without an editor jump:
///
///     whatif.json5:12:7: error: hospitals[2]: unknown key 'medicalBed'; did you mean 'medicalBeds'?
///     baseline.json5:3:5: note: first defined here
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        public static func < (a: Severity, b: Severity) -> Bool {
            a.rank < b.rank
        }

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    /// A secondary location, e.g. where a duplicated key was first defined.
    public struct Note: Sendable, Equatable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` for problems with no position (e.g. a file
    /// that cannot be read), in which case `file` still names the file.
    public var location: SourceLocation?
    /// The file the problem belongs to (the location's file when there is one).
    public var file: String?
    /// The JSON path of the offending value, when known.
    public var path: JSONPath?
    /// A fix to try, rendered after the message: "did you mean 'medicalBeds'?".
    public var suggestion: String?
    public var notes: [Note]

    public init(
        _ severity: Severity = .error,
        _ message: String,
        at location: SourceLocation?,
        path: JSONPath? = nil,
        suggestion: String? = nil,
        notes: [Note] = [],
        file: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.file = file ?? location?.file
        self.path = path
        self.suggestion = suggestion
        self.notes = notes
    }

    public var line: Int? { location.map(\.line) }
    public var column: Int? { location.map(\.column) }

    /// The message with path prefix and suggestion, without position or severity:
    /// `hospitals[2]: unknown key 'medicalBed'; did you mean 'medicalBeds'?`.
    public var fullMessage: String {
        var text = ""
        if let path, !path.isRoot { text += path.abbreviatedDescription + ": " }
        text += message
        if let suggestion { text += "; " + suggestion }
        return text
    }

    /// The diagnostic and its notes, one line each, in `file:line:col: severity: message` form.
    public var description: String {
        var text = Diagnostic.prefix(location, file: file) + severity.rawValue + ": " + fullMessage
        for note in notes {
            text += "\n" + Diagnostic.prefix(note.location, file: nil) + "note: " + note.message
        }
        return text
    }

    private static func prefix(_ location: SourceLocation?, file: String?) -> String {
        if let location, !location.isSynthesized { return location.description + ": " }
        if let name = location?.file ?? file { return name + ": " }
        return ""
    }

    /// Orders by file, then position, then severity; diagnostics without a
    /// position come first within their file.
    public static func locationOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let fa = a.file ?? "", fb = b.file ?? ""
        if fa != fb { return fa < fb }
        let oa = a.location?.offset ?? -1, ob = b.location?.offset ?? -1
        if oa != ob { return oa < ob }
        return a.severity < b.severity
    }
}

/// Accumulates diagnostics so that every problem in a file is reported at once.
///
/// A reference type so nested readers and closures can all report into one
/// collector. Not thread-safe: use one per load.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    public var isEmpty: Bool { diagnostics.isEmpty }

    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public func error(
        _ message: String, at location: SourceLocation?, path: JSONPath? = nil,
        suggestion: String? = nil, notes: [Diagnostic.Note] = []
    ) {
        report(Diagnostic(.error, message, at: location, path: path, suggestion: suggestion, notes: notes))
    }

    public func warning(_ message: String, at location: SourceLocation?, path: JSONPath? = nil) {
        report(Diagnostic(.warning, message, at: location, path: path))
    }

    /// The diagnostics ordered by file and position (stable for equal positions).
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { x, y in
            if Diagnostic.locationOrder(x.element, y.element) { return true }
            if Diagnostic.locationOrder(y.element, x.element) { return false }
            return x.offset < y.offset
        }.map(\.element)
    }

    /// All diagnostics rendered, sorted by location, one per line (notes follow
    /// their diagnostic), with a final count line if there are errors.
    public func render() -> String {
        var lines = sorted.map(\.description)
        let errors = errorCount
        if errors > 0 { lines.append("\(errors) error\(errors == 1 ? "" : "s")") }
        return lines.joined(separator: "\n")
    }

    /// Takes every diagnostic out of the collector.
    public func drain() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }
}

/// Thrown by the convenience APIs that turn collected diagnostics into an error.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
