import Testing
import SamspilEngine
@testable import SamspilModel

/// The referral policy on its own: a pure function of the decision settings
/// and what the municipality can offer now.
@Suite struct ReferralPolicyTests {
    let policy = ReferralPolicy(propensity: DoctorValues(gp: 0.6, outOfHours: 0.3, emergencyDepartment: 0.5),
                                partTimeCredibility: 0.5, gpKeepsAtHomeShare: 0.2)

    @Test func noOfferMeansAdmissionOrHome() {
        let gp = policy.probabilities(doctor: .gp, offer: .init())
        #expect(gp == ReferralProbabilities(home: 0.2, team: 0, bed: 0))
        let ed = policy.probabilities(doctor: .emergencyDepartment, offer: .init())
        #expect(ed == ReferralProbabilities(home: 0, team: 0, bed: 0))
    }

    @Test func teamShareScalesWithPropensityTrustAndCredibility() {
        let roundTheClock = policy.probabilities(doctor: .gp, offer: .init(teamShare: 0.5, teamTrust: 1.2))
        #expect(roundTheClock.team == 0.5 * 0.6 * 1.2)
        let partTime = policy.probabilities(doctor: .outOfHours,
                                            offer: .init(teamShare: 0.5, teamTrust: 1, teamIsRoundTheClock: false))
        #expect(partTime.team == 0.5 * 0.3 * 1 * 0.5)
        #expect(partTime.home == 0)
    }

    @Test func bedTakesAtMostWhatTheTeamLeaves() {
        let p = policy.probabilities(doctor: .gp, offer: .init(teamShare: 2, teamTrust: 1, bedShare: 1))
        #expect(p.team == 1)
        #expect(p.bed == 0)
        let q = policy.probabilities(doctor: .gp, offer: .init(teamShare: 0.5, bedShare: 1))
        #expect(q.bed == Swift.min(1 - 0.3, 0.6))
    }

    @Test func oneUniformChoosesInOrder() {
        let p = ReferralProbabilities(home: 0.2, team: 0.5, bed: 0.25)
        // Cuts: home 0.2, team 0.2 + 0.8 · 0.5 = 0.6, bed 0.6 + 0.8 · 0.25 = 0.8.
        #expect(p.choice(for: 0.1) == .home)
        #expect(p.choice(for: 0.2) == .team)
        #expect(p.choice(for: 0.59) == .team)
        #expect(p.choice(for: 0.7) == .bed)
        #expect(p.choice(for: 0.8) == .admission)
        #expect(ReferralProbabilities(home: 0, team: 0, bed: 0).choice(for: 0) == .admission)
    }

    @Test func settingsResolveInTheModelsOrder() {
        var decision = DecisionSettings()
        decision.gpKeepsAtHomeShare = 0.9
        var coordination = CoordinationSettings()
        coordination.sharedIT = true
        coordination.medicalResponsibility = .unclear
        var behaviour = Behaviour()
        behaviour.referralPropensityMultiplier = 1.1
        behaviour.gpKeepAtHomeShift = 0.3
        let resolved = ReferralPolicy(decision: decision, coordination: coordination, behaviour: behaviour)
        #expect(resolved.propensity.gp == decision.trust.gp * 1.1 * decision.sharedITFactor * decision.unclearResponsibilityFactor)
        #expect(resolved.gpKeepsAtHomeShare == 1)
        #expect(resolved.partTimeCredibility == decision.partTimeCredibility)
    }
}

/// The stream purposes are literals; each must be the hash of its name, or
/// every result would change.
@Suite struct PurposeTests {
    @Test func literalsAreTheHashesOfTheirNames() {
        let pairs: [(UInt64, UInt64)] = [
            (Purpose.arrivals.rawValue, StreamPurpose("arrivals").rawValue),
            (Purpose.episode.rawValue, StreamPurpose("episode").rawValue),
            (Purpose.severity, StreamPurpose("severity").rawValue),
            (Purpose.route, StreamPurpose("route").rawValue),
            (Purpose.participation, StreamPurpose("gp-participation").rawValue),
            (Purpose.decision, StreamPurpose("decision").rawValue),
            (Purpose.forward, StreamPurpose("forward-visitation").rawValue),
            (Purpose.hospital, StreamPurpose("hospital-choice").rawValue),
            (Purpose.stay, StreamPurpose("length-of-stay").rawValue),
            (Purpose.needsCare, StreamPurpose("needs-municipal-care").rawValue),
            (Purpose.readmission, StreamPurpose("readmission").rawValue),
            (Purpose.readmissionTime, StreamPurpose("readmission-time").rawValue),
            (Purpose.deterioration, StreamPurpose("community-deterioration").rawValue),
            (Purpose.waitingDeterioration, StreamPurpose("waiting-deterioration").rawValue),
            (Purpose.lateVisit, StreamPurpose("late-visit").rawValue),
            (Purpose.teamEpisode, StreamPurpose("team-episode").rawValue),
            (Purpose.acuteBed, StreamPurpose("acute-bed").rawValue),
            (Purpose.followUp, StreamPurpose("follow-up").rawValue),
            (Purpose.earlyDischarge, StreamPurpose("early-discharge").rawValue),
            (Purpose.readmissionIdentity, StreamPurpose("readmission-identity").rawValue),
            (Purpose.teamLevel.rawValue, StreamPurpose("team-level").rawValue),
            (Purpose.municipalityLevel.rawValue, StreamPurpose("municipality-level").rawValue),
            (Purpose.initialState.rawValue, StreamPurpose("initial-state").rawValue),
        ]
        for (index, pair) in pairs.enumerated() { #expect(pair.0 == pair.1, "purpose \(index)") }
    }
}

/// The response a team can promise starts from `hoursUntilOnDuty`; its table
/// form must equal the plain scan over the week's segments, to the bit.
@Suite struct TeamPlanTests {
    static func scan(_ plan: CompiledScenario.TeamPlan, _ hourOfWeek: Double) -> Double {
        for pass in 0..<2 {
            let shift = Double(pass) * 168
            for (k, segment) in plan.segments.enumerated() where segment.nurses > 0 {
                let start = segment.offset + shift
                let end = (k + 1 < plan.segments.count ? plan.segments[k + 1].offset : 168) + shift
                if end > hourOfWeek { return Swift.max(0, start - hourOfWeek) }
            }
        }
        return .infinity
    }

    @Test func tableEqualsScan() {
        var weekdaysOnly = Fixtures.team(nurses: 2)
        weekdaysOnly.shifts[0].days = .mondayToFriday
        weekdaysOnly.shifts[1].nurses = 0
        var never = Fixtures.team()
        for s in never.shifts.indices { never.shifts[s].nurses = 0 }
        for team in [Fixtures.team(), Fixtures.team(roundTheClock: true), weekdaysOnly, never] {
            let plan = CompiledScenario.plan(team)
            for step in 0..<(168 * 8) {
                let hour = Double(step) / 8
                #expect(plan.hoursUntilOnDuty(at: hour).bitPattern == Self.scan(plan, hour).bitPattern, "hour \(hour)")
            }
        }
    }
}
