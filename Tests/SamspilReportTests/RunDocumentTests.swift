import Foundation
import Testing
@testable import SamspilReport

@Suite("Run documents")
struct RunDocumentTests {
    @Test("a run document survives a JSON round trip, including per-replication series")
    func roundTrip() throws {
        var run = ScenarioRun(label: "base", scenarioName: "base", resolvedScenario: "{}",
                              metrics: [MetricInfo(name: "admissions", unit: "admissions", description: "d", group: "g")],
                              replicationNumbers: [0, 1], values: [[1], [2]],
                              estimates: [Estimate(n: 2, mean: 1.5, sd: 0.7, ciLow: -4.9, ciHigh: 7.9)])
        run.replicationSeries = [ReplicationSeries(name: "occupancy", unit: "patients", day: [0, 1], values: [[1, 2], [3, 4]])]
        let document = RunDocument(command: "run",
                                   tool: ToolInfo(name: "samspil", version: "0", machine: "m", commandLine: ["samspil"]),
                                   experiment: ExperimentInfo(seed: 1, replications: 2, warmupDays: 0, horizonDays: 1, jobs: 1, runSeconds: 0),
                                   runs: [run])
        let data = try JSONEncoder().encode(document)
        #expect(try JSONDecoder().decode(RunDocument.self, from: data) == document)
    }
}
