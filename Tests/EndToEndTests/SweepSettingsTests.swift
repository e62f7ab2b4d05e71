import Foundation
import Testing

/// Sweeping experiment settings: honoured per point where a point can be its own
/// experiment (horizon, warm-up), refused with exit 2 where the sweep's pairing
/// by replication needs them shared (seed, replications) or where --set cannot
/// change them (issue 10, item 1: the points used to run with the first point's settings).
@Suite struct SweepSettingsTests {
    @Test func horizonIsHonouredPerPoint() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["sweep", baseline, "--set", "simulation.horizonDays=20,60", "-n", "2", "--warmup-days", "7",
                                 "-q", "--no-report", "--out", dir.path("o")])
        #expect(r.status == 0, "\(r)")
        let document = try readResults(dir.path("o"))
        #expect(document.runs.count == 2)
        #expect(document.runs[0].resolvedScenario.contains("\"horizonDays\" : 20"), "\(document.runs[0].resolvedScenario.prefix(400))")
        #expect(document.runs[1].resolvedScenario.contains("\"horizonDays\" : 60"))
        let days = document.runs.map { $0.series.first?.day.count ?? 0 }
        #expect(days[1] - days[0] == 40, "each point measures its own horizon: \(days) days of series")
        let episodes = document.runs.map { $0.estimates[$0.metrics.firstIndex { $0.name == "episodes" }!].mean }
        #expect(episodes[1] > 2 * episodes[0], "60 days hold about three times the episodes of 20: \(episodes)")
    }

    @Test(arguments: [("simulation.seed=1,2", "every sweep point runs with the same seed and replications"),
                      ("simulation.replications=2,3", "use --replications for the whole sweep"),
                      ("simulation={horizonDays:30}", "sweep the simulation settings one key at a time"),
                      (#"extends="Scenarios/baseline.json5""#, "`extends` is resolved when the file is loaded and cannot be swept")])
    func unsweepableKeysAreRefused(_ set: String, _ message: String) throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["sweep", baseline, "--set", set, "-n", "2", "--out", dir.path("o")] + short)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("samspil sweep: error: --set "), "\(r)")
        #expect(r.stderr.contains(message), "\(r)")
        #expect(dir.contents().isEmpty, "nothing simulated or written")
    }

    @Test func aSweptSettingAlsoGivenAsAnOptionIsRefused() throws {
        let r = try Samspil.run(["sweep", baseline, "--set", "simulation.horizonDays=20,60", "-n", "2"] + short)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("--set simulation.horizonDays conflicts with --horizon-days; give one or the other"), "\(r)")
    }
}
