/// The doctor's referral decision as a pure function of the scenario's
/// decision settings and what the municipality can offer now.
///
/// A borderline (or GP-manageable) patient can be kept at home by the GP,
/// referred to the acute team, referred to an acute bed, or admitted. The
/// policy gives the probabilities; `ReferralProbabilities.choice(for:)` turns
/// one uniform into the choice, so the same draw with no acute alternative
/// gives the counterfactual. See `DecisionSettings` for the parameters.
struct ReferralPolicy: Sendable, Equatable {
    /// trust × referral propensity (× shared-IT factor) (× unclear-responsibility
    /// factor), per doctor: the share of the clinical ceiling a doctor refers.
    var propensity: DoctorValues
    /// The factor on referrals to a team that is not on duty around the clock.
    var partTimeCredibility: Double
    /// The share of borderline patients the GP keeps at home, in [0, 1].
    var gpKeepsAtHomeShare: Double

    init(propensity: DoctorValues, partTimeCredibility: Double, gpKeepsAtHomeShare: Double) {
        self.propensity = propensity
        self.partTimeCredibility = partTimeCredibility
        self.gpKeepsAtHomeShare = gpKeepsAtHomeShare
    }

    init(decision: DecisionSettings, coordination: CoordinationSettings, behaviour: Behaviour) {
        func common(_ d: DoctorType) -> Double {
            // The order of the factors is fixed: results depend on the rounding.
            var common = decision.trust[d] * behaviour.referralPropensityMultiplier
            if coordination.sharedIT { common *= decision.sharedITFactor }
            if coordination.medicalResponsibility == .unclear { common *= decision.unclearResponsibilityFactor }
            return common
        }
        self.init(propensity: DoctorValues(gp: common(.gp), outOfHours: common(.outOfHours),
                                           emergencyDepartment: common(.emergencyDepartment)),
                  partTimeCredibility: decision.partTimeCredibility,
                  gpKeepsAtHomeShare: Swift.min(1, Swift.max(0, decision.gpKeepsAtHomeShare + behaviour.gpKeepAtHomeShift)))
    }

    /// What the patient's municipality can offer now.
    struct Offer {
        /// The team's clinical ceiling for this patient (substitutable or
        /// manageable share), or nil when no team can take the patient now.
        var teamShare: Double?
        /// The team's current trust factor (1 without trust dynamics).
        var teamTrust: Double = 1
        var teamIsRoundTheClock = true
        /// The acute beds' clinical ceiling, or nil when there are none for the patient.
        var bedShare: Double?
    }

    /// The probabilities of keeping the patient at home, referring to the team
    /// and referring to an acute bed; admission takes the rest.
    /// - Complexity: O(1).
    func probabilities(doctor d: DoctorType, offer: Offer) -> ReferralProbabilities {
        let common = propensity[d]
        var team = 0.0
        if let share = offer.teamShare {
            team = share * common * offer.teamTrust * (offer.teamIsRoundTheClock ? 1 : partTimeCredibility)
        }
        team = Swift.min(1, team)
        var bed = 0.0
        if let share = offer.bedShare { bed = Swift.min(1 - team, share * common) }
        let home = d == .gp ? gpKeepsAtHomeShare : 0
        return ReferralProbabilities(home: home, team: team, bed: bed)
    }
}

/// The outcome probabilities of one referral decision.
struct ReferralProbabilities: Equatable {
    var home: Double
    var team: Double
    var bed: Double

    enum Choice: Equatable { case home, team, bed, admission }

    /// One uniform decides, in the order home, team, bed, admission; team and
    /// bed shares apply to the patients not kept at home.
    /// - Complexity: O(1).
    func choice(for u: Double) -> Choice {
        let homeCut = home
        let teamCut = homeCut + (1 - homeCut) * team
        let bedCut = teamCut + (1 - homeCut) * bed
        if u < homeCut { return .home }
        if u < teamCut { return .team }
        if u < bedCut { return .bed }
        return .admission
    }
}
