import SamspilEngine
import SamspilModel
import SamspilScenario

// Minimal runner used during calibration; the full command line follows.
let args = Array(CommandLine.arguments.dropFirst())
guard args.count >= 2, args[0] == "run" else {
    print("usage: samspil run FILE [replications]")
    exit(2)
}
switch ScenarioLoader().load(args[1]) {
case .failure(let error):
    print(error.description)
    exit(2)
case .success(let loaded):
    let compiled = try CompiledScenario(loaded.file.scenario)
    let n = args.count > 2 ? Int(args[2]) ?? 10 : loaded.file.scenario.simulation.replications
    let results = ReplicationRunner.run(compiled, replications: Array(0..<n), jobs: 2).compactMap { $0 }
    for m in Metric.allCases {
        let s = ReplicationSummary(results.map { $0[m] })
        print(m.definition.name.padded(36), s.mean.map { String(format: "%.3f", $0) } ?? "-", s.halfWidth.map { "± " + String(format: "%.3f", $0) } ?? "")
    }
}
