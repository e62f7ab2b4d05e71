import Foundation
import SamspilReport
import Testing

/// Same scenario and seed, same numbers: for any --jobs, for shards merged,
/// and a scenario compared with itself differs by exactly nothing.
@Suite struct ReproducibilityTests {
    static let files = ["summary.csv", "replications.csv", "timeseries.csv"]

    @Test func jobsDoNotChangeTheResults() throws {
        let dir = try TemporaryDirectory()
        for jobs in ["1", "2"] {
            let r = try Samspil.run(["run", viborg, "-n", "4", "--jobs", jobs, "-q", "--no-report", "--out", dir.path("j\(jobs)")] + short)
            #expect(r.status == 0, "\(r)")
        }
        for file in Self.files {
            let one = try #require(bytes(dir.path("j1/\(file)")))
            #expect(!one.isEmpty)
            #expect(one == bytes(dir.path("j2/\(file)")), "\(file) differs between --jobs 1 and --jobs 2")
        }
        let a = try readResults(dir.path("j1")), b = try readResults(dir.path("j2"))
        #expect(a.experiment.jobs == 1 && b.experiment.jobs == 2)
        #expect(reproducible(a) == reproducible(b))
    }

    @Test func seedsChangeTheResults() throws {
        // The check above could pass if results ignored the randomness; they do not.
        let dir = try TemporaryDirectory()
        for seed in ["1", "2"] {
            let r = try Samspil.run(["run", baseline, "-n", "2", "--seed", seed, "-q", "--no-report", "--out", dir.path("s\(seed)")] + short)
            #expect(r.status == 0, "\(r)")
        }
        #expect(bytes(dir.path("s1/replications.csv")) != bytes(dir.path("s2/replications.csv")))
    }

    @Test func shardsMergedEqualOneRun() throws {
        let dir = try TemporaryDirectory()
        let common = ["-n", "5", "--jobs", "1"] + short
        let single = try Samspil.run(["run", baseline, "-q", "--out", dir.path("all")] + common)
        #expect(single.status == 0, "\(single)")
        for k in 1...3 {
            let r = try Samspil.run(["run", baseline, "--shard", "\(k)/3", "--out", dir.path("part\(k)")] + common)
            #expect(r.status == 0, "\(r)")
            #expect(r.stderr.contains("wrote partial result to \(dir.path("part\(k)"))"), "\(r)")
            #expect(r.stdout.isEmpty, "a shard prints no table: \(r)")
            #expect(dir.contents("part\(k)") == ["results.json"], "a shard writes only its partial results.json")
            let partial = try readResults(dir.path("part\(k)"))
            #expect(partial.experiment.shard == "\(k)/3")
            #expect(partial.runs[0].replicationNumbers == Array(stride(from: k - 1, to: 5, by: 3)))
        }
        // Parts in any order; a directory or its results.json.
        let merge = try Samspil.run(["merge", dir.path("part3"), dir.path("part1/results.json"), dir.path("part2"),
                                     "-q", "--out", dir.path("merged")])
        #expect(merge.status == 0, "\(merge)")
        #expect(dir.contents("merged") == dir.contents("all"))
        for file in Self.files {
            let expected = try #require(bytes(dir.path("all/\(file)")))
            #expect(expected == bytes(dir.path("merged/\(file)")), "\(file) differs between the merged and the single run")
        }
        let merged = try readResults(dir.path("merged"))
        #expect(merged.tool.commandLine.prefix(2) == ["samspil", "merge"], "merged results carry the merge's command line")
        #expect(merged.experiment.shard == nil)
        #expect(reproducible(merged) == reproducible(try readResults(dir.path("all"))))
    }

    @Test func comparingAScenarioWithItselfGivesExactlyZero() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["compare", viborg, viborg, "-n", "3", "-q", "--no-report", "--out", dir.path("c")] + short)
        #expect(r.status == 0, "\(r)")
        let csv = try CSVFile(dir.path("c/comparison.csv"))
        #expect(csv.header == ["base", "scenario", "level", "entity", "metric", "unit", "difference_mean", "difference_sd", "difference_ci_low", "difference_ci_high", "n", "significant"])
        let document = try readResults(dir.path("c"))
        #expect(csv.rows.count == document.runs[0].metrics.count)
        #expect(try Set(csv.column("base")) == ["viborg-acute-team"])
        #expect(try Set(csv.column("scenario")) == ["viborg-acute-team (\(viborg))"], "the second copy is told apart by its path")
        for column in ["difference_mean", "difference_ci_low", "difference_ci_high"] {
            let values = try csv.column(column)
            let metrics = try csv.column("metric")
            for (metric, value) in zip(metrics, values) {
                #expect(value == "0", "\(metric) \(column) = \(value)")
            }
        }
        #expect(try Set(csv.column("n")) == ["3"])
        #expect(try Set(csv.column("significant")) == ["false"])
        #expect(document.runs[0].values == document.runs[1].values)
    }

    @Test func comparedScenariosRunTheBaseExperiment() throws {
        // The base's replications, seed, warm-up and horizon apply to every scenario.
        let dir = try TemporaryDirectory()
        let base = repositoryRoot.appendingPathComponent(baseline).path
        try "{ extends: \"\(base)\", name: \"b60\", simulation: { horizonDays: 60, warmupDays: 7, replications: 2 } }"
            .write(toFile: dir.path("b60.json5"), atomically: true, encoding: .utf8)
        try "{ extends: \"\(base)\", name: \"b30\", simulation: { horizonDays: 30, warmupDays: 2, replications: 5, seed: 3 } }"
            .write(toFile: dir.path("b30.json5"), atomically: true, encoding: .utf8)
        let r = try Samspil.run(["compare", dir.path("b60.json5"), dir.path("b30.json5"), "-q", "--no-report", "--out", dir.path("c")])
        #expect(r.status == 0, "\(r)")
        let document = try readResults(dir.path("c"))
        #expect(document.experiment.horizonDays == 60 && document.experiment.replications == 2)
        #expect(document.runs[0].values == document.runs[1].values, "the same scenario over the same experiment")
        #expect(document.comparisons[0].differences.allSatisfy { $0.mean == 0 })
        let resolved = try #require(try JSONSerialization.jsonObject(with: Data(document.runs[1].resolvedScenario.utf8)) as? [String: Any])
        let simulation = try #require(resolved["simulation"] as? [String: Any])
        #expect(simulation["horizonDays"] as? Int == 60, "the recorded scenario is what ran: \(simulation)")
        #expect(simulation["replications"] as? Int == 2)
    }

    @Test func regimesChangeWhoPaysNotWhatHappens() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["compare", viborg, "--regime", "dk-2007-2026,dk-2027", "-n", "3", "-q", "--no-report",
                                 "--out", dir.path("r")] + short)
        #expect(r.status == 0, "\(r)")
        let document = try readResults(dir.path("r"))
        #expect(document.runs.map(\.label) == ["viborg-acute-team @ dk-2007-2026", "viborg-acute-team @ dk-2027"])
        let (old, new) = (document.runs[0], document.runs[1])
        #expect(old.replicationNumbers == new.replicationNumbers)
        func isMoney(_ name: String) -> Bool {
            name.hasPrefix("cost") || name.hasPrefix("payer.") || name.hasPrefix("transfer.")
        }
        let modelMetrics = old.metrics.indices.filter { !isMoney(old.metrics[$0].name) }
        #expect(modelMetrics.count > 30)
        // Every non-cost metric is identical, replication by replication.
        for m in modelMetrics {
            #expect(old.values.map { $0[m] } == new.values.map { $0[m] }, "\(old.metrics[m].name) changed with the regime")
        }
        // Resource costs are the same to the øre (same care)…
        let names = old.metrics.map(\.name)
        for name in names where name.hasPrefix("cost.") {
            let m = names.firstIndex(of: name)!
            for r in old.values.indices {
                #expect(abs(old.values[r][m] - new.values[r][m]) < 0.005, "\(name) replication \(r)")
            }
        }
        // …but who pays changes: the region's and the municipality's nets move, in opposite directions.
        let csv = try CSVFile(dir.path("r/comparison.csv"))
        let metric = try csv.column("metric"), difference = try csv.column("difference_mean")
        func diff(_ name: String) throws -> Double {
            let i = try #require(metric.firstIndex(of: name))
            return try #require(Double(difference[i]))
        }
        #expect(try diff("cost.total") == 0)
        #expect(try diff("payer.region.net") != 0)
        #expect(try diff("payer.municipality.net") != 0)
        #expect(try diff("payer.region.net").sign != diff("payer.municipality.net").sign)
        // Payers' nets sum to the total cost under both regimes: money moves, none appears.
        for run in [old, new] {
            let nets = names.indices.filter { names[$0].hasPrefix("payer.") && names[$0].hasSuffix(".net") && run.metrics[$0].level == nil }
            let entityNets = names.indices.filter { names[$0] == "payer.net" && run.metrics[$0].level != nil }
            #expect(!entityNets.isEmpty)
            for values in run.values {
                let byName = entityNets.reduce(0) { $0 + values[$1] }
                #expect(abs(byName - values[names.firstIndex(of: "cost.total")!]) < 0.01, "named payers' nets sum to the total cost")
            }
            let total = names.firstIndex(of: "cost.total")!
            for values in run.values {
                let sum = nets.reduce(0) { $0 + values[$1] }
                #expect(abs(sum - values[total]) <= 1e-9 * abs(values[total]) + 0.005,
                        "\(run.label): payers' nets \(sum) vs cost.total \(values[total])")
            }
        }
    }
}
