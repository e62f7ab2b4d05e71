import Testing
import SamspilReport
@testable import SamspilExperiment

/// Rows per municipality, hospital, region, team and acute-bed unit add up to
/// the system-wide metrics, replication by replication.
@Suite("Entity rows sum to the totals")
struct EntityRowsTests {
    @Test(arguments: ["randers-cluster.json5", "viborg-acute-team.json5", "silkeborg-shared-beds.json5"])
    func entitySumsEqualTotals(_ file: String) throws {
        let c = try Experiments.configuration(file, replications: 2)
        let run = try ExperimentRunner(jobs: 2, replications: [0, 1]).run([c]).runs[0]
        func system(_ name: String) -> Int? { run.metrics.firstIndex { $0.name == name && $0.level == nil } }
        func entities(_ name: String, _ level: String) -> [Int] { run.metrics.indices.filter { run.metrics[$0].name == name && run.metrics[$0].level == level } }
        let checks: [(String, String)] = [("admissions", "municipality"), ("admissions", "hospital"), ("admissions", "region"),
                                          ("delayedDischargeDays", "municipality"), ("bedDays", "hospital"), ("bedDays", "region"),
                                          ("teamEpisodes", "team"), ("acuteBedDays", "acuteBeds"), ("admissions", "ward"), ("bedDays", "ward"),
                                          ("gpConsultations", "municipality"), ("outOfHoursConsultations", "municipality")]
        for (name, level) in checks {
            let rows = entities(name, level)
            guard let total = system(name), !rows.isEmpty else { continue }
            for values in run.values {
                let sum = rows.reduce(0) { $0 + values[$1] }
                #expect(abs(sum - values[total]) <= 1e-9 * max(1, abs(values[total])), "\(file): \(name) by \(level) \(sum) ≠ \(values[total])")
            }
        }
        #expect(!entities("admissions", "municipality").isEmpty)
        // A team's visits include its follow-up visits.
        if let visits = system("teamVisits"), let followUps = system("teamFollowUpVisits") {
            let rows = entities("teamAllVisits", "team")
            for values in run.values where !rows.isEmpty {
                #expect(rows.reduce(0) { $0 + values[$1] } == values[visits] + values[followUps])
            }
        }
    }
}
