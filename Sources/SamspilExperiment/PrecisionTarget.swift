import SamspilEngine
import SamspilReport

/// Replications until named outputs reach a relative precision (Law's
/// relative-precision procedure, ``SequentialPrecision``): `--precision
/// admissions=0.01` asks for a 95 % half-width of at most 1 % of the mean in
/// every run. The experiment is rerun with the estimated replication count
/// (replications 0…n−1, so the result is the one a direct run with n gives)
/// until every target is met or the maximum is reached.
public struct PrecisionTarget: Sendable, Equatable {
    public var metric: MetricID
    /// Target 95 % half-width as a share of |mean|.
    public var relativeHalfWidth: Double

    public init(metric: MetricID, relativeHalfWidth: Double) {
        self.metric = metric
        self.relativeHalfWidth = relativeHalfWidth
    }

    /// Parses `name=share[,name=share…]`.
    public static func parse(_ text: String) -> [PrecisionTarget]? {
        var targets: [PrecisionTarget] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=")
            guard parts.count == 2, let gamma = Double(parts[1]), gamma > 0, gamma < 1 else { return nil }
            targets.append(PrecisionTarget(metric: MetricID(String(parts[0])), relativeHalfWidth: gamma))
        }
        return targets.isEmpty ? nil : targets
    }

    /// What the precision procedure did.
    public struct Outcome: Sendable {
        public var document: RunDocument?
        public var replications: Int
        public var reached: Bool
        /// One line per target and run: the relative half-width achieved.
        public var lines: [String]
        public var traceCSV: String?
    }

    /// Runs `experiment`, then reruns it with more replications until every
    /// target is met in every run or `maximum` replications are used.
    /// - Throws: when a target names a metric the runs do not have.
    public static func perform(_ experiment: Experiment, targets: [PrecisionTarget], maximum: Int,
                               options: Experiment.Options) throws -> Outcome {
        var current = experiment
        while true {
            let result = try current.perform(options)
            guard let document = result.document else {
                return Outcome(document: nil, replications: current.settings.replications, reached: false, lines: [], traceCSV: nil)
            }
            var needed = current.settings.replications
            var reached = true
            var lines: [String] = []
            for target in targets {
                for run in document.runs {
                    guard let m = run.metrics.firstIndex(where: { $0.id == target.metric && $0.level == nil }) else {
                        throw ExperimentError.invalidRequest("--precision: no metric '\(target.metric)' (see `samspil metrics`)")
                    }
                    let summary = ReplicationSummary(run.values.map { $0[m] })
                    let achieved = summary.relativeHalfWidth.map { NumberText.display($0 * 100) + " %" } ?? "undefined (mean 0)"
                    lines.append("\(run.label): \(target.metric) ±\(achieved) of the mean (target \(NumberText.display(target.relativeHalfWidth * 100)) %)")
                    if !SequentialPrecision.isReached(summary, relativeHalfWidth: target.relativeHalfWidth) {
                        reached = false
                        let n = SequentialPrecision.replicationsNeeded(summary, relativeHalfWidth: target.relativeHalfWidth, maximum: maximum) ?? maximum
                        needed = Swift.max(needed, Swift.min(maximum, Swift.max(n, current.settings.replications + 1)))
                    }
                }
            }
            if reached || current.settings.replications >= maximum || needed == current.settings.replications {
                return Outcome(document: document, replications: current.settings.replications, reached: reached, lines: lines,
                               traceCSV: result.traceCSV)
            }
            current = current.withReplications(needed)
        }
    }
}
