import SamspilEngine

// Step 9 of the pathway: every ending — a hospital discharge, team or
// acute-bed care completed, home with the doctor, home from the emergency
// department — may be followed by a return to hospital within the window; an
// index episode's outcome is recorded once, and its slot freed.
extension PatientFlowSimulation {
    /// The severity band's multiplier on deterioration and return risk.
    @inline(__always)
    func bandRisk(_ e: Episode) -> Double { model.returnBandMultiplier[SeverityBand(rawValue: e.band)!] }

    /// The episode's one uniform for deterioration in the community; the same
    /// for every scenario (common random numbers), whichever path it takes.
    @inline(__always)
    func deteriorationUniform(_ e: Episode) -> Double {
        var g = SplitMix64(episode: e.key, Purpose.deterioration)
        return g.nextUnitDouble()
    }

    /// After a hospital stay: follow-up visit, readmission draw, outcome.
    mutating func afterHospital(_ id: UInt32) {
        var e = episodes.slots[Int(id)]
        let t = model.team(municipality: e.municipality, group: e.group)
        if t >= 0, let followUp = model.teams[t].followUp, model.isOld[Int(e.age)] {
            var g = SplitMix64(episode: e.key, Purpose.followUp)
            if g.nextUnitDouble() < followUp.share {
                e.flags.insert(.followUp)
                scheduler.schedule(EventKind.followUpDue, at: now + followUp.afterHours, entity: UInt32(t))
            }
        }
        var multiplier = model.sharedITReturnMultiplier
        if e.flags.contains(.followUp) { multiplier *= model.followUpReturnMultiplier }
        if e.flags.contains(.delayed) { multiplier *= model.delayedDischargeReturnMultiplier }
        if e.flags.contains(.rushed) { multiplier *= model.rushedDischargeReturnMultiplier }
        episodes.slots[Int(id)] = e
        endHospitalEpisode(id, readmissionMultiplier: multiplier)
    }

    /// The end of a hospital episode — discharge, or the end of the team care
    /// that finished an early discharge: the readmission draw, the 65+
    /// readmission rate, the outcome of an index episode, and the slot.
    mutating func endHospitalEpisode(_ id: UInt32, readmissionMultiplier multiplier: Double) {
        let e = episodes.slots[Int(id)]
        let readmitted = drawReadmission(id, multiplier: multiplier)
        if model.isOld[Int(e.age)] {
            // A stay of at most 24 hours (not the hospital part of an early discharge into team care).
            let shortStay = !e.flags.contains(.fromEarlyDischarge) && now - e.admitTime <= 24
            monitor.countDischarge65(readmitted: readmitted, shortStay: shortStay)
        }
        if !e.flags.contains(.isReadmission) { finishIndex(id, outcome: .outcomeAdmitted) }
        if !readmitted { releaseWhenIdle(id) }
    }

    /// Draws a readmission within the window; schedules it and keeps the slot
    /// for it. Returns whether one was drawn.
    mutating func drawReadmission(_ id: UInt32, multiplier: Double) -> Bool {
        let e = episodes.slots[Int(id)]
        let index = Int(e.group) * model.ageCount + Int(e.age)
        let p = Swift.min(1, model.readmission[index] * bandRisk(e) * multiplier)
        var g = SplitMix64(episode: e.key, Purpose.readmission)
        guard g.nextUnitDouble() < p else { return false }
        scheduleReturn(id)
        return true
    }

    /// After a completed team or acute-bed episode: a return to hospital within
    /// the window, from the part of the deterioration draw the escalation did not use.
    mutating func afterCommunityCare(_ id: UInt32, outcome: Metric) {
        let e = episodes.slots[Int(id)]
        let group = model.groups[Int(e.group)]
        let escalation = outcome == .outcomeAcuteTeam ? group.teamEscalationProbability : group.bedEscalationProbability
        endWithoutStay(id, outcome: outcome, pathway: model.afterCommunityCareReturnMultiplier,
                       escalationTested: escalation * bandRisk(e))
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
        p *= model.sharedITReturnMultiplier
        let returns = deteriorationUniform(e) < Swift.min(1, escalationTested + p)
        if returns {
            episodes.slots[Int(id)].flags.insert(.returnFromCommunity)
            scheduleReturn(id)
        }
        finishIndex(id, outcome: outcome)
        if !returns { releaseWhenIdle(id) }
    }

    /// Schedules the return of episode `id` within the window (truncated
    /// time-to-return distribution) and keeps the slot for it.
    mutating func scheduleReturn(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        let window = model.returnWindowHours
        var gt = SplitMix64(episode: e.key, Purpose.readmissionTime)
        var delay = window
        for _ in 0..<64 {
            let d = model.timeToReturn.sample(using: &gt)
            if d >= 0 && d <= window { delay = d; break }
        }
        episodes.slots[Int(id)].phase = .awaitingReadmission
        // An index episode whose readmission falls within the window of its start is not avoided.
        if now + delay - e.start <= window { episodes.slots[Int(id)].flags.insert(.admittedInPath) }
        schedule(EventKind.readmission, at: now + delay, episode: id, priority: .seize)
    }

    /// The readmission arrives: the slot becomes a new episode, linked by key.
    mutating func readmit(_ id: UInt32) {
        var e = episodes.slots[Int(id)]
        if e.flags.contains(.returnFromCommunity) { count(.returnsAfterCommunity, for: Entities(e)) }
        e.readmissionOrdinal &+= 1
        e.key = SplitMix64.mix(e.key ^ Purpose.readmissionIdentity ^ UInt64(e.readmissionOrdinal))
        e.start = now
        e.flags = [.isReadmission, .counterfactualAdmit]
        if monitor.measuring { e.flags.insert(.measured) }
        e.band = SeverityBand.mustAdmit.rawValue
        e.route = Route.readmission.rawValue
        e.phase = .free
        episodes.slots[Int(id)] = e
        record(id, .readmission)
        count(.emergencyDepartmentVisits, for: Entities(e))
        admit(id, route: .readmission)
    }

    /// Records the outcome of an index episode (once), and whether it was avoided.
    mutating func finishIndex(_ id: UInt32, outcome: Metric) {
        var e = episodes.slots[Int(id)]
        guard !e.flags.contains(.isReadmission), !e.flags.contains(.outcomeRecorded) else { return }
        e.flags.insert(.outcomeRecorded)
        episodes.slots[Int(id)] = e
        guard e.flags.contains(.measured) else { return }
        monitor.countEpisode(outcome, e)
        if e.flags.contains(.counterfactualAdmit) && !e.flags.contains(.admittedInPath) {
            monitor.countEpisode(.avoidedAdmissions, e)
            if outcome == .outcomeAcuteTeam { monitor.countEpisode(.avoidedByAcuteTeam, e) }
            if outcome == .outcomeAcuteBed { monitor.countEpisode(.avoidedByAcuteBed, e) }
        }
        record(id, .outcome, detail: UInt16(outcome.rawValue))
    }

    /// Counts an index episode whose counterfactual decision is admission, when
    /// that decision is made — before, and independent of, the actual path.
    mutating func countCounterfactualAdmission(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        if !e.flags.contains(.isReadmission) { monitor.countEpisode(.counterfactualAdmissions, e) }
    }

    /// Frees the slot now, or once its queued nurse visits have cleared.
    mutating func releaseWhenIdle(_ id: UInt32) {
        if episodes.slots[Int(id)].nurseRequests > 0 {
            episodes.slots[Int(id)].phase = .draining
            episodes.invalidate(id)
        } else {
            episodes.release(id)
        }
    }
}
