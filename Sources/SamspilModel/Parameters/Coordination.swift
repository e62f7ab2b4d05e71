import SamspilEngine

/// What a municipality can receive on discharge, and the rules it imposes.
public struct MunicipalDischarge: Sendable, Equatable {
    /// Minimum notice the municipality needs before receiving a patient who needs
    /// a municipal service (varslingsfrist), hours. 0 when notification rules are abolished.
    public var notificationHours: Double = 24
    /// How many hours before medical readiness the hospital notifies the
    /// municipality without shared IT (with shared IT it notifies at admission).
    public var notificationLeadHours: Double = 12
    /// Hours of the day in which the municipality receives discharged patients.
    public var acceptHours = HourWindow(from: 8, to: 20)
    /// Days on which it receives them.
    public var acceptDays = WeekdaySet.all
    /// New home-care starts the municipality can make per day, per 1,000 citizens aged 65+.
    public var homeCareStartsPerThousand65PerDay: Double = 0.5
    /// Temporary (intermediate-care) beds per 1,000 citizens aged 65+.
    public var temporaryBedsPerThousand65: Double = 2.0
    /// Length of a temporary-bed stay (hours).
    public var temporaryBedStay: Distribution = .lognormal(mean: 14 * 24, sd: 10 * 24)

    public init() {}
}

/// Scenario-wide discharge settings; municipalities may override them.
public typealias DischargeSettings = MunicipalDischarge

/// Cross-sector coordination: the seeds' success factors and barriers.
public struct CoordinationSettings: Sendable, Equatable {
    /// Shared IT messaging between sectors (SAM:BO-style): raises referral
    /// propensity (``DecisionSettings/sharedITFactor``), sends the discharge
    /// notification at admission instead of at readiness, and lowers readmission
    /// risk (``ReadmissionSettings/sharedITMultiplier``).
    public var sharedIT = false
    /// Whether medical responsibility for patients treated at home is clear
    /// (e.g. hospital doctors hold it, as in Viborg). Grey zones lower referral
    /// propensity, delay the team's first visit and add nurse time per visit.
    public var medicalResponsibility: MedicalResponsibility = .clear
    /// Extra delay before the first team visit when responsibility is unclear, hours.
    public var greyZoneDelayHours: Double = 2
    /// Extra nurse time per visit when responsibility is unclear, hours.
    public var greyZoneVisitHours: Double = 1.0 / 6.0

    public enum MedicalResponsibility: String, Sendable, Equatable, CaseIterable {
        case clear
        case unclear
    }

    public init() {}
}

/// Returns to hospital within a window after *every* way an episode ends.
///
/// The probability of a return is
///
///     p = r[group, age] · band[severity] · pathway · (shared IT) · (follow-up) · (delayed) · (rushed)
///
/// where `r` is the group's ``PatientGroup/readmissionProbability`` (the
/// inpatient 30-day rate), `band` is ``bandMultiplier`` and `pathway` is 1
/// after a hospital stay, ``afterHomeMultiplier`` after the doctor managed the
/// patient at home, ``afterEmergencyDepartmentMultiplier`` after the emergency
/// department sent the patient home, and ``afterCommunityCareMultiplier``
/// after a completed acute-team or acute-bed episode. In the community one
/// uniform number per episode decides both escalation during team or bed care
/// and a later return (escalation first, the return from the rest of the
/// interval), so with common random numbers a patient who returns after team
/// care would also have returned from home whenever the team's total risk is
/// the lower. The draw is `endWithoutStay` in Pathway/9-ReturnsAndOutcomes.swift.
public struct ReadmissionSettings: Sendable, Equatable {
    public var windowDays: Double = 30
    /// Time from discharge to readmission, given readmission (hours); draws beyond
    /// the window are redrawn, so the distribution is truncated to the window.
    public var timeToReadmission: Distribution = .lognormal(mean: 10 * 24, sd: 8 * 24)
    public var sharedITMultiplier: Double = 0.9
    /// Multiplier for patients who had a team follow-up visit (Glostrup RCT: up
    /// to 23 % of readmissions avoidable with follow-up visits).
    public var followUpMultiplier: Double = 0.77
    /// Multiplier for patients whose discharge was delayed waiting for the municipality.
    public var delayedDischargeMultiplier: Double = 1.0
    /// Multiplier for rushed discharges (bed pressure).
    public var rushedDischargeMultiplier: Double = 1.2
    /// Multiplier by severity band: a GP-manageable episode carries less risk than a borderline one.
    public var bandMultiplier = BandValues(gpManageable: 0.25, borderline: 1.0, mustAdmit: 1.0)
    /// Pathway multiplier after the GP or out-of-hours doctor managed the patient at home alone.
    public var afterHomeMultiplier: Double = 1.6
    /// Pathway multiplier after the emergency department sent the patient home.
    public var afterEmergencyDepartmentMultiplier: Double = 1.6
    /// Pathway multiplier after a completed acute-team or acute-bed episode.
    public var afterCommunityCareMultiplier: Double = 0.6

    public init() {}
}

/// How incentives change decisions: explicit coefficients, neutral by default.
/// The incentive regime (economics) sets them; every one can be swept. These
/// are assumptions to explore, not facts.
public struct Behaviour: Sendable, Equatable {
    /// Added to the share of borderline patients a GP keeps at home.
    public var gpKeepAtHomeShift: Double = 0
    /// Multiplier on every referral propensity to the team and acute beds.
    public var referralPropensityMultiplier: Double = 1
    /// Share of borderline emergency-department patients admitted regardless of
    /// forward visitation (activity payment at the hospital).
    public var hospitalAdmissionShift: Double = 0
    /// Multiplier on hospital lengths of stay.
    public var lengthOfStayMultiplier: Double = 1

    public init() {}
}
