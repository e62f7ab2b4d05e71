import SamspilEngine

/// What a hospital near or over its beds does (on by default; the round is `pressureRound` in Pathway/5-BedPressure.swift).
///
/// Every morning at ``roundHour`` a hospital whose ward patients reach
/// ``occupancyThreshold`` × beds discharges patients who are within
/// ``dischargeWithinHours`` of medical readiness, until it is below the
/// threshold; those discharges are *rushed* (return risk ×
/// ``ReadmissionSettings/rushedDischargeMultiplier``). Patients admitted to a
/// full hospital (corridor, overflow or a lent bed) stay
/// ``outlierStayMultiplier`` times longer. While a hospital is at or above the
/// threshold its emergency department refers borderline arrivals to the acute
/// team and forward visitation more readily
/// (``emergencyDepartmentReferralMultiplier``).
public struct BedPressureSettings: Sendable, Equatable {
    /// `false` switches every part off (the Erlang-loss and M/M/∞ reductions need this).
    public var enabled = true
    /// Ward patients ÷ available beds at which the hospital acts.
    public var occupancyThreshold = 0.95
    /// Hour of the daily discharge round.
    public var roundHour = 9.0
    /// Patients this close to medical readiness may be discharged at the round.
    public var dischargeWithinHours = 24.0
    /// Stay multiplier for patients admitted to a full hospital.
    public var outlierStayMultiplier = 1.1
    /// Multiplier on the emergency department's referral to the team (and on
    /// forward visitation) while the hospital is under pressure.
    public var emergencyDepartmentReferralMultiplier = 1.5

    public init() {}

    /// Bed pressure switched off.
    public static var off: BedPressureSettings { var s = BedPressureSettings(); s.enabled = false; return s }
}

/// Deterioration of a patient who waits at home for the acute team's first visit.
///
/// From the referral the patient deteriorates after an exponential time with
/// rate ``hazardPerHourWaiting``; if that comes before the first visit starts,
/// the patient is escalated to hospital by ambulance. So a slower team (fewer
/// nurses, a night without staff, a long queue) causes escalations. 0 disables.
public struct DeteriorationSettings: Sendable, Equatable {
    public var hazardPerHourWaiting = 0.01
    public init() {}
}

/// Trust that grows with good experience and falls with bad (off by default).
///
/// Each team carries a factor `f`, starting at 1, on every doctor's propensity
/// to refer to it: a completed episode moves `f` a step ``gainPerSuccess``
/// towards ``ceiling``; a refusal a step ``lossPerRefusal`` and an escalation
/// a step ``lossPerEscalation`` towards ``floor`` (steps as fractions of the
/// distance). The Danish cases describe cooperation growing from knowing
/// each other to respect to trust (docs/domain.md §2); this is that, as a mechanism.
public struct TrustDynamics: Sendable, Equatable {
    public var gainPerSuccess = 0.01
    public var lossPerRefusal = 0.05
    public var lossPerEscalation = 0.03
    public var floor = 0.3
    public var ceiling = 1.5
    public init() {}
}

/// What the doctor judges the team can offer when deciding.
public enum ResponsePromise: String, Sendable, Equatable, CaseIterable {
    /// Hours until a shift is on duty plus the current queue of visits per nurse
    /// on duty: a team that is swamped now is not a credible alternative now.
    case current
    /// Hours until a shift is on duty only (the team's nominal coverage).
    case nominal
}
