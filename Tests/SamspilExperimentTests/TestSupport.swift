import Foundation
import SamspilReport
import SamspilScenario
@testable import SamspilExperiment

/// The package's root directory (this file is Tests/SamspilExperimentTests/TestSupport.swift).
func repositoryRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// Small experiments on the bundled scenarios, assembled through the library's API.
enum Experiments {
    static let tool = ToolInfo(name: "samspil", version: Experiment.toolVersion, machine: "test", commandLine: ["samspil", "test"])

    static func scenario(_ file: String) -> String { repositoryRoot().appendingPathComponent("Scenarios/\(file)").path }

    /// Short experiment settings: 60 days measured after 7 days of warm-up.
    static func overrides(replications: Int, seed: UInt64? = nil) -> ExperimentOverrides {
        var overrides = ExperimentOverrides()
        overrides.replications = replications
        overrides.seed = seed
        overrides.horizonDays = 60
        overrides.warmupDays = 7
        return overrides
    }

    /// A bundled scenario with short experiment settings.
    static func configuration(_ file: String, replications: Int, seed: UInt64? = nil, label: String? = nil) throws -> Configuration {
        try Configuration(loading: scenario(file), label: label).applying(overrides(replications: replications, seed: seed))
    }

    /// The experiment `command` names for `configurations`.
    static func experiment(_ command: String, _ configurations: [Configuration]) -> Experiment {
        command == "run" ? .run(configurations[0]) : Experiment(command: Experiment.Command(rawValue: command)!, configurations: configurations)
    }

    /// The document `command` writes for `configurations` (all replications, or one shard's partial result).
    static func document(_ command: String, _ configurations: [Configuration], shard: Shard? = nil,
                         jobs: Int = 2) throws -> RunDocument {
        try perform(experiment(command, configurations), shard: shard, jobs: jobs)
    }

    static func perform(_ experiment: Experiment, shard: Shard? = nil, jobs: Int = 2) throws -> RunDocument {
        var document = try experiment.perform(Experiment.Options(jobs: jobs, shard: shard, tool: tool)).document!
        document.experiment.runSeconds = 0.5
        return shard == nil ? document : try ShardSeal.sealed(document)
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
