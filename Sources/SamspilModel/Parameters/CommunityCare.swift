import SamspilEngine

/// A municipal acute team: nurses who treat acute episodes at home (IV
/// antibiotics, fluids, observation), in shifts.
public struct AcuteTeam: Sendable, Equatable {
    public var name: String
    /// Municipalities whose citizens the team serves.
    public var municipalities: [String]
    /// Nurses on duty by shift. Hours not covered by any shift have no nurse.
    public var shifts: [Shift]
    /// Most episodes the team carries at once; a referral beyond it is refused.
    public var maximumCaseload: Int
    /// From referral until the first visit is requested (preparation, medicine), hours.
    public var responseDelay: Distribution
    /// Nurse time at the patient per visit, hours.
    public var visitDuration: Distribution
    /// Travel time per visit, hours.
    public var travelTime: Distribution
    /// Municipal staff at the emergency department who can send borderline
    /// arrivals home with the team; `nil` when there is none.
    public var forwardVisitation: ForwardVisitation?
    /// A follow-up visit after hospital discharge; `nil` when not offered.
    public var followUp: FollowUp?
    /// Discharge from hospital before medical readiness, supported by team visits.
    public var earlyDischarge: EarlyDischarge?
    /// The ward whose patient groups the team treats (a psychiatric outreach
    /// team serves `psychiatric`); a municipality has at most one team per ward.
    public var ward: String = Hospital.medicalWard

    public struct Shift: Sendable, Equatable {
        public var name: String
        public var hours: HourWindow
        public var days: WeekdaySet
        public var nurses: Int
        public init(name: String, hours: HourWindow, days: WeekdaySet = .all, nurses: Int) {
            self.name = name
            self.hours = hours
            self.days = days
            self.nurses = nurses
        }
    }

    public init(name: String, municipalities: [String], shifts: [Shift], maximumCaseload: Int,
                responseDelay: Distribution = .fixed(1), visitDuration: Distribution = .fixed(0.75),
                travelTime: Distribution = .fixed(1.0 / 3), forwardVisitation: ForwardVisitation? = nil,
                followUp: FollowUp? = nil, earlyDischarge: EarlyDischarge? = nil) {
        self.name = name
        self.municipalities = municipalities
        self.shifts = shifts
        self.maximumCaseload = maximumCaseload
        self.responseDelay = responseDelay
        self.visitDuration = visitDuration
        self.travelTime = travelTime
        self.forwardVisitation = forwardVisitation
        self.followUp = followUp
        self.earlyDischarge = earlyDischarge
    }
}

/// Municipal staff at the emergency department ("fremskudt visitation").
public struct ForwardVisitation: Sendable, Equatable {
    public var hours: HourWindow
    public var days: WeekdaySet
    /// Share of borderline emergency-department arrivals (that would otherwise be
    /// admitted) the staff send home with the team, when it has capacity.
    public var share: Double
    public init(hours: HourWindow, days: WeekdaySet = .all, share: Double) {
        self.hours = hours
        self.days = days
        self.share = share
    }
}

/// One team visit shortly after hospital discharge.
public struct FollowUp: Sendable, Equatable {
    /// Share of discharged patients aged 65+ of the served municipalities who get the visit.
    public var share: Double
    /// Hours after discharge at which the visit is requested.
    public var afterHours: Double
    public init(share: Double, afterHours: Double = 24) {
        self.share = share
        self.afterHours = afterHours
    }
}

/// Hospital discharge before medical readiness into team care.
public struct EarlyDischarge: Sendable, Equatable {
    /// Share of admitted patients of team-eligible groups considered for it.
    public var share: Double
    /// How many hours before medical readiness they leave.
    public var hoursEarly: Double
    /// Team visits per day while at home.
    public var visitsPerDay: Int
    public init(share: Double, hoursEarly: Double, visitsPerDay: Int = 2) {
        self.share = share
        self.hoursEarly = hoursEarly
        self.visitsPerDay = visitsPerDay
    }
}

/// Municipal acute beds (akutpladser).
public struct AcuteBedUnit: Sendable, Equatable {
    public var name: String
    public var municipalities: [String]
    public var beds: Int
    /// `partitioned`: only municipal acute patients use the beds. `pooled`: the
    /// unit and the named hospital lend each other free beds — hospital patients
    /// use a free acute bed instead of overflow, and acute-bed patients use a free
    /// hospital bed instead of being refused.
    public var sharing: Sharing
    /// The ward whose patient groups the unit treats, and whose beds it pools
    /// with when `pooled` (24-hour psychiatric acute places serve `psychiatric`).
    public var ward: String = Hospital.medicalWard
    /// Who runs the unit jointly: each payer level's share of its staff and
    /// cost (`municipality`, `region`), summing to 1; empty: the municipalities alone.
    public var costShares: [CostShare] = []

    /// The region's share of the unit's cost when the scenario sets `costShares`; `nil`: the regime decides.
    public var regionCostShare: Double? {
        costShares.isEmpty ? nil : costShares.reduce(0) { $0 + ($1.payer == "region" ? $1.share : 0) }
    }

    /// The payer levels that can share a unit's cost.
    public static let costSharePayers = ["municipality", "region"]

    public struct CostShare: Sendable, Equatable {
        /// `municipality` or `region`.
        public var payer: String
        public var share: Double
        public init(payer: String, share: Double) {
            self.payer = payer
            self.share = share
        }
    }

    public enum Sharing: Sendable, Equatable {
        case partitioned
        case pooled(hospital: String)
    }

    public init(name: String, municipalities: [String], beds: Int, sharing: Sharing = .partitioned) {
        self.name = name
        self.municipalities = municipalities
        self.beds = beds
        self.sharing = sharing
    }
}
