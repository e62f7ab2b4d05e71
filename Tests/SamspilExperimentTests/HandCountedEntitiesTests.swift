import Foundation
import Testing
import SamspilReport
import SamspilScenario
@testable import SamspilExperiment

/// Two municipalities, two hospitals, two regions, built by hand: A (region
/// R1) uses only H1, B (region R2) only H2. With simple prices, the accounts
/// of B, R2 and R2's general practice follow by hand from counts of the run.
@Suite("Entities: a hand-counted two-municipality system")
struct HandCountedEntitiesTests {
    static let text = """
    {
      name: "two", simulation: { horizonDays: 73, warmupDays: 7, replications: 2, seed: 11 },
      ageBands: ["all"],
      regions: [{ name: "R1" }, { name: "R2" }],
      hospitals: [{ name: "H1", region: "R1", medicalBeds: 40 }, { name: "H2", region: "R2", medicalBeds: 10 }],
      municipalities: [
        { name: "A", region: "R1", population: { all: 50000 }, hospitals: { H1: 1 } },
        { name: "B", region: "R2", population: { all: 20000 }, hospitals: { H2: 1 } },
      ],
      patientGroups: [{ name: "g", ratePerThousandPerYear: 20, needsMunicipalCare: 0, readmissionProbability: 0.1,
                        severity: { gpManageable: 0.2, borderline: 0.3, mustAdmit: 0.5 },
                        lengthOfStay: { lognormal: { meanDays: 4, sdDays: 2 } } }],
      economics: { gpCapitationPerCitizenYearDkk: 365, regionBlockGrantPerYearDkk: 3650000, defaultDrgTariffDkk: 30000,
                   coFinancingShare: 0.2, coFinancingCapDkk: 100000, stateActivityShare: 0.5, gpFeeCoFinancingShare: 0 },
    }
    """

    /// The run, a row by name, level and entity in replication k, and a system row.
    static func run() throws -> (ScenarioRun, (String, String, String, Int) -> Double, (String, Int) -> Double) {
        let c = try Configuration(decoding: try JSON5Parser.parse(Self.text, file: "two.json5"), label: "two")
        let run = try ExperimentRunner(jobs: 2, replications: [0, 1]).run([c]).runs[0]
        func row(_ name: String, _ level: String, _ entity: String, _ k: Int) -> Double {
            run.values[k][run.metrics.firstIndex { $0.name == name && $0.level == level && $0.entity == entity }!]
        }
        func system(_ name: String, _ k: Int) -> Double { run.values[k][run.metrics.firstIndex { $0.name == name && $0.level == nil }!] }
        return (run, row, system)
    }

    @Test func accountsByNameMatchAHandCount() throws {
        let (run, row, system) = try Self.run()
        let days = 73.0
        for k in run.values.indices {
            // Each municipality's admissions are its hospital's and its region's.
            let a = row("admissions", "municipality", "A", k), b = row("admissions", "municipality", "B", k)
            #expect(a > 0 && b > 0 && a + b == system("admissions", k))
            #expect(row("admissions", "hospital", "H1", k) == a && row("admissions", "region", "R1", k) == a)
            #expect(row("admissions", "hospital", "H2", k) == b && row("admissions", "region", "R2", k) == b)
            // B pays co-financing for its own citizens only: 20 % of 30,000 DKK per admission, to R2.
            #expect(row("payer.transfersOut", "municipality", "B", k) == b * 6_000)
            #expect(row("payer.transfersIn", "municipality", "B", k) == 0)
            #expect(row("payer.net", "municipality", "B", k) == b * 6_000, "B runs no service and receives nothing")
            // R2 receives B's co-financing, the state's activity funding (half the tariff) and a block grant
            // (3,650,000 a year × 73/365 = 730,000).
            #expect(row("payer.transfersIn", "region", "R2", k) == b * 6_000 + b * 15_000 + 730_000)
            // General practice in R2: fees equal to its costs, plus capitation for B's 20,000 citizens (365 a year × 73/365).
            let practiceIn = row("payer.transfersIn", "generalPractice", "R2", k)
            #expect(abs(practiceIn - row("payer.costs", "generalPractice", "R2", k) - 20_000 * 365 * days / 365) < 0.005)
            #expect(abs(row("payer.net", "generalPractice", "R2", k) + 20_000 * 365 * days / 365) < 0.005)
            // The state pays activity funding for both municipalities and two block grants.
            #expect(row("payer.transfersOut", "state", "the state", k) == (a + b) * 15_000 + 2 * 730_000)
        }
    }

    /// A's citizens use only H1 and live in R1 (B: H2, R2), so what the monitor
    /// counts for a municipality, for its hospital and for its region agree.
    @Test func modelMeasuresByNameAgree() throws {
        let (run, row, system) = try Self.run()
        for k in run.values.indices {
            for (m, h, r) in [("A", "H1", "R1"), ("B", "H2", "R2")] {
                #expect(row("readmissions", "municipality", m, k) == row("readmissions", "hospital", h, k))
                #expect(row("readmissions", "region", r, k) == row("readmissions", "hospital", h, k))
                #expect(row("episodes", "region", r, k) == row("episodes", "municipality", m, k))
                let bedDays = row("bedDays", "hospital", h, k)
                #expect(abs(row("bedDays", "municipality", m, k) - bedDays) <= 1e-9 * bedDays, "\(m)'s citizens fill \(h)")
                // Mean occupancy × the window's days is the bed-days; the 95th percentile lies between mean and peak.
                #expect(abs(row("meanOccupancy", "hospital", h, k) * 73 - bedDays) <= 1e-9 * bedDays)
                #expect(row("p95Occupancy", "hospital", h, k) >= row("meanOccupancy", "hospital", h, k).rounded(.down))
                let stay = row("meanLengthOfStay", "hospital", h, k)
                #expect(stay > 1 && stay < 20, "\(h): mean stay \(stay) days for a lognormal of mean 4 plus waits")
                // Every episode starts with one first contact.
                let contacts = ["contactsGP", "contactsOutOfHours", "contactsEmergencyCall"].reduce(0) { $0 + row($1, "municipality", m, k) }
                #expect(contacts == row("episodes", "municipality", m, k))
                #expect(row("avoidedAdmissions", "municipality", m, k) == 0, "no team and no acute beds")
            }
            #expect(row("hospitalDischarges", "hospital", "H1", k) + row("hospitalDischarges", "hospital", "H2", k) == system("hospitalDischarges", k))
        }
    }
}
