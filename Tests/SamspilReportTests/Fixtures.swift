import Foundation
@testable import SamspilReport

/// Hand-built documents resembling what `samspil compare` and `samspil sweep`
/// produce, deterministic (no random numbers, no clock).
enum Fixtures {
    static let metricSpecs: [(String, String, String, Double)] = [
        ("admissions", "patients", "hospital", 4_812),
        ("avoidedAdmissions", "patients", "acute team", 0),
        ("meanOccupancy", "patients", "hospital", 187.4),
        ("p95Occupancy", "patients", "hospital", 214),
        ("overcrowdingPatients2300", "patients", "hospital", 6.3),
        ("teamEpisodes", "episodes", "acute team", 0),
        ("delayedDischargeDays", "days", "hospital", 1_240.5),
        ("bedDays", "days", "hospital", 68_400),
        ("payer.region.costs", "DKK", "payer: region", 412_000_000),
        ("payer.region.net", "DKK", "payer: region", 398_000_000),
        ("payer.municipality.costs", "DKK", "payer: municipality", 61_000_000),
        ("payer.municipality.net", "DKK", "payer: municipality", 75_000_000),
        ("payer.generalPractice.costs", "DKK", "payer: general practice", 9_500_000),
        ("payer.generalPractice.net", "DKK", "payer: general practice", 9_500_000),
        ("payer.state.costs", "DKK", "payer: state", 0),
        ("payer.state.net", "DKK", "payer: state", -3_000_000),
    ]

    static var metrics: [MetricInfo] {
        metricSpecs.map { MetricInfo(name: $0.0, unit: $0.1, description: "The \($0.0) (test)", group: $0.2) }
    }

    /// Effect of scenario `k` on metric `m` (relative), smooth and deterministic.
    static func value(metric m: Int, scenario k: Int, replication r: Int) -> Double {
        let base = metricSpecs[m].3
        let name = metricSpecs[m].0
        var v = base
        if k > 0 {
            switch name {
            case "avoidedAdmissions": v = 310 * Double(k)
            case "teamEpisodes": v = 920 * Double(k)
            case "admissions": v = base - 300 * Double(k)
            case "meanOccupancy", "p95Occupancy", "bedDays", "delayedDischargeDays": v = base * (1 - 0.06 * Double(k))
            case "payer.municipality.costs", "payer.municipality.net": v = base * (1 + 0.25 * Double(k))
            case "payer.region.costs", "payer.region.net": v = base * (1 - 0.05 * Double(k))
            default: break
            }
        }
        let noise = sin(Double(r * 7 + m * 3 + k)) * 0.02 * max(abs(v), 1)
        return v + noise
    }

    static func estimate(_ xs: [Double]) -> Estimate {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)).squareRoot()
        let half = 2.262 * sd / n.squareRoot()  // t(0.975, 9)
        return Estimate(n: xs.count, mean: mean, sd: sd, ciLow: mean - half, ciHigh: mean + half)
    }

    static func run(label: String, scenario k: Int, replications: Int = 10, days: Int = 120) -> ScenarioRun {
        let values = (0..<replications).map { r in metricSpecs.indices.map { value(metric: $0, scenario: k, replication: r) } }
        let estimates = metricSpecs.indices.map { m in estimate(values.map { $0[m] }) }
        let dayList = Array(0..<days)
        let mean = dayList.map { d in 187.4 * (1 - 0.06 * Double(k)) + 14 * sin(Double(d) * 2 * .pi / 7) + 6 * sin(Double(d) / 19) }
        let occupancy = SeriesBand(name: "occupancy", unit: "patients", day: dayList, mean: mean,
                                   low: mean.map { $0 - 4.5 }, high: mean.map { $0 + 4.5 })
        let caseload = SeriesBand(name: "teamCaseload", unit: "patients", day: dayList,
                                  mean: dayList.map { _ in Double(k) * 3.2 }, low: dayList.map { _ in Double(k) * 2.6 },
                                  high: dayList.map { _ in Double(k) * 3.8 })
        return ScenarioRun(label: label, scenarioName: label,
                           resolvedScenario: JSONTree.canonical("{\n  \"name\": \"\(label)\",\n  \"acuteTeam\": { \"enabled\": \(k > 0) }\n}"),
                           metrics: metrics, replicationNumbers: Array(1...replications), values: values,
                           estimates: estimates, series: k == 0 ? [occupancy] : [occupancy, caseload])
    }

    static func differences(_ a: ScenarioRun, _ b: ScenarioRun) -> [Estimate] {
        a.metrics.indices.map { m in estimate(zip(a.values, b.values).map { $1[m] - $0[m] }) }
    }

    static let stress = [
        StressSection(title: "1. Objectives", items: [
            .init(label: "1.1 Purpose of the model", text: "Estimate the effect of an acute team on admissions & bed use."),
            .init(label: "1.2 Model outputs", text: "Occupancy, admissions, costs by payer."),
        ]),
        StressSection(title: "5. Experimentation", items: [
            .init(label: "5.1 Initialisation", text: "Warm-up of 60 days; <none> discarded beyond that."),
        ]),
    ]

    static let tool = ToolInfo(name: "samspil", version: "0.3.0", machine: "Linux x86_64, 2 cores",
                               commandLine: ["samspil", "compare", "baseline.json5", "viborg.json5"])

    /// `samspil compare` of three scenarios, the first being the base.
    static func compare() -> RunDocument {
        let runs = [run(label: "baseline", scenario: 0), run(label: "acute team", scenario: 1),
                    run(label: "Viborg, \"udvidet\" <model>", scenario: 2)]
        let comparisons = runs.dropFirst().map {
            Comparison(baseLabel: runs[0].label, label: $0.label, differences: differences(runs[0], $0))
        }
        return RunDocument(command: "compare", tool: tool,
                           experiment: ExperimentInfo(seed: 20_240_601, replications: 10, warmupDays: 60,
                                                      horizonDays: 365, jobs: 2, runSeconds: 12.5),
                           runs: runs, comparisons: comparisons, stress: stress)
    }

    /// `samspil run` of one scenario.
    static func single() -> RunDocument {
        RunDocument(command: "run", tool: tool,
                    experiment: ExperimentInfo(seed: 1, replications: 10, warmupDays: 60, horizonDays: 365, jobs: 2,
                                               runSeconds: 3),
                    runs: [run(label: "baseline", scenario: 0)])
    }

    /// `samspil sweep` over team capacity (numeric, 3 values) × hours (2 values).
    static func sweep() -> RunDocument {
        let p1 = SweepInfo.Parameter(path: "acuteTeam.capacity", values: ["2", "4", "8"])
        let p2 = SweepInfo.Parameter(path: "acuteTeam.hours", values: ["day", "24/7"])
        var runs: [ScenarioRun] = []
        var points: [[Int]] = []
        for j in p2.values.indices {
            for i in p1.values.indices {
                var r = run(label: "capacity=\(p1.values[i]), hours=\(p2.values[j])", scenario: i + j, days: 30)
                r.scenarioName = "viborg"
                runs.append(r)
                points.append([i, j])
            }
        }
        let comparisons = runs.dropFirst().map {
            Comparison(baseLabel: runs[0].label, label: $0.label, differences: differences(runs[0], $0))
        }
        return RunDocument(command: "sweep", tool: tool,
                           experiment: ExperimentInfo(seed: 7, replications: 10, warmupDays: 30, horizonDays: 180,
                                                      jobs: 2, runSeconds: 40),
                           runs: runs, comparisons: comparisons, sweep: SweepInfo(parameters: [p1, p2], points: points))
    }
}
