import Testing
@testable import SamspilScenario

/// Parses `text` as file `f.json5`; returns the value and all diagnostics.
func parse(_ text: String, file: String = "f.json5", maxDepth: Int = 256) -> (JSONValue?, [Diagnostic]) {
    let diagnostics = DiagnosticCollector()
    let value = JSON5Parser(options: .init(maxDepth: maxDepth)).parse(text, file: file, diagnostics: diagnostics)
    return (value, diagnostics.sorted)
}

/// The single rendered diagnostic for a document expected to fail, e.g.
/// `f.json5:1:7: error: expected a value, found '}'`.
func syntaxError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    let (value, diagnostics) = parse(text)
    #expect(value == nil, sourceLocation: sourceLocation)
    #expect(diagnostics.count == 1, sourceLocation: sourceLocation)
    return diagnostics.first.map { "\($0.location?.description ?? "-"): \($0.fullMessage)" } ?? "(no error)"
}

/// Parses a document that must be valid.
func value(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> JSONValue {
    let (value, diagnostics) = parse(text)
    #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
    return value ?? nil
}
