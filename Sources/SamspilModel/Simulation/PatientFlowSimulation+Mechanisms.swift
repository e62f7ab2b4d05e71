import SamspilEngine

// The mechanisms by which capacity, time and experience feed back into what
// happens to patients: returns after every ending, deterioration while waiting
// for the team, the response a team can promise now, trust, and bed pressure.
// docs/model.md describes each with its equation and defaults.
extension PatientFlowSimulation {
    // MARK: - Returns after every ending

    /// The severity band's multiplier on deterioration and return risk.
    @inline(__always)
    func bandRisk(_ e: Episode) -> Double { scenario.readmission.bandMultiplier[SeverityBand(rawValue: e.band)!] }

    /// The episode's one uniform for deterioration in the community; the same
    /// for every scenario (common random numbers), whichever path it takes.
    @inline(__always)
    func deteriorationUniform(_ e: Episode) -> Double {
        var g = SplitMix64(episode: e.key, Purpose.deterioration)
        return g.nextUnitDouble()
    }

    /// Ends an index episode that did not end in hospital — home with the
    /// doctor, home from the emergency department, after team or acute-bed
    /// care — with its return draw: a return if the deterioration uniform falls
    /// below `escalationTested + p`, where `p = r · band · pathway (· shared IT)`
    /// and `escalationTested` is the part of the interval an escalation during
    /// care already used.
    mutating func endWithoutStay(_ id: UInt32, outcome: Metric, pathway: Double, escalationTested: Double = 0) {
        let e = episodes.slots[Int(id)]
        var p = model.readmission[Int(e.group) * model.ageCount + Int(e.age)] * bandRisk(e) * pathway
        if scenario.coordination.sharedIT { p *= scenario.readmission.sharedITMultiplier }
        let returns = deteriorationUniform(e) < Swift.min(1, escalationTested + p)
        if returns {
            episodes.slots[Int(id)].flags.insert(.returnFromCommunity)
            scheduleReturn(id)
        }
        finishIndex(id, outcome: outcome)
        if !returns { releaseWhenIdle(id) }
    }

    // MARK: - Waiting for the team

    /// Draws when a patient referred to the team would deteriorate while
    /// waiting (exponential with the scenario's hazard per hour) and schedules
    /// it if that comes before the episode would end anyway.
    mutating func scheduleWaitingDeterioration(_ id: UInt32, before limit: Double) {
        let hazard = scenario.deterioration.hazardPerHourWaiting
        guard hazard > 0 else { return }
        var g = SplitMix64(episode: episodes.slots[Int(id)].key, Purpose.waitingDeterioration)
        let at = now - log(g.nextPositiveUnitDouble()) / hazard
        if at < limit { schedule(EventKind.waitingDeterioration, at: at, episode: id) }
    }

    /// The patient deteriorates; if the first visit has not started, the
    /// patient goes to hospital by ambulance (an escalation).
    mutating func waitingDeterioration(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        guard e.phase == .teamCare, !e.flags.contains(.firstVisitDone), !e.flags.contains(.teamEnding) else { return }
        add(.waitingDeteriorations)
        // Cancels the episode's pending visits, end and escalation.
        episodes.generations.invalidate(id)
        teamEscalation(id)
    }

    // MARK: - What the team can offer now

    /// Whether team `t` can promise to start a visit within the maximum
    /// response time now: its next shift is on duty by then and, with the
    /// `current` promise, the visits queued ahead, shared among the nurses on
    /// duty, fit in too.
    mutating func canPromiseVisit(team t: Int) -> Bool {
        let decision = scenario.decision
        let hourOfWeek = Double(model.time.weekday(now)) * 24 + model.time.hourOfDay(now)
        let untilOnDuty = model.teamPlans[t].hoursUntilOnDuty(at: hourOfWeek)
        guard untilOnDuty <= decision.maximumResponseHours else { return false }
        guard decision.responsePromise == .current else { return true }
        let onDuty = nurses[t].capacity
        let ahead = Double(nurses[t].queueCount) + (onDuty > 0 && nurses[t].available == 0 ? 0.5 : 0)
        let backlog = ahead * teamServiceHours[t] / Double(Swift.max(1, onDuty))
        if untilOnDuty + backlog <= decision.maximumResponseHours { return true }
        add(.teamNotCredibleNow)
        return false
    }

    // MARK: - Trust

    enum TrustEvent { case success, refusal, escalation }

    /// Moves team `t`'s trust factor after an experience (only with trust dynamics).
    @inline(__always)
    mutating func adjustTrust(team t: Int, by event: TrustEvent) {
        guard let dynamics = scenario.decision.trustDynamics else { return }
        let f = teamTrust[t]
        switch event {
        case .success: teamTrust[t] = f + dynamics.gainPerSuccess * (dynamics.ceiling - f)
        case .refusal: teamTrust[t] = f - dynamics.lossPerRefusal * (f - dynamics.floor)
        case .escalation: teamTrust[t] = f - dynamics.lossPerEscalation * (f - dynamics.floor)
        }
    }

    // MARK: - Bed pressure

    /// Whether hospital `h` is at or above the pressure threshold.
    @inline(__always)
    func underPressure(_ h: Int) -> Bool {
        let p = scenario.bedPressure
        return p.enabled && Double(wardPatients(h)) >= p.occupancyThreshold * Double(hospitalBeds[h])
    }

    /// The emergency department's multiplier on sending a borderline patient
    /// home with the team: higher while its hospital is under pressure.
    mutating func emergencyDepartmentPressure(_ id: UInt32) -> Double {
        guard scenario.bedPressure.enabled else { return 1 }
        if episodes.slots[Int(id)].hospital == .max { chooseHospital(id) }
        return underPressure(Int(episodes.slots[Int(id)].hospital)) ? scenario.bedPressure.emergencyDepartmentReferralMultiplier : 1
    }

    /// The morning round: each hospital at or above the threshold discharges
    /// patients within reach of readiness until it is below it.
    /// - Complexity: O(live episodes), once a day, only when some hospital is under pressure.
    mutating func pressureRound() {
        let pressure = scenario.bedPressure
        var total = 0
        for h in 0..<model.hospitalCount {
            let excess = Double(wardPatients(h)) - pressure.occupancyThreshold * Double(hospitalBeds[h])
            pressureExcess[h] = excess >= 0 ? Int(excess.rounded(.down)) + 1 : 0
            total += pressureExcess[h]
        }
        var slot = 0
        while total > 0 && slot < episodes.slots.count {
            let e = episodes.slots[slot]
            if e.phase == .inHospital && e.place == .hospitalBed && e.hospital != .max
                && pressureExcess[Int(e.hospital)] > 0 && e.readyTime - now <= pressure.dischargeWithinHours {
                pressureExcess[Int(e.hospital)] -= 1
                total -= 1
                dischargeUnderPressure(UInt32(slot))
            }
            slot += 1
        }
        if now + 24 < model.end { scheduler.schedule(EventKind.pressureRound, at: now + 24, priority: .structural) }
    }

    /// Makes the patient medically ready now, a rushed discharge.
    mutating func dischargeUnderPressure(_ id: UInt32) {
        episodes.generations.invalidate(id)      // the pending `ready` (and early discharge) are cancelled
        episodes.slots[Int(id)].flags.insert(.rushed)
        episodes.slots[Int(id)].readyTime = now
        if measuring && !episodes.slots[Int(id)].flags.contains(.synthetic) { count[Metric.pressureDischarges.rawValue] += 1 }
        ready(id)
    }
}
