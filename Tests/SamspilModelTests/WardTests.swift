import Testing
import SamspilEngine
@testable import SamspilModel

/// Wards: a hospital's psychiatric ward is a bed pool of its own. Reduced to
/// beds alone (Poisson arrivals, exponential stays, outlying overflow), the
/// psychiatric ward is an Erlang loss system on its own, whatever the load on
/// the medical ward beside it. Tolerances as in `SpecialCaseTests`.
@Suite("Wards: a psychiatric ward is its own queue")
struct WardTests {
    /// A medical group of `medicalLambda` and a psychiatric group of λ = 2 an
    /// hour, both straight to hospital with exponential stays of 5 hours; the
    /// psychiatric ward has 12 beds and outlying overflow (offered load 10).
    static func twoWards(medicalLambda: Double, medicalBeds: Int) -> Scenario {
        var s = SpecialCaseTests.bedsOnly(lambda: 2, meanStay: 5, beds: medicalBeds, overflow: .stayInOverflow)
        s.hospitals[0].wards = [Hospital.Ward(name: "psychiatric", beds: 12, dischargeHours: .allDay, overflow: .stayInOverflow)]
        var psychiatric = s.patientGroups[0]
        psychiatric.name = "psychiatric crisis"
        psychiatric.ward = "psychiatric"
        s.patientGroups[0].ratePerThousandPerYear = [medicalLambda * 8760 / 100]
        s.patientGroups.append(psychiatric)
        return s
    }

    func replicate(_ scenario: Scenario, _ n: Int) throws -> [ReplicationResult] {
        let compiled = try CompiledScenario(scenario)
        return (0..<n).map { PatientFlowModel.run(compiled, replication: $0) }
    }

    @Test("the psychiatric ward alone is an Erlang loss system: overflow = a·B(c, a), occupancy = a")
    func erlangBOnTheWard() throws {
        let runs = try replicate(Self.twoWards(medicalLambda: 3, medicalBeds: 10), 30)
        let b = QueueingFormulas.erlangB(servers: 12, offeredLoad: 10)
        let hours = 200.0 * 24
        // Pool 1 is the hospital's psychiatric ward (pools: every medical ward, then the other wards).
        #expect(runs[0].usage.wardHospital == [0, 0] && runs[0].usage.wardKind == [0, 1])
        let psychiatric = runs.map { $0.usage.overflowBedHoursByWard[1] / hours }
        SpecialCaseTests().expectAgrees(psychiatric, 10 * b, within: 0.08, "psychiatric overflow level")
        SpecialCaseTests().expectAgrees(runs.map { $0.usage.bedDaysByWard[1] * 24 / hours }, 10, within: 0.02,
                                        "psychiatric offered load")
        // The medical ward is heavily loaded (a = 15 on 10 beds) and is a loss system of its own.
        let medical = QueueingFormulas.erlangB(servers: 10, offeredLoad: 15)
        SpecialCaseTests().expectAgrees(runs.map { $0.usage.overflowBedHoursByWard[0] / hours }, 15 * medical, within: 0.08,
                                        "medical overflow level")
        for r in runs {
            // The hospital's figures sum its wards.
            #expect(r.usage.admissionsByHospital[0] == r.usage.admissionsByWard.reduce(0, +))
            #expect(abs(r.usage.bedDays[0] - r.usage.bedDaysByWard.reduce(0, +)) <= 1e-9 * r.usage.bedDays[0])
            #expect(r.invariants.capacityViolations == 0)
            #expect(abs(r.invariants.bedHoursByStays - r.invariants.bedHoursByOccupancy) <= 1e-6 * r.invariants.bedHoursByOccupancy)
        }
    }

    @Test("the medical ward's load does not reach the psychiatric ward")
    func independentOfMedicalLoad() throws {
        let light = try replicate(Self.twoWards(medicalLambda: 0.5, medicalBeds: 10), 5)
        let heavy = try replicate(Self.twoWards(medicalLambda: 4, medicalBeds: 10), 5)
        // Common random numbers: the psychiatric episodes are the same in both
        // runs, and with beds alone nothing connects the wards.
        for (a, b) in zip(light, heavy) {
            #expect(a.usage.admissionsByWard[1] == b.usage.admissionsByWard[1])
            #expect(a.usage.bedDaysByWard[1] == b.usage.bedDaysByWard[1])
            #expect(a.usage.overflowBedHoursByWard[1] == b.usage.overflowBedHoursByWard[1])
            #expect(a.usage.admissionsByWard[0] < b.usage.admissionsByWard[0])
        }
    }

    @Test("a scenario without other wards has one pool per hospital")
    func medicalOnly() throws {
        let compiled = try CompiledScenario(SpecialCaseTests.bedsOnly(lambda: 1, meanStay: 5, beds: 8, overflow: .moveToFreeBed))
        #expect(compiled.poolCount == compiled.hospitalCount)
        #expect(compiled.wardCount == 1)
        #expect(compiled.hospitalWardPool == [0])
    }

    @Test("a psychiatric outreach team treats only psychiatric groups; a medical team only medical ones")
    func teamsByWard() throws {
        var s = Self.twoWards(medicalLambda: 1, medicalBeds: 20)
        for g in s.patientGroups.indices {
            s.patientGroups[g].severity = [SeverityShares(gpManageable: 0, borderline: 1, mustAdmit: 0)]
            s.patientGroups[g].emergencyCallShare = BandValues(gpManageable: 0, borderline: 0, mustAdmit: 0)
            s.patientGroups[g].acuteTeam = TeamTreatment(substitutableShare: 1, episodeLength: .fixed(24), visitsPerDay: 1,
                                                         escalationProbability: 0)
        }
        var outreach = AcuteTeam(name: "outreach", municipalities: ["M"],
                                 shifts: [.init(name: "all day", hours: .allDay, nurses: 50)], maximumCaseload: 1_000)
        outreach.ward = "psychiatric"
        s.acuteTeams = [outreach]
        let compiled = try CompiledScenario(s)
        #expect(compiled.team(municipality: 0, group: 0) == -1)
        #expect(compiled.team(municipality: 0, group: 1) == 0)
        let r = PatientFlowModel.run(compiled, replication: 0)
        #expect(r[.teamEpisodes] > 0)
        // Only psychiatric episodes (twice the medical arrivals) go to the team:
        // a smaller share of them is admitted than of the medical ones.
        #expect(Double(r.usage.admissionsByWard[1]) / 2 < 0.8 * Double(r.usage.admissionsByWard[0]))
    }
}
