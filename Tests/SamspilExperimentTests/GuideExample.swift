import SamspilExperiment
import SamspilReport

/// The example of docs/guides/experiments.md, verbatim between the markers
/// (`GuideExampleTests` checks that the guide shows exactly this code and runs it).
func experimentsGuideExample(print: (String) -> Void) throws {
    // BEGIN guide example
    // Two scenarios with a short experiment: 4 replications of 60 days.
    var overrides = ExperimentOverrides()
    overrides.replications = 4
    overrides.horizonDays = 60
    let base = try Configuration(loading: "Scenarios/baseline.json5").applying(overrides)
    let team = try Configuration(loading: "Scenarios/viborg-acute-team.json5").applying(overrides)

    // Compare them with common random numbers on two threads.
    let comparison = Experiment.compare([base, team])
    let document = try comparison.perform(Experiment.Options(jobs: 2)).document!

    // Read results by typed identity: a renamed metric is a compile error.
    let admissions = document.runs[1].estimate(.admissions)!.estimate
    let avoided = document.difference(.avoidedAdmissionsBetweenRuns, in: document.comparisons[0])!
    print("admissions with the team: \(admissions.mean), 95 % CI \(admissions.ciLow!) – \(admissions.ciHigh!)")
    print("avoided between runs: \(avoided.mean)")

    // The same experiment in two shards (e.g. two cluster jobs), then merged:
    // every estimate equals the single run's.
    let parts = try (1...2).map { k in
        try comparison.perform(Experiment.Options(jobs: 1, shard: Shard(index: k, count: 2))).document!
    }
    let merged = try Merging.merge(parts)
    print("merged equals single: \(merged.runs[1].estimates == document.runs[1].estimates)")

    // A sweep: each point a configuration; horizon and warm-up may differ per point.
    let trust = SweepParameter(path: "decision.trust.gp", values: [("0.3", 0.3), ("0.9", 0.9)])
    let sweep = try Experiment.sweep(team, over: [trust], overrides: overrides)
    for run in try sweep.perform(Experiment.Options(jobs: 2)).document!.runs {
        print("\(run.label): \(run.estimate(.teamEpisodes)!.estimate.mean) team episodes")
    }
    // END guide example
}
