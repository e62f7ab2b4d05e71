import SamspilEngine

/// The acute teams: nurses on duty, caseloads, trust.
struct AcuteTeamState {
    var nurses: StateArray<ResourcePool>
    var caseload: StateArray<Int>
    /// The segment of its week each team is in (see `CompiledScenario.TeamPlan`).
    var segment: StateArray<Int>
    /// Each team's stream (visit durations, travel).
    var random: StateArray<Xoshiro256StarStar>
    /// Each team's dynamic trust factor (1 unless `decision.trustDynamics` is set).
    var trust: StateArray<Double>

    init(_ model: CompiledScenario, replication: Int) {
        let t = model.teamCount
        nurses = StateArray(model.teamPlans.map { ResourcePool(capacity: $0.segments[0].nurses) })
        caseload = StateArray(repeating: 0, count: t)
        segment = StateArray(repeating: 0, count: t)
        random = StateArray(model.teamIdentity.map { identity in
            Xoshiro256StarStar(StreamKey(masterSeed: model.seed, replication: replication,
                                         purpose: Purpose.teamLevel, entity: identity))
        })
        trust = StateArray(repeating: 1, count: t)
    }

    /// Frees the state buffers (at the end of the replication).
    func deallocate() {
        nurses.deallocate()
        caseload.deallocate()
        segment.deallocate()
        random.deallocate()
        trust.deallocate()
    }
}

// Step 7 of the pathway: treatment at home by the municipality's acute team —
// referral (refused at the maximum caseload), the response, visits by the
// nurses on duty, and the end of the episode or its escalation to hospital.
// Follow-up visits after discharge and early discharge use the same nurses.
extension PatientFlowSimulation {
    enum TeamSource { case doctor, forwardVisitation, earlyDischarge }

    /// Refers an episode to its municipality's team; `false` when refused.
    mutating func referToTeam(_ id: UInt32, source: TeamSource) -> Bool {
        let t = model.team(municipality: episodes.slots[Int(id)].municipality, group: episodes.slots[Int(id)].group)
        guard t >= 0 else { return false }
        guard teams.caseload[t] < model.teams[t].maximumCaseload else {
            count(.teamRefusals, for: Entities(team: Int32(t)))
            adjustTrust(team: t, by: .refusal)
            return false
        }
        startTeamEpisode(id, team: t, source: source)
        return true
    }

    mutating func startTeamEpisode(_ id: UInt32, team t: Int, source: TeamSource) {
        var e = episodes.slots[Int(id)]
        teams.caseload[t] += 1
        e.phase = .teamCare
        e.team = Int16(t)
        e.flags.remove(.teamEnding)
        e.flags.remove(.firstVisitDone)
        count(.teamEpisodes, for: Entities(e))
        var g = SplitMix64(episode: e.key, Purpose.teamEpisode)
        let length: Double
        let escalationProbability: Double
        if source == .earlyDischarge, let early = model.teams[t].earlyDischarge {
            length = early.hoursEarly
            e.visitsPerDay = UInt8(clamping: early.visitsPerDay)
            escalationProbability = 0
        } else {
            let group = model.groups[Int(e.group)]
            length = Swift.max(1, model.groupTeamEpisodeLength.sample(Int(e.group), using: &g))
            e.visitsPerDay = UInt8(clamping: group.teamVisitsPerDay)
            escalationProbability = group.teamEscalationProbability * bandRisk(e)
        }
        e.phaseEnd = now + length
        e.readyTime = now      // referral time, for the response time
        var delay = Swift.max(0, model.teamResponseDelay.sample(t, using: &g))
        if model.greyZone { delay += model.greyZoneDelayHours }
        let escalates = deteriorationUniform(e) < escalationProbability
        let escalationAt = now + g.nextUnitDouble() * length
        episodes.slots[Int(id)] = e
        record(id, .teamStart)
        schedule(EventKind.visitDue, at: now + delay, episode: id, priority: .seize)
        if source != .earlyDischarge { scheduleWaitingDeterioration(id, before: escalates ? escalationAt : e.phaseEnd) }
        if escalates {
            schedule(EventKind.teamEscalation, at: escalationAt, episode: id)
        } else {
            schedule(EventKind.teamEnd, at: e.phaseEnd, episode: id, priority: .release)
        }
    }

    /// A visit falls due: schedules the next one and asks for a nurse.
    mutating func visitDue(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        guard e.phase == .teamCare, !e.flags.contains(.teamEnding) else { return }
        let t = Int(e.team)
        if e.visitsPerDay > 0 {
            let next = now + 24 / Double(e.visitsPerDay)
            if next < e.phaseEnd { schedule(EventKind.visitDue, at: next, episode: id, priority: .seize) }
        }
        // After the first visit the referral time is no longer needed: it holds
        // when this visit fell due, to tell how late the nurse comes.
        if e.flags.contains(.firstVisitDone) { episodes.slots[Int(id)].readyTime = now }
        episodes.slots[Int(id)].nurseRequests += 1
        if teams.nurses[t].request(id, at: now) { startVisit(id, team: t) }
    }

    /// A nurse starts a visit (or, if the episode ended meanwhile, is free at once).
    mutating func startVisit(_ id: UInt32, team t: Int) {
        var e = episodes.slots[Int(id)]
        if e.phase != .teamCare {
            e.nurseRequests -= 1
            episodes.slots[Int(id)] = e
            teams.nurses[t].release(at: now)
            serveNurseQueue(team: t)
            if e.phase == .draining && e.nurseRequests == 0 { episodes.release(id) }
            return
        }
        if !e.flags.contains(.firstVisitDone) {
            e.flags.insert(.firstVisitDone)
            monitor.countResponse(hours: now - e.readyTime, team: t)
        } else if now > e.readyTime && deterioratedWhileLate(e, hours: now - e.readyTime) {
            // The nurse comes late and finds the patient worse: to hospital instead of a visit.
            e.nurseRequests -= 1
            episodes.slots[Int(id)] = e
            teams.nurses[t].release(at: now)
            count(.waitingDeteriorations, for: Entities(e))
            episodes.invalidate(id)
            teamEscalation(id)
            serveNurseQueue(team: t)
            return
        }
        episodes.slots[Int(id)] = e
        var duration = visitHours(team: t)
        if model.greyZone { duration += model.greyZoneVisitHours }
        scheduler.schedule(EventKind.visitEnd, at: now + duration, entity: id, payload: UInt32(t), aux: VisitKind.episode,
                           priority: .release)
    }

    /// A visit's duration plus travel, from the team's stream.
    @inline(__always)
    mutating func visitHours(team t: Int) -> Double {
        var g = teams.random[t]
        let hours = Swift.max(0, model.teamVisitDuration.sample(t, using: &g)) + Swift.max(0, model.teamTravelTime.sample(t, using: &g))
        teams.random[t] = g
        return hours
    }

    /// A nurse ends a visit. Deliberately not cancellable: the nurse was busy
    /// whatever happened to the episode meanwhile, and the episode's slot is
    /// kept (`draining`) until its last visit ends, so the handler reads the
    /// episode's state rather than its generation.
    mutating func visitEnd(_ event: Event) {
        let t = event.visitTeam
        if event.isFollowUpVisit {
            count(.teamFollowUpVisits, for: Entities(team: Int32(t)))
        } else {
            let id = event.episode
            var e = episodes.slots[Int(id)]
            #if SAMSPIL_CHECK_INVARIANTS
            precondition(e.nurseRequests > 0, "a visit ended for an episode without a nurse request")
            #endif
            e.nurseRequests -= 1
            count(.teamVisits, for: Entities(team: Int32(t)))
            episodes.slots[Int(id)] = e
            if e.phase == .teamCare && e.flags.contains(.teamEnding) && e.nurseRequests == 0 {
                completeTeamEpisode(id)
            } else if e.phase == .draining && e.nurseRequests == 0 {
                episodes.release(id)
            }
        }
        teams.nurses[t].release(at: now)
        serveNurseQueue(team: t)
    }

    mutating func serveNurseQueue(team t: Int) {
        while let next = teams.nurses[t].admitNext(at: now) {
            if next == VisitKind.followUpRequest { startFollowUpVisit(team: t) } else { startVisit(next, team: t) }
        }
    }

    /// The planned end of a team episode; it completes when its last visit ends.
    mutating func teamEnd(_ id: UInt32) {
        if episodes.slots[Int(id)].nurseRequests > 0 {
            episodes.slots[Int(id)].flags.insert(.teamEnding)
            return
        }
        completeTeamEpisode(id)
    }

    mutating func completeTeamEpisode(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        teams.caseload[Int(e.team)] -= 1
        adjustTrust(team: Int(e.team), by: .success)
        record(id, .teamEnd)
        if e.flags.contains(.fromEarlyDischarge) {
            // The remainder of a hospital stay: the hospital episode ends here.
            endHospitalEpisode(id, readmissionMultiplier: model.sharedITReturnMultiplier)
            return
        }
        afterCommunityCare(id, outcome: .outcomeAcuteTeam)
    }

    /// The team episode escalates: by ambulance to the emergency department, admitted.
    mutating func teamEscalation(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        guard e.phase == .teamCare else { return }
        teams.caseload[Int(e.team)] -= 1
        count(.teamEscalations, for: Entities(e))
        adjustTrust(team: Int(e.team), by: .escalation)
        record(id, .escalation)
        episodes.slots[Int(id)].route = Route.escalation.rawValue
        count(.emergencyDepartmentVisits, for: Entities(e))
        admit(id, route: .escalation)
    }

    /// A follow-up visit after discharge falls due: a nurse task without an episode.
    mutating func followUpDue(team t: Int) {
        if teams.nurses[t].request(VisitKind.followUpRequest, at: now) { startFollowUpVisit(team: t) }
    }

    mutating func startFollowUpVisit(team t: Int) {
        let duration = visitHours(team: t)
        scheduler.schedule(EventKind.visitEnd, at: now + duration, payload: UInt32(t), aux: VisitKind.followUp, priority: .release)
    }

    /// Considered for early discharge: the rest of the stay in team care, if the team has room.
    mutating func earlyDischarge(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        guard e.phase == .inHospital else { return }
        let t = model.team(municipality: e.municipality, group: e.group)
        count(.teamReferrals, for: Entities(e))
        guard teams.caseload[t] < model.teams[t].maximumCaseload else {
            count(.teamRefusals, for: Entities(team: Int32(t)))
            adjustTrust(team: t, by: .refusal)
            return
        }
        count(.earlyDischarges, for: Entities(e))
        episodes.slots[Int(id)].flags.insert(.fromEarlyDischarge)
        completeStay(id, discharge: now)
        episodes.invalidate(id)        // the pending `ready` is cancelled
        startTeamEpisode(id, team: t, source: .earlyDischarge)
    }

    // MARK: - Waiting for the team

    /// Draws when a patient referred to the team would deteriorate while
    /// waiting (exponential with the scenario's hazard per hour) and schedules
    /// it if that comes before the episode would end anyway.
    mutating func scheduleWaitingDeterioration(_ id: UInt32, before limit: Double) {
        let hazard = model.waitingDeteriorationHazard
        guard hazard > 0 else { return }
        var g = SplitMix64(episode: episodes.slots[Int(id)].key, Purpose.waitingDeterioration)
        let at = now - log(g.nextPositiveUnitDouble()) / hazard
        if at < limit { schedule(EventKind.waitingDeterioration, at: at, episode: id) }
    }

    /// Whether a patient deteriorated during the `hours` a later visit came
    /// late: probability 1 − exp(−hazard · hours), the waiting hazard of the
    /// first visit, with a draw of its own for this visit.
    func deterioratedWhileLate(_ e: Episode, hours: Double) -> Bool {
        let hazard = model.waitingDeteriorationHazard
        guard hazard > 0 else { return false }
        var g = SplitMix64(episode: e.key ^ UInt64(bitPattern: Int64((now * 60).rounded())), Purpose.lateVisit)
        return g.nextUnitDouble() < 1 - exp(-hazard * hours)
    }

    /// The patient deteriorates; if the first visit has not started, the
    /// patient goes to hospital by ambulance (an escalation).
    mutating func waitingDeterioration(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        guard e.phase == .teamCare, !e.flags.contains(.firstVisitDone), !e.flags.contains(.teamEnding) else { return }
        count(.waitingDeteriorations, for: Entities(e))
        // Cancels the episode's pending visits, end and escalation.
        episodes.invalidate(id)
        teamEscalation(id)
    }

    // MARK: - Trust

    enum TrustEvent { case success, refusal, escalation }

    /// Moves team `t`'s trust factor after an experience (only with trust dynamics).
    @inline(__always)
    mutating func adjustTrust(team t: Int, by event: TrustEvent) {
        guard let dynamics = model.trustDynamics else { return }
        let f = teams.trust[t]
        switch event {
        case .success: teams.trust[t] = f + dynamics.gainPerSuccess * (dynamics.ceiling - f)
        case .refusal: teams.trust[t] = f - dynamics.lossPerRefusal * (f - dynamics.floor)
        case .escalation: teams.trust[t] = f - dynamics.lossPerEscalation * (f - dynamics.floor)
        }
    }
}
