import Foundation
import Testing
@testable import SamspilReport

@Suite("Run documents")
struct RunDocumentTests {
    @Test("a run document survives a JSON round trip, including per-replication series")
    func roundTrip() throws {
        var run = ScenarioRun(label: "base", scenarioName: "base", resolvedScenario: JSONTree.canonical(#"{"name": "base"}"#),
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

@Suite("Between-run measures")
struct BetweenRunsTests {
    @Test("between-runs.csv lists each comparison's derived measures, and comparison.csv only differences")
    func betweenRunsFile() throws {
        let metric = MetricInfo(name: "admissions", unit: "admissions", description: "d", group: "g")
        let run = ScenarioRun(label: "a", scenarioName: "a", resolvedScenario: "{}", metrics: [metric], replicationNumbers: [0, 1],
                              values: [[1], [2]], estimates: [Estimate(n: 2, mean: 1.5, sd: nil, ciLow: nil, ciHigh: nil)])
        var b = run
        b.label = "b"
        let derived = DerivedEstimate(metric: MetricInfo(name: "avoidedAdmissions.betweenRuns", unit: "admissions", description: "", group: ""),
                                      estimate: Estimate(n: 2, mean: 3, sd: 1, ciLow: 1, ciHigh: 5))
        let document = RunDocument(command: "compare",
                                   tool: ToolInfo(name: "samspil", version: "0", machine: "m", commandLine: []),
                                   experiment: ExperimentInfo(seed: 1, replications: 2, warmupDays: 0, horizonDays: 1, jobs: 1, runSeconds: 0),
                                   runs: [run, b],
                                   comparisons: [Comparison(baseLabel: "a", label: "b", differences: [Estimate(n: 2, mean: 0, sd: 0, ciLow: 0, ciHigh: 0)],
                                                            derived: [derived])])
        let files = Dictionary(uniqueKeysWithValues: ResultsCSV.files(for: document).map { ($0.name, $0.text) })
        let between = try #require(files["between-runs.csv"])
        #expect(between == "base,scenario,metric,unit,estimate,ci_low,ci_high,n\na,b,avoidedAdmissions.betweenRuns,admissions,3,1,5,2\n"
                || between == "base,scenario,metric,unit,estimate,ci_low,ci_high,n\r\na,b,avoidedAdmissions.betweenRuns,admissions,3,1,5,2\r\n")
        #expect(files["comparison.csv"]?.contains("betweenRuns") == false)
    }
}

@Suite("Who pays, who saves")
struct WhoPaysTests {
    static func run(_ label: String) -> ScenarioRun {
        let metrics = ["region", "municipality", "state"].map {
            MetricInfo(name: "payer.\($0).net", unit: "DKK", description: "", group: "payer: \($0)")
        }
        return ScenarioRun(label: label, scenarioName: label, resolvedScenario: "{}", metrics: metrics, replicationNumbers: [0],
                           values: [[0, 0, 0]], estimates: Array(repeating: Estimate(n: 1, mean: 0, sd: nil, ciLow: nil, ciHigh: nil), count: 3))
    }

    @Test("payers whose net rises significantly pay, those whose net falls save; the rest are left out")
    func sentence() {
        let base = Self.run("base")
        let c = Comparison(baseLabel: "base", label: "team", differences: [
            Estimate(n: 20, mean: 1_800_000, sd: 1, ciLow: 1_690_000, ciHigh: 1_910_000),     // region pays
            Estimate(n: 20, mean: 10_200_000, sd: 1, ciLow: 10_100_000, ciHigh: 10_400_000),  // municipality pays most
            Estimate(n: 20, mean: -1_300_000, sd: 1, ciLow: -1_370_000, ciHigh: -1_230_000),  // state saves
        ])
        let text = WhoPays.sentence(c, base: base)!
        #expect(text.hasPrefix("the municipality pays 10.2M DKK more, the region 1.80M DKK more; the state saves 1.30M DKK"))
        let none = Comparison(baseLabel: "base", label: "same", differences: [
            Estimate(n: 20, mean: 5, sd: 1, ciLow: -1, ciHigh: 11),                           // not significant
            Estimate(n: 20, mean: 0, sd: 0, ciLow: 0, ciHigh: 0),
            Estimate(n: 20, mean: 0, sd: 0, ciLow: 0, ciHigh: 0),
        ])
        #expect(WhoPays.sentence(none, base: base) == nil)
    }
}
