import SamspilReport
import SamspilScenario
import Testing
@testable import SamspilExperiment

/// Sweeps through the library: every point a separately configured experiment
/// where that is meaningful, a clear refusal where it is not.
@Suite struct SweepTests {
    static func parameter(_ path: String, _ values: String...) -> SweepParameter {
        SweepParameter(path: path, values: values.map { ($0, try! JSON5Parser.parse($0, file: "test")) })
    }

    static func base() throws -> Configuration { try Configuration(loading: Experiments.scenario("baseline.json5")) }

    func refusal(_ parameters: [SweepParameter], overrides: ExperimentOverrides = ExperimentOverrides()) throws -> String? {
        let base = try Self.base()
        do {
            _ = try Experiment.sweep(base, over: parameters, overrides: overrides)
            return nil
        } catch {
            guard case .invalidRequest(let message) = error else { return "\(error)" }
            return message
        }
    }

    @Test func sweptHorizonAndWarmupAreHonouredPerPoint() throws {
        var overrides = ExperimentOverrides()
        overrides.replications = 2
        let sweep = try Experiment.sweep(try Self.base(), over: [Self.parameter("simulation.horizonDays", "30", "365"),
                                                                 Self.parameter("simulation.warmupDays", "0", "14")],
                                         overrides: overrides)
        let settings = sweep.configurations.map(\.file.scenario.simulation)
        #expect(settings.map(\.horizonDays) == [30, 30, 365, 365])
        #expect(settings.map(\.warmupDays) == [0, 14, 0, 14])
        #expect(Set(settings.map(\.seed)).count == 1 && settings.allSatisfy { $0.replications == 2 }, "points stay paired")
        #expect(sweep.configurations[2].resolved["simulation"]?["horizonDays"]?.numberValue == JSONNumber(365))
        #expect(sweep.configurations[3].resolved["simulation"]?["replications"]?.numberValue == JSONNumber(2))
    }

    @Test func otherSettingsStillFollowTheBase() throws {
        var overrides = ExperimentOverrides()
        overrides.seed = 7
        let sweep = try Experiment.sweep(try Self.base(), over: [Self.parameter("decision.trust.gp", "0.3", "0.9")], overrides: overrides)
        #expect(sweep.configurations.allSatisfy { $0.file.scenario.simulation == sweep.settings })
        #expect(sweep.settings.seed == 7)
    }

    @Test func seedAndReplicationsCannotBeSwept() throws {
        #expect(try refusal([Self.parameter("simulation.seed", "1", "2")])?.contains("use --seed for the whole sweep") == true)
        #expect(try refusal([Self.parameter("simulation.replications", "2", "3")])?.contains("use --replications for the whole sweep") == true)
        #expect(try refusal([Self.parameter("simulation", "{horizonDays: 30}")])?.contains("one key at a time") == true)
        #expect(try refusal([Self.parameter("extends", "\"x.json5\"")])?.contains("cannot be swept") == true)
    }

    @Test func aSweptSettingCannotAlsoBeOverridden() throws {
        var overrides = ExperimentOverrides()
        overrides.warmupDays = 3
        #expect(try refusal([Self.parameter("simulation.warmupDays", "0", "14")], overrides: overrides)
            == "--set simulation.warmupDays conflicts with --warmup-days; give one or the other")
    }

    @Test func pointsWithDifferentHorizonsRunTheirOwnHorizon() throws {
        var overrides = ExperimentOverrides()
        overrides.replications = 2
        overrides.warmupDays = 0
        let sweep = try Experiment.sweep(try Self.base(), over: [Self.parameter("simulation.horizonDays", "10", "30")], overrides: overrides)
        let document = try Experiments.perform(sweep)
        let days = document.runs.map { $0.series[0].day.count }
        #expect(days[1] - days[0] == 20, "\(days)")
    }
}

/// Daily series are summarised without holding every replication's series:
/// replications run in batches and the series are spooled (issue 10, item 5),
/// with exactly the bands of an in-memory summary.
@Suite struct SeriesStreamingTests {
    @Test func batchesAndSpoolGiveTheInMemoryBands() throws {
        let c = try Experiments.configuration("viborg-acute-team.json5", replications: 7)
        let small = try ExperimentRunner(jobs: 2, replications: Array(0..<7), batchSize: 3).run([c])
        #expect(small.largestBatch == 3, "never more than one batch of replication results in memory")
        #expect(small.runs[0].replicationSeries.isEmpty, "a complete run keeps no per-replication series")
        let inMemory = try ExperimentRunner(jobs: 2, replications: Array(0..<7), keepReplicationSeries: true, batchSize: 100).run([c])
        #expect(inMemory.largestBatch == 7)
        #expect(inMemory.runs[0].replicationSeries.map(\.values.count) == [7, 7, 7])
        #expect(small.runs[0].series == inMemory.runs[0].series, "bit-identical bands")
        #expect(small.runs[0].values == inMemory.runs[0].values)
        #expect(small.runs[0].series.map(\.name) == SeriesID.allCases.map(\.rawValue))
    }

    @Test func defaultBatchesAreBoundedWhateverTheReplicationCount() {
        for count in [10, 1_000, 1_000_000] {
            let runner = ExperimentRunner(jobs: 2, replications: Array(0..<count))
            #expect(runner.batchSize == 64, "the batch does not grow with \(count) replications")
        }
        #expect(ExperimentRunner(jobs: 16, replications: [0]).batchSize == 256, "but does with threads, to keep them busy")
    }

    @Test func spoolReadsBackColumnsInReplicationOrder() throws {
        let spool = try SeriesSpool(names: ["a", "b"], days: 3, replications: 5)
        func row(_ r: Int) -> [[Double]] { [[Double(r), Double(r) + 0.1, Double(r) + 0.2], [-Double(r), -1, -2]] }
        try spool.store([row(3), row(4)], startingAt: 3)
        try spool.store([row(0), row(1), row(2)], startingAt: 0)
        #expect(try spool.column(series: 0, day: 1) == [0.1, 1.1, 2.1, 3.1, 4.1])
        #expect(try spool.column(series: 1, day: 0) == [0, -1, -2, -3, -4])
    }
}
