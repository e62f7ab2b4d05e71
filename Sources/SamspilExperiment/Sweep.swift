import SamspilModel
import SamspilReport
import SamspilScenario

/// One swept parameter: a path into the scenario document and its values.
public struct SweepParameter: Sendable {
    public var path: String
    /// Each value as written (for labels and `sweep.csv`) and as parsed.
    public var values: [(text: String, value: JSONValue)]
    public init(path: String, values: [(text: String, value: JSONValue)]) {
        self.path = path
        self.values = values
    }
}

extension Experiment {
    /// At most this many grid points.
    public static let maximumSweepPoints = 10_000

    /// Experiment settings a sweep point keeps for itself: each point is a separately
    /// configured experiment over its own measured period (same seed and replications,
    /// so points stay paired by replication).
    static let perPointSimulationKeys: Set<String> = ["horizonDays", "warmupDays"]
    /// Experiment settings every point must share, because the comparisons pair
    /// replication r of each point with replication r of the first.
    static let sharedSimulationKeys: Set<String> = ["seed", "replications"]

    /// Every combination of the parameters' values (first parameter varying
    /// slowest), each point the base document with those values set.
    ///
    /// `simulation.horizonDays` and `simulation.warmupDays` are honoured per point;
    /// `simulation.seed` and `simulation.replications` are refused (use the
    /// command line's `--seed` and `--replications`), as is sweeping a setting
    /// that `overrides` also sets, and anything outside the scenario's keys.
    /// - Parameter base: the scenario as loaded (without `overrides`).
    /// - Throws: ``ExperimentError/invalidRequest(_:)`` for a sweep that cannot be
    ///   honoured; ``ExperimentError/scenario(_:)`` for a point that is not a valid scenario.
    /// - Complexity: O(points × size of the document).
    public static func sweep(_ base: Configuration, over parameters: [SweepParameter],
                             overrides: ExperimentOverrides = ExperimentOverrides()) throws(ExperimentError) -> Experiment {
        var perPoint: Set<String> = []
        for p in parameters {
            let segments: [DocumentEditing.Segment]
            do { segments = try DocumentEditing.parse(p.path) } catch { throw .invalidRequest("--set \(p.path): \(error.message)") }
            guard !p.values.isEmpty else { throw .invalidRequest("--set \(p.path) has no values") }
            guard case .key(let top)? = segments.first else { continue }
            if top == "extends" {
                throw .invalidRequest("--set \(p.path): `extends` is resolved when the file is loaded and cannot be swept; sweep the values it brings in instead")
            }
            guard top == "simulation" else { continue }
            guard segments.count >= 2, case .key(let key) = segments[1] else {
                throw .invalidRequest("--set \(p.path): sweep the simulation settings one key at a time, e.g. simulation.horizonDays")
            }
            if sharedSimulationKeys.contains(key) {
                throw .invalidRequest("--set \(p.path): every sweep point runs with the same seed and replications so that points are paired by replication (common random numbers); use --\(key == "seed" ? "seed" : "replications") for the whole sweep, or separate runs for separate experiments")
            }
            if overrides.keys.contains(key) {
                throw .invalidRequest("--set \(p.path) conflicts with --\(key == "horizonDays" ? "horizon-days" : "warmup-days"); give one or the other")
            }
            if perPointSimulationKeys.contains(key) { perPoint.insert(key) }
        }
        var points: [[Int]] = [[]]
        for p in parameters { points = points.flatMap { prefix in p.values.indices.map { prefix + [$0] } } }
        guard points.count <= maximumSweepPoints else {
            throw .invalidRequest("the grid has \(points.count) points; at most \(maximumSweepPoints.formatted())")
        }
        var configurations: [Configuration] = []
        for point in points {
            var root = base.resolved
            var labels: [String] = []
            for (k, index) in point.enumerated() {
                let p = parameters[k]
                do { root = try DocumentEditing.setting(p.values[index].value, at: p.path, in: root) } catch {
                    throw .invalidRequest("--set \(p.path): \(error.message)")
                }
                labels.append("\(p.path)=\(p.values[index].text)")
            }
            configurations.append(try Configuration(decoding: root, label: labels.joined(separator: ", ")).applying(overrides))
        }
        let info = SweepInfo(parameters: parameters.map { SweepInfo.Parameter(path: $0.path, values: $0.values.map(\.text)) },
                             points: points)
        return Experiment(command: .sweep, configurations: configurations, sweep: info, perPoint: perPoint)
    }
}

extension Int {
    /// 10000 → "10,000".
    fileprivate func formatted() -> String {
        let digits = String(self)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
