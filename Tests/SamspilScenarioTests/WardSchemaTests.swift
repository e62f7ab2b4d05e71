import Testing
@testable import SamspilScenario
@testable import SamspilModel

/// Wards in scenario files: a hospital's `wards`, a group's, team's and
/// acute-bed unit's `ward`, and a unit's `costShares` — read, and refused with
/// file, line, column, path and a suggestion.
@Suite("Scenario files: wards")
struct WardSchemaTests {
    static let base = """
    {
      name: "t",
      regions: [{ name: "R" }],
      hospitals: [{ name: "H", region: "R", medicalBeds: 10, wards: [{ name: "psychiatric", beds: 8 }] }],
      municipalities: [{ name: "M", region: "R", population: { "0-64": 1000, "65-79": 100, "80+": 10 }, hospitals: { H: 1 } }],
      patientGroups: [
        { name: "g", ratePerThousandPerYear: 10, severity: { gpManageable: 0.3, borderline: 0.4, mustAdmit: 0.3 },
          lengthOfStay: { lognormal: { meanDays: 5, sdDays: 3 } } },
        { name: "p", ward: "psychiatric", ratePerThousandPerYear: 5, severity: { gpManageable: 0.3, borderline: 0.4, mustAdmit: 0.3 },
          lengthOfStay: { lognormal: { meanDays: 12, sdDays: 8 } } },
      ],
      acuteTeams: [
        { name: "medical team", municipalities: ["M"], shifts: [{ name: "day", from: 7, to: 15, nurses: 2 }], maximumCaseload: 10 },
        { name: "outreach", ward: "psychiatric", municipalities: ["M"], shifts: [{ name: "day", from: 7, to: 15, nurses: 2 }], maximumCaseload: 10 },
      ],
      acuteBeds: [{ name: "shared", ward: "psychiatric", municipalities: ["M"], beds: 4, pooledWith: "H", costShares: { municipality: 0.6, region: 0.4 } }],
    }
    """

    func load(_ text: String) -> Result<ScenarioFile, DiagnosticError> {
        ScenarioLoader(documents: .inMemory(["s.json5": text])).load("s.json5").map(\.file)
    }

    func only(_ text: String) -> Diagnostic? { ScenarioErrorTests().only(text) }
    func diagnostics(_ text: String) -> [Diagnostic] { ScenarioErrorTests().diagnostics(text) }

    func edit(_ replace: String, with new: String) -> String {
        precondition(Self.base.contains(replace))
        return Self.base.replacingOccurrences(of: replace, with: new)
    }

    @Test("wards, a group's ward, an outreach team and jointly run acute places are read")
    func valid() throws {
        let file = try load(Self.base).get()
        let s = file.scenario
        #expect(s.hospitals[0].wards == [Hospital.Ward(name: "psychiatric", beds: 8)])
        #expect(s.wardNames == ["medical", "psychiatric"])
        #expect(s.patientGroups.map(\.ward) == ["medical", "psychiatric"])
        #expect(s.acuteTeams.map(\.ward) == ["medical", "psychiatric"])
        #expect(s.acuteBedUnits[0].ward == "psychiatric")
        #expect(s.acuteBedUnits[0].regionCostShare == 0.4)
        let compiled = try CompiledScenario(s)
        #expect(compiled.poolCount == 2)
        #expect(compiled.team(municipality: 0, group: 0) == 0)
        #expect(compiled.team(municipality: 0, group: 1) == 1)
        #expect(compiled.bedUnit(municipality: 0, group: 0) == -1)
        #expect(compiled.bedUnit(municipality: 0, group: 1) == 0)
        #expect(compiled.bedUnitHospital == [1])   // pooled with H's psychiatric ward
    }

    @Test("an unknown ward name: path, position and did-you-mean")
    func unknownWard() {
        let d = only(edit(#"ward: "psychiatric", ratePerThousandPerYear: 5"#, with: #"ward: "psychiatrc", ratePerThousandPerYear: 5"#))
        #expect(d?.file == "s.json5")
        #expect(d?.line == 9)
        #expect(d?.column == 24)
        #expect(d?.path?.description == "patientGroups[1].ward")
        #expect(d?.message == "no ward named 'psychiatrc'")
        #expect(d?.suggestion == "did you mean 'psychiatric'?")
        let team = only(edit(#"name: "outreach", ward: "psychiatric""#, with: #"name: "outreach", ward: "psychiatry""#))
        #expect(team?.path?.description == "acuteTeams[1].ward")
        #expect(team?.suggestion == "did you mean 'psychiatric'?")
    }

    @Test("a catchment hospital without the group's ward is an error naming it")
    func hospitalWithoutWard() {
        let text = edit(#"hospitals: [{ name: "H", region: "R", medicalBeds: 10, wards: [{ name: "psychiatric", beds: 8 }] }],"#,
                        with: #"hospitals: [{ name: "H", region: "R", medicalBeds: 10, wards: [{ name: "psychiatric", beds: 8 }] }, { name: "K", region: "R", medicalBeds: 5 }],"#)
            .replacingOccurrences(of: "hospitals: { H: 1 }", with: "hospitals: { H: 0.5, K: 0.5 }")
        guard case .failure(let error) = load(text) else { Issue.record("expected an error"); return }
        let messages = error.diagnostics.map(\.message)
        #expect(messages.contains("hospital 'K' receives patients by a municipality's catchment but has no ward 'psychiatric'"), "\(messages)")
        #expect(error.diagnostics.contains { $0.path?.description == "patientGroups[1].ward" && $0.suggestion == "add a ward 'psychiatric' to 'K'" })
    }

    @Test("a ward named medical, two outreach teams for one municipality, cost shares not summing to 1")
    func otherErrors() {
        let medical = diagnostics(edit(#"wards: [{ name: "psychiatric", beds: 8 }]"#, with: #"wards: [{ name: "medical", beds: 8 }]"#))
        #expect(medical.contains { $0.path?.description == "hospitals[0].wards[0].name" && $0.message.contains("the medical ward is the hospital's own medicalBeds") },
                "\(medical.map(\.description))")
        let twice = only(edit(#"{ name: "medical team", municipalities"#, with: #"{ name: "medical team", ward: "psychiatric", municipalities"#))
        #expect(twice?.message == "municipality 'M' is served by two acute teams for the psychiatric ward ('medical team' and 'outreach')")
        let shares = only(edit("costShares: { municipality: 0.6, region: 0.4 }", with: "costShares: { municipality: 0.6, region: 0.5 }"))
        #expect(shares?.path?.description == "acuteBeds[0].costShares")
        #expect(shares?.message.contains("cost shares must sum to 1") == true)
        let payer = only(edit("costShares: { municipality: 0.6, region: 0.4 }", with: "costShares: { municipality: 0.6, state: 0.4 }"))
        #expect(payer?.message.contains("unknown payer 'state'") == true)
    }
}
