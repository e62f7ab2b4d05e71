/// Typed identities of the metrics and series that producers write and the
/// report looks up, so that a section never finds its data by a raw string: a
/// renamed identity is a compile error in every producer and reader, and the
/// experiment library's tests check each identity against the metric catalogue.

/// A metric's identity: its name in every output (CSV column values, JSON).
public struct MetricID: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }

    // Model metrics the report, the terminal table and the comparisons feature.
    public static let admissions = MetricID("admissions")
    public static let avoidedAdmissions = MetricID("avoidedAdmissions")
    public static let meanOccupancy = MetricID("meanOccupancy")
    public static let p95Occupancy = MetricID("p95Occupancy")
    public static let overcrowdingPatients2300 = MetricID("overcrowdingPatients2300")
    public static let teamEpisodes = MetricID("teamEpisodes")
    public static let delayedDischargeDays = MetricID("delayedDischargeDays")
    public static let bedDays = MetricID("bedDays")
    public static let episodes = MetricID("episodes")
    public static let admissionsFromEscalation = MetricID("admissionsFromEscalation")
    public static let readmissions = MetricID("readmissions")
    public static let occupancyRate = MetricID("occupancyRate")
    // Economic metrics.
    public static let totalCost = MetricID("cost.total")
    // Metrics derived from a comparison of two runs.
    public static let avoidedAdmissionsCounterfactual = MetricID("avoidedAdmissions.counterfactual")
    public static let avoidedAdmissionsBetweenRuns = MetricID("avoidedAdmissions.betweenRuns")
    public static let netCostPerAvoidedAdmission = MetricID("netCostPerAvoidedAdmission")

    /// A resource cost: the total or one provider's (`cost.<provider>`).
    public var isCost: Bool { name.hasPrefix("cost") }
}

/// A payer's metric: `payer.<payer>.<kind>`, e.g. the municipality's net burden.
public struct PayerMetricID: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case costs, transfersIn, transfersOut, net
    }

    /// The payer's identifier (a payer entity: region, municipality, …).
    public var payer: String
    public var kind: Kind

    public init(payer: String, kind: Kind) {
        self.payer = payer
        self.kind = kind
    }

    /// Reads a payer metric's identity; nil for any other metric.
    public init?(_ metric: MetricID) {
        let parts = metric.name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "payer", let kind = Kind(rawValue: String(parts[parts.count - 1])) else { return nil }
        self.init(payer: parts[1..<(parts.count - 1)].joined(separator: "."), kind: kind)
    }

    public var metric: MetricID { MetricID("payer.\(payer).\(kind.rawValue)") }
}

/// A daily series: what `timeseries.csv` holds and the report charts.
public enum SeriesID: String, Sendable, CaseIterable, Codable {
    /// Mean hospital occupancy per day.
    case occupancy
    /// Episodes open with the acute team per day.
    case teamCaseload
    /// Patients above capacity per day.
    case overflow

    public var unit: String {
        switch self {
        case .occupancy, .overflow: "patients"
        case .teamCaseload: "episodes"
        }
    }
}

extension MetricInfo {
    /// This metric's typed identity.
    public var id: MetricID { MetricID(name) }
}

extension SeriesBand {
    /// This series' typed identity; nil for a series this version does not know.
    public var id: SeriesID? { SeriesID(rawValue: name) }
}
