import SamspilEngine

/// What to collect besides the metrics.
public struct ReplicationOptions: Sendable {
    public var recordTimeSeries = false
    public var recordTrace = false
    public init(recordTimeSeries: Bool = false, recordTrace: Bool = false) {
        self.recordTimeSeries = recordTimeSeries
        self.recordTrace = recordTrace
    }
}

/// One replication's results.
public struct ReplicationResult: Sendable {
    public var replication: Int
    /// Values in the order of `Metric.allCases`.
    public var values: [Double]
    public var usage: UsageLedger
    /// Counts per municipality, hospital, team and acute-bed unit the ledger does not keep.
    public var entities: EntityCounts
    public var timeSeries: DailySeries?
    public var trace: [TraceRecord]?
    /// Time spent at each total occupancy level (all hospitals) in the window:
    /// `occupancyDistribution[k]` hours with `k` patients.
    public var occupancyDistribution: [Double]
    public var invariants: InvariantCheck
    public var events: UInt64
    public var episodesSimulated: Int
    public var peakLiveEpisodes: Int

    /// - Complexity: O(1).
    public subscript(metric: Metric) -> Double { values[metric.rawValue] }
}

/// The patient-flow model's event calendar: a timing wheel of one-hour
/// buckets (the model's unit is the hour). A national year pops about 200
/// events an hour; of the widths tried (¼, ½, 1 and 2 hours) one hour cost
/// the fewest instructions and cache misses (`Benchmarks/README.md`). Every
/// calendar pops the same order, so the choice changes speed only.
typealias ModelCalendar = TimingWheelCalendar<HourBuckets>

/// One-hour buckets.
enum HourBuckets: TimingWheelWidth {
    @inline(__always) static var width: Double { 1 }
}

/// The patient-flow model: runs one replication of a compiled scenario.
public enum PatientFlowModel {
    /// - Complexity: O(events · log pending) time; memory O(concurrent episodes).
    public static func run(_ compiled: CompiledScenario, replication: Int,
                           options: ReplicationOptions = ReplicationOptions()) -> ReplicationResult {
        run(compiled, replication: replication, options: options, calendar: ModelCalendar.self)
    }

    /// `run` with another event calendar (the tests check that the choice never changes results).
    static func run<C: EventCalendar>(_ compiled: CompiledScenario, replication: Int, options: ReplicationOptions,
                                      calendar: C.Type) -> ReplicationResult {
        var simulation = PatientFlowSimulation<C>(compiled, replication: replication, options: options)
        simulation.run()
        let result = simulation.result()
        simulation.deallocate()
        return result
    }
}
