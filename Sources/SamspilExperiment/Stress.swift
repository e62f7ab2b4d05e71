import SamspilModel
import SamspilReport

/// The run's own STRESS-DES documentation (Monks et al. 2019, "Strengthening
/// the reporting of empirical simulation studies"): objectives, logic, data,
/// experimentation, implementation — filled in from what actually ran.
enum Stress {
    /// Warm-up and measured period; a sweep over them says so rather than quote the first point's.
    static func periods(_ configurations: [Configuration], _ experiment: ExperimentInfo) -> String {
        let settings = configurations.map(\.file.scenario.simulation)
        guard Set(settings.map(\.warmupDays)).count == 1, Set(settings.map(\.horizonDays)).count == 1 else {
            return "warm-up and measured period differ between sweep points (each point's resolved scenario records its own)"
        }
        return "\(experiment.warmupDays) days of warm-up discarded, \(experiment.horizonDays) days measured"
    }

    static func sections(_ configurations: [Configuration], experiment: ExperimentInfo, command: String) -> [StressSection] {
        let scenarios = configurations.map(\.file.scenario)
        let first = scenarios[0]
        func item(_ label: String, _ text: String) -> StressSection.Item { StressSection.Item(label: label, text: text) }
        let purpose: String
        switch command {
        case "compare": purpose = "Compare \(configurations.map(\.label).joined(separator: ", ")) against \(configurations[0].label) with common random numbers: paired differences with 95 % confidence intervals."
        case "sweep": purpose = "Sweep parameters over a grid of \(configurations.count) points with common random numbers."
        default: purpose = "Estimate outcomes, avoided admissions and costs of the scenario '\(first.name)'."
        }
        let groups = first.patientGroups.map(\.name).joined(separator: ", ")
        return [
            StressSection(title: "1. Objectives", items: [
                item("Purpose", purpose),
                item("Scenario", first.description.isEmpty ? first.name : first.description),
                item("Outputs", "Episodes by route and outcome, admissions by route, avoided admissions (per-episode counterfactual and between runs), bed-days, occupancy (mean, p95, overcrowding at 23:00), delayed discharges, acute-team and acute-bed use, costs by provider and each payer's costs, transfers and net."),
            ]),
            StressSection(title: "2. Logic", items: [
                item("Model", "Discrete-event simulation of acute episodes: arrival (non-homogeneous Poisson per municipality × patient group × age band) → contact (own GP in office hours with limited same-day slots, out-of-hours doctor, or 112) → decision by severity band (must admit, borderline, manageable), where the borderline choice between admission, the municipal acute team and acute beds depends on trust, the team's coverage, shared IT and clarity of medical responsibility → hospital stay (overflow above capacity) → discharge waiting for the municipality (notification, accepted hours, capacity) → readmission within the window."),
                item("Counterfactual", "Each episode carries the decision the same doctor would have made with no acute alternative, drawn from the same random number; it is avoided when that decision admits and the actual path has no admission within the readmission window."),
                item("Time", "Hours from midnight of \(first.simulation.startDate) (365-day years); events ordered by time, priority (release before seize) and sequence."),
            ]),
            StressSection(title: "3. Data", items: [
                item("Geography", "\(first.municipalities.count) municipalities, \(first.hospitals.count) hospitals, \(first.regions.count) regions; population \(Int(first.municipalities.reduce(0) { $0 + $1.population.reduce(0, +) }))."),
                item("Patient groups", groups),
                item("Sources", "Every number in the scenario file names its source or is marked illustrative; the resolved scenario is included in results.json and the report."),
            ]),
            StressSection(title: "4. Experimentation", items: [
                item("Replications", "\(experiment.replications) independent replications; random streams keyed by (seed, replication, purpose, entity)."),
                item("Seed", "\(experiment.seed)"),
                item("Warm-up and horizon", periods(configurations, experiment) + "; the system starts \(first.simulation.initialState == .typical ? "pre-filled to its expected occupancy" : "empty")."),
                item("Estimates", "Means over replications with Student-t 95 % confidence intervals; differences between scenarios paired by replication (common random numbers)."),
            ]),
            StressSection(title: "5. Implementation", items: [
                item("Software", "Samspil \(Experiment.toolVersion) (Swift); ladder-queue event calendar; xoshiro256** generators seeded through SplitMix64."),
                item("Reproducibility", "Same scenario and seed give bit-identical results for any number of parallel jobs or shards."),
            ]),
        ]
    }
}
