import Testing
import SamspilEngine
@testable import SamspilModel

/// The patient-flow model reduced to cases with known answers: hospital beds
/// alone, Poisson arrivals, exponential stays. Tolerances are 99.9 % replication
/// confidence intervals (a correct model fails a check with probability 0.001),
/// and each check also requires the interval to be narrow enough to matter.
@Suite("Patient flow: special cases with known answers")
struct SpecialCaseTests {
    /// Arrivals λ per hour straight to hospital (112, must admit), exponential
    /// stays of mean `meanStay` hours, nothing else.
    static func bedsOnly(lambda: Double, meanStay: Double, beds: Int, overflow: Hospital.OverflowPolicy) -> Scenario {
        let population = 100_000.0
        let perThousandPerYear = lambda * 8760 / (population / 1000)
        let group = PatientGroup(
            name: "acute", ratePerThousandPerYear: [perThousandPerYear],
            severity: [SeverityShares(gpManageable: 0, borderline: 0, mustAdmit: 1)],
            emergencyCallShare: BandValues(gpManageable: 1, borderline: 1, mustAdmit: 1),
            lengthOfStay: [.exponential(mean: meanStay)], needsMunicipalCare: [0], readmissionProbability: [0])
        var s = Scenario(name: "beds only", ageBands: ["all"], regions: [Region(name: "R")],
                         hospitals: [Hospital(name: "H", region: "R", medicalBeds: beds, dischargeHours: .allDay,
                                              overflow: overflow)],
                         municipalities: [Municipality(name: "M", region: "R", population: [population],
                                                       catchment: [.init(hospital: "H", share: 1)])],
                         patientGroups: [group])
        s.simulation.warmupDays = 5
        s.simulation.horizonDays = 200
        s.simulation.initialState = .empty
        // The queueing reductions need the hospital's responses to pressure off.
        s.bedPressure = .off
        return s
    }

    func replicate(_ scenario: Scenario, _ n: Int) throws -> [ReplicationResult] {
        let compiled = try CompiledScenario(scenario)
        return (0..<n).map { PatientFlowModel.run(compiled, replication: $0) }
    }

    func expectAgrees(_ values: [Double], _ theory: Double, within precision: Double, _ what: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let s = ReplicationSummary(values, confidenceLevel: 0.999)
        let ci = s.confidenceInterval!
        #expect(ci.contains(theory), "\(what): \(theory) outside 99.9 % CI \(ci)", sourceLocation: sourceLocation)
        #expect(s.halfWidth! < precision * theory, "\(what): CI too wide (\(s.halfWidth!))", sourceLocation: sourceLocation)
    }

    @Test("beds with outlying overflow are an Erlang loss system: overflow share = B(c, a)")
    func erlangB() throws {
        let runs = try replicate(Self.bedsOnly(lambda: 2, meanStay: 5, beds: 12, overflow: .stayInOverflow), 30)
        let b = QueueingFormulas.erlangB(servers: 12, offeredLoad: 10)
        expectAgrees(runs.map { $0[.admissionsToFullHospital] / $0[.admissions] }, b, within: 0.06, "overflow share")
        // Bed-hours inside the ward = carried load a(1 − B); overflow bed-hours = a·B per hour.
        let hours = 200.0 * 24
        expectAgrees(runs.map { $0[.overflowBedHours] / hours }, 10 * b, within: 0.08, "overflow level")
    }

    @Test("with unlimited beds, occupancy is Poisson (M/M/∞): mean and variance a")
    func infiniteBeds() throws {
        let runs = try replicate(Self.bedsOnly(lambda: 2, meanStay: 5, beds: 10_000, overflow: .moveToFreeBed), 30)
        func moments(_ d: [Double]) -> (Double, Double) {
            let total = d.reduce(0, +)
            let mean = d.enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element } / total
            let variance = d.enumerated().reduce(0.0) { $0 + (Double($1.offset) - mean) * (Double($1.offset) - mean) * $1.element } / total
            return (mean, variance)
        }
        expectAgrees(runs.map { moments($0.occupancyDistribution).0 }, 10, within: 0.02, "mean occupancy")
        expectAgrees(runs.map { moments($0.occupancyDistribution).1 }, 10, within: 0.06, "occupancy variance")
        expectAgrees(runs.map { $0[.meanOccupancy] }, 10, within: 0.02, "meanOccupancy metric")
    }

    @Test("with corridor beds, the share of admissions finding the ward full is the Poisson tail P(N ≥ c)")
    func poissonTail() throws {
        let runs = try replicate(Self.bedsOnly(lambda: 2, meanStay: 5, beds: 12, overflow: .moveToFreeBed), 30)
        // P(N ≥ 12) for N ~ Poisson(10) (PASTA).
        var term = exp(-10.0), below = 0.0
        for k in 0..<12 { below += term; term *= 10 / Double(k + 1) }
        expectAgrees(runs.map { $0[.admissionsToFullHospital] / $0[.admissions] }, 1 - below, within: 0.06, "P(N ≥ 12)")
    }

    @Test("Little's law on hospital beds: occupancy = admission rate × mean stay")
    func littlesLaw() throws {
        let runs = try replicate(Self.bedsOnly(lambda: 2, meanStay: 5, beds: 12, overflow: .moveToFreeBed), 20)
        let gap = runs.map { r -> Double in
            let hours = 200.0 * 24
            let stays = (r[.meanStay0to64]) * 24
            return r[.meanOccupancy] - r[.hospitalDischarges] / hours * stays
        }
        // Over a finite window L − λW is not exactly 0: stays cut by the window's
        // edges are in L but not in W. That edge term is at most about L·E[S]/T
        // = 10 · 5 / 4800 ≈ 0.01 patients; anything larger is an error.
        let s = ReplicationSummary(gap, confidenceLevel: 0.999)
        let edge = 10.0 * 5 / (200 * 24)
        #expect(abs(s.mean!) < edge + s.halfWidth!, "L − λW = \(s.mean!)")
        #expect(s.halfWidth! < 0.05)
    }
}
