import SamspilEngine

// Step 3 of the pathway: the doctor decides — home, the acute team, an acute
// bed, or admission. The probabilities come from the pure `ReferralPolicy`;
// this file gathers what the municipality can offer now and acts on the draw.
extension PatientFlowSimulation {
    /// The referral probabilities of doctor `d` for episode `e` now.
    ///
    /// `mutating` although it changes nothing but a count: called from
    /// mutating handlers, a non-mutating method would get a copy of the whole
    /// simulation state (a `memcpy` per call).
    mutating func referralProbabilities(_ e: Episode, doctor d: DoctorType, manageable: Bool = false) -> ReferralProbabilities {
        let group = model.groups[Int(e.group)]
        var offer = ReferralPolicy.Offer()
        let t = model.team(municipality: e.municipality, group: e.group)
        if t >= 0 && group.hasTeamTreatment && canPromiseVisit(team: t) {
            offer.teamShare = manageable ? group.teamManageableReferralShare : group.teamSubstitutableShare
            offer.teamTrust = teams.trust[t]
            offer.teamIsRoundTheClock = model.teamPlans[t].isRoundTheClock
        }
        if model.bedUnit(municipality: e.municipality, group: e.group) >= 0 && group.hasBedTreatment {
            offer.bedShare = group.bedSubstitutableShare
        }
        return model.referralPolicy.probabilities(doctor: d, offer: offer)
    }

    /// The doctor's decision for episode `id` by its severity band.
    mutating func decide(_ id: UInt32, doctor: DoctorType) {
        let e = episodes.slots[Int(id)]
        let band = SeverityBand(rawValue: e.band)!
        if band == .mustAdmit { countCounterfactualAdmission(id) }
        switch band {
        case .gpManageable:
            // A share of manageable episodes is still referred to the team
            // (treatment or observation at home); their counterfactual is home.
            let p = referralProbabilities(e, doctor: doctor, manageable: true)
            if p.team > 0 && participates(e, doctor: doctor) {
                var g = SplitMix64(episode: e.key, Purpose.decision)
                if g.nextUnitDouble() < p.team {
                    count(.teamReferrals, for: Entities(e))
                    if referToTeam(id, source: .doctor) { return }
                }
            }
            endWithoutStay(id, outcome: .outcomeHomeWithGP, pathway: model.afterHomeReturnMultiplier)
        case .mustAdmit:
            emergencyDepartment(id, referred: true)
        case .borderline:
            var p = referralProbabilities(e, doctor: doctor)
            if !participates(e, doctor: doctor) { p.team = 0; p.bed = 0 }
            var g = SplitMix64(episode: e.key, Purpose.decision)
            // The same draw with no acute alternative gives the counterfactual (home or admission).
            let choice = p.choice(for: g.nextUnitDouble())
            if choice == .home {
                // The GP keeps the patient at home and visits (a home visit, not a consultation).
                episodes.slots[Int(id)].flags.remove(.counterfactualAdmit)
                count(.gpHomeVisits, for: Entities(e))
                endWithoutStay(id, outcome: .outcomeHomeWithGP, pathway: model.afterHomeReturnMultiplier)
                return
            }
            countCounterfactualAdmission(id)
            switch choice {
            case .team:
                count(.teamReferrals, for: Entities(e))
                if !referToTeam(id, source: .doctor) { refusedAlternative(id) }
            case .bed:
                if !referToAcuteBed(id) { emergencyDepartment(id, referred: true) }
            case .admission, .home:
                emergencyDepartment(id, referred: true)
            }
        }
    }

    /// Whether the doctor takes part in the acute cooperation: GPs by the
    /// participation share (a non-participating GP never refers), others always.
    /// `mutating` only to avoid copying the simulation state (see `referralProbabilities`).
    mutating func participates(_ e: Episode, doctor: DoctorType) -> Bool {
        guard doctor == .gp && model.gpParticipation < 1 else { return true }
        var g = SplitMix64(episode: e.key, Purpose.participation)
        return g.nextUnitDouble() < model.gpParticipation
    }

    /// A team referral was refused: try an acute bed, else admit.
    mutating func refusedAlternative(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        if model.bedUnit(municipality: e.municipality, group: e.group) >= 0, model.groups[Int(e.group)].hasBedTreatment,
           referToAcuteBed(id) { return }
        emergencyDepartment(id, referred: true)
    }

    /// Whether team `t` can promise to start a visit within the maximum
    /// response time now: its next shift is on duty by then and, with the
    /// `current` promise, the visits queued ahead, shared among the nurses on
    /// duty, fit in too.
    mutating func canPromiseVisit(team t: Int) -> Bool {
        // Nurses on duty now (the shift events keep the capacity current): no
        // wait for a shift, and no need to search the week's plan.
        let onDuty = teams.nurses[t].capacity
        let untilOnDuty = onDuty > 0 ? 0
            : model.teamPlans[t].hoursUntilOnDuty(at: Double(model.time.weekday(now)) * 24 + model.time.hourOfDay(now))
        guard untilOnDuty <= model.maximumResponseHours else { return false }
        guard model.promisesFromQueue else { return true }
        let ahead = Double(teams.nurses[t].queueCount) + (onDuty > 0 && teams.nurses[t].available == 0 ? 0.5 : 0)
        let backlog = ahead * model.teams[t].serviceHours / Double(Swift.max(1, onDuty))
        if untilOnDuty + backlog <= model.maximumResponseHours { return true }
        count(.teamNotCredibleNow, for: Entities(team: Int32(t)))
        return false
    }
}
