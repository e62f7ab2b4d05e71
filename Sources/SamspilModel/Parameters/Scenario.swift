import SamspilEngine

/// Everything a run needs: the health system, its demand, its coordination
/// settings and the experiment. A scenario file decodes into this value (see
/// `SamspilScenario`), and every number a run prints traces back to it.
///
/// Times inside the model are hours from the start of the run (midnight of
/// ``SimulationSettings/startDate``); the file speaks in the units planners use
/// (days, hours, minutes, per 1,000 per year) and the decoder converts.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    public var simulation: SimulationSettings
    public var ageBands: [String]
    public var regions: [Region]
    public var hospitals: [Hospital]
    public var municipalities: [Municipality]
    public var patientGroups: [PatientGroup]
    public var demandProfile: DemandProfile
    public var contact: ContactSettings
    public var decision: DecisionSettings
    public var acuteTeams: [AcuteTeam]
    public var acuteBedUnits: [AcuteBedUnit]
    public var discharge: DischargeSettings
    public var readmission: ReadmissionSettings
    public var coordination: CoordinationSettings
    /// Behavioural responses to incentives (neutral unless the economics layer sets them).
    public var behaviour: Behaviour
    /// What hospitals near capacity do (on by default).
    public var bedPressure = BedPressureSettings()
    /// Deterioration while waiting for the acute team's first visit.
    public var deterioration = DeteriorationSettings()

    /// The wards of the scenario: `medical`, then every other ward in the order
    /// hospitals first name them.
    public var wardNames: [String] {
        var names = [Hospital.medicalWard]
        for hospital in hospitals {
            for ward in hospital.wards where !names.contains(ward.name) { names.append(ward.name) }
        }
        return names
    }

    public init(name: String, description: String = "", simulation: SimulationSettings = SimulationSettings(),
                ageBands: [String] = Scenario.defaultAgeBands, regions: [Region], hospitals: [Hospital],
                municipalities: [Municipality], patientGroups: [PatientGroup],
                demandProfile: DemandProfile = DemandProfile(), contact: ContactSettings = ContactSettings(),
                decision: DecisionSettings = DecisionSettings(), acuteTeams: [AcuteTeam] = [],
                acuteBedUnits: [AcuteBedUnit] = [], discharge: DischargeSettings = DischargeSettings(),
                readmission: ReadmissionSettings = ReadmissionSettings(),
                coordination: CoordinationSettings = CoordinationSettings(), behaviour: Behaviour = Behaviour()) {
        self.name = name
        self.description = description
        self.simulation = simulation
        self.ageBands = ageBands
        self.regions = regions
        self.hospitals = hospitals
        self.municipalities = municipalities
        self.patientGroups = patientGroups
        self.demandProfile = demandProfile
        self.contact = contact
        self.decision = decision
        self.acuteTeams = acuteTeams
        self.acuteBedUnits = acuteBedUnits
        self.discharge = discharge
        self.readmission = readmission
        self.coordination = coordination
        self.behaviour = behaviour
    }

    /// The age bands of Danish health statistics (KL, Sundhedsdatastyrelsen).
    public static let defaultAgeBands = ["0-64", "65-79", "80+"]
}

/// The experiment: how long, how many replications, which seed.
public struct SimulationSettings: Sendable, Equatable {
    /// Measured period after the warm-up, in days.
    public var horizonDays: Double = 365
    /// Period simulated before measurement starts, in days; its statistics are discarded.
    public var warmupDays: Double = 28
    public var replications: Int = 20
    public var seed: UInt64 = 20_260_101
    /// Calendar date of simulation time 0 (midnight); sets weekdays and months.
    public var startDate: CalendarDate = CalendarDate(year: 2025, month: 1, day: 6)   // a Monday
    /// How the hospitals start: empty, or pre-filled to the occupancy their
    /// demand implies (Little's law), which shortens the warm-up needed.
    public var initialState: InitialState = .typical

    public enum InitialState: String, Sendable, Equatable, CaseIterable {
        case empty
        case typical
    }

    public init() {}
}

/// A date in the proleptic Gregorian calendar.
public struct CalendarDate: Sendable, Equatable, CustomStringConvertible {
    public var year: Int
    public var month: Int   // 1...12
    public var day: Int     // 1...31

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= CalendarDate.daysInMonth(year: year, month: month)
    }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of week, 0 = Monday … 6 = Sunday (Zeller-free: days since 0001-01-01, a Monday).
    public var weekday: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CalendarDate.daysInMonth(year: year, month: m) }
        days += day - 1
        return days % 7
    }

    public var description: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
        guard isValid else { return nil }
    }
}
