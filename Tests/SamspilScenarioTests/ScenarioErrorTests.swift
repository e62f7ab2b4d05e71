import Testing
@testable import SamspilScenario
import SamspilModel

/// Every class of input error: message text, JSON path and location.
@Suite("Scenario files: errors that help")
struct ScenarioErrorTests {
    static let base = """
    {
      name: "t",
      regions: [{ name: "R" }],
      hospitals: [{ name: "H", region: "R", medicalBeds: 10 }],
      municipalities: [{ name: "M", region: "R", population: { "0-64": 1000, "65-79": 100, "80+": 10 }, hospitals: { H: 1 } }],
      patientGroups: [{ name: "g", ratePerThousandPerYear: 10,
                        severity: { gpManageable: 0.3, borderline: 0.4, mustAdmit: 0.3 },
                        lengthOfStay: { lognormal: { meanDays: 5, sdDays: 3 } } }],
      discharge: { notificationHours: 48 },
    }
    """

    /// Loads `text` (and optional other files) from memory; returns the diagnostics.
    func diagnostics(_ text: String, files: [String: String] = [:]) -> [Diagnostic] {
        var all = files
        all["s.json5"] = text
        let loader = ScenarioLoader(documents: .inMemory(all))
        switch loader.load("s.json5") {
        case .success: return []
        case .failure(let error): return error.diagnostics
        }
    }

    func only(_ text: String, files: [String: String] = [:]) -> Diagnostic? {
        let d = diagnostics(text, files: files)
        #expect(d.count == 1, "expected one diagnostic, got \(d.map(\.description))")
        return d.first
    }

    func edit(_ replace: String, with new: String) -> String {
        precondition(Self.base.contains(replace))
        return Self.base.replacingOccurrences(of: replace, with: new)
    }

    @Test("the base file is valid")
    func valid() { #expect(diagnostics(Self.base).isEmpty) }

    @Test("syntax error: file, line and column")
    func syntax() {
        // `hospitals: [{ … medicalBeds: 10 ],` — the object is not closed before `]`.
        let d = only(edit("medicalBeds: 10 }", with: "medicalBeds: 10 "))
        #expect(d?.file == "s.json5")
        #expect(d?.line == 4)
        #expect(d?.column == 57)
        #expect(d?.message.contains("expected ',' or '}'") == true)
    }

    @Test("unknown key: path and did-you-mean")
    func unknownKey() {
        // Both problems are reported: the misspelt key, and the required key it should have been.
        let all = diagnostics(edit("medicalBeds: 10", with: "medicalBed: 10"))
        #expect(all.count == 2)
        #expect(all.contains { $0.message == "missing required key 'medicalBeds' (expected an integer from 0 to 100000)" })
        let d = all.first { $0.message.hasPrefix("unknown key") }
        #expect(d?.message == "unknown key 'medicalBed' in Hospital")
        #expect(d?.path?.description == "hospitals[0]")
        #expect(d?.suggestion == "did you mean 'medicalBeds'?")
        #expect(d?.line == 4)
    }

    @Test("wrong type and out-of-range values name the path and what was expected")
    func typesAndRanges() {
        let negative = only(edit("medicalBeds: 10", with: "medicalBeds: -3"))
        #expect(negative?.path?.description == "hospitals[0].medicalBeds")
        #expect(negative?.message.contains("expected an integer from 0 to 100000") == true)
        let probability = only(edit("gpManageable: 0.3, borderline: 0.4, mustAdmit: 0.3", with: "gpManageable: 1.3, borderline: 0.4, mustAdmit: 0.3"))
        #expect(probability?.path?.description == "patientGroups[0].severity.gpManageable")
        #expect(probability?.message.contains("probability") == true)
        let text = only(edit("medicalBeds: 10", with: "medicalBeds: \"ten\""))
        #expect(text?.message.contains("found a string") == true || text?.message.contains("string") == true)
        let infinite = only(edit("notificationHours: 48", with: "notificationHours: Infinity"))
        #expect(infinite?.path?.description == "discharge.notificationHours")
        let nan = only(edit("notificationHours: 48", with: "notificationHours: NaN"))
        #expect(nan?.path?.description == "discharge.notificationHours")
    }

    @Test("shift hours outside 0–24 and profiles of the wrong length")
    func shiftsAndProfiles() {
        let team = """
          acuteTeams: [{ name: "T", municipalities: ["M"], maximumCaseload: 5,
                         shifts: [{ name: "day", from: 7, to: 25, nurses: 2 }] }],
        """
        let hours = only(edit("discharge:", with: team + "\n  discharge:"))
        #expect(hours?.path?.description == "acuteTeams[0].shifts[0].to")
        #expect(hours?.message.contains("from 0 to 24") == true)
        let profile = only(edit("discharge:", with: "demandProfile: { hourOfDay: [1, 2, 3] },\n  discharge:"))
        #expect(profile?.path?.description == "demandProfile.hourOfDay")
        #expect(profile?.message.contains("24") == true)
    }

    @Test("missing required fields")
    func missing() {
        let d = only(edit("medicalBeds: 10 ", with: ""))
        #expect(d?.message == "missing required key 'medicalBeds' (expected an integer from 0 to 100000)")
        #expect(d?.path?.description == "hospitals[0]")
    }

    @Test("references to hospitals and municipalities that do not exist")
    func references() {
        let hospital = only(edit("hospitals: { H: 1 }", with: "hospitals: { Hh: 1 }"))
        #expect(hospital?.message == "no hospital named 'Hh'")
        #expect(hospital?.suggestion == "did you mean 'H'?")
        let team = """
          acuteTeams: [{ name: "T", municipalities: ["Mx"], maximumCaseload: 5, shifts: [{ name: "day", from: 7, to: 15, nurses: 2 }] }],
        """
        let municipality = only(edit("discharge:", with: team + "\n  discharge:"))
        #expect(municipality?.message == "no municipality named 'Mx'")
        #expect(municipality?.path?.description == "acuteTeams[0].municipalities[0]")
    }

    @Test("all problems in a file are reported at once")
    func many() {
        let text = edit("medicalBeds: 10", with: "medicalBed: -1").replacingOccurrences(of: "sdDays: 3", with: "sdDays: -3")
            .replacingOccurrences(of: "notificationHours: 48", with: "notificationHours: 48, accept: 1")
        let d = diagnostics(text)
        #expect(d.count >= 3)
        #expect(d.contains { $0.message.contains("medicalBed") })
        #expect(d.contains { $0.path?.description == "patientGroups[0].lengthOfStay.lognormal.sdDays" })
        #expect(d.contains { $0.message.contains("'accept'") })
    }

    @Test("extends: missing base and cycles")
    func inheritance() {
        let missing = only("{ extends: \"nowhere.json5\", name: \"x\" }")
        #expect(missing?.message.contains("nowhere.json5") == true)
        let cycle = diagnostics("{ extends: \"b.json5\" }", files: ["b.json5": "{ extends: \"s.json5\" }"])
        #expect(cycle.contains { $0.message.contains("s.json5 → b.json5 → s.json5") || $0.message.contains("cycle") })
    }

    @Test("a municipality's discharge overrides only what it names")
    func dischargeInheritance() throws {
        let text = edit("hospitals: { H: 1 } }", with: "hospitals: { H: 1 }, discharge: { acceptDays: \"weekdays\" } }")
        let loader = ScenarioLoader(documents: .inMemory(["s.json5": text]))
        let file = try loader.load("s.json5").get().file
        let d = file.scenario.municipalities[0].discharge!
        #expect(d.acceptDays == .mondayToFriday)
        #expect(d.notificationHours == 48)              // inherited from the scenario-wide discharge
    }

    @Test("one bad hospital does not make references to it errors too")
    func noFollowOnErrors() {
        let d = diagnostics(edit("medicalBeds: 10", with: "medicalBeds: -1"))
        #expect(d.count == 1)
    }
}
