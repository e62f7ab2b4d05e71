import Foundation
import Testing
import SamspilEngine
import SamspilModel
@testable import SamspilScenario

/// The bundled scenarios against the Danish facts they are calibrated to
/// (docs/domain.md §4; docs/calibration.md explains how each was calibrated), and
/// the model's invariants on every bundled scenario.
@Suite("Calibration and invariants of the bundled scenarios")
struct CalibrationTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")

    static func load(_ name: String) throws -> ScenarioFile {
        try ScenarioLoader().load(directory.appendingPathComponent(name).path).get().file
    }

    static func run(_ scenario: Scenario, replications: Int) throws -> [ReplicationResult] {
        let compiled = try CompiledScenario(scenario)
        return ReplicationRunner.run(compiled, replications: Array(0..<replications), jobs: 2).compactMap { $0 }
    }

    static func mean(_ runs: [ReplicationResult], _ m: Metric) -> Double { runs.reduce(0) { $0 + $1[m] } / Double(runs.count) }

    /// `value` within ±15 % of the interval [low, high] (the tolerance).
    static func within15(_ value: Double, _ low: Double, _ high: Double) -> Bool { value >= low * 0.85 && value <= high * 1.15 }

    @Test("baseline reproduces Danish stays, readmissions and preventable admissions (±15 %)")
    func baseline() throws {
        let runs = try Self.run(Self.load("baseline.json5").adjustedForIncentives(), replications: 8)
        let stay65 = Self.mean(runs, .meanStay65to79), stay80 = Self.mean(runs, .meanStay80plus)
        let readmission = Self.mean(runs, .readmissionRate65plus)
        let preventable = Self.mean(runs, .preventableAdmissions65PerThousand)
        #expect(Self.within15(stay65, 5.3, 5.3), "mean stay 65–79: \(stay65) days, target 5.3")
        #expect(Self.within15(stay80, 5.6, 5.6), "mean stay 80+: \(stay80) days, target 5.6")
        #expect(readmission >= 0.13 && readmission <= 0.22, "30-day readmission 65+: \(readmission), target 13–22 %")
        #expect(Self.within15(preventable, 55, 60), "preventable admissions 65+: \(preventable) per 1,000, target 55–60")
        // Occupancy of the sized beds: busy but not permanently overflowing.
        let occupancy = Self.mean(runs, .occupancyRate)
        #expect(occupancy > 0.8 && occupancy < 1.0, "occupancy rate \(occupancy)")
    }

    /// Not a fitted target any more: with returns after every ending the ratio
    /// is emergent. It must lie between Viborg's own count (one in five) and
    /// England's virtual wards (one in 2.5), docs/domain.md §4.10 (±15 %).
    @Test("Viborg: avoided admissions per team episode between 1 in 5 (Viborg) and 1 in 2.5 (England)")
    func viborg() throws {
        let runs = try Self.run(Self.load("viborg-acute-team.json5").adjustedForIncentives(), replications: 8)
        let ratio = Self.mean(runs, .avoidedByAcuteTeam) / Self.mean(runs, .teamEpisodes)
        #expect(ratio >= 0.2 * 0.85 && ratio <= 0.4 * 1.15, "avoided per team episode: \(ratio), evidence 0.2–0.4")
    }

    /// Esbjerg's configuration (daytime only, lower trust, unclear responsibility,
    /// more escalations) gives a small effect: far less than Viborg's, and
    /// fewer avoided admissions per team episode. VIVE's null is on another
    /// measure (referred citizens with any admission in 12 months) in a small
    /// study; docs/validation.md says how far the two compare.
    @Test("Esbjerg parameter set: a small effect on admissions, far below Viborg's")
    func smallEffect() throws {
        let base = try Self.run(Self.load("baseline.json5").adjustedForIncentives(), replications: 10)
        let esbjerg = try Self.run(Self.load("esbjerg-null-effect.json5").adjustedForIncentives(), replications: 10)
        let viborg = try Self.run(Self.load("viborg-acute-team.json5").adjustedForIncentives(), replications: 10)
        func effect(_ runs: [ReplicationResult]) throws -> ClosedRange<Double> {
            let d = PairedDifference(scenario: runs.map { $0[.admissions] }, base: base.map { $0[.admissions] })
            return try #require(d.difference.confidenceInterval)
        }
        let e = try effect(esbjerg), v = try effect(viborg)
        #expect(e.lowerBound > 0.4 * v.upperBound, "Esbjerg \(e) vs Viborg \(v)")
        #expect(-e.lowerBound < 0.03 * Self.mean(base, .admissions), "Esbjerg reduces admissions by less than 3 %: \(e)")
        let ratio = { (r: [ReplicationResult]) in Self.mean(r, .avoidedByAcuteTeam) / Self.mean(r, .teamEpisodes) }
        #expect(ratio(esbjerg) < ratio(viborg))
    }

    @Test("invariants hold on every bundled scenario", arguments: try FileManager.default
        .contentsOfDirectory(atPath: CalibrationTests.directory.path).filter { $0.hasSuffix(".json5") }.sorted())
    func invariants(_ name: String) throws {
        var scenario = try Self.load(name).adjustedForIncentives()
        // The national scenario is large: a shorter horizon keeps the test fast.
        if scenario.municipalities.count > 20 {
            scenario.simulation.horizonDays = 21
            scenario.simulation.warmupDays = 7
        }
        for r in try Self.run(scenario, replications: 2) {
            let outcomes = [Metric.outcomeHomeWithGP, .outcomeDischargedFromED, .outcomeAdmitted, .outcomeAcuteTeam,
                            .outcomeAcuteBed, .outcomeInProgress].reduce(0.0) { $0 + r[$1] }
            #expect(outcomes == r[.episodes], "\(name): outcomes \(outcomes) ≠ episodes \(r[.episodes])")
            #expect(r[.contactsGP] + r[.contactsOutOfHours] + r[.contactsEmergencyCall] == r[.episodes])
            #expect(r.invariants.capacityViolations == 0, "\(name): capacity exceeded")
            let byStays = r.invariants.bedHoursByStays, byOccupancy = r.invariants.bedHoursByOccupancy
            #expect(abs(byStays - byOccupancy) <= 1e-9 * max(1, byOccupancy), "\(name): bed-hours \(byStays) vs \(byOccupancy)")
            #expect(abs(r[.bedDays] * 24 - byOccupancy) <= 1e-9 * max(1, byOccupancy))
        }
    }
}
