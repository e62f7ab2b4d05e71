/// What each municipality (by its citizens), hospital, acute team and
/// acute-bed unit did in a replication's measurement window: the measures the
/// usage ledger does not keep, counted by the monitor as they happen.
///
/// Counts are flat tables, one row per entity and one column per metric in
/// ``municipalityMetrics`` (``hospitalMetrics``, ``teamMetrics``) order; a
/// metric's rows add up to its system-wide value exactly, because the monitor
/// writes both in the same place (`Monitor.add`).
public struct EntityCounts: Sendable, Equatable {
    /// The metrics counted per municipality, by the citizen's municipality.
    public static let municipalityMetrics = Metric.allCases.filter { municipalityColumn($0) >= 0 }
    /// The metrics counted per hospital.
    public static let hospitalMetrics = Metric.allCases.filter { hospitalColumn($0) >= 0 }
    /// The metrics counted per acute team.
    public static let teamMetrics = Metric.allCases.filter { teamColumn($0) >= 0 }
    /// The metrics counted per acute-bed unit (the unit serving the patient's municipality and ward).
    public static let bedUnitMetrics = Metric.allCases.filter { bedUnitColumn($0) >= 0 }

    public let municipalityCount: Int
    public let hospitalCount: Int
    public let teamCount: Int
    public let bedUnitCount: Int
    /// Index `m * municipalityMetrics.count + column`.
    public var municipality: [Double]
    /// Index `h * hospitalMetrics.count + column`.
    public var hospital: [Double]
    /// Index `t * teamMetrics.count + column`.
    public var team: [Double]
    /// Index `u * bedUnitMetrics.count + column`.
    public var bedUnit: [Double]
    /// Hospital bed-days used by each municipality's citizens (lent hospital beds included, pooled acute beds not).
    public var municipalityBedDays: [Double]
    /// Σ lengths of stay (days) of each hospital's discharges: mean stay = this ÷ discharges.
    public var hospitalStayDays: [Double]
    public var hospitalMeanOccupancy: [Double]
    /// 95th percentile of each hospital's patients (exact, time-weighted).
    public var hospitalP95Occupancy: [Double]
    /// Σ response hours and number of first visits of each team: mean response = sum ÷ count.
    public var teamResponseHours: [Double]
    public var teamResponses: [Double]

    init(municipalities: Int, hospitals: Int, teams: Int, bedUnits: Int) {
        precondition(EntityTally.municipalityStride == Self.municipalityMetrics.count
                     && EntityTally.hospitalStride == Self.hospitalMetrics.count
                     && EntityTally.teamStride == Self.teamMetrics.count
                     && EntityTally.bedUnitStride == Self.bedUnitMetrics.count, "EntityTally's strides match the column lists")
        municipalityCount = municipalities
        hospitalCount = hospitals
        teamCount = teams
        bedUnitCount = bedUnits
        municipality = Array(repeating: 0, count: municipalities * Self.municipalityMetrics.count)
        hospital = Array(repeating: 0, count: hospitals * Self.hospitalMetrics.count)
        team = Array(repeating: 0, count: teams * Self.teamMetrics.count)
        bedUnit = Array(repeating: 0, count: bedUnits * Self.bedUnitMetrics.count)
        municipalityBedDays = Array(repeating: 0, count: municipalities)
        hospitalStayDays = Array(repeating: 0, count: hospitals)
        hospitalMeanOccupancy = Array(repeating: 0, count: hospitals)
        hospitalP95Occupancy = Array(repeating: 0, count: hospitals)
        teamResponseHours = Array(repeating: 0, count: teams)
        teamResponses = Array(repeating: 0, count: teams)
    }

    /// Municipality `m`'s count of `metric` (0 when it is not counted per municipality).
    /// - Complexity: O(1).
    public func municipality(_ m: Int, _ metric: Metric) -> Double {
        let c = Self.municipalityColumn(metric)
        return c < 0 ? 0 : municipality[m * Self.municipalityMetrics.count + c]
    }

    /// Hospital `h`'s count of `metric` (0 when it is not counted per hospital).
    /// - Complexity: O(1).
    public func hospital(_ h: Int, _ metric: Metric) -> Double {
        let c = Self.hospitalColumn(metric)
        return c < 0 ? 0 : hospital[h * Self.hospitalMetrics.count + c]
    }

    /// Team `t`'s count of `metric` (0 when it is not counted per team).
    /// - Complexity: O(1).
    public func team(_ t: Int, _ metric: Metric) -> Double {
        let c = Self.teamColumn(metric)
        return c < 0 ? 0 : team[t * Self.teamMetrics.count + c]
    }

    /// Acute-bed unit `u`'s count of `metric` (0 when it is not counted per unit).
    /// - Complexity: O(1).
    public func bedUnit(_ u: Int, _ metric: Metric) -> Double {
        let c = Self.bedUnitColumn(metric)
        return c < 0 ? 0 : bedUnit[u * Self.bedUnitMetrics.count + c]
    }

    // The columns, in `Metric.allCases` order so that the metric lists above
    // (filtered from `allCases`) match them. At every call of `Monitor.add`
    // the metric is a literal, so these switches fold to a constant.

    /// - Complexity: O(1).
    @inline(__always)
    static func municipalityColumn(_ metric: Metric) -> Int {
        switch metric {
        case .episodes: 0
        case .contactsGP: 1
        case .contactsOutOfHours: 2
        case .contactsEmergencyCall: 3
        case .admissionsFromGP: 4
        case .admissionsFromOutOfHours: 5
        case .admissionsFromEmergencyCall: 6
        case .admissionsFromEscalation: 7
        case .readmissions: 8
        case .counterfactualAdmissions: 9
        case .avoidedAdmissions: 10
        case .avoidedByAcuteTeam: 11
        case .avoidedByAcuteBed: 12
        case .emergencyDepartmentVisits: 13
        case .ambulanceTrips: 14
        case .teamReferrals: 15
        case .teamEpisodes: 16
        case .acuteBedReferrals: 17
        case .acuteBedRefusals: 18
        case .acuteBedEpisodes: 19
        default: -1
        }
    }

    /// - Complexity: O(1).
    @inline(__always)
    static func hospitalColumn(_ metric: Metric) -> Int {
        switch metric {
        case .readmissions: 0
        case .admissionsToFullHospital: 1
        case .hospitalDischarges: 2
        case .overcrowdingPatients2300: 3
        case .overcrowdedHospitalDays: 4
        case .pressureDischarges: 5
        case .hospitalPatientsInAcuteBeds: 6
        default: -1
        }
    }

    /// - Complexity: O(1).
    @inline(__always)
    static func teamColumn(_ metric: Metric) -> Int {
        switch metric {
        case .teamRefusals: 0
        case .teamEscalations: 1
        case .waitingDeteriorations: 2
        case .teamNotCredibleNow: 3
        default: -1
        }
    }

    /// - Complexity: O(1).
    @inline(__always)
    static func bedUnitColumn(_ metric: Metric) -> Int {
        switch metric {
        case .acuteBedReferrals: 0
        case .acuteBedRefusals: 1
        case .acuteBedEpisodes: 2
        default: -1
        }
    }
}
