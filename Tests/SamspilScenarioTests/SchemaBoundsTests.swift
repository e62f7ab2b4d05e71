import Testing
@testable import SamspilScenario
import SamspilModel

/// Every number the schema accepts runs: values beyond what the model can mean
/// are refused by validation, each with the reason.
@Suite struct SchemaBoundsTests {
    static let base = ScenarioErrorTests.base

    func diagnostics(_ text: String) -> [Diagnostic] {
        switch ScenarioLoader(documents: .inMemory(["s.json5": text])).load("s.json5") {
        case .success: return []
        case .failure(let error): return error.diagnostics
        }
    }

    func edited(_ replace: String, _ new: String) -> String {
        precondition(Self.base.contains(replace))
        return Self.base.replacingOccurrences(of: replace, with: new)
    }

    static let stay = "lognormal: { meanDays: 5, sdDays: 3 }"

    @Test func boundsRefuseWithAReason() {
        let cases: [(String, String, String, String)] = [
            (Self.stay, "lognormal: { meanDays: 5000, sdDays: 3 }", "patientGroups[0].lengthOfStay.lognormal.meanDays",
             "expected a number from 0 to 365 (days; durations are at most 365 days"),
            (Self.stay, "lognormal: { meanDays: 5, sdHours: 9000 }", "patientGroups[0].lengthOfStay.lognormal.sdHours",
             "expected a number from 0 to 8760 (hours;"),
            (Self.stay, "exponential: { meanMinutes: 600000 }", "patientGroups[0].lengthOfStay.exponential.meanMinutes",
             "expected a number from 0 to 525600 (minutes;"),
            (Self.stay, "gamma: { shape: 0.001, meanDays: 5 }", "patientGroups[0].lengthOfStay.gamma.shape",
             "expected a number from 0.05 to 10000 (a gamma shape below 0.05"),
            (Self.stay, "gamma: { shape: 20000, meanDays: 5 }", "patientGroups[0].lengthOfStay.gamma.shape",
             "expected a number from 0.05 to 10000"),
            (Self.stay, "weibull: { shape: 0.01, scaleDays: 5 }", "patientGroups[0].lengthOfStay.weibull.shape",
             "expected a number from 0.1 to 100 (a Weibull shape below 0.1"),
            (Self.stay, "discrete: { valuesDays: [1, 400], probabilities: [0.5, 0.5] }", "patientGroups[0].lengthOfStay.discrete.valuesDays[1]",
             "at most 365 days"),
            ("\"0-64\": 1000,", "\"0-64\": 20000000,", #"municipalities[0].population["0-64"]"#,
             "expected a number from 0 to 10000000 (citizens of one municipality in one age band"),
            ("ratePerThousandPerYear: 10", "ratePerThousandPerYear: 400000", "patientGroups[0].ratePerThousandPerYear",
             "expected a number from 0 to 365000 (episodes per 1,000 citizens per year; at most 1,000 per 1,000 a day"),
        ]
        for (old, new, path, message) in cases {
            let all = diagnostics(edited(old, new))
            #expect(all.count == 1, "\(new): \(all.map(\.description))")
            #expect(all.first?.path?.description == path, "\(new): \(all.map(\.description))")
            #expect(all.first?.message.contains(message) == true, "\(new): \(all.map(\.description))")
        }
    }

    @Test func valuesAtTheBoundsAreAccepted() {
        for (old, new) in [(Self.stay, "lognormal: { meanDays: 365, sdDays: 365 }"), (Self.stay, "gamma: { shape: 0.05, meanDays: 5 }"),
                           (Self.stay, "gamma: { shape: 10000, meanDays: 5 }"), (Self.stay, "weibull: { shape: 0.1, scaleHours: 1 }"),
                           ("ratePerThousandPerYear: 10", "ratePerThousandPerYear: 365000")] {
            #expect(diagnostics(edited(old, new)).isEmpty, "\(new)")
        }
    }

    @Test func demandImplyingTooManyInpatientsIsRefused() {
        // 10 million citizens in each band × 300 episodes per 1,000 a year × 70 % admitted × 365 days.
        let huge = edited("population: { \"0-64\": 1000, \"65-79\": 100, \"80+\": 10 }",
                          "population: { \"0-64\": 10000000, \"65-79\": 10000000, \"80+\": 10000000 }")
            .replacingOccurrences(of: "ratePerThousandPerYear: 10", with: "ratePerThousandPerYear: 300")
            .replacingOccurrences(of: Self.stay, with: "weibull: { shape: 0.1, scaleDays: 365 }")
        let all = diagnostics(huge)
        #expect(all.count == 1, "\(all.map(\.description))")
        #expect(all.first?.path?.description == "patientGroups")
        #expect(all.first?.message.contains("patients in hospital at once (admissions × mean length of stay); at most 1000000 can be simulated") == true,
                "\(all.map(\.description))")
        #expect(all.first?.line == 6, "points at the patient groups")
    }

    @Test func impliedInpatientsFollowLittlesLaw() throws {
        guard case .success(let loaded) = ScenarioLoader(documents: .inMemory(["s.json5": Self.base])).load("s.json5") else {
            Issue.record("the base is valid")
            return
        }
        // 1,110 citizens × 10 per 1,000 a year / 8,760 h × (0.4 + 0.3) admitted × 120 h.
        let expected = 1110.0 / 1000 * 10 / 8760 * 0.7 * 120
        #expect(abs(SchemaBounds.impliedInpatients(loaded.file.scenario) - expected) < 1e-9)
    }

    @Test func bundledScenariosAreWithinTheBounds() throws {
        for name in ["baseline", "denmark", "viborg-acute-team", "reform-2027"] {
            let path = repositoryRoot().appendingPathComponent("Scenarios/\(name).json5").path
            guard case .success(let loaded) = ScenarioLoader().load(path) else {
                Issue.record("\(name) is valid")
                continue
            }
            #expect(SchemaBounds.impliedInpatients(loaded.file.scenario) < SchemaBounds.maximumImpliedInpatients / 10)
        }
    }
}
