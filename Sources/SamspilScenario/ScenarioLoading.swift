import SamspilEconomics
import SamspilModel

/// Loads, resolves (`extends`) and validates a scenario file.
public struct ScenarioLoader: Sendable {
    public var documents: ScenarioDocumentLoader

    public init(documents: ScenarioDocumentLoader = ScenarioDocumentLoader()) {
        self.documents = documents
    }

    /// The resolved scenario and its document, or every problem found.
    public func load(_ path: String) -> Result<(file: ScenarioFile, document: ScenarioDocument), DiagnosticError> {
        let diagnostics = DiagnosticCollector()
        guard let document = documents.load(path, diagnostics: diagnostics) else {
            return .failure(DiagnosticError(diagnostics.sorted))
        }
        return decode(document.root).map { ($0, document) }
            .mapError { DiagnosticError(InheritanceContext.annotate($0.diagnostics, chain: document.files)) }
    }

    /// Reads a resolved (and possibly edited) document into a scenario file.
    public func decode(_ root: JSONValue) -> Result<ScenarioFile, DiagnosticError> {
        let diagnostics = DiagnosticCollector()
        let context = ReadContext(diagnostics: diagnostics)
        guard let file = context.read(root, as: ScenarioSchema.file) else {
            return .failure(DiagnosticError(diagnostics.sorted))
        }
        SchemaBounds.checkScale(file, root: root, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return .failure(DiagnosticError(diagnostics.sorted)) }
        return .success(file)
    }
}
