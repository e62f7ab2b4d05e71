import Testing
import SamspilModel

/// The example of docs/guides/model.md, verbatim (a plain `import`: only the
/// public API), so that the guide cannot rot.
@Suite struct GuideExampleTests {
    @Test func guideExampleRuns() throws {
        var scenario = Scenario(
            name: "one municipality",
            regions: [Region(name: "Midt")],
            hospitals: [Hospital(name: "Viborg", region: "Midt", medicalBeds: 120)],
            municipalities: [Municipality(name: "Viborg", region: "Midt", population: [75_000, 15_000, 5_000],
                                          catchment: [.init(hospital: "Viborg", share: 1)])],
            patientGroups: [PatientGroup(
                name: "pneumonia", ratePerThousandPerYear: [2, 20, 60],
                severity: Array(repeating: SeverityShares(gpManageable: 0.3, borderline: 0.4, mustAdmit: 0.3), count: 3),
                lengthOfStay: Array(repeating: .lognormal(mean: 5 * 24, sd: 4 * 24), count: 3),
                needsMunicipalCare: [0.1, 0.3, 0.5], readmissionProbability: [0.1, 0.15, 0.2])])
        scenario.simulation.horizonDays = 120

        let compiled = try CompiledScenario(scenario)          // once per scenario, shared by replications
        let result = PatientFlowModel.run(compiled, replication: 0)
        print(result[.admissions], result[.meanOccupancy], result.events)

        #expect(result[.admissions] > 0)
        #expect(result[.meanOccupancy] > 0)
        #expect(result.invariants.capacityViolations == 0)
    }
}
