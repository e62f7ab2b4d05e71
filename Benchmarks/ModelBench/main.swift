import Foundation
import SamspilEngine
import SamspilModel
import SamspilScenario

// Model benchmarks: the national scenario for one simulated year, scaling in
// population and horizon, and scenario loading. Build in release:
//   swift build -c release --product model-bench && .build/release/model-bench all

let usage = """
usage: model-bench denmark [--replications N] [--horizon-days D] [--file PATH]
       model-bench scaling
       model-bench load [--file PATH]
       model-bench all          (everything, as recorded in Benchmarks/README.md)
       model-bench json         (the regression-guard numbers as JSON, see Benchmarks/check-regression.sh)
       model-bench neighbour [--mib N]
                                (a noisy neighbour: streams through N MiB, default 96, until killed,
                                 evicting the shared last-level cache; run it beside json on the other core)
"""

func seconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Peak resident memory of this process so far, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("model-bench: error: \(message)\n".utf8))
    exit(2)
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
func scenarioPath(_ name: String) -> String {
    let local = "Scenarios/\(name)"
    return FileManager.default.fileExists(atPath: local) ? local : root.appendingPathComponent(local).path
}

func load(_ path: String) -> ScenarioFile {
    switch ScenarioLoader().load(path) {
    case .success(let loaded): return loaded.file
    case .failure(let error): fail("\(path):\n\(error)")
    }
}

struct Measurement {
    var label: String
    var population: Double
    var days: Double
    var episodes: Int
    var events: UInt64
    var wall: Double
    var peakLive: Int
    var eventsPerSecond: Double { Double(events) / wall }
    var episodesPerSecond: Double { Double(episodes) / wall }
}

/// Runs `replications` one after another on this thread (one core).
func measure(_ scenario: Scenario, label: String, replications: Int) -> Measurement {
    let compiled = try! CompiledScenario(scenario)
    var episodes = 0, events: UInt64 = 0, peak = 0
    let start = seconds()
    for r in 0..<replications {
        let result = PatientFlowModel.run(compiled, replication: r)
        episodes += result.episodesSimulated
        events += result.events
        peak = max(peak, result.peakLiveEpisodes)
    }
    let wall = (seconds() - start) / Double(replications)
    let population = scenario.municipalities.reduce(0) { $0 + $1.population.reduce(0, +) }
    return Measurement(label: label, population: population, days: scenario.simulation.warmupDays + scenario.simulation.horizonDays,
                       episodes: episodes / replications, events: events / UInt64(replications), wall: wall, peakLive: peak)
}

func format(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

func printRow(_ m: Measurement) {
    let cols = [m.label.padding(toLength: 34, withPad: " ", startingAt: 0),
                String(format: "%10.0f", m.population), String(format: "%6.0f", m.days),
                String(format: "%10d", m.episodes), String(format: "%11d", m.events),
                String(format: "%8.2f", m.eventsPerSecond / 1e6), String(format: "%9.3f", m.episodesPerSecond / 1e6),
                String(format: "%9.3f", m.wall)]
    print(cols.joined(separator: " "))
}

func header() {
    print("scenario                            population   days   episodes      events   Mev/s  Mepis/s  s/repl")
}

func denmark(replications: Int, horizon: Double?, path: String) -> Measurement {
    var file = load(path)
    if let horizon { file.scenario.simulation.horizonDays = horizon }
    let m = measure(file.adjustedForIncentives(), label: "denmark \(Int(file.scenario.simulation.horizonDays)) d", replications: replications)
    return m
}

/// Part of the national scenario: the municipalities `keep` selects, their hospitals, teams and beds.
func subset(_ file: ScenarioFile, _ keep: (Municipality) -> Bool) -> Scenario {
    var s = file.adjustedForIncentives()
    s.municipalities = s.municipalities.filter(keep)
    let used = Set(s.municipalities.flatMap { $0.catchment.map(\.hospital) })
    s.hospitals = s.hospitals.filter { used.contains($0.name) }
    let names = Set(s.municipalities.map(\.name))
    s.acuteTeams = s.acuteTeams.filter { $0.municipalities.allSatisfy(names.contains) }
    s.acuteBedUnits = s.acuteBedUnits.filter { $0.municipalities.allSatisfy(names.contains) }
    return s
}

func scaling() -> [Measurement] {
    let national = load(scenarioPath("denmark.json5"))
    // Three sizes of the same system (the national parameters), so that only
    // population and horizon change.
    let sizes: [(String, Scenario)] = [
        ("one municipality (Viborg)", subset(national) { $0.name == "Viborg" }),
        ("one region (Midtjylland)", subset(national) { $0.region == "Region Midtjylland" }),
        ("the country (denmark)", national.adjustedForIncentives()),
    ]
    var results: [Measurement] = []
    for (label, scenario) in sizes {
        for horizon in [91.0, 365, 1461] {
            var s = scenario
            s.simulation.horizonDays = horizon
            let reps = scenario.municipalities.count > 50 ? (horizon > 400 ? 2 : 3) : (scenario.municipalities.count > 1 ? 3 : 20)
            results.append(measure(s, label: "\(label), \(Int(horizon)) d", replications: reps))
            printRow(results.last!)
        }
    }
    // Cost per (person × simulated day), relative to the national one-year run.
    let reference = results.first { $0.label.hasPrefix("the country") && $0.label.hasSuffix("365 d") }!
    let unit = reference.wall / (reference.population * reference.days)
    print("\nwall time ÷ (population × simulated days), relative to the country for one year:")
    for m in results { print("  \(m.label.padding(toLength: 40, withPad: " ", startingAt: 0)) \(format(m.wall / (m.population * m.days) / unit, 3))") }
    return results
}

func loadTime(path: String) -> Double {
    var best = Double.infinity
    for _ in 0..<20 {
        let start = seconds()
        _ = load(path)
        best = min(best, seconds() - start)
    }
    return best
}

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, in arguments: [String] = arguments) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
/// Reads and writes one byte per cache line of a buffer larger than any
/// last-level cache, forever: what another tenant's streaming job does to
/// the cache this process shares with it. A reproducible busy host for timing.
func noisyNeighbour(mebibytes: Int) -> Never {
    let n = mebibytes << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: n, alignment: 64)
    buffer.initializeMemory(as: UInt8.self, repeating: 1, count: n)
    var sum: UInt8 = 0
    while true {
        var i = 0
        while i < n {
            sum &+= buffer.load(fromByteOffset: i, as: UInt8.self)
            buffer.storeBytes(of: sum, toByteOffset: i, as: UInt8.self)
            i &+= 64
        }
    }
}

switch arguments.first {
case "neighbour":
    noisyNeighbour(mebibytes: Int(option("--mib") ?? "96") ?? 96)
case "denmark":
    let reps = Int(option("--replications") ?? "3") ?? 3
    let horizon = option("--horizon-days").flatMap(Double.init)
    header()
    let m = denmark(replications: reps, horizon: horizon, path: option("--file") ?? scenarioPath("denmark.json5"))
    printRow(m)
    print("peak live episodes \(m.peakLive); peak memory \(format(peakMemoryMiB(), 1)) MiB")
case "scaling":
    header()
    _ = scaling()
case "load":
    let path = option("--file") ?? scenarioPath("denmark.json5")
    print("load + extends + validate \(path): \(format(loadTime(path: path) * 1000, 1)) ms (best of 20)")
case "all":
    print("== scenario loading")
    print("load + extends + validate denmark: \(format(loadTime(path: scenarioPath("denmark.json5")) * 1000, 1)) ms (best of 20)")
    print("\n== national scenario, one simulated year, one core")
    header()
    let m = denmark(replications: 3, horizon: nil, path: scenarioPath("denmark.json5"))
    printRow(m)
    print("peak live episodes \(m.peakLive); peak memory \(format(peakMemoryMiB(), 1)) MiB")
    print("\n== scaling in population and horizon")
    header()
    _ = scaling()
case "json":
    // Numbers for the regression guard and the speed target: the model's speed
    // and, as a machine-speed yardstick, the engine's M/M/c speed. The two are
    // measured in seven alternating rounds (one national replication, then one M/M/c
    // run), so a change in the machine's speed during the run reaches both, and
    // each number is the median of its rounds, so one slow round moves neither.
    let file = load(scenarioPath("denmark.json5"))
    let compiled = try! CompiledScenario(file.adjustedForIncentives())
    let c = QueueingStation.Configuration(servers: 10, arrivalRate: 9, serviceRate: 1, customers: 2_000_000, seed: 1)
    _ = QueueingStation.run(c)   // untimed: first-touch page faults and code warm-up
    let rounds = 7
    var model: [Double] = [], mmc: [Double] = [], events: UInt64 = 0
    for r in 0..<rounds {
        var start = seconds()
        let result = PatientFlowModel.run(compiled, replication: r)
        model.append(seconds() - start)
        events += result.events
        start = seconds()
        _ = QueueingStation.run(c)
        mmc.append(seconds() - start)
    }
    func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }
    let wall = median(model)
    let load = loadTime(path: scenarioPath("denmark.json5"))
    print("{\"denmarkEventsPerSecond\": \(Int(Double(events) / Double(rounds) / wall)), \"denmarkSecondsPerReplication\": \(format(wall, 4)), \"mmcCustomersPerSecond\": \(Int(2_000_000 / median(mmc))), \"denmarkLoadMilliseconds\": \(format(load * 1000, 2))}")
default:
    print(usage)
}
