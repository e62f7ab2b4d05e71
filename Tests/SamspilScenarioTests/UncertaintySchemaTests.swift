import Testing
import SamspilEngine
@testable import SamspilScenario

/// The `uncertainty` list of a scenario file: inputs for probabilistic
/// sensitivity analysis, validated with the same precision as every other key.
@Suite("Scenario files: uncertain inputs")
struct UncertaintySchemaTests {
    /// The error tests' minimal scenario with a team and an `uncertainty` list.
    static let base = ScenarioErrorTests.base.replacingOccurrences(of: "  discharge: { notificationHours: 48 },", with: """
          acuteTeams: [{ name: "T", municipalities: ["M"], maximumCaseload: 5, shifts: [{ name: "day", from: 7, to: 15, nurses: 2 }] }],
          uncertainty: [UNCERTAINTY],
        """)

    func load(_ entries: String) -> Result<ScenarioFile, DiagnosticError> {
        let loader = ScenarioLoader(documents: .inMemory(["s.json5": Self.base.replacingOccurrences(of: "UNCERTAINTY", with: entries)]))
        return loader.load("s.json5").map(\.file)
    }

    func messages(_ entries: String) -> [String] {
        guard case .failure(let error) = load(entries) else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test("every distribution kind reads, with its path and source")
    func valid() throws {
        let file = try load("""
            { path: "patientGroups[*].readmissionProbability", distribution: { beta: { mean: 0.15, sd: 0.03 } }, source: "literature range" },
            { path: "patientGroups[g].readmissionProbability", distribution: { beta: { events: 30, trials: 200 } } },
            { path: "economics.prices.hospitalBedDayDkk", distribution: { gamma: { mean: 2000, sd: 500 } } },
            { path: "economics.prices.defaultNurseHourDkk", distribution: { lognormal: { mean: 450, sd: 50 } } },
            { path: "acuteTeams[T].shifts[day].nurses", distribution: { uniform: { min: 1, max: 4 } }, integer: true },
            { path: "acuteTeams[*].maximumCaseload", distribution: { triangular: { min: 3, mode: 5, max: 8 } }, integer: true },
            { path: "decision.partTimeCredibility", distribution: { fixed: 0.6 } },
            """).get()
        #expect(file.uncertainty.count == 7)
        #expect(file.uncertainty[0].source == "literature range")
        #expect(file.uncertainty[1].distribution == .beta(alpha: 30, beta: 170))
        #expect(file.uncertainty[4].isInteger && file.uncertainty[4].value(atQuantile: 0.99) == 4)
        #expect(file.uncertainty[6].distribution == .fixed(0.6))
    }

    @Test("a distribution whose tails leave the key's range is refused, at the input, with the key's reason")
    func tailsOutOfRange() {
        let m = messages(#"{ path: "patientGroups[g].readmissionProbability", distribution: { normal: { mean: 0.9, sd: 0.1 } } }"#)
        #expect(m.count == 1)
        #expect(m.first?.contains("s.json5:") == true)
        #expect(m.first?.contains("uncertainty[0]") == true)
        #expect(m.first?.contains("99.95th percentile") == true)
    }

    @Test("a count drawn without `integer: true` is refused where the key needs a whole number")
    func integerKey() {
        let m = messages(#"{ path: "acuteTeams[T].shifts[day].nurses", distribution: { uniform: { min: 1, max: 4 } } }"#)
        #expect(m.count == 1 && m[0].contains("makes the scenario invalid"))
    }

    func expectError(_ entry: String, _ fragment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let m = messages(entry)
        #expect(m.contains { $0.contains(fragment) }, "\(m)", sourceLocation: sourceLocation)
    }

    @Test("paths that do not resolve, bad syntax, and malformed distributions are errors with a path")
    func malformed() {
        expectError(#"{ path: "acuteTeams[X].maximumCaseload", distribution: { fixed: 3 } }"#,
                    "no element named 'X'; did you mean 'T'?")
        expectError(#"{ path: "a[", distribution: { fixed: 3 } }"#, "not a valid path")
        expectError(#"{ path: "decision.partTimeCredibility", distribution: { beta: { mean: 0.5, events: 3 } } }"#,
                    "either by 'mean' and 'sd' or by 'events' and 'trials'")
        expectError(#"{ path: "decision.partTimeCredibility", distribution: { beta: { mean: 0.5, sd: 0.6 } } }"#,
                    "uncertainty[0].distribution.beta")
        expectError(#"{ path: "decision.partTimeCredibility", distribution: { uniform: { min: 0.2, max: 0.8 }, fixed: 1 } }"#,
                    "name exactly one distribution, found fixed and uniform")
        expectError(#"{ path: "decision.partTimeCredibility", distribution: { gama: { mean: 1, sd: 1 } } }"#, "gamma")
    }
}
