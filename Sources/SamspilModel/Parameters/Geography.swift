import SamspilEngine

/// A Danish region: runs hospitals; one of the payers.
public struct Region: Sendable, Equatable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// An acute hospital: emergency department and medical beds.
public struct Hospital: Sendable, Equatable {
    public var name: String
    public var region: String
    /// Medical beds open at the start of the run.
    public var medicalBeds: Int
    /// Bed closures and openings over time: from `fromDay` (days since the start
    /// of the run, warm-up included) the hospital has `beds` medical beds.
    public var bedChanges: [BedChange]
    /// Hours of the day at which patients who need no municipal service may leave
    /// (a patient medically ready at 02:00 goes home in the morning).
    public var dischargeHours: HourWindow
    /// What happens to a patient admitted when every bed is taken.
    public var overflow: OverflowPolicy
    /// Wards besides the medical one (whose beds, bed changes, discharge hours
    /// and overflow policy are the hospital's own fields above): each is a bed
    /// pool of its own, serving the patient groups that name it.
    public var wards: [Ward] = []

    /// The ward every hospital has: its own beds and rules.
    public static let medicalWard = "medical"

    /// A ward of its own (e.g. `psychiatric`): its beds are a separate queue.
    public struct Ward: Sendable, Equatable {
        public var name: String
        public var beds: Int
        public var bedChanges: [BedChange]
        public var dischargeHours: HourWindow
        public var overflow: OverflowPolicy
        public init(name: String, beds: Int, bedChanges: [BedChange] = [],
                    dischargeHours: HourWindow = HourWindow(from: 8, to: 20), overflow: OverflowPolicy = .moveToFreeBed) {
            self.name = name
            self.beds = beds
            self.bedChanges = bedChanges
            self.dischargeHours = dischargeHours
            self.overflow = overflow
        }
    }

    /// Every ward of the hospital, the medical ward first.
    public var allWards: [Ward] {
        [Ward(name: Self.medicalWard, beds: medicalBeds, bedChanges: bedChanges, dischargeHours: dischargeHours, overflow: overflow)]
            + wards
    }

    /// Danish hospitals never turn an acute patient away: above capacity the
    /// patient lies in a corridor or another ward.
    public enum OverflowPolicy: String, Sendable, Equatable, CaseIterable {
        /// The patient moves into the first bed that frees (corridor beds).
        case moveToFreeBed
        /// The patient stays outside the ward for the whole stay (outlying
        /// patients); the ward's beds then behave as a loss system (Erlang B).
        case stayInOverflow
    }

    public struct BedChange: Sendable, Equatable {
        public var fromDay: Double
        public var beds: Int
        public init(fromDay: Double, beds: Int) {
            self.fromDay = fromDay
            self.beds = beds
        }
    }

    public init(name: String, region: String, medicalBeds: Int, bedChanges: [BedChange] = [],
                dischargeHours: HourWindow = HourWindow(from: 8, to: 20), overflow: OverflowPolicy = .moveToFreeBed,
                wards: [Ward] = []) {
        self.wards = wards
        self.name = name
        self.region = region
        self.medicalBeds = medicalBeds
        self.bedChanges = bedChanges
        self.dischargeHours = dischargeHours
        self.overflow = overflow
    }
}

/// A municipality: citizens by age band, where its acute patients are admitted,
/// and what it can receive on discharge.
public struct Municipality: Sendable, Equatable {
    public var name: String
    public var region: String
    /// Citizens per age band, in the order of ``Scenario/ageBands``.
    public var population: [Double]
    /// Share of the municipality's hospital patients going to each hospital
    /// (hospital name → share; the shares sum to 1).
    public var catchment: [HospitalShare]
    /// Overrides of the scenario-wide discharge rules for this municipality.
    public var discharge: MunicipalDischarge?

    public struct HospitalShare: Sendable, Equatable {
        public var hospital: String
        public var share: Double
        public init(hospital: String, share: Double) {
            self.hospital = hospital
            self.share = share
        }
    }

    public init(name: String, region: String, population: [Double], catchment: [HospitalShare],
                discharge: MunicipalDischarge? = nil) {
        self.name = name
        self.region = region
        self.population = population
        self.catchment = catchment
        self.discharge = discharge
    }
}

/// A daily window of hours, `from` inclusive to `to` exclusive, in 0...24.
/// `from > to` wraps past midnight (22–7 is a night shift); `from == to` is
/// empty, and 0–24 is the whole day.
public struct HourWindow: Sendable, Equatable {
    public var from: Double
    public var to: Double
    public init(from: Double, to: Double) {
        self.from = from
        self.to = to
    }

    public static let allDay = HourWindow(from: 0, to: 24)

    /// Whether the hour of day `h` (0 ≤ h < 24) lies in the window.
    @inlinable
    public func contains(hourOfDay h: Double) -> Bool {
        if from == to { return false }
        if from < to { return h >= from && h < to }
        return h >= from || h < to
    }

    /// Length of the window in hours.
    public var hours: Double {
        if from == to { return 0 }
        return from < to ? to - from : 24 - from + to
    }
}

/// Weekdays, Monday = 0 … Sunday = 6, as a bit set.
public struct WeekdaySet: Sendable, Equatable {
    public var bits: UInt8
    public init(bits: UInt8) { self.bits = bits & 0x7F }
    public init(_ days: [Int]) {
        var b: UInt8 = 0
        for d in days where (0..<7).contains(d) { b |= 1 << UInt8(d) }
        bits = b
    }
    public static let all = WeekdaySet(bits: 0x7F)
    public static let mondayToFriday = WeekdaySet(bits: 0x1F)
    @inlinable public func contains(_ weekday: Int) -> Bool { bits & (1 << UInt8(weekday)) != 0 }
    public var days: [Int] { (0..<7).filter(contains) }
    public static let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
}
