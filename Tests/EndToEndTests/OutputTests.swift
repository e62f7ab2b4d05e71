import Foundation
import SamspilReport
import Testing

/// The files `run --out` writes parse and hold what they promise.
@Suite struct OutputTests {
    @Test func runWritesEveryFileAndTheyAgree() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("results")
        let r = try Samspil.run(["run", baseline, "--replications", "3", "--seed", "777", "--jobs", "2", "--out", out] + short)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.contains("wrote results to \(out)"), "\(r)")
        #expect(r.stdout.contains("episodes"), "the summary table goes to standard output: \(r)")
        #expect(dir.contents("results") == ["replications.csv", "report.html", "results.json", "summary.csv", "timeseries.csv"])
        #expect(dir.contents() == ["results"], "no staging directory is left behind")

        // results.json
        let document = try readResults(out)
        #expect(document.command == "run")
        #expect(document.tool.name == "samspil")
        #expect(document.tool.commandLine.first == "samspil" && document.tool.commandLine.contains("777"))
        #expect(document.experiment.seed == 777)
        #expect(document.experiment.replications == 3)
        #expect(document.experiment.warmupDays == 7)
        #expect(document.experiment.horizonDays == 60)
        #expect(document.experiment.jobs == 2)
        #expect(document.experiment.shard == nil)
        #expect(document.comparisons.isEmpty)
        let run = try #require(document.runs.first)
        #expect(document.runs.count == 1)
        #expect(run.label == "baseline" && run.scenarioName == "baseline")
        #expect(run.replicationNumbers == [0, 1, 2])
        #expect(run.values.count == 3 && run.values.allSatisfy { $0.count == run.metrics.count })
        #expect(run.estimates.count == run.metrics.count)
        #expect(run.replicationSeries.isEmpty, "only partial results carry per-replication series")
        #expect(Set(run.series.map(\.name)) == ["occupancy", "teamCaseload", "overflow"])
        // The resolved scenario is what ran: command-line overrides included.
        let resolved = try #require(try JSONSerialization.jsonObject(with: Data(run.resolvedScenario.utf8)) as? [String: Any])
        #expect(resolved["name"] as? String == "baseline")
        #expect((resolved["hospitals"] as? [Any])?.isEmpty == false)
        let simulation = try #require(resolved["simulation"] as? [String: Any])
        #expect(simulation["horizonDays"] as? Int == 60, "\(simulation)")
        #expect(simulation["warmupDays"] as? Int == 7, "\(simulation)")
        #expect(simulation["replications"] as? Int == 3, "\(simulation)")
        #expect(simulation["seed"] as? Int == 777, "\(simulation)")
        // STRESS-DES sections, filled in from what ran.
        #expect(document.stress.map(\.title) == ["1. Objectives", "2. Logic", "3. Data", "4. Experimentation", "5. Implementation"])
        let experimentation = try #require(document.stress.first { $0.title == "4. Experimentation" })
        #expect(experimentation.items.contains { $0.label == "Seed" && $0.text == "777" })
        #expect(experimentation.items.contains { $0.label == "Replications" && $0.text.hasPrefix("3 ") })
        #expect(experimentation.items.contains { $0.label == "Warm-up and horizon" && $0.text.contains("7.0 days") && $0.text.contains("60.0 days") })

        // summary.csv: exactly these columns, one row per metric, agreeing with results.json.
        let summary = try CSVFile("\(out)/summary.csv")
        #expect(summary.header == ["scenario", "level", "entity", "metric", "unit", "mean", "sd", "ci_low", "ci_high", "n"])
        #expect(summary.rows.count == run.metrics.count)
        #expect(try summary.column("metric") == run.metrics.map(\.name))
        #expect(try summary.column("unit") == run.metrics.map(\.unit))
        #expect(try summary.column("scenario").allSatisfy { $0 == "baseline" })
        #expect(try summary.column("n").allSatisfy { $0 == "3" })
        let means = try summary.column("mean").map { Double($0) }
        #expect(means == run.estimates.map { Optional($0.mean) }, "summary.csv means round-trip exactly")
        let episodes = try #require(run.estimate(.episodes))
        #expect(episodes.estimate.mean > 0, "a simulation of 60 days has episodes")

        // Payer accounts by name: level and entity columns; the system rows say "system".
        #expect(try summary.column("level").filter { $0 == "system" }.count == run.metrics.filter { $0.level == nil }.count)
        #expect(summary.rows.contains { $0[1] == "municipality" && $0[2] == "Viborg" && $0[3] == "payer.net" })
        #expect(summary.rows.contains { $0[1] == "region" && $0[2] == "Region Midtjylland" && $0[3] == "payer.net" })

        // replications.csv: long, one row per replication × metric row.
        let replications = try CSVFile("\(out)/replications.csv")
        #expect(replications.header == ["scenario", "replication", "level", "entity", "metric", "value"])
        #expect(replications.rows.count == 3 * run.metrics.count)
        #expect(Set(try replications.column("replication")) == ["0", "1", "2"])
        for (k, row) in replications.rows.enumerated() {
            let (r, m) = (k / run.metrics.count, k % run.metrics.count)
            #expect(row[4] == run.metrics[m].name && Double(row[5]) == run.values[r][m], "row \(k)")
        }

        // timeseries.csv: one row per series and day.
        let series = try CSVFile("\(out)/timeseries.csv")
        #expect(series.header == ["scenario", "series", "day", "mean", "ci_low", "ci_high"])
        #expect(series.rows.count == run.series.reduce(0) { $0 + $1.day.count })
        #expect(try Set(series.column("series")) == ["occupancy", "teamCaseload", "overflow"])

        let html = try String(contentsOfFile: "\(out)/report.html", encoding: .utf8)
        #expect(html.lowercased().hasPrefix("<!doctype html"))
        #expect(html.contains("baseline"))
    }

    @Test func noReportAndQuiet() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["run", baseline, "-n", "2", "--no-report", "-q", "--out", dir.path("o")] + short)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.isEmpty && r.stderr.isEmpty, "--quiet prints nothing: \(r)")
        #expect(dir.contents("o") == ["replications.csv", "results.json", "summary.csv", "timeseries.csv"])
    }

    @Test func rerunIntoTheSameDirectoryReplacesTheFiles() throws {
        let dir = try TemporaryDirectory()
        let first = try Samspil.run(["run", baseline, "-n", "2", "-q", "--seed", "1", "--out", dir.path("o")] + short)
        #expect(first.status == 0, "\(first)")
        let second = try Samspil.run(["run", baseline, "-n", "2", "-q", "--seed", "2", "--out", dir.path("o")] + short)
        #expect(second.status == 0, "\(second)")
        #expect(try readResults(dir.path("o")).experiment.seed == 2)
        #expect(dir.contents() == ["o"], "no staging directory is left behind")
    }

    @Test func withoutOutOnlyTheTableIsPrinted() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["run", baseline, "-n", "2"] + short, in: dir.url)
        // Relative scenario paths are resolved against the working directory: give an absolute one instead.
        #expect(r.status == 2, "\(r)")
        let ok = try Samspil.run(["run", repositoryRoot.appendingPathComponent(baseline).path, "-n", "2"] + short, in: dir.url)
        #expect(ok.status == 0, "\(ok)")
        #expect(ok.stdout.contains("episodes"), "\(ok)")
        #expect(dir.contents().isEmpty, "nothing is written without --out")
    }

    @Test func traceWritesOneCSVRowPerEpisodeStep() throws {
        let dir = try TemporaryDirectory()
        let trace = dir.path("trace.csv")
        let r = try Samspil.run(["run", viborg, "-n", "2", "-q", "--trace", trace] + short)
        #expect(r.status == 0, "\(r)")
        let csv = try CSVFile(trace)
        #expect(csv.header == ["time_hours", "episode", "step", "municipality", "hospital", "group", "age_band",
                               "severity_band", "route", "detail"])
        #expect(csv.rows.count > 100, "60 days of a municipality have many steps")
        let times = try csv.column("time_hours").compactMap(Double.init)
        #expect(times.count == csv.rows.count, "every time is a number")
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "steps are in time order")
        let steps = try Set(csv.column("step"))
        #expect(steps.contains("arrival"), "\(steps)")
        #expect(steps.count >= 3, "\(steps)")
        #expect(try Set(csv.column("municipality")) == ["Viborg"])
        #expect(try Set(csv.column("severity_band")).isSubset(of: ["gpManageable", "borderline", "mustAdmit"]))
        // The route is chosen after arrival: empty on arrival rows, known on every later step.
        let routes = Set(["gp", "outOfHours", "emergencyCall", "escalation", "readmission"])
        for (step, route) in zip(try csv.column("step"), try csv.column("route")) {
            if step == "arrival" { #expect(route == "", "an arrival has no route yet") } else { #expect(routes.contains(route), "\(step): '\(route)'") }
        }
        #expect(try Set(csv.column("route")).contains("outOfHours"), "night-time episodes go out of hours")
        // The trace is of one replication: rerunning gives the same file.
        let again = dir.path("again.csv")
        #expect(try Samspil.run(["run", viborg, "-n", "1", "-q", "--trace", again] + short).status == 0)
        #expect(bytes(trace) == bytes(again), "the trace is that of replication 0 whatever the replication count")
    }

    @Test func sweepWritesOneRunPerGridPoint() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["sweep", viborg, "--set", "acuteTeams[*].shifts[day].nurses=2,6", "--set",
                                 #"economics.regime="dk-2007-2026","dk-2027""#, "-n", "2", "-q", "--no-report",
                                 "--out", dir.path("s")] + short)
        #expect(r.status == 0, "\(r)")
        let document = try readResults(dir.path("s"))
        #expect(document.command == "sweep")
        #expect(document.runs.count == 4)
        #expect(document.sweep?.points == [[0, 0], [0, 1], [1, 0], [1, 1]])
        #expect(document.runs.map(\.label).first == #"acuteTeams[*].shifts[day].nurses=2, economics.regime="dk-2007-2026""#)
        #expect(document.comparisons.count == 3)
        let sweep = try CSVFile(dir.path("s/sweep.csv"))
        #expect(sweep.header == ["acuteTeams[*].shifts[day].nurses", "economics.regime", "scenario", "level", "entity", "metric", "unit", "mean", "sd",
                                 "ci_low", "ci_high", "n", "base", "difference_mean", "difference_sd", "difference_ci_low", "difference_ci_high",
                                 "significant"])
        // The base point's rows have no difference; the others have theirs with an interval.
        let first = document.runs[0].label
        for (scenario, difference) in zip(try sweep.column("scenario"), try sweep.column("difference_mean")) {
            #expect((scenario == first) == difference.isEmpty, "\(scenario): \(difference)")
        }
        let comparison = try CSVFile(dir.path("s/comparison.csv"))
        #expect(comparison.header.prefix(3) == ["acuteTeams[*].shifts[day].nurses", "economics.regime", "base"])
        #expect(sweep.rows.count == 4 * document.runs[0].metrics.count)
        #expect(dir.contents("s").contains("comparison.csv"))
    }
}
