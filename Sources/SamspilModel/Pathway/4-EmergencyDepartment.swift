import SamspilEngine

// Step 4 of the pathway: the emergency department. 112 arrivals are assessed
// here by the hospital doctor; referred patients pass through to admission;
// borderline patients may go home with the acute team (forward visitation).
extension PatientFlowSimulation {
    /// Arrival at the emergency department: by 112, or referred for admission.
    /// Borderline arrivals may be sent home with the team by forward visitation.
    mutating func emergencyDepartment(_ id: UInt32, referred: Bool) {
        let e = episodes.slots[Int(id)]
        count(.emergencyDepartmentVisits, for: Entities(e))
        let band = SeverityBand(rawValue: e.band)!
        if !referred {
            // 112 arrivals are assessed by the hospital doctor; with no acute
            // alternative every borderline or severe one would be admitted.
            if band != .gpManageable { countCounterfactualAdmission(id) }
            switch band {
            case .gpManageable:
                endWithoutStay(id, outcome: .outcomeDischargedFromED, pathway: model.afterEmergencyDepartmentReturnMultiplier)
                return
            case .borderline:
                let p = referralProbabilities(e, doctor: .emergencyDepartment)
                var g = SplitMix64(episode: e.key, Purpose.decision)
                if g.nextUnitDouble() < Swift.min(1, p.team * emergencyDepartmentPressure(id)) {
                    count(.teamReferrals, for: Entities(e))
                    if referToTeam(id, source: .doctor) { return }
                }
            case .mustAdmit:
                break
            }
        }
        if band == .borderline && forwardVisitation(id) { return }
        admit(id, route: Route(rawValue: e.route)!)
    }

    /// Municipal staff at the emergency department send a borderline arrival home with the team.
    mutating func forwardVisitation(_ id: UInt32) -> Bool {
        let e = episodes.slots[Int(id)]
        let t = model.team(municipality: e.municipality, group: e.group)
        guard t >= 0, let forward = model.teams[t].forwardVisitation,
              model.groups[Int(e.group)].hasTeamTreatment,
              forward.days.contains(model.time.weekday(now)),
              forward.hours.contains(hourOfDay: model.time.hourOfDay(now)) else { return false }
        var g = SplitMix64(episode: e.key, Purpose.forward)
        let share = Swift.min(1, forward.share * model.forwardVisitationFactor * emergencyDepartmentPressure(id))
        guard g.nextUnitDouble() < share else { return false }
        count(.teamReferrals, for: Entities(e))
        guard referToTeam(id, source: .forwardVisitation) else { return false }
        count(.forwardVisitationReferrals, for: Entities(e))
        return true
    }

    /// The emergency department's multiplier on sending a borderline patient
    /// home with the team: higher while its hospital is under pressure.
    mutating func emergencyDepartmentPressure(_ id: UInt32) -> Double {
        guard model.bedPressure.enabled else { return 1 }
        if episodes.slots[Int(id)].hospital == .max { chooseHospital(id) }
        return underPressure(Int(episodes.slots[Int(id)].hospital)) ? model.bedPressure.emergencyDepartmentReferralMultiplier : 1
    }
}
