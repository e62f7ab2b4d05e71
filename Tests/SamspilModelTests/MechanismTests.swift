import Testing
import SamspilEngine
@testable import SamspilModel

/// One test per mechanism: each compares a scenario with the mechanism switched
/// on or changed against the same scenario without it (common random numbers),
/// and checks the direction or the exact value the mechanism must produce.
@Suite("Patient flow: mechanisms")
struct MechanismTests {
    static func run(_ s: Scenario, replications: Int = 2) throws -> [ReplicationResult] {
        let compiled = try CompiledScenario(s)
        return (0..<replications).map { PatientFlowModel.run(compiled, replication: $0) }
    }

    static func total(_ runs: [ReplicationResult], _ m: Metric) -> Double { runs.reduce(0) { $0 + $1[m] } }

    static var base: Scenario { Fixtures.municipality(beds: 60, horizonDays: 90) }
    static var withTeam: Scenario { Fixtures.municipality(beds: 60, team: Fixtures.team(), horizonDays: 90) }

    @Test("every episode starts with exactly one contact and ends with exactly one outcome")
    func conservation() throws {
        var s = Self.withTeam
        s.acuteBedUnits = [AcuteBedUnit(name: "Akutpladser", municipalities: ["Viborg"], beds: 3, sharing: .pooled(hospital: "Viborg"))]
        s.patientGroups = [Fixtures.group(bed: BedTreatment(substitutableShare: 0.3, lengthOfStay: .fixed(48), escalationProbability: 0.1))]
        for r in try Self.run(s) {
            let contacts = r[.contactsGP] + r[.contactsOutOfHours] + r[.contactsEmergencyCall]
            let outcomes = [Metric.outcomeHomeWithGP, .outcomeDischargedFromED, .outcomeAdmitted, .outcomeAcuteTeam,
                            .outcomeAcuteBed, .outcomeInProgress].reduce(0.0) { $0 + r[$1] }
            #expect(contacts == r[.episodes])
            #expect(outcomes == r[.episodes])
            #expect(r[.admissions] == r[.admissionsFromGP] + r[.admissionsFromOutOfHours] + r[.admissionsFromEmergencyCall]
                    + r[.admissionsFromEscalation] + r[.readmissions])
            #expect(abs(r.invariants.bedHoursByStays - r.invariants.bedHoursByOccupancy) < 1e-6 * r.invariants.bedHoursByOccupancy)
            #expect(r.invariants.capacityViolations == 0)
            #expect(r[.avoidedAdmissions] <= r[.counterfactualAdmissions])
        }
    }

    @Test("no acute alternative: nothing is avoided, and the counterfactual equals the actual decision")
    func noAlternativeNoAvoidance() throws {
        for r in try Self.run(Self.base) {
            #expect(r[.avoidedAdmissions] == 0)
            #expect(r[.teamEpisodes] == 0)
        }
    }

    @Test("a scenario compared with itself is identical; the same seed is bit-identical")
    func determinism() throws {
        let a = try Self.run(Self.withTeam)
        let b = try Self.run(Self.withTeam)
        for (x, y) in zip(a, b) {
            #expect(x.values.map(\.bitPattern) == y.values.map(\.bitPattern))
            #expect(x.usage == y.usage)
            #expect(x.events == y.events)
        }
        #expect(a[0].values != a[1].values)                 // replications differ
    }

    @Test("common random numbers: adding a team changes no arrival, severity or first contact")
    func commonRandomNumbers() throws {
        let base = try Self.run(Self.base)
        let team = try Self.run(Self.withTeam)
        for (x, y) in zip(base, team) {
            for m in [Metric.episodes, .contactsGP, .contactsOutOfHours, .contactsEmergencyCall, .counterfactualAdmissions] {
                #expect(x[m] == y[m], "\(m) differs between scenarios with common random numbers")
            }
            #expect(y[.avoidedAdmissions] > 0)
            #expect(y[.admissions] < x[.admissions])
        }
    }

    @Test("trust: a doctor type with zero trust never refers to the team")
    func trust() throws {
        var s = Self.withTeam
        s.decision.trust = DoctorValues(gp: 0, outOfHours: 0, emergencyDepartment: 0)
        s.acuteTeams[0].forwardVisitation = nil
        let r = try Self.run(s)
        #expect(Self.total(r, .teamReferrals) == 0)
        var more = Self.withTeam
        more.decision.trust = DoctorValues(gp: 1, outOfHours: 1, emergencyDepartment: 1)
        #expect(Self.total(try Self.run(more), .teamReferrals) > Self.total(try Self.run(Self.withTeam), .teamReferrals))
    }

    @Test("coverage and credibility: a team staffed around the clock gets more referrals than a daytime team")
    func roundTheClock() throws {
        var day = Self.withTeam
        day.acuteTeams = [Fixtures.team(nurses: 3, roundTheClock: false)]
        var always = Self.withTeam
        always.acuteTeams = [Fixtures.team(nurses: 3, roundTheClock: true)]
        #expect(Self.total(try Self.run(always), .teamEpisodes) > Self.total(try Self.run(day), .teamEpisodes))
    }

    @Test("shared IT raises referrals and lowers readmissions")
    func sharedIT() throws {
        var on = Self.withTeam
        on.coordination.sharedIT = true
        let a = try Self.run(Self.withTeam, replications: 3), b = try Self.run(on, replications: 3)
        #expect(Self.total(b, .teamReferrals) > Self.total(a, .teamReferrals))
        #expect(Self.total(b, .readmissionRate65plus) < Self.total(a, .readmissionRate65plus))
    }

    @Test("unclear medical responsibility slows the first visit and lowers referrals")
    func greyZones() throws {
        // Referral propensity × 0.8: a modest effect, so a larger sample (full trust,
        // six replications) keeps it clear of replication noise.
        var clear = Self.withTeam
        clear.decision.trust = DoctorValues(gp: 1, outOfHours: 1, emergencyDepartment: 1)
        var unclear = clear
        unclear.coordination.medicalResponsibility = .unclear
        let a = try Self.run(clear, replications: 6), b = try Self.run(unclear, replications: 6)
        #expect(Self.total(b, .teamResponseMeanHours) > Self.total(a, .teamResponseMeanHours))
        #expect(Self.total(b, .teamReferrals) < Self.total(a, .teamReferrals))
    }

    @Test("the caseload limit refuses referrals beyond it")
    func caseload() throws {
        var s = Self.withTeam
        s.acuteTeams[0].maximumCaseload = 1
        s.decision.trust = DoctorValues(gp: 1, outOfHours: 1, emergencyDepartment: 1)
        let r = try Self.run(s)
        #expect(Self.total(r, .teamRefusals) > 0)
        #expect(Self.total(r, .teamReferrals) == Self.total(r, .teamEpisodes) + Self.total(r, .teamRefusals))
    }

    @Test("escalation probability 1: every team episode ends in hospital")
    func escalation() throws {
        var s = Self.withTeam
        s.patientGroups[0].acuteTeam!.escalationProbability = 1
        for r in try Self.run(s) {
            #expect(r[.outcomeAcuteTeam] == 0)
            #expect(r[.teamEscalations] > 0)
            #expect(r[.avoidedAdmissions] == 0)
        }
    }

    @Test("GP same-day slots: none means no GP contact; 'next day' makes patients wait")
    func gpCapacity() throws {
        var none = Self.base
        none.contact.gpSameDaySlotsPerThousandPerDay = 0
        #expect(Self.total(try Self.run(none), .contactsGP) == 0)
        var wait = Self.base
        wait.contact.gpSameDaySlotsPerThousandPerDay = 0.01
        wait.contact.whenGPFull = .nextDay
        let r = try Self.run(wait)
        #expect(Self.total(r, .gpNextDayWaits) > 0)
    }

    @Test("GP participation 0: GPs never refer to the team")
    func participation() throws {
        var s = Self.withTeam
        s.contact.gpParticipation = 0
        s.decision.trust = DoctorValues(gp: 1, outOfHours: 0, emergencyDepartment: 0)
        s.acuteTeams[0].forwardVisitation = nil
        #expect(Self.total(try Self.run(s), .teamReferrals) == 0)
    }

    @Test("notification rules: abolishing them removes delayed days caused by notice")
    func notification() throws {
        var strict = Self.base
        strict.discharge.notificationHours = 72
        strict.discharge.notificationLeadHours = 0
        var abolished = Self.base
        abolished.discharge.notificationHours = 0
        let a = try Self.run(strict), b = try Self.run(abolished)
        #expect(Self.total(a, .delayedDischargeDays) > Self.total(b, .delayedDischargeDays))
        #expect(Self.total(a, .bedDays) > Self.total(b, .bedDays))
    }

    @Test("accepted discharge days: no weekend discharges delay weekend-ready patients")
    func acceptDays() throws {
        var weekdays = Self.base
        weekdays.discharge.acceptDays = .mondayToFriday
        #expect(Self.total(try Self.run(weekdays), .delayedDischargeDays) > Self.total(try Self.run(Self.base), .delayedDischargeDays))
    }

    @Test("pooled acute beds take hospital overflow; partitioned ones do not")
    func pooledBeds() throws {
        var pooled = Fixtures.municipality(beds: 8, horizonDays: 60)
        pooled.acuteBedUnits = [AcuteBedUnit(name: "Fælles", municipalities: ["Viborg"], beds: 4, sharing: .pooled(hospital: "Viborg"))]
        var partitioned = pooled
        partitioned.acuteBedUnits[0].sharing = .partitioned
        let a = try Self.run(pooled), b = try Self.run(partitioned)
        #expect(Self.total(a, .hospitalPatientsInAcuteBeds) > 0)
        #expect(Self.total(b, .hospitalPatientsInAcuteBeds) == 0)
        // Their bed-days are recorded for the lending payment, and never exceed the unit's use.
        #expect(a.allSatisfy { $0.usage.hospitalPatientDaysInAcuteBeds[0] > 0 && $0.usage.hospitalPatientDaysInAcuteBeds[0] <= $0.usage.acuteBedDays[0] })
        #expect(b.allSatisfy { $0.usage.hospitalPatientDaysInAcuteBeds[0] == 0 })
        #expect(Self.total(a, .overflowBedHours) < Self.total(b, .overflowBedHours))
    }

    @Test("bed closures: fewer beds from a given day raise overcrowding")
    func bedClosure() throws {
        var closed = Fixtures.municipality(beds: 30, horizonDays: 60)
        closed.hospitals[0].bedChanges = [Hospital.BedChange(fromDay: 40, beds: 5)]
        let open = Fixtures.municipality(beds: 30, horizonDays: 60)
        let a = try Self.run(closed), b = try Self.run(open)
        #expect(Self.total(a, .overcrowdingPatients2300) > Self.total(b, .overcrowdingPatients2300))
        // Bed pressure: rushed discharges at the morning round, and their returns.
        #expect(Self.total(a, .pressureDischarges) > Self.total(b, .pressureDischarges))
        #expect(Self.total(a, .readmissions) > Self.total(b, .readmissions))
        // With bed pressure off, beds do not change demand or stays.
        closed.bedPressure = .off
        var openOff = open
        openOff.bedPressure = .off
        let c = try Self.run(closed), d = try Self.run(openOff)
        #expect(Self.total(c, .admissions) == Self.total(d, .admissions))
        #expect(Self.total(c, .pressureDischarges) == 0)
        // Open bed-days: 30 beds for the 12 measured days before the closure, 15 for the 48 after.
        #expect(abs(a[0].usage.availableBedDays[0] - (30 * 12 + 5 * 48)) < 1e-6)
        #expect(abs(b[0].usage.availableBedDays[0] - 30 * 60) < 1e-6)
    }

    @Test("forward visitation sends borderline emergency arrivals home with the team, only in its hours")
    func forwardVisitation() throws {
        var s = Self.withTeam
        s.acuteTeams[0].forwardVisitation = ForwardVisitation(hours: HourWindow(from: 8, to: 20), share: 0.5)
        let r = try Self.run(s)
        #expect(Self.total(r, .forwardVisitationReferrals) > 0)
        var closed = s
        closed.acuteTeams[0].forwardVisitation = ForwardVisitation(hours: HourWindow(from: 8, to: 8), share: 0.5)
        #expect(Self.total(try Self.run(closed), .forwardVisitationReferrals) == 0)
    }

    @Test("early discharge into team care shortens hospital stays")
    func earlyDischarge() throws {
        var s = Self.withTeam
        s.acuteTeams[0].earlyDischarge = EarlyDischarge(share: 0.5, hoursEarly: 24)
        s.acuteTeams[0].maximumCaseload = 100
        let a = try Self.run(s), b = try Self.run(Self.withTeam)
        #expect(Self.total(a, .earlyDischarges) > 0)
        #expect(Self.total(a, .bedDays) < Self.total(b, .bedDays))
    }

    @Test("follow-up visits after discharge lower 65+ readmissions")
    func followUp() throws {
        var s = Self.withTeam
        s.acuteTeams[0].followUp = FollowUp(share: 1)
        let a = try Self.run(s, replications: 3), b = try Self.run(Self.withTeam, replications: 3)
        #expect(Self.total(a, .teamFollowUpVisits) > 0)
        #expect(Self.total(a, .readmissionRate65plus) < Self.total(b, .readmissionRate65plus))
    }

    @Test("readmission probability: zero gives none; the 65+ rate tracks the probability")
    func readmission() throws {
        var none = Self.base
        none.patientGroups[0].readmissionProbability = [0, 0, 0]
        #expect(Self.total(try Self.run(none), .readmissions) == 0)
        var fixed = Self.base
        fixed.patientGroups[0].readmissionProbability = [0.25, 0.25, 0.25]
        fixed.readmission.delayedDischargeMultiplier = 1
        fixed.simulation.horizonDays = 200
        let r = try Self.run(fixed, replications: 3)
        let rate = Self.total(r, .readmissionRate65plus) / 3
        #expect(abs(rate - 0.25) < 0.03)
    }

    @Test("catchment shares split admissions between hospitals")
    func catchment() throws {
        var s = Self.base
        s.hospitals.append(Hospital(name: "Aarhus", region: "Midt", medicalBeds: 60))
        s.municipalities[0].catchment = [.init(hospital: "Viborg", share: 0.75), .init(hospital: "Aarhus", share: 0.25)]
        s.simulation.horizonDays = 200
        let r = try Self.run(s)
        let viborg = r.reduce(0) { $0 + $1.usage.admissionsByHospital[0] }
        let aarhus = r.reduce(0) { $0 + $1.usage.admissionsByHospital[1] }
        let share = Double(aarhus) / Double(viborg + aarhus)
        #expect(abs(share - 0.25) < 0.04)
    }

    @Test("nurse utilisation by period of the day: none at night without a night shift")
    func utilisationByPeriod() throws {
        let day = try Self.run(Self.withTeam, replications: 1)[0]           // 07–15 and 15–23 only
        #expect(day[.teamUtilisationNight] == 0)
        #expect(day[.teamUtilisationDay] > 0 && day[.teamUtilisationEvening] > 0)
        var always = Self.withTeam
        always.acuteTeams = [Fixtures.team(nurses: 3, roundTheClock: true)]
        let r = try Self.run(always, replications: 1)[0]
        #expect(r[.teamUtilisationNight] > 0)
        // The whole day's utilisation is a weighted mean of the three periods.
        let periods = [r[.teamUtilisationDay], r[.teamUtilisationEvening], r[.teamUtilisationNight]]
        #expect(r[.teamUtilisation] >= periods.min()! && r[.teamUtilisation] <= periods.max()!)
    }

    @Test("GP home visits: borderline patients a GP keeps at home are visited, and only then")
    func gpHomeVisits() throws {
        #expect(Self.total(try Self.run(Self.base), .gpHomeVisits) == 0)
        var keep = Self.base
        keep.decision.gpKeepsAtHomeShare = 0.5
        let r = try Self.run(keep)
        #expect(Self.total(r, .gpHomeVisits) > 0)
        #expect(Self.total(r, .gpHomeVisits) <= Self.total(r, .contactsGP))
        #expect(r.allSatisfy { Double($0.usage.gpHomeVisits.reduce(0, +)) == $0[.gpHomeVisits] })
    }

    @Test("nurses on duty follow the shift pattern exactly")
    func shifts() throws {
        let s = Self.withTeam      // 3 nurses 07–15 and 15–23, none at night
        let r = try Self.run(s, replications: 1)[0]
        #expect(abs(r[.teamNurseHoursOnDuty] - 90 * 16 * 3) < 1e-6)
        var always = Self.withTeam
        always.acuteTeams = [Fixtures.team(nurses: 3, roundTheClock: true)]
        let r2 = try Self.run(always, replications: 1)[0]
        #expect(abs(r2[.teamNurseHoursOnDuty] - 90 * (16 * 3 + 8)) < 1e-6)
    }
}
