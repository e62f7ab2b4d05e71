import SamspilEngine

/// A diagnosis-like group of acute episodes (pneumonia, urinary tract infection,
/// COPD exacerbation, dehydration, heart failure, falls …) with everything that
/// differs between groups.
///
/// Per-age-band values are arrays in the order of ``Scenario/ageBands``.
public struct PatientGroup: Sendable, Equatable {
    public var name: String
    /// Acute episodes per 1,000 citizens per year, per age band.
    public var ratePerThousandPerYear: [Double]
    /// How episodes split into the three severity bands, per age band.
    public var severity: [SeverityShares]
    /// Share of episodes in each band whose first contact is 112/ambulance,
    /// straight to the emergency department.
    public var emergencyCallShare: BandValues
    /// Hospital length of stay until medically ready, per age band (hours).
    public var lengthOfStay: [Distribution]
    /// Probability that a discharged patient needs a municipal service (home
    /// care start or temporary bed) before leaving, per age band.
    public var needsMunicipalCare: [Double]
    /// Of those needing a municipal service, the share who need a temporary bed.
    public var temporaryBedShare: Double
    /// Probability of readmission within the readmission window after a hospital
    /// stay, per age band, before multipliers.
    public var readmissionProbability: [Double]
    /// Treatment by a municipal acute team; `nil` when the group is not eligible.
    public var acuteTeam: TeamTreatment?
    /// Treatment in a municipal acute bed; `nil` when the group is not eligible.
    public var acuteBed: BedTreatment?
    /// Demand profile for this group; `nil` uses the scenario's.
    public var demandProfile: DemandProfile?
    /// Whether admissions of this group count as preventable admissions
    /// (Danish "forebyggelige indlæggelser": pneumonia, UTI, dehydration, COPD …).
    public var preventable: Bool
    /// The ward the group is admitted to (``Hospital/medicalWard`` unless
    /// named): its hospital stays queue for that ward's beds, and only a team
    /// or acute-bed unit serving that ward treats it.
    public var ward: String = Hospital.medicalWard

    public init(name: String, ratePerThousandPerYear: [Double], severity: [SeverityShares],
                emergencyCallShare: BandValues = BandValues(gpManageable: 0, borderline: 0.1, mustAdmit: 0.5),
                lengthOfStay: [Distribution], needsMunicipalCare: [Double], temporaryBedShare: Double = 0.2,
                readmissionProbability: [Double], acuteTeam: TeamTreatment? = nil, acuteBed: BedTreatment? = nil,
                demandProfile: DemandProfile? = nil, preventable: Bool = true) {
        self.name = name
        self.ratePerThousandPerYear = ratePerThousandPerYear
        self.severity = severity
        self.emergencyCallShare = emergencyCallShare
        self.lengthOfStay = lengthOfStay
        self.needsMunicipalCare = needsMunicipalCare
        self.temporaryBedShare = temporaryBedShare
        self.readmissionProbability = readmissionProbability
        self.acuteTeam = acuteTeam
        self.acuteBed = acuteBed
        self.demandProfile = demandProfile
        self.preventable = preventable
    }
}

/// How episodes split into the three severity bands of the decision: the
/// doctor must admit; may choose (the *borderline* band, where acute teams and
/// beds compete with admission); or can manage the patient at home alone.
public typealias SeverityShares = BandValues

/// One value per severity band.
public struct BandValues: Sendable, Equatable {
    public var gpManageable: Double
    public var borderline: Double
    public var mustAdmit: Double
    public init(gpManageable: Double, borderline: Double, mustAdmit: Double) {
        self.gpManageable = gpManageable
        self.borderline = borderline
        self.mustAdmit = mustAdmit
    }
    public var sum: Double { gpManageable + borderline + mustAdmit }

    @inlinable
    public subscript(band: SeverityBand) -> Double {
        switch band {
        case .gpManageable: return gpManageable
        case .borderline: return borderline
        case .mustAdmit: return mustAdmit
        }
    }
}

public enum SeverityBand: UInt8, Sendable, CaseIterable {
    case gpManageable = 0
    case borderline = 1
    case mustAdmit = 2
}

/// How a group is treated by an acute team at home.
public struct TeamTreatment: Sendable, Equatable {
    /// Share of borderline episodes that a doctor with full trust, a team on
    /// duty around the clock and no other obstacle would treat at home: the
    /// clinical ceiling of substitution (docs/domain.md §4.4: 27 % of short acute medical
    /// admissions 65+ were judged substitutable).
    public var substitutableShare: Double
    /// Length of the team episode (hours).
    public var episodeLength: Distribution
    /// Nurse visits per day during the episode (IV antibiotics: 2–3).
    public var visitsPerDay: Int
    /// Probability that a team episode escalates to a hospital admission;
    /// the escalation happens at a uniformly distributed point of the episode.
    public var escalationProbability: Double
    /// Share of GP-manageable episodes that a fully trusting doctor still refers
    /// to the team (for IV treatment or observation at home). These episodes
    /// would not have been admitted, so they avoid nothing and can only add
    /// admissions through escalation: the reason a team's episodes outnumber its
    /// avoided admissions (Viborg's local count: about one in five).
    public var manageableReferralShare: Double

    public init(substitutableShare: Double, episodeLength: Distribution, visitsPerDay: Int, escalationProbability: Double,
                manageableReferralShare: Double = 0) {
        self.substitutableShare = substitutableShare
        self.manageableReferralShare = manageableReferralShare
        self.episodeLength = episodeLength
        self.visitsPerDay = visitsPerDay
        self.escalationProbability = escalationProbability
    }
}

/// How a group is treated in a municipal acute bed.
public struct BedTreatment: Sendable, Equatable {
    /// Share of borderline episodes a fully trusting doctor would place in an
    /// acute bed when the team is not chosen.
    public var substitutableShare: Double
    public var lengthOfStay: Distribution
    public var escalationProbability: Double

    public init(substitutableShare: Double, lengthOfStay: Distribution, escalationProbability: Double) {
        self.substitutableShare = substitutableShare
        self.lengthOfStay = lengthOfStay
        self.escalationProbability = escalationProbability
    }
}

/// When episodes arrive over the year: relative weights per hour of day, day of
/// week (Monday first) and month. Each set is normalised to mean 1, so the
/// yearly rate is unchanged by the profile.
public struct DemandProfile: Sendable, Equatable {
    public var hourOfDay: [Double]
    public var dayOfWeek: [Double]
    public var month: [Double]

    public init(hourOfDay: [Double] = DemandProfile.flatDay, dayOfWeek: [Double] = Array(repeating: 1, count: 7),
                month: [Double] = Array(repeating: 1, count: 12)) {
        self.hourOfDay = hourOfDay
        self.dayOfWeek = dayOfWeek
        self.month = month
    }

    public static let flatDay = Array(repeating: 1.0, count: 24)
}
