import SamspilModel
import SamspilReport

extension MetricID {
    /// The identity of one of the model's metrics.
    public init(_ metric: Metric) { self.init(metric.definition.name) }

    /// The model metrics the report features, each tied to the model's own case,
    /// so that renaming either side fails to compile here or fails
    /// `MetricIdentityTests` (which checks that the names agree).
    static let featuredModelMetrics: [(id: MetricID, metric: Metric)] = [
        (.admissions, .admissions), (.avoidedAdmissions, .avoidedAdmissions), (.meanOccupancy, .meanOccupancy),
        (.p95Occupancy, .p95Occupancy), (.overcrowdingPatients2300, .overcrowdingPatients2300), (.teamEpisodes, .teamEpisodes),
        (.delayedDischargeDays, .delayedDischargeDays), (.bedDays, .bedDays), (.episodes, .episodes),
        (.admissionsFromEscalation, .admissionsFromEscalation), (.readmissions, .readmissions), (.occupancyRate, .occupancyRate),
    ]
}
