import Testing
@testable import SamspilModel
import SamspilReport
@testable import SamspilExperiment

/// Rows per municipality, hospital, region, team and acute-bed unit add up to
/// the system-wide metrics, replication by replication.
@Suite("Entity rows sum to the totals")
struct EntityRowsTests {
    /// Counts that add up exactly, by level.
    static let exact: [String: [String]] = [
        "municipality": ["admissions", "delayedDischargeDays", "gpConsultations", "outOfHoursConsultations"]
            + EntityCounts.municipalityMetrics.map(\.definition.name),
        "hospital": ["admissions"] + EntityCounts.hospitalMetrics.map(\.definition.name),
        "region": ["admissions", "overcrowdingPatients2300", "readmissions", "episodes", "avoidedAdmissions", "teamEpisodes",
                   "acuteBedEpisodes", "delayedDischargeDays"],
        "ward": ["admissions"],
        "team": ["teamEpisodes"] + EntityCounts.teamMetrics.map(\.definition.name),
        "acuteBeds": EntityCounts.bedUnitMetrics.map(\.definition.name),
    ]
    /// Integrals over time, which add up to rounding.
    static let integrals: [String: [String]] = [
        "municipality": ["bedDays"], "hospital": ["bedDays", "meanOccupancy", "overflowBedHours"],
        "region": ["bedDays", "meanOccupancy", "overflowBedHours"], "acuteBeds": ["acuteBedDays"], "ward": ["bedDays"],
    ]

    @Test(arguments: ["randers-cluster.json5", "viborg-acute-team.json5", "silkeborg-shared-beds.json5", "randers-acute-team.json5"])
    func entitySumsEqualTotals(_ file: String) throws {
        let c = try Experiments.configuration(file, replications: 2)
        let run = try ExperimentRunner(jobs: 2, replications: [0, 1]).run([c]).runs[0]
        func system(_ name: String) -> Int? { run.metrics.firstIndex { $0.name == name && $0.level == nil } }
        func entities(_ name: String, _ level: String) -> [Int] { run.metrics.indices.filter { run.metrics[$0].name == name && run.metrics[$0].level == level } }
        var checked = 0
        for (tolerance, table) in [(0.0, Self.exact), (1e-9, Self.integrals)] {
            for (level, names) in table {
                for name in names {
                    let rows = entities(name, level)
                    guard let total = system(name), !rows.isEmpty else { continue }
                    checked += 1
                    for values in run.values {
                        let sum = rows.reduce(0) { $0 + values[$1] }
                        #expect(abs(sum - values[total]) <= tolerance * max(1, abs(values[total])),
                                "\(file): \(name) by \(level) \(sum) ≠ \(values[total])")
                    }
                }
            }
        }
        #expect(checked >= 30, "\(file): only \(checked) sums checked")
        // With one hospital its occupancy percentile is the system's (two histories of the same level).
        let p95 = entities("p95Occupancy", "hospital")
        if p95.count == 1, let total = system("p95Occupancy") {
            for values in run.values { #expect(values[p95[0]] == values[total], "\(file): p95 of the one hospital") }
        }
        #expect(!entities("admissions", "municipality").isEmpty)
        // A municipality's resource cost is its citizens' use priced at the scenario's prices.
        let prices = c.file.economics.prices
        for name in c.file.scenario.municipalities.map(\.name) {
            func value(_ metric: String, _ values: [Double]) -> Double {
                values[run.metrics.firstIndex { $0.name == metric && $0.level == "municipality" && $0.entity == name }!]
            }
            for values in run.values {
                let expected = value("bedDays", values) * prices.hospitalBedDay
                    + value("emergencyDepartmentVisits", values) * prices.emergencyDepartmentVisit
                    + value("ambulanceTrips", values) * prices.ambulanceTrip
                    + value("gpConsultations", values) * prices.gpConsultation
                    + value("outOfHoursConsultations", values) * prices.outOfHoursContact
                    + value("temporaryBedDays", values) * prices.temporaryBedDay
                let cost = value("resourceCost", values)
                // GP home visits are the only priced use without a row of their own: a whole number of them.
                let homeVisits = (cost - expected) / prices.gpHomeVisit
                #expect(homeVisits > -1e-6 && abs(homeVisits - homeVisits.rounded()) < 1e-6, "\(file): \(name) \(homeVisits)")
                #expect(cost > 0, "\(file): \(name) caused no cost")
            }
        }
        // A team's visits include its follow-up visits.
        if let visits = system("teamVisits"), let followUps = system("teamFollowUpVisits") {
            let rows = entities("teamAllVisits", "team")
            for values in run.values where !rows.isEmpty {
                #expect(rows.reduce(0) { $0 + values[$1] } == values[visits] + values[followUps])
            }
        }
    }
}

/// The column lists of ``EntityCounts`` and the monitor's strides agree.
@Suite struct EntityCountColumnsTests {
    @Test func columnsAreConsecutiveInMetricOrder() {
        for (metrics, column) in [(EntityCounts.municipalityMetrics, EntityCounts.municipalityColumn),
                                  (EntityCounts.hospitalMetrics, EntityCounts.hospitalColumn),
                                  (EntityCounts.teamMetrics, EntityCounts.teamColumn),
                                  (EntityCounts.bedUnitMetrics, EntityCounts.bedUnitColumn)] {
            #expect(metrics.enumerated().allSatisfy { column($0.element) == $0.offset })
        }
    }
}
