import SamspilReport
import Testing
@testable import SamspilExperiment

@Suite struct SummariesTests {
    static let metrics = [MetricInfo(name: "a", unit: "u", description: "", group: "g"),
                          MetricInfo(name: "b", unit: "u", description: "", group: "g")]

    static func run(_ label: String, _ numbers: [Int], _ values: [[Double]]) -> ScenarioRun {
        var run = ScenarioRun(label: label, scenarioName: label, resolvedScenario: "{}", metrics: metrics,
                              replicationNumbers: numbers, values: values, estimates: [])
        Summaries.refresh(&run)
        return run
    }

    @Test func estimateIsMeanSdAndStudentTInterval() {
        let e = Summaries.estimate([1, 2, 3])
        #expect(e.n == 3)
        #expect(e.mean == 2)
        #expect(e.sd == 1)
        // t(2, 0.975) = 4.302652729911275; half-width = t / √3.
        let half = 4.302652729911275 / 3.0.squareRoot()
        #expect(abs(e.ciLow! - (2 - half)) < 1e-9)
        #expect(abs(e.ciHigh! - (2 + half)) < 1e-9)
        let one = Summaries.estimate([5])
        #expect(one.n == 1 && one.mean == 5 && one.sd == nil && one.ciLow == nil && one.ciHigh == nil)
    }

    @Test func refreshSortsByReplicationNumber() {
        let run = Self.run("x", [2, 0, 1], [[30, 3], [10, 1], [20, 2]])
        #expect(run.replicationNumbers == [0, 1, 2])
        #expect(run.values == [[10, 1], [20, 2], [30, 3]])
        #expect(run.estimates.map(\.mean) == [20, 2])
    }

    @Test func selfComparisonIsExactlyZeroWithZeroWidthIntervals() {
        let run = Self.run("x", [0, 1, 2, 3], [[1.1, 7], [2.7, 7.5], [0.3, 9], [5.9, 1e6]])
        let comparisons = Summaries.comparisons([run, run])
        #expect(comparisons.count == 1)
        #expect(comparisons[0].baseLabel == "x" && comparisons[0].label == "x")
        for d in comparisons[0].differences {
            #expect(d.n == 4)
            #expect(d.mean == 0)
            #expect(d.sd == 0)
            #expect(d.ciLow == 0)
            #expect(d.ciHigh == 0)
            #expect(d.ciExcludesZero == false)
        }
    }

    @Test func selfComparisonOfASimulatedScenario() throws {
        let c = try Experiments.configuration("viborg-acute-team.json5", replications: 3)
        let runs = try ExperimentRunner(jobs: 2, replications: [0, 1, 2]).run([c, c]).runs
        #expect(runs[0].values == runs[1].values, "common random numbers: the same scenario gives the same replications")
        let differences = Summaries.comparisons(runs)[0].differences
        #expect(differences.count == runs[0].metrics.count && differences.count > ExperimentRunner.metricInfos.count)
        for (metric, d) in zip(runs[0].metrics, differences) {
            #expect(d.mean == 0 && d.sd == 0 && d.ciLow == 0 && d.ciHigh == 0, "\(metric.name): \(d)")
        }
    }

    @Test func differencesArePairedByReplicationNumber() {
        let base = Self.run("base", [0, 1, 2], [[1, 0], [2, 0], [4, 0]])
        // Same replications given in another order, each one higher by exactly 1 in metric a.
        let shifted = ScenarioRun(label: "s", scenarioName: "s", resolvedScenario: "{}", metrics: Self.metrics,
                                  replicationNumbers: [2, 0, 1], values: [[5, 1], [2, 1], [3, 1]], estimates: [])
        let d = Summaries.comparisons([base, shifted])[0].differences
        #expect(d[0].mean == 1 && d[0].sd == 0, "paired by number, not by position: \(d[0])")
        #expect(d[1].mean == 1)
    }

    @Test func onlyCommonReplicationsArePaired() {
        let base = Self.run("base", [0, 1, 2, 3], [[1, 0], [2, 0], [3, 0], [4, 0]])
        let other = Self.run("o", [1, 3], [[12, 0], [14, 0]])
        let d = Summaries.comparisons([base, other])[0].differences
        #expect(d[0].n == 2)
        #expect(d[0].mean == 10)
    }

    @Test func everyRunIsComparedWithTheFirst() {
        let a = Self.run("a", [0, 1], [[1, 1], [2, 2]])
        let b = Self.run("b", [0, 1], [[2, 1], [3, 2]])
        let c = Self.run("c", [0, 1], [[0, 1], [1, 2]])
        let comparisons = Summaries.comparisons([a, b, c])
        #expect(comparisons.map(\.label) == ["b", "c"])
        #expect(comparisons.map(\.baseLabel) == ["a", "a"])
        #expect(comparisons.map { $0.differences[0].mean } == [1, -1])
        #expect(Summaries.comparisons([a]).isEmpty)
        #expect(Summaries.comparisons([]).isEmpty)
    }
}
