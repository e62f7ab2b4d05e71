import SamspilModel

/// Loads, resolves (`extends`) and validates a scenario file.
public struct ScenarioLoader: Sendable {
    public var documents: ScenarioDocumentLoader

    public init(documents: ScenarioDocumentLoader = ScenarioDocumentLoader()) {
        self.documents = documents
    }

    /// The resolved scenario and its document, or every problem found.
    public func load(_ path: String) -> Result<(scenario: Scenario, document: ScenarioDocument), DiagnosticError> {
        let diagnostics = DiagnosticCollector()
        guard let document = documents.load(path, diagnostics: diagnostics) else {
            return .failure(DiagnosticError(diagnostics.sorted))
        }
        let context = ReadContext(diagnostics: diagnostics)
        guard let scenario = context.read(document.root, as: ScenarioSchema.scenario) else {
            return .failure(DiagnosticError(diagnostics.sorted))
        }
        return .success((scenario, document))
    }
}
