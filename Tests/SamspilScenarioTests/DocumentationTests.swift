import Foundation
import Testing
@testable import SamspilScenario

/// The repository root, found from this file's path (Tests/SamspilScenarioTests/…).
func repositoryRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// docs/scenario-format.md must describe every object kind and key the
/// scenario schema accepts (each kind under a heading that names it, each key
/// in backticks in that section).
@Suite struct DocumentationTests {
    static let documentPath = repositoryRoot().appendingPathComponent("docs/scenario-format.md").path

    @Test func everyAcceptedKeyIsDocumented() throws {
        let schema = ReadContext.discoverSchema(of: ScenarioSchema.file)
        let markdown = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        let undocumentedKeys = schema.undocumentedKeys(inMarkdown: markdown)
        let missing = undocumentedKeys.map { "  - \($0)" }.joined(separator: "\n")
        #expect(undocumentedKeys.isEmpty,
                "docs/scenario-format.md does not document \(undocumentedKeys.count) schema entries:\n\(missing)")
    }

    /// Guards the check itself: discovery must find every kind (so a kind
    /// silently dropped from discovery cannot make the test pass vacuously).
    @Test func discoveryFindsEveryObjectKind() {
        let schema = ReadContext.discoverSchema(of: ScenarioSchema.file)
        let expected: Set = [
            "Scenario", "Simulation", "Region", "BedChange", "Hospital", "Ward", "Municipality", "Severity", "BandShares",
            "TeamTreatment", "BedTreatment", "PatientGroup", "DemandProfile", "HourWindow", "Contact", "Trust",
            "Decision", "Shift", "ForwardVisitation", "FollowUp", "EarlyDischarge", "AcuteTeam", "AcuteBedUnit",
            "Discharge", "Readmission", "Coordination", "Behaviour", "Distribution", "Economics", "RegimeRules", "Prices", "BehaviourCoefficients",
            "BedPressure", "Deterioration", "TrustDynamics", "BandMultipliers", "GPContract", "ImplementationItem", "PayerReference", "Budget", "PopulationProjection", "RampUp",
            "UncertainInput", "ParameterDistribution", "BetaParameters", "MeanAndSd", "RangeParameters", "TriangularParameters",
        ]
        #expect(Set(schema.kinds) == expected, "kinds: \(schema.kinds)")
        #expect(schema.keys(of: "Distribution").contains { $0.name == "lognormal.meanDays" })
        #expect(schema.keys(of: "Hospital").contains { $0.name == "medicalBeds" && $0.isRequired })
    }

    /// The check fails when a key or a kind's heading is missing.
    @Test func checkDetectsAMissingKey() throws {
        let schema = ReadContext.discoverSchema(of: ScenarioSchema.file)
        let markdown = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        let withoutKey = markdown.replacingOccurrences(of: "`maximumCaseload`", with: "maximumCaseload")
        #expect(schema.undocumentedKeys(inMarkdown: withoutKey).map(\.description) == [
            "AcuteTeam.maximumCaseload: key not mentioned (in backticks) in its section",
        ])
        let withoutHeading = markdown.replacingOccurrences(of: "## Behaviour\n", with: "## Incentives\n")
        #expect(schema.undocumentedKeys(inMarkdown: withoutHeading).map(\.description) == [
            "Behaviour: no heading names this object kind",
        ])
    }
}
