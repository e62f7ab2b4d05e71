import Foundation
import SamspilReport
import SamspilScenario
@testable import SamspilCommandLine

/// The package's root directory (this file is Tests/SamspilCommandLineTests/TestSupport.swift).
func repositoryRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Small experiments on the bundled scenarios, assembled the way the commands do.
enum Experiments {
    static let tool = ToolInfo(name: "samspil", version: Samspil.version, machine: "test", commandLine: ["samspil", "test"])

    /// A bundled scenario with short experiment settings: 60 days measured after 7 days of warm-up.
    static func configuration(_ file: String, replications: Int, seed: UInt64? = nil, label: String? = nil) throws -> Configuration {
        let loaded = try ExperimentCommand.load(repositoryRoot().appendingPathComponent("Scenarios/\(file)").path)
        var overrides = ExperimentOverrides()
        overrides.replications = replications
        overrides.seed = seed
        overrides.horizonDays = 60
        overrides.warmupDays = 7
        return ExperimentCommand.configuration(label: label ?? loaded.file.scenario.name, file: loaded.file,
                                               root: loaded.document.root, overrides: overrides)
    }

    /// The document `command` writes for `configurations` (all replications, or one shard's partial result).
    static func document(_ command: String, _ configurations: [Configuration], shard: Shard? = nil,
                         jobs: Int = 2) throws -> RunDocument {
        let base = configurations[0].file.scenario.simulation
        let total = base.replications
        let replications = shard.map { $0.replications(of: total) } ?? Array(0..<total)
        let runner = ExperimentRunner(jobs: jobs, replications: replications, recordSeries: true)
        let outcome = try runner.run(configurations)
        var runs = outcome.runs
        if shard == nil { for i in runs.indices { runs[i].replicationSeries = [] } }
        let experiment = ExperimentInfo(seed: base.seed, replications: total, warmupDays: base.warmupDays,
                                        horizonDays: base.horizonDays, jobs: jobs, runSeconds: 0.5, shard: shard?.description)
        return RunDocument(command: command, tool: tool, experiment: experiment, runs: runs,
                           comparisons: command == "run" ? [] : Summaries.comparisons(runs),
                           stress: Stress.sections(configurations, experiment: experiment, command: command))
    }

    /// `document` without what legitimately differs between equal results: wall-clock time and jobs.
    static func reproducible(_ document: RunDocument) -> RunDocument {
        var d = document
        d.experiment.runSeconds = 0
        d.experiment.jobs = 0
        d.tool = tool
        return d
    }
}
