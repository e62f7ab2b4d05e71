import SamspilEngine

/// First contact: the own GP in office hours, the out-of-hours doctor otherwise.
public struct ContactSettings: Sendable, Equatable {
    /// The GP's office hours (weekdays); outside them the out-of-hours doctor answers.
    public var gpOfficeHours = HourWindow(from: 8, to: 16)
    public var gpOfficeDays = WeekdaySet.mondayToFriday
    /// Same-day acute slots per 1,000 citizens per office day, per municipality.
    public var gpSameDaySlotsPerThousandPerDay: Double = 1.0
    /// What happens when the day's slots are used up.
    public var whenGPFull: WhenGPFull = .outOfHours
    /// Share of citizens whose GP takes part in the acute cooperation (knows and
    /// refers to the team and beds); other GPs never refer.
    public var gpParticipation: Double = 1.0

    public enum WhenGPFull: String, Sendable, Equatable, CaseIterable {
        /// The patient calls the out-of-hours doctor instead.
        case outOfHours
        /// The patient waits for the next office day (must-admit patients call 112).
        case nextDay
    }

    public init() {}
}

/// The doctor's choice in the borderline band.
///
/// For a borderline episode the probability of referring to the acute team is
///
///     p_team = min(1, s_team · trust[d] · coverage · credibility · it · clarity · incentive)
///
/// where `s_team` is the group's substitutable share, `trust[d]` the trust of
/// doctor type `d` in the municipal offer (times the team's dynamic trust
/// factor with ``trustDynamics``), `coverage` is 1 when the team can promise
/// to start a visit within ``maximumResponseHours`` — its next shift plus,
/// with ``responsePromise`` `.current`, the visits already queued per nurse on
/// duty — and 0 otherwise, `credibility`
/// is ``partTimeCredibility`` for a team that is not staffed around the clock
/// (1 otherwise), `it` is ``sharedITFactor`` with shared IT (1 otherwise),
/// `clarity` is ``unclearResponsibilityFactor`` when medical responsibility is
/// unclear (1 otherwise), and `incentive` comes from the incentive regime's
/// behavioural responses (1 when neutral). The acute bed is chosen with
/// `p_bed = min(1 − p_team, s_bed · trust[d] · it · clarity · incentive)`, and
/// a GP keeps the patient at home with ``gpKeepsAtHomeShare``. One uniform draw
/// `u` decides: home, team, bed, admission, in that order — and the same `u`
/// without the acute alternatives gives the counterfactual decision.
public struct DecisionSettings: Sendable, Equatable {
    /// Trust in the municipal acute offer per doctor type, 0–1 (the seeds' 1–10
    /// scale divided by 10).
    public var trust = DoctorValues(gp: 0.6, outOfHours: 0.3, emergencyDepartment: 0.5)
    /// Multiplier on the referral propensity when the team is not staffed 24/7.
    public var partTimeCredibility: Double = 0.6
    /// Multiplier on referral propensity with shared IT messaging.
    public var sharedITFactor: Double = 1.25
    /// Multiplier on referral propensity when medical responsibility is unclear.
    public var unclearResponsibilityFactor: Double = 0.8
    /// A referral is possible only if the team can start the first visit within
    /// this many hours (its next shift starts by then).
    public var maximumResponseHours: Double = 4
    /// Share of borderline patients a GP keeps at home alone, before behavioural responses.
    public var gpKeepsAtHomeShare: Double = 0
    /// What counts as "can start a visit within ``maximumResponseHours``": the
    /// team's current queue as well as its shifts (default), or its shifts only.
    public var responsePromise: ResponsePromise = .current
    /// Trust that grows and falls with experience; `nil` keeps trust fixed.
    public var trustDynamics: TrustDynamics? = nil

    public init() {}
}

/// One value per doctor type that makes the decision.
public struct DoctorValues: Sendable, Equatable {
    public var gp: Double
    public var outOfHours: Double
    public var emergencyDepartment: Double
    public init(gp: Double, outOfHours: Double, emergencyDepartment: Double) {
        self.gp = gp
        self.outOfHours = outOfHours
        self.emergencyDepartment = emergencyDepartment
    }
    @inlinable
    public subscript(doctor: DoctorType) -> Double {
        switch doctor {
        case .gp: return gp
        case .outOfHours: return outOfHours
        case .emergencyDepartment: return emergencyDepartment
        }
    }
}

public enum DoctorType: UInt8, Sendable, CaseIterable {
    case gp = 0
    case outOfHours = 1
    case emergencyDepartment = 2
}
