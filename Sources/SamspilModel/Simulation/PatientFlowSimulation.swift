import SamspilEngine

/// What to collect besides the metrics.
public struct ReplicationOptions: Sendable {
    public var recordTimeSeries = false
    public var recordTrace = false
    public init(recordTimeSeries: Bool = false, recordTrace: Bool = false) {
        self.recordTimeSeries = recordTimeSeries
        self.recordTrace = recordTrace
    }
}

/// One replication's results.
public struct ReplicationResult: Sendable {
    public var replication: Int
    /// Values in the order of `Metric.allCases`.
    public var values: [Double]
    public var usage: UsageLedger
    public var timeSeries: DailySeries?
    public var trace: [TraceRecord]?
    /// Time spent at each total occupancy level (all hospitals) in the window:
    /// `occupancyDistribution[k]` hours with `k` patients.
    public var occupancyDistribution: [Double]
    public var invariants: InvariantCheck
    public var events: UInt64
    public var episodesSimulated: Int
    public var peakLiveEpisodes: Int

    public subscript(metric: Metric) -> Double { values[metric.rawValue] }
}

/// The patient-flow model: runs one replication of a compiled scenario.
public enum PatientFlowModel {
    /// - Complexity: O(events · log pending) time; memory O(concurrent episodes).
    public static func run(_ compiled: CompiledScenario, replication: Int,
                           options: ReplicationOptions = ReplicationOptions()) -> ReplicationResult {
        var simulation = PatientFlowSimulation<LadderQueueCalendar>(compiled, replication: replication, options: options)
        simulation.run()
        return simulation.result()
    }
}

/// The state and event handlers of one replication.
struct PatientFlowSimulation<Calendar: EventCalendar> {
    let model: CompiledScenario
    let scenario: Scenario
    let replication: Int
    let options: ReplicationOptions
    let masterSeed: UInt64

    var scheduler = Scheduler<Calendar>()
    var episodes = EpisodeStore()
    var arrivalGenerators: ContiguousArray<Xoshiro256StarStar> = []
    var arrivalCounts: ContiguousArray<UInt64> = []
    var streamSeeds: ContiguousArray<UInt64> = []
    var measuring = false
    var count: ContiguousArray<Double>
    var usage: UsageLedger
    var episodesSimulated = 0

    // Hospitals
    /// Patients of each hospital in its beds or in overflow (lent acute beds excluded).
    var hospitalPatients: ContiguousArray<Int>
    /// Patients staying in overflow for their whole stay (`stayInOverflow` only).
    var outlyingPatients: ContiguousArray<Int>
    var hospitalBeds: ContiguousArray<Int>
    var hospitalOccupancy: ContiguousArray<TimeWeightedLevel>
    var hospitalOverflow: ContiguousArray<TimeWeightedLevel>
    var totalOccupancy: LevelHistogram
    var totalBeds: TimeWeightedLevel
    var staysByAge: ContiguousArray<Tally>
    var discharges65 = 0.0
    var bedHoursByStays = 0.0
    var capacityViolations = 0
    var readmitted65 = 0.0

    // Acute teams
    var nurses: ContiguousArray<ResourcePool>
    var caseload: ContiguousArray<Int>
    var teamSegment: ContiguousArray<Int>
    var teamRandom: ContiguousArray<Xoshiro256StarStar>
    var shiftBusy: ContiguousArray<Double>       // team-major, per shift: busy nurse-hours
    var shiftDuty: ContiguousArray<Double>       // per shift: on-duty nurse-hours
    var segmentBusyMark: ContiguousArray<Double> // busy integral at the last segment boundary
    var segmentDutyMark: ContiguousArray<Double>
    var shiftOffset: ContiguousArray<Int>
    var responseTimes = Tally()
    /// Busy and on-duty nurse-hours by period of the day (day, evening, night), and
    /// the integrals at the last boundary.
    var periodBusy: [Double] = [0, 0, 0]
    var periodDuty: [Double] = [0, 0, 0]
    var periodBusyMark = 0.0
    var periodDutyMark = 0.0
    var responseHistogram: ContiguousArray<Int> = ContiguousArray(repeating: 0, count: 24 * 60 * 7 + 1)
    /// Each team's dynamic trust factor (1 unless `decision.trustDynamics` is set).
    var teamTrust: ContiguousArray<Double>
    /// Mean nurse hours per visit (visit plus travel), for the response a team can promise.
    var teamServiceHours: ContiguousArray<Double>
    /// Patients each hospital must discharge at today's pressure round (scratch, no allocation per round).
    var pressureExcess: ContiguousArray<Int>

    // Acute beds
    var bedUnitCapacity: ContiguousArray<Int>
    var bedUnitUsed: ContiguousArray<Int>
    var bedUnitLevel: ContiguousArray<TimeWeightedLevel>
    var bedUnitHospital: ContiguousArray<Int>
    /// Hospital patients lying in each unit's beds, over time (lent beds).
    var bedUnitLent: ContiguousArray<TimeWeightedLevel>
    /// Acute-bed patients lying in each hospital's beds, over time.
    var hospitalLent: ContiguousArray<TimeWeightedLevel>
    /// Available beds of each hospital over time (capacity cost).
    var hospitalCapacity: ContiguousArray<TimeWeightedLevel>

    // Municipalities
    var gpSlotDay: ContiguousArray<Int>
    var gpSlotsUsed: ContiguousArray<Double>
    var homeCareTokens: ContiguousArray<Double>
    var homeCareQueue: ContiguousArray<RingBuffer<UInt32>>
    var temporaryBeds: ContiguousArray<ResourcePool>
    var municipalityRandom: ContiguousArray<Xoshiro256StarStar>

    // Output
    var series: DailySeries?
    var trace: [TraceRecord]?
    var dayOccupancyMark = 0.0

    init(_ model: CompiledScenario, replication: Int, options: ReplicationOptions) {
        self.model = model
        let scenario = model.scenario
        self.scenario = scenario
        self.replication = replication
        self.options = options
        masterSeed = scenario.simulation.seed
        count = ContiguousArray(repeating: 0, count: Metric.allCases.count)
        usage = UsageLedger(model)

        let h = model.hospitalCount
        hospitalPatients = ContiguousArray(repeating: 0, count: h)
        outlyingPatients = ContiguousArray(repeating: 0, count: h)
        hospitalBeds = ContiguousArray(scenario.hospitals.map(\.medicalBeds))
        hospitalOccupancy = ContiguousArray(repeating: TimeWeightedLevel(), count: h)
        hospitalOverflow = ContiguousArray(repeating: TimeWeightedLevel(), count: h)
        totalOccupancy = LevelHistogram()
        totalBeds = TimeWeightedLevel(level: Double(hospitalBeds.reduce(0, +)), at: 0)
        staysByAge = ContiguousArray(repeating: Tally(), count: model.ageCount)

        let t = model.teamCount
        nurses = ContiguousArray(model.teamPlans.map { ResourcePool(capacity: $0.segments[0].nurses) })
        caseload = ContiguousArray(repeating: 0, count: t)
        teamSegment = ContiguousArray(repeating: 0, count: t)
        teamRandom = ContiguousArray((0..<t).map { i in
            Xoshiro256StarStar(StreamKey(masterSeed: scenario.simulation.seed, replication: replication,
                                         purpose: Purpose.teamLevel, entity: stableHash(scenario.acuteTeams[i].name)))
        })
        var offsets: [Int] = []
        var total = 0
        for plan in model.teamPlans { offsets.append(total); total += plan.shiftNames.count }
        shiftOffset = ContiguousArray(offsets)
        shiftBusy = ContiguousArray(repeating: 0, count: total)
        shiftDuty = ContiguousArray(repeating: 0, count: total)
        segmentBusyMark = ContiguousArray(repeating: 0, count: t)
        segmentDutyMark = ContiguousArray(repeating: 0, count: t)
        teamTrust = ContiguousArray(repeating: 1, count: t)
        teamServiceHours = ContiguousArray(model.teams.map { Swift.max(0, $0.visitDuration.mean) + Swift.max(0, $0.travelTime.mean) })
        pressureExcess = ContiguousArray(repeating: 0, count: h)

        bedUnitCapacity = ContiguousArray(scenario.acuteBedUnits.map(\.beds))
        bedUnitUsed = ContiguousArray(repeating: 0, count: model.bedUnitCount)
        bedUnitLevel = ContiguousArray(repeating: TimeWeightedLevel(), count: model.bedUnitCount)
        bedUnitLent = ContiguousArray(repeating: TimeWeightedLevel(), count: model.bedUnitCount)
        hospitalLent = ContiguousArray(repeating: TimeWeightedLevel(), count: h)
        hospitalCapacity = ContiguousArray(scenario.hospitals.map { TimeWeightedLevel(level: Double($0.medicalBeds), at: 0) })
        let hospitalIndex = Dictionary(uniqueKeysWithValues: scenario.hospitals.enumerated().map { ($1.name, $0) })
        bedUnitHospital = ContiguousArray(scenario.acuteBedUnits.map { unit in
            if case .pooled(let name) = unit.sharing { return hospitalIndex[name] ?? -1 }
            return -1
        })

        let m = model.municipalityCount
        gpSlotDay = ContiguousArray(repeating: -1, count: m)
        gpSlotsUsed = ContiguousArray(repeating: 0, count: m)
        homeCareTokens = ContiguousArray(model.homeCareStartsPerDay)
        homeCareQueue = ContiguousArray(repeating: RingBuffer(minimumCapacity: 4), count: m)
        temporaryBeds = ContiguousArray(model.temporaryBeds.map { ResourcePool(capacity: $0) })
        municipalityRandom = ContiguousArray((0..<m).map { i in
            Xoshiro256StarStar(StreamKey(masterSeed: scenario.simulation.seed, replication: replication,
                                         purpose: Purpose.municipalityLevel, entity: stableHash(scenario.municipalities[i].name)))
        })
        if options.recordTimeSeries { series = DailySeries() }
        if options.recordTrace { trace = [] }
    }

    // MARK: - Run

    mutating func run() {
        start()
        loop: while let event = scheduler.next() {
            switch event.kind {
            case EventKind.arrival: arrive(stream: Int(event.entity))
            case EventKind.visitDue: if isCurrent(event) { visitDue(event.entity) }
            case EventKind.visitEnd: visitEnd(event)
            case EventKind.ready: if isCurrent(event) { ready(event.entity) }
            case EventKind.leave: if isCurrent(event) { leave(event.entity) }
            case EventKind.teamEnd: if isCurrent(event) { teamEnd(event.entity) }
            case EventKind.teamEscalation: if isCurrent(event) { teamEscalation(event.entity) }
            case EventKind.acuteBedEnd: if isCurrent(event) { acuteBedEnd(event.entity, escalates: false) }
            case EventKind.acuteBedEscalation: if isCurrent(event) { acuteBedEnd(event.entity, escalates: true) }
            case EventKind.earlyDischarge: if isCurrent(event) { earlyDischarge(event.entity) }
            case EventKind.gpOpens: if isCurrent(event) { gpOpens(event.entity) }
            case EventKind.readmission: if isCurrent(event) { readmit(event.entity) }
            case EventKind.teamSegment: teamSegmentChange(team: Int(event.entity), segment: Int(event.payload))
            case EventKind.bedChange: bedChange(hospital: Int(event.entity), index: Int(event.payload))
            case EventKind.census: census()
            case EventKind.dailyTick: dailyTick()
            case EventKind.shiftPeriod: shiftPeriodEnds(next: Int(event.payload))
            case EventKind.temporaryBedEnd: temporaryBedEnd(municipality: Int(event.entity))
            case EventKind.followUpDue: followUpDue(team: Int(event.entity))
            case EventKind.pressureRound: pressureRound()
            case EventKind.waitingDeterioration: if isCurrent(event) { waitingDeterioration(event.entity) }
            case EventKind.warmupEnd: beginMeasurement()
            case EventKind.stop: break loop
            default: preconditionFailure("unknown event kind \(event.kind)")
            }
        }
    }

    @inline(__always) func isCurrent(_ event: Event) -> Bool { episodes.generations.isCurrent(event) }
    @inline(__always) var now: Double { scheduler.now }

    @inline(__always)
    mutating func schedule(_ kind: UInt16, at time: Double, episode id: UInt32, priority: EventPriority = .normal) {
        scheduler.schedule(kind, at: time, entity: id, tag: episodes.generations[id], priority: priority)
    }

    @inline(__always) mutating func add(_ metric: Metric, _ amount: Double = 1) {
        if measuring { count[metric.rawValue] += amount }
    }

    mutating func start() {
        // Arrival streams
        for (index, stream) in model.streams.enumerated() {
            var g = Xoshiro256StarStar(StreamKey(masterSeed: masterSeed, replication: replication,
                                                 purpose: Purpose.arrivals, entity: stream.identity))
            let first = model.profiles[stream.profile].nextArrival(after: 0, rateScale: stream.ratePerHour, using: &g)
            arrivalGenerators.append(g)
            arrivalCounts.append(0)
            streamSeeds.append(StreamKey(masterSeed: masterSeed, replication: replication,
                                         purpose: Purpose.episode, entity: stream.identity).seed)
            if first < model.end { scheduler.schedule(EventKind.arrival, at: first, entity: UInt32(index), priority: .seize) }
        }
        // Team shifts
        for (t, plan) in model.teamPlans.enumerated() where plan.segments.count > 1 {
            scheduleNextSegment(team: t, after: 0, current: 0)
            _ = plan
        }
        // Bed schedules
        for (h, changes) in model.bedSchedules.enumerated() {
            if let first = changes.first {
                scheduler.schedule(EventKind.bedChange, at: Swift.max(0, first.time), entity: UInt32(h), payload: 0, priority: .structural)
            }
        }
        scheduler.schedule(EventKind.census, at: 23, priority: .observe)
        scheduler.schedule(EventKind.dailyTick, at: 24, priority: .structural)
        if scenario.bedPressure.enabled && model.hospitalCount > 0 && scenario.bedPressure.roundHour < model.end {
            scheduler.schedule(EventKind.pressureRound, at: scenario.bedPressure.roundHour, priority: .structural)
        }
        if model.teamCount > 0 {
            // Nurse utilisation by period of the day: boundaries at 07, 15 and 23.
            scheduler.schedule(EventKind.shiftPeriod, at: 7, payload: 0, priority: .structural)
        }
        if model.warmupEnd > 0 {
            scheduler.schedule(EventKind.warmupEnd, at: model.warmupEnd, priority: .observe)
        } else {
            measuring = true
        }
        scheduler.schedule(EventKind.stop, at: model.end, priority: .observe)
        if scenario.simulation.initialState == .typical { prefillHospitals() }
    }

    // MARK: - Demand and first contact

    mutating func arrive(stream s: Int) {
        let stream = model.streams[s]
        var g = arrivalGenerators[s]
        let next = model.profiles[stream.profile].nextArrival(after: now, rateScale: stream.ratePerHour, using: &g)
        arrivalGenerators[s] = g
        if next < model.end { scheduler.schedule(EventKind.arrival, at: next, entity: UInt32(s), priority: .seize) }

        let k = arrivalCounts[s]
        arrivalCounts[s] = k &+ 1
        let id = episodes.allocate()
        episodesSimulated += 1
        var e = Episode()
        e.key = SplitMix64.mix(streamSeeds[s] &+ (k &+ 1) &* 0x9E37_79B9_7F4A_7C15)
        e.start = now
        e.municipality = stream.municipality
        e.group = stream.group
        e.age = stream.age
        if measuring { e.flags.insert(.measured) }
        // Severity band
        let index = Int(stream.group) * model.ageCount + Int(stream.age)
        var gs = SplitMix64(episode: e.key, Purpose.severity)
        let u = gs.nextUnitDouble()
        let (gpCut, borderCut) = model.severityCumulative[index]
        let band: SeverityBand = u < gpCut ? .gpManageable : (u < borderCut ? .borderline : .mustAdmit)
        e.band = band.rawValue
        if band != .gpManageable { e.flags.insert(.counterfactualAdmit) }
        episodes.slots[Int(id)] = e
        if e.flags.contains(.measured) { count[Metric.episodes.rawValue] += 1 }
        record(id, .arrival)

        // 112 or a doctor
        var gr = SplitMix64(episode: e.key, Purpose.route)
        if gr.nextUnitDouble() < model.groups[Int(stream.group)].emergencyCallShare[band] {
            episodes.slots[Int(id)].route = Route.emergencyCall.rawValue
            countEpisode(id, .contactsEmergencyCall)
            add(.ambulanceTrips)
            emergencyDepartment(id, referred: false)
            return
        }
        contactDoctor(id, retry: false)
    }

    /// The own GP in office hours if a same-day slot is free; otherwise the
    /// out-of-hours doctor or the next office day.
    mutating func contactDoctor(_ id: UInt32, retry: Bool) {
        let c = scenario.contact
        let m = Int(episodes.slots[Int(id)].municipality)
        let hour = model.time.hourOfDay(now)
        let day = model.time.day(now)
        if c.gpOfficeDays.contains(model.time.weekday(ofDay: day)) && c.gpOfficeHours.contains(hourOfDay: hour) {
            if gpSlotDay[m] != day { gpSlotDay[m] = day; gpSlotsUsed[m] = 0 }
            if gpSlotsUsed[m] + 1 <= model.gpSlotsPerDay[m] {
                gpSlotsUsed[m] += 1
                episodes.slots[Int(id)].route = Route.gp.rawValue
                countEpisode(id, .contactsGP)
                add(.gpConsultations)
                usage.gpConsultations[m * model.ageCount + Int(episodes.slots[Int(id)].age)] += measuring ? 1 : 0
                decide(id, doctor: .gp)
                return
            }
            // Slots are full today.
            if c.whenGPFull == .nextDay && !retry && episodes.slots[Int(id)].band != SeverityBand.mustAdmit.rawValue,
               let opens = model.time.nextTime(atOrAfter: Double(day + 1) * 24, in: c.gpOfficeHours, on: c.gpOfficeDays) {
                countEpisode(id, .gpNextDayWaits)
                episodes.slots[Int(id)].phase = .waitingForGP
                schedule(EventKind.gpOpens, at: opens, episode: id, priority: .seize)
                return
            }
        }
        episodes.slots[Int(id)].route = Route.outOfHours.rawValue
        countEpisode(id, .contactsOutOfHours)
        add(.outOfHoursConsultations)
        usage.outOfHoursContacts[m * model.ageCount + Int(episodes.slots[Int(id)].age)] += measuring ? 1 : 0
        decide(id, doctor: .outOfHours)
    }

    mutating func gpOpens(_ id: UInt32) {
        episodes.slots[Int(id)].phase = .free
        contactDoctor(id, retry: true)
    }

    /// Counts an episode-level metric when the episode is measured.
    @inline(__always)
    mutating func countEpisode(_ id: UInt32, _ metric: Metric) {
        if episodes.slots[Int(id)].flags.contains(.measured) { count[metric.rawValue] += 1 }
    }

    // MARK: - Decision

    /// The probabilities of the borderline decision for doctor `d` now; see `DecisionSettings`.
    ///
    /// Marked `mutating` although it changes nothing: called from mutating
    /// handlers, a non-mutating method would get a copy of the whole
    /// simulation state (a `memcpy` per call, measured at 6 % of run time).
    mutating func referralProbabilities(_ e: Episode, doctor d: DoctorType, manageable: Bool = false) -> (home: Double, team: Double, bed: Double) {
        let decision = scenario.decision
        let coordination = scenario.coordination
        let behaviour = scenario.behaviour
        let group = model.groups[Int(e.group)]
        var common = decision.trust[d] * behaviour.referralPropensityMultiplier
        if coordination.sharedIT { common *= decision.sharedITFactor }
        if coordination.medicalResponsibility == .unclear { common *= decision.unclearResponsibilityFactor }
        var team = 0.0
        let t = model.municipalityTeam[Int(e.municipality)]
        if t >= 0, let treatment = group.team, canPromiseVisit(team: t) {
            let share = manageable ? treatment.manageableReferralShare : treatment.substitutableShare
            team = share * common * teamTrust[t] * (model.teamPlans[t].isRoundTheClock ? 1 : decision.partTimeCredibility)
        }
        team = Swift.min(1, team)
        var bed = 0.0
        if model.municipalityBedUnit[Int(e.municipality)] >= 0, let treatment = group.bed {
            bed = Swift.min(1 - team, treatment.substitutableShare * common)
        }
        let home = d == .gp ? Swift.min(1, Swift.max(0, decision.gpKeepsAtHomeShare + behaviour.gpKeepAtHomeShift)) : 0
        return (home, team, bed)
    }

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
                    add(.teamReferrals)
                    if referToTeam(id, source: .doctor) { return }
                }
            }
            endWithoutStay(id, outcome: .outcomeHomeWithGP, pathway: scenario.readmission.afterHomeMultiplier)
        case .mustAdmit:
            emergencyDepartment(id, referred: true)
        case .borderline:
            var p = referralProbabilities(e, doctor: doctor)
            if !participates(e, doctor: doctor) { p.team = 0; p.bed = 0 }
            var g = SplitMix64(episode: e.key, Purpose.decision)
            let u = g.nextUnitDouble()
            // One draw decides, in the order home, team, bed, admission; the same draw
            // with no acute alternative gives the counterfactual (home or admission).
            let homeCut = p.home
            let teamCut = homeCut + (1 - homeCut) * p.team
            let bedCut = teamCut + (1 - homeCut) * p.bed
            if u < homeCut {
                // The GP keeps the patient at home and visits (a home visit, not a consultation).
                episodes.slots[Int(id)].flags.remove(.counterfactualAdmit)
                add(.gpHomeVisits)
                if measuring { usage.gpHomeVisits[Int(e.municipality) * model.ageCount + Int(e.age)] += 1 }
                endWithoutStay(id, outcome: .outcomeHomeWithGP, pathway: scenario.readmission.afterHomeMultiplier)
                return
            }
            countCounterfactualAdmission(id)
            if u < teamCut {
                add(.teamReferrals)
                if !referToTeam(id, source: .doctor) { refusedAlternative(id) }
            } else if u < bedCut {
                if !referToAcuteBed(id) { admitAfterRefusal(id) }
            } else {
                emergencyDepartment(id, referred: true)
            }
        }
    }

    /// Whether the doctor takes part in the acute cooperation: GPs by the
    /// participation share (a non-participating GP never refers), others always.
    /// `mutating` only to avoid copying the simulation state (see `referralProbabilities`).
    mutating func participates(_ e: Episode, doctor: DoctorType) -> Bool {
        guard doctor == .gp && scenario.contact.gpParticipation < 1 else { return true }
        var g = SplitMix64(episode: e.key, Purpose.participation)
        return g.nextUnitDouble() < scenario.contact.gpParticipation
    }

    /// A team referral was refused: try an acute bed, else admit.
    mutating func refusedAlternative(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        if model.municipalityBedUnit[Int(e.municipality)] >= 0, model.groups[Int(e.group)].bed != nil,
           referToAcuteBed(id) { return }
        admitAfterRefusal(id)
    }

    mutating func admitAfterRefusal(_ id: UInt32) { emergencyDepartment(id, referred: true) }

    // MARK: - Emergency department and hospital

    /// Arrival at the emergency department: by 112, or referred for admission.
    /// Borderline arrivals may be sent home with the team by forward visitation.
    mutating func emergencyDepartment(_ id: UInt32, referred: Bool) {
        let e = episodes.slots[Int(id)]
        add(.emergencyDepartmentVisits)
        let band = SeverityBand(rawValue: e.band)!
        if !referred {
            // 112 arrivals are assessed by the hospital doctor; with no acute
            // alternative every borderline or severe one would be admitted.
            if band != .gpManageable { countCounterfactualAdmission(id) }
            switch band {
            case .gpManageable:
                endWithoutStay(id, outcome: .outcomeDischargedFromED, pathway: scenario.readmission.afterEmergencyDepartmentMultiplier)
                return
            case .borderline:
                let p = referralProbabilities(e, doctor: .emergencyDepartment)
                var g = SplitMix64(episode: e.key, Purpose.decision)
                if g.nextUnitDouble() < Swift.min(1, p.team * emergencyDepartmentPressure(id)) {
                    add(.teamReferrals)
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
        let t = model.municipalityTeam[Int(e.municipality)]
        guard t >= 0, let forward = model.teams[t].forwardVisitation,
              model.groups[Int(e.group)].team != nil,
              forward.days.contains(model.time.weekday(now)),
              forward.hours.contains(hourOfDay: model.time.hourOfDay(now)) else { return false }
        var g = SplitMix64(episode: e.key, Purpose.forward)
        let share = Swift.min(1, forward.share * (1 - Swift.min(1, Swift.max(0, scenario.behaviour.hospitalAdmissionShift)))
                                  * emergencyDepartmentPressure(id))
        guard g.nextUnitDouble() < share else { return false }
        add(.teamReferrals)
        guard referToTeam(id, source: .forwardVisitation) else { return false }
        add(.forwardVisitationReferrals)
        return true
    }

    mutating func chooseHospital(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        let m = Int(e.municipality)
        var g = SplitMix64(episode: e.key, Purpose.hospital)
        let u = g.nextUnitDouble()
        var k = model.catchmentStart[m]
        while k < model.catchmentStart[m + 1] - 1 && u >= model.catchmentCumulative[k] { k += 1 }
        episodes.slots[Int(id)].hospital = model.catchmentHospital[k]
    }

    /// Admission: a hospital bed, a lent acute bed, or overflow.
    mutating func admit(_ id: UInt32, route: Route) {
        // The catchment decides the hospital at the first admission of the episode.
        if episodes.slots[Int(id)].hospital == .max { chooseHospital(id) }
        var e = episodes.slots[Int(id)]
        let h = Int(e.hospital)
        e.phase = .inHospital
        e.admitTime = now
        e.flags.insert(.admittedInPath)
        // Place: a free hospital bed; else a free bed of a pooled acute-bed unit; else overflow.
        e.place = .hospitalBed
        let full = wardPatients(h) >= hospitalBeds[h]
        if full {
            add(.admissionsToFullHospital)
            for u in 0..<model.bedUnitCount where bedUnitHospital[u] == h && bedUnitUsed[u] < bedUnitCapacity[u] {
                e.place = .pooledAcuteBed
                e.bedUnit = Int16(u)
                break
            }
            if e.place != .pooledAcuteBed && model.hospitalOverflowPolicy[h] == .stayInOverflow { e.place = .overflow }
        }
        switch e.place {
        case .pooledAcuteBed:
            occupyAcuteBed(Int(e.bedUnit), delta: 1)
            bedUnitLent[Int(e.bedUnit)].add(1, at: now)
            add(.hospitalPatientsInAcuteBeds)
        case .overflow:
            outlyingPatients[h] += 1
            changeHospitalPatients(h, by: 1)
        case .hospitalBed:
            changeHospitalPatients(h, by: 1)
        }
        add(.admissions)
        switch route {
        case .gp: add(.admissionsFromGP)
        case .outOfHours: add(.admissionsFromOutOfHours)
        case .emergencyCall: add(.admissionsFromEmergencyCall)
        case .escalation: add(.admissionsFromEscalation); add(.ambulanceTrips)
        case .readmission: add(.readmissions)
        }
        if measuring {
            usage.recordAdmission(municipality: Int(e.municipality), group: Int(e.group), age: Int(e.age), hospital: h)
            if model.isOld[Int(e.age)] && model.groups[Int(e.group)].preventable { usage.preventableAdmissions65 += 1 }
        }

        // Length of stay until medically ready.
        var g = SplitMix64(episode: e.key, Purpose.stay)
        let index = Int(e.group) * model.ageCount + Int(e.age)
        var stay = Swift.max(0, model.lengthOfStay[index].sample(using: &g)) * scenario.behaviour.lengthOfStayMultiplier
        if full && scenario.bedPressure.enabled { stay *= scenario.bedPressure.outlierStayMultiplier }
        e.readyTime = now + stay
        episodes.slots[Int(id)] = e
        record(id, .admission)
        schedule(EventKind.ready, at: e.readyTime, episode: id, priority: .release)

        // Early discharge into team care.
        let t = model.municipalityTeam[Int(e.municipality)]
        if t >= 0, let early = model.teams[t].earlyDischarge,
           model.groups[Int(e.group)].team != nil, stay > early.hoursEarly {
            var ge = SplitMix64(episode: e.key, Purpose.earlyDischarge)
            if ge.nextUnitDouble() < early.share {
                schedule(EventKind.earlyDischarge, at: e.readyTime - early.hoursEarly, episode: id)
            }
        }
    }

    /// Patients of hospital `h` on the ward (in beds or, above capacity, in corridor beds).
    @inline(__always)
    func wardPatients(_ h: Int) -> Int { hospitalPatients[h] - outlyingPatients[h] }

    /// Patients without one of the available beds: ward patients above capacity plus outlying patients.
    @inline(__always)
    func overflowPatients(_ h: Int) -> Int { outlyingPatients[h] + Swift.max(0, wardPatients(h) - hospitalBeds[h]) }

    mutating func changeHospitalPatients(_ h: Int, by delta: Int) {
        hospitalPatients[h] += delta
        hospitalOccupancy[h].set(Double(hospitalPatients[h]), at: now)
        hospitalOverflow[h].set(Double(overflowPatients(h)), at: now)
        totalOccupancy.set(totalOccupancy.level + delta, at: now)
    }

    mutating func occupyAcuteBed(_ u: Int, delta: Int) {
        bedUnitUsed[u] += delta
        if bedUnitUsed[u] > bedUnitCapacity[u] { capacityViolations += 1 }
        bedUnitLevel[u].set(Double(bedUnitUsed[u]), at: now)
    }

    /// The patient leaves the bed (hospital or lent acute bed).
    mutating func vacateHospitalPlace(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        if e.place != .pooledAcuteBed { bedHoursByStays += Swift.max(0, now - Swift.max(e.admitTime, model.warmupEnd)) }
        switch e.place {
        case .pooledAcuteBed:
            occupyAcuteBed(Int(e.bedUnit), delta: -1)
            bedUnitLent[Int(e.bedUnit)].add(-1, at: now)
        case .overflow:
            outlyingPatients[Int(e.hospital)] -= 1
            changeHospitalPatients(Int(e.hospital), by: -1)
        case .hospitalBed:
            changeHospitalPatients(Int(e.hospital), by: -1)
        }
    }

    mutating func earlyDischarge(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        guard e.phase == .inHospital else { return }
        let t = model.municipalityTeam[Int(e.municipality)]
        add(.teamReferrals)
        guard caseload[t] < model.teams[t].maximumCaseload else {
            add(.teamRefusals)
            adjustTrust(team: t, by: .refusal)
            return
        }
        add(.earlyDischarges)
        episodes.slots[Int(id)].flags.insert(.fromEarlyDischarge)
        completeStay(id, discharge: now)
        episodes.generations.invalidate(id)        // the pending `ready` is cancelled
        startTeamEpisode(id, team: t, source: .earlyDischarge)
    }

    /// Medically ready: plan the discharge.
    mutating func ready(_ id: UInt32) {
        var e = episodes.slots[Int(id)]
        let m = Int(e.municipality)
        let rules = model.discharge[m]
        let index = Int(e.group) * model.ageCount + Int(e.age)
        var g = SplitMix64(episode: e.key, Purpose.needsCare)
        let needsCare = g.nextUnitDouble() < model.needsCare[index]
        e.phase = .awaitingDischarge
        if !needsCare || e.flags.contains(.synthetic) {
            episodes.slots[Int(id)] = e
            let hospitalRules = model.hospitalDischargeHours[Int(e.hospital)]
            let leaveAt = model.time.nextTime(atOrAfter: now, in: hospitalRules, on: .all) ?? now
            schedule(EventKind.leave, at: leaveAt, episode: id, priority: .release)
            return
        }
        e.flags.insert(.needsCare)
        let temporaryBed = g.nextUnitDouble() < model.groups[Int(e.group)].temporaryBedShare
        if temporaryBed { e.flags.insert(.temporaryBed) }
        episodes.slots[Int(id)] = e
        // Notification: sent at admission with shared IT, otherwise some hours before readiness.
        let notified = scenario.coordination.sharedIT ? e.admitTime : Swift.max(e.admitTime, now - rules.notificationLeadHours)
        let earliest = Swift.max(now, notified + rules.notificationHours)
        let acceptAt = model.time.nextTime(atOrAfter: earliest, in: rules.acceptHours, on: rules.acceptDays) ?? earliest
        if temporaryBed {
            if temporaryBeds[m].request(id, at: now) {
                schedule(EventKind.leave, at: acceptAt, episode: id, priority: .release)
            }
            // Otherwise queued; `temporaryBedEnd` discharges it when a bed frees.
        } else if acceptAt <= now {
            takeHomeCareStart(id, municipality: m)
        } else {
            scheduleHomeCare(id, at: acceptAt)
        }
    }

    /// A home-care start is needed at `time`: the patient leaves then if the
    /// day's starts allow, otherwise queues for the next day.
    mutating func scheduleHomeCare(_ id: UInt32, at time: Double) {
        // The patient waits in hospital until `time`; the leave event checks capacity then.
        schedule(EventKind.leave, at: time, episode: id, priority: .release)
    }

    mutating func takeHomeCareStart(_ id: UInt32, municipality m: Int) {
        if homeCareTokens[m] >= 1 {
            homeCareTokens[m] -= 1
            leave(id, capacityChecked: true)
        } else {
            homeCareQueue[m].append(id)
        }
    }

    mutating func leave(_ id: UInt32) { leave(id, capacityChecked: false) }

    /// The patient leaves hospital (after any wait for the municipality).
    mutating func leave(_ id: UInt32, capacityChecked: Bool) {
        let e = episodes.slots[Int(id)]
        let m = Int(e.municipality)
        if e.flags.contains(.synthetic) {
            vacateHospitalPlace(id)
            episodes.release(id)
            return
        }
        if e.flags.contains(.needsCare) && !e.flags.contains(.temporaryBed) && !e.flags.contains(.homeCareGranted)
            && !capacityChecked {
            // Needs a home-care start now.
            if homeCareTokens[m] >= 1 {
                homeCareTokens[m] -= 1
            } else {
                homeCareQueue[m].append(id)
                return
            }
        }
        if e.flags.contains(.temporaryBed) {
            // The patient moves to the temporary bed already granted; its stay ends later.
            var g = municipalityRandom[m]
            let stay = Swift.max(0, model.discharge[m].temporaryBedStay.sample(using: &g))
            municipalityRandom[m] = g
            scheduler.schedule(EventKind.temporaryBedEnd, at: now + stay, entity: UInt32(m), priority: .release)
        }
        completeStay(id, discharge: now)
        afterHospital(id)
    }

    /// Books the end of a hospital stay: bed, length of stay, delayed days.
    mutating func completeStay(_ id: UInt32, discharge time: Double) {
        let e = episodes.slots[Int(id)]
        vacateHospitalPlace(id)
        // Delayed-discharge days: calendar days between readiness and discharge for
        // patients waiting for a municipal service.
        let delayedDays = e.flags.contains(.needsCare) && time > e.readyTime
            ? model.time.day(time) - model.time.day(e.readyTime) : 0
        if delayedDays > 0 { episodes.slots[Int(id)].flags.insert(.delayed) }
        if measuring {
            count[Metric.hospitalDischarges.rawValue] += 1
            staysByAge[Int(e.age)].record((time - e.admitTime) / 24)
            if delayedDays > 0 {
                count[Metric.delayedDischargePatients.rawValue] += 1
                count[Metric.delayedDischargeDays.rawValue] += Double(delayedDays)
                usage.recordDelayedDischarge(municipality: Int(e.municipality), days: delayedDays)
            }
        }
        record(id, .discharge)
    }

    /// After a hospital stay: follow-up visit, readmission draw, outcome.
    mutating func afterHospital(_ id: UInt32) {
        var e = episodes.slots[Int(id)]
        let t = model.municipalityTeam[Int(e.municipality)]
        if t >= 0, let followUp = model.teams[t].followUp, model.isOld[Int(e.age)] {
            var g = SplitMix64(episode: e.key, Purpose.followUp)
            if g.nextUnitDouble() < followUp.share {
                e.flags.insert(.followUp)
                scheduler.schedule(EventKind.followUpDue, at: now + followUp.afterHours, entity: UInt32(t))
            }
        }
        var multiplier = 1.0
        let r = scenario.readmission
        if scenario.coordination.sharedIT { multiplier *= r.sharedITMultiplier }
        if e.flags.contains(.followUp) { multiplier *= r.followUpMultiplier }
        if e.flags.contains(.delayed) { multiplier *= r.delayedDischargeMultiplier }
        if e.flags.contains(.rushed) { multiplier *= r.rushedDischargeMultiplier }
        episodes.slots[Int(id)] = e
        endHospitalEpisode(id, readmissionMultiplier: multiplier)
    }

    /// The end of a hospital episode — discharge, or the end of the team care
    /// that finished an early discharge: the readmission draw, the 65+
    /// readmission rate, the outcome of an index episode, and the slot.
    mutating func endHospitalEpisode(_ id: UInt32, readmissionMultiplier multiplier: Double) {
        let e = episodes.slots[Int(id)]
        let readmitted = drawReadmission(id, multiplier: multiplier)
        if measuring && model.isOld[Int(e.age)] {
            discharges65 += 1
            if readmitted { readmitted65 += 1 }
        }
        if !e.flags.contains(.isReadmission) { finishIndex(id, outcome: .outcomeAdmitted) }
        if !readmitted { releaseWhenIdle(id) }
    }

    /// Draws a readmission within the window; schedules it and keeps the slot
    /// for it. Returns whether one was drawn.
    mutating func drawReadmission(_ id: UInt32, multiplier: Double) -> Bool {
        let e = episodes.slots[Int(id)]
        let index = Int(e.group) * model.ageCount + Int(e.age)
        let p = Swift.min(1, model.readmission[index] * scenario.readmission.bandMultiplier[SeverityBand(rawValue: e.band)!] * multiplier)
        var g = SplitMix64(episode: e.key, Purpose.readmission)
        guard g.nextUnitDouble() < p else { return false }
        scheduleReturn(id)
        return true
    }

    /// Schedules the return of episode `id` within the window (truncated
    /// time-to-return distribution) and keeps the slot for it.
    mutating func scheduleReturn(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        let window = scenario.readmission.windowDays * 24
        var gt = SplitMix64(episode: e.key, Purpose.readmissionTime)
        var delay = window
        for _ in 0..<64 {
            let d = scenario.readmission.timeToReadmission.sample(using: &gt)
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
        if e.flags.contains(.returnFromCommunity) && measuring { count[Metric.returnsAfterCommunity.rawValue] += 1 }
        e.readmissionOrdinal &+= 1
        e.key = SplitMix64.mix(e.key ^ Purpose.readmissionIdentity ^ UInt64(e.readmissionOrdinal))
        e.start = now
        e.flags = [.isReadmission, .counterfactualAdmit]
        if measuring { e.flags.insert(.measured) }
        e.band = SeverityBand.mustAdmit.rawValue
        e.route = Route.readmission.rawValue
        e.phase = .free
        episodes.slots[Int(id)] = e
        record(id, .readmission)
        add(.emergencyDepartmentVisits)
        admit(id, route: .readmission)
    }

    // MARK: - Acute team

    enum TeamSource { case doctor, forwardVisitation, earlyDischarge }

    /// Refers an episode to its municipality's team; `false` when refused.
    mutating func referToTeam(_ id: UInt32, source: TeamSource) -> Bool {
        let e = episodes.slots[Int(id)]
        let t = model.municipalityTeam[Int(e.municipality)]
        guard t >= 0 else { return false }
        guard caseload[t] < model.teams[t].maximumCaseload else {
            add(.teamRefusals)
            adjustTrust(team: t, by: .refusal)
            return false
        }
        startTeamEpisode(id, team: t, source: source)
        return true
    }

    mutating func startTeamEpisode(_ id: UInt32, team t: Int, source: TeamSource) {
        var e = episodes.slots[Int(id)]
        let team = model.teams[t]
        caseload[t] += 1
        add(.teamEpisodes)
        usage.teamEpisodes[t] += measuring ? 1 : 0
        e.phase = .teamCare
        e.team = Int16(t)
        e.flags.remove(.teamEnding)
        e.flags.remove(.firstVisitDone)
        var g = SplitMix64(episode: e.key, Purpose.teamEpisode)
        let length: Double
        let escalationProbability: Double
        if source == .earlyDischarge, let early = team.earlyDischarge {
            length = early.hoursEarly
            e.visitsPerDay = UInt8(clamping: early.visitsPerDay)
            escalationProbability = 0
        } else {
            let treatment = model.groups[Int(e.group)].team!
            length = Swift.max(1, treatment.episodeLength.sample(using: &g))
            e.visitsPerDay = UInt8(clamping: treatment.visitsPerDay)
            escalationProbability = treatment.escalationProbability * bandRisk(e)
        }
        e.phaseEnd = now + length
        e.readyTime = now      // referral time, for the response time
        var delay = Swift.max(0, team.responseDelay.sample(using: &g))
        if scenario.coordination.medicalResponsibility == .unclear { delay += scenario.coordination.greyZoneDelayHours }
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

    mutating func visitDue(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        guard e.phase == .teamCare, !e.flags.contains(.teamEnding) else { return }
        let t = Int(e.team)
        // The next visit of the episode.
        if e.visitsPerDay > 0 {
            let next = now + 24 / Double(e.visitsPerDay)
            if next < e.phaseEnd { schedule(EventKind.visitDue, at: next, episode: id, priority: .seize) }
        }
        episodes.slots[Int(id)].nurseRequests += 1
        if nurses[t].request(id, at: now) { startVisit(id, team: t) }
    }

    mutating func startVisit(_ id: UInt32, team t: Int) {
        var e = episodes.slots[Int(id)]
        if e.phase != .teamCare {
            // The episode ended while this visit waited: the nurse is free again at once.
            e.nurseRequests -= 1
            episodes.slots[Int(id)] = e
            nurses[t].release(at: now)
            serveNurseQueue(team: t)
            if e.phase == .draining && e.nurseRequests == 0 { episodes.release(id) }
            return
        }
        if !e.flags.contains(.firstVisitDone) {
            e.flags.insert(.firstVisitDone)
            let response = now - e.readyTime
            if measuring {
                responseTimes.record(response)
                responseHistogram[Swift.min(responseHistogram.count - 1, Int(response * 60))] += 1
            }
        }
        episodes.slots[Int(id)] = e
        var g = teamRandom[t]
        let team = model.teams[t]
        var duration = Swift.max(0, team.visitDuration.sample(using: &g)) + Swift.max(0, team.travelTime.sample(using: &g))
        teamRandom[t] = g
        if scenario.coordination.medicalResponsibility == .unclear { duration += scenario.coordination.greyZoneVisitHours }
        scheduler.schedule(EventKind.visitEnd, at: now + duration, entity: id, tag: UInt32(t), priority: .release)
    }

    mutating func visitEnd(_ event: Event) {
        let t = Int(event.tag)
        if event.aux == 1 {
            // A follow-up visit (no episode attached).
            add(.teamFollowUpVisits)
            usage.teamVisits[t] += measuring ? 1 : 0
        } else {
            let id = event.entity
            var e = episodes.slots[Int(id)]
            e.nurseRequests -= 1
            add(.teamVisits)
            usage.teamVisits[t] += measuring ? 1 : 0
            episodes.slots[Int(id)] = e
            if e.phase == .teamCare && e.flags.contains(.teamEnding) && e.nurseRequests == 0 {
                completeTeamEpisode(id)
            } else if e.phase == .draining && e.nurseRequests == 0 {
                episodes.release(id)
            }
        }
        nurses[t].release(at: now)
        serveNurseQueue(team: t)
    }

    mutating func serveNurseQueue(team t: Int) {
        while let next = nurses[t].admitNext(at: now) {
            if next == UInt32.max { startFollowUpVisit(team: t) } else { startVisit(next, team: t) }
        }
    }

    mutating func teamEnd(_ id: UInt32) {
        if episodes.slots[Int(id)].nurseRequests > 0 {
            episodes.slots[Int(id)].flags.insert(.teamEnding)
            return
        }
        completeTeamEpisode(id)
    }

    mutating func completeTeamEpisode(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        caseload[Int(e.team)] -= 1
        adjustTrust(team: Int(e.team), by: .success)
        record(id, .teamEnd)
        if e.flags.contains(.fromEarlyDischarge) {
            // The remainder of a hospital stay: the hospital episode ends here.
            endHospitalEpisode(id, readmissionMultiplier: scenario.coordination.sharedIT ? scenario.readmission.sharedITMultiplier : 1)
            return
        }
        afterCommunityCare(id, outcome: .outcomeAcuteTeam)
    }

    /// After a completed team or acute-bed episode: a return to hospital within
    /// the window, from the part of the deterioration draw the escalation did not use.
    mutating func afterCommunityCare(_ id: UInt32, outcome: Metric) {
        let e = episodes.slots[Int(id)]
        let group = model.groups[Int(e.group)]
        let escalation = (outcome == .outcomeAcuteTeam ? group.team?.escalationProbability : group.bed?.escalationProbability) ?? 0
        endWithoutStay(id, outcome: outcome, pathway: scenario.readmission.afterCommunityCareMultiplier,
                       escalationTested: escalation * bandRisk(e))
    }

    mutating func teamEscalation(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        guard e.phase == .teamCare else { return }
        caseload[Int(e.team)] -= 1
        add(.teamEscalations)
        adjustTrust(team: Int(e.team), by: .escalation)
        record(id, .escalation)
        episodes.slots[Int(id)].route = Route.escalation.rawValue
        // Escalations go by ambulance to the emergency department and are admitted.
        add(.emergencyDepartmentVisits)
        admit(id, route: .escalation)
    }

    // Follow-up visits after discharge: nurse tasks without an episode.
    mutating func followUpDue(team t: Int) {
        if nurses[t].request(UInt32.max, at: now) { startFollowUpVisit(team: t) }
    }

    mutating func startFollowUpVisit(team t: Int) {
        var g = teamRandom[t]
        let team = model.teams[t]
        let duration = Swift.max(0, team.visitDuration.sample(using: &g)) + Swift.max(0, team.travelTime.sample(using: &g))
        teamRandom[t] = g
        scheduler.schedule(EventKind.visitEnd, at: now + duration, entity: 0, tag: UInt32(t), aux: 1, priority: .release)
    }

    mutating func scheduleNextSegment(team t: Int, after time: Double, current: Int) {
        let plan = model.teamPlans[t]
        let next = (current + 1) % plan.segments.count
        let weekStart = (time / 168).rounded(.down) * 168
        var at = weekStart + plan.segments[next].offset
        if at <= time { at += 168 }
        scheduler.schedule(EventKind.teamSegment, at: at, entity: UInt32(t), payload: UInt32(next), priority: .structural)
    }

    mutating func teamSegmentChange(team t: Int, segment: Int) {
        closeShiftSegment(team: t)
        teamSegment[t] = segment
        nurses[t].setCapacity(model.teamPlans[t].segments[segment].nurses, at: now)
        serveNurseQueue(team: t)
        scheduleNextSegment(team: t, after: now, current: segment)
    }

    /// Attributes busy and on-duty nurse-hours since the last boundary to the shifts on duty.
    mutating func closeShiftSegment(team t: Int) {
        let busy = nurses[t].busy.integral(upTo: now)
        let duty = nurses[t].capacityLevel.integral(upTo: now)
        let mask = model.teamPlans[t].segments[teamSegment[t]].shifts
        if measuring {
            for s in 0..<model.teamPlans[t].shiftNames.count where mask & (1 << UInt32(s)) != 0 {
                shiftBusy[shiftOffset[t] + s] += busy - segmentBusyMark[t]
                shiftDuty[shiftOffset[t] + s] += duty - segmentDutyMark[t]
            }
        }
        segmentBusyMark[t] = busy
        segmentDutyMark[t] = duty
    }

    // MARK: - Acute beds

    /// Refers to the municipality's acute beds; in a pooled unit a free hospital bed is lent when full.
    mutating func referToAcuteBed(_ id: UInt32) -> Bool {
        let e = episodes.slots[Int(id)]
        let u = model.municipalityBedUnit[Int(e.municipality)]
        guard u >= 0, let treatment = model.groups[Int(e.group)].bed else { return false }
        add(.acuteBedReferrals)
        var lentHospital = -1
        if bedUnitUsed[u] >= bedUnitCapacity[u] {
            let h = bedUnitHospital[u]
            if h >= 0 && wardPatients(h) < hospitalBeds[h] {
                lentHospital = h
            } else {
                add(.acuteBedRefusals)
                return false
            }
        }
        var updated = e
        updated.phase = .acuteBed
        updated.admitTime = now
        updated.bedUnit = Int16(u)
        if lentHospital >= 0 {
            updated.flags.insert(.inLentHospitalBed)
            updated.hospital = UInt16(lentHospital)
            changeHospitalPatients(lentHospital, by: 1)
            hospitalLent[lentHospital].add(1, at: now)
            add(.acutePatientsInHospitalBeds)
        } else {
            occupyAcuteBed(u, delta: 1)
        }
        add(.acuteBedEpisodes)
        var g = SplitMix64(episode: e.key, Purpose.acuteBed)
        let stay = Swift.max(0, treatment.lengthOfStay.sample(using: &g))
        let escalates = deteriorationUniform(e) < treatment.escalationProbability * bandRisk(e)
        let at = escalates ? now + g.nextUnitDouble() * stay : now + stay
        updated.phaseEnd = at
        episodes.slots[Int(id)] = updated
        record(id, .acuteBedStart)
        schedule(escalates ? EventKind.acuteBedEscalation : EventKind.acuteBedEnd, at: at, episode: id, priority: .release)
        return true
    }

    mutating func acuteBedEnd(_ id: UInt32, escalates: Bool) {
        var e = episodes.slots[Int(id)]
        if e.flags.contains(.inLentHospitalBed) {
            bedHoursByStays += Swift.max(0, now - Swift.max(e.admitTime, model.warmupEnd))
            changeHospitalPatients(Int(e.hospital), by: -1)
            hospitalLent[Int(e.hospital)].add(-1, at: now)
            e.flags.remove(.inLentHospitalBed)
            e.hospital = .max
        } else {
            occupyAcuteBed(Int(e.bedUnit), delta: -1)
        }
        episodes.slots[Int(id)] = e
        if escalates {
            record(id, .escalation)
            episodes.slots[Int(id)].route = Route.escalation.rawValue
            add(.emergencyDepartmentVisits)
            admit(id, route: .escalation)
        } else {
            record(id, .acuteBedEnd)
            afterCommunityCare(id, outcome: .outcomeAcuteBed)
        }
    }

    // MARK: - Municipal discharge capacity

    mutating func temporaryBedEnd(municipality m: Int) {
        temporaryBeds[m].release(at: now)
        while let id = temporaryBeds[m].admitNext(at: now) {
            let rules = model.discharge[m]
            let at = model.time.nextTime(atOrAfter: now, in: rules.acceptHours, on: rules.acceptDays) ?? now
            schedule(EventKind.leave, at: at, episode: id, priority: .release)
        }
    }

    // MARK: - Outcomes

    /// Records the outcome of an index episode (once), and whether it was avoided.
    mutating func finishIndex(_ id: UInt32, outcome: Metric) {
        var e = episodes.slots[Int(id)]
        guard !e.flags.contains(.isReadmission), !e.flags.contains(.outcomeRecorded) else { return }
        e.flags.insert(.outcomeRecorded)
        episodes.slots[Int(id)] = e
        guard e.flags.contains(.measured) else { return }
        count[outcome.rawValue] += 1
        if e.flags.contains(.counterfactualAdmit) && !e.flags.contains(.admittedInPath) {
            count[Metric.avoidedAdmissions.rawValue] += 1
            if outcome == .outcomeAcuteTeam { count[Metric.avoidedByAcuteTeam.rawValue] += 1 }
            if outcome == .outcomeAcuteBed { count[Metric.avoidedByAcuteBed.rawValue] += 1 }
        }
        record(id, .outcome, detail: UInt16(outcome.rawValue))
    }

    /// Counts an index episode whose counterfactual decision is admission, when
    /// that decision is made — before, and independent of, the actual path.
    mutating func countCounterfactualAdmission(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        if e.flags.contains(.measured) && !e.flags.contains(.isReadmission) {
            count[Metric.counterfactualAdmissions.rawValue] += 1
        }
    }

    /// Frees the slot now, or once its queued nurse visits have cleared.
    mutating func releaseWhenIdle(_ id: UInt32) {
        if episodes.slots[Int(id)].nurseRequests > 0 {
            episodes.slots[Int(id)].phase = .draining
            episodes.generations.invalidate(id)
        } else {
            episodes.release(id)
        }
    }

    // MARK: - Calendar events

    mutating func census() {
        if measuring {
            for h in 0..<model.hospitalCount {
                let excess = overflowPatients(h)
                if excess > 0 {
                    count[Metric.overcrowdingPatients2300.rawValue] += Double(excess)
                    count[Metric.overcrowdedHospitalDays.rawValue] += 1
                }
            }
        }
        if now + 24 < model.end { scheduler.schedule(EventKind.census, at: now + 24, priority: .observe) }
    }

    mutating func dailyTick() {
        // Home-care starts: today's quota (unused starts do not accumulate beyond a day).
        for m in 0..<model.municipalityCount {
            homeCareTokens[m] = Swift.min(homeCareTokens[m] + model.homeCareStartsPerDay[m], Swift.max(1, model.homeCareStartsPerDay[m]))
            while homeCareTokens[m] >= 1, let id = homeCareQueue[m].popFirst() {
                homeCareTokens[m] -= 1
                let rules = model.discharge[m]
                let at = model.time.nextTime(atOrAfter: now, in: rules.acceptHours, on: rules.acceptDays) ?? now
                scheduleLeaveAfterHomeCare(id, at: at)
            }
        }
        if measuring, series != nil { sampleDay() }
        if now + 24 < model.end { scheduler.schedule(EventKind.dailyTick, at: now + 24, priority: .structural) }
    }

    mutating func scheduleLeaveAfterHomeCare(_ id: UInt32, at time: Double) {
        // Capacity is taken; mark so that `leave` does not ask again.
        episodes.slots[Int(id)].flags.insert(.homeCareGranted)
        schedule(EventKind.leave, at: time, episode: id, priority: .release)
    }

    /// Start hours of the day (07–15), evening (15–23) and night (23–07) periods.
    static var periodStarts: (Double, Double, Double) { (7, 15, 23) }

    /// A period of the day ends and period `next` (0 day, 1 evening, 2 night)
    /// starts: books every team's busy and on-duty nurse-hours since the last
    /// boundary to the period that ended.
    mutating func shiftPeriodEnds(next: Int) {
        let ended = (next + 2) % 3
        var busy = 0.0, duty = 0.0
        for t in 0..<model.teamCount {
            busy += nurses[t].busy.integral(upTo: now)
            duty += nurses[t].capacityLevel.integral(upTo: now)
        }
        if measuring {
            periodBusy[ended] += busy - periodBusyMark
            periodDuty[ended] += duty - periodDutyMark
        }
        periodBusyMark = busy
        periodDutyMark = duty
        let following = (next + 1) % 3
        let starts = Self.periodStarts
        let start = following == 0 ? starts.0 : (following == 1 ? starts.1 : starts.2)
        var at = (now / 24).rounded(.down) * 24 + start
        if at <= now { at += 24 }
        if at < model.end {
            scheduler.schedule(EventKind.shiftPeriod, at: at, payload: UInt32(following), priority: .structural)
        }
    }

    mutating func bedChange(hospital h: Int, index: Int) {
        let change = model.bedSchedules[h][index]
        hospitalBeds[h] = change.beds
        hospitalCapacity[h].set(Double(change.beds), at: now)
        hospitalOverflow[h].set(Double(overflowPatients(h)), at: now)
        totalBeds.set(Double(hospitalBeds.reduce(0, +)), at: now)
        if index + 1 < model.bedSchedules[h].count {
            scheduler.schedule(EventKind.bedChange, at: Swift.max(now, model.bedSchedules[h][index + 1].time),
                               entity: UInt32(h), payload: UInt32(index + 1), priority: .structural)
        }
    }

    mutating func beginMeasurement() {
        measuring = true
        for h in 0..<model.hospitalCount {
            hospitalOccupancy[h].reset(at: now)
            hospitalOverflow[h].reset(at: now)
        }
        totalOccupancy.reset(at: now)
        totalBeds.reset(at: now)
        periodBusyMark = 0
        periodDutyMark = 0
        for t in 0..<model.teamCount {
            closeShiftSegment(team: t)
            nurses[t].resetStatistics(at: now)
            segmentBusyMark[t] = 0
            segmentDutyMark[t] = 0
        }
        for u in 0..<model.bedUnitCount {
            bedUnitLevel[u].reset(at: now)
            bedUnitLent[u].reset(at: now)
        }
        for h in 0..<model.hospitalCount {
            hospitalLent[h].reset(at: now)
            hospitalCapacity[h].reset(at: now)
        }
        for m in 0..<model.municipalityCount { temporaryBeds[m].resetStatistics(at: now) }
        dayOccupancyMark = 0
    }

    // MARK: - Initial state

    /// Fills each hospital with the number of patients its demand implies
    /// (arrival rate of likely admissions × mean stay), each with a residual stay.
    mutating func prefillHospitals() {
        var expected = [Double](repeating: 0, count: model.hospitalCount)
        for stream in model.streams {
            let index = Int(stream.group) * model.ageCount + Int(stream.age)
            let (_, borderCut) = model.severityCumulative[index]
            let admitShare = 1 - borderCut + (borderCut - model.severityCumulative[index].0) * 0.8
            let meanStay = model.lengthOfStay[index].mean
            let m = Int(stream.municipality)
            var previous = 0.0
            for k in model.catchmentStart[m]..<model.catchmentStart[m + 1] {
                let share = model.catchmentCumulative[k] - previous
                previous = model.catchmentCumulative[k]
                expected[Int(model.catchmentHospital[k])] += stream.ratePerHour * admitShare * meanStay * share
            }
        }
        var g = Xoshiro256StarStar(StreamKey(masterSeed: masterSeed, replication: replication, purpose: Purpose.initialState))
        for h in 0..<model.hospitalCount {
            // Bounded: at most twice the most beds the hospital ever has (a
            // scenario whose demand implies more is far beyond any steady state).
            let cap = 2 * model.bedSchedules[h].reduce(hospitalBeds[h]) { Swift.max($0, $1.beds) }
            let n = expected[h].isFinite ? Int(Swift.min(expected[h], Double(cap)).rounded()) : cap
            for _ in 0..<n {
                let id = episodes.allocate()
                var e = Episode()
                e.key = g.next()
                e.hospital = UInt16(h)
                e.phase = .inHospital
                e.flags = [.isReadmission, .synthetic]   // not an episode: leaves at readiness
                e.band = SeverityBand.mustAdmit.rawValue
                // A patient of a typical group: pick a stream of this hospital's catchment at random.
                let meanStay = 5.0 * 24
                e.readyTime = -log(g.nextPositiveUnitDouble()) * meanStay
                e.admitTime = 0
                episodes.slots[Int(id)] = e
                changeHospitalPatients(h, by: 1)
                schedule(EventKind.ready, at: e.readyTime, episode: id, priority: .release)
            }
        }
    }

    // MARK: - Results

    mutating func sampleDay() {
        let integral = totalOccupancy.durations(upTo: now).enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
        let day = Int(((now - model.warmupEnd) / 24).rounded()) - 1
        let occupancy = (integral - dayOccupancyMark) / 24
        let teams = Double(caseload.reduce(0, +))
        let overflow = hospitalOverflow.reduce(0.0) { $0 + $1.level }
        series?.append(day: day, meanOccupancy: occupancy, teamCaseload: teams, overflow: overflow)
        dayOccupancyMark = integral
    }

    mutating func result() -> ReplicationResult {
        let end = model.end
        // Episodes still under way.
        for slot in episodes.slots.indices where episodes.slots[slot].phase != .free {
            let e = episodes.slots[slot]
            let inHospitalBed = ((e.phase == .inHospital || e.phase == .awaitingDischarge) && e.place != .pooledAcuteBed)
                || (e.phase == .acuteBed && e.flags.contains(.inLentHospitalBed))
            if inHospitalBed { bedHoursByStays += end - Swift.max(e.admitTime, model.warmupEnd) }
            if e.flags.contains(.measured) && !e.flags.contains(.isReadmission) && !e.flags.contains(.outcomeRecorded) {
                count[Metric.outcomeInProgress.rawValue] += 1
            }
        }
        for t in 0..<model.teamCount { closeShiftSegment(team: t) }
        var v = count
        func set(_ m: Metric, _ x: Double) { v[m.rawValue] = x }
        let bedHours = hospitalOccupancy.reduce(0.0) { $0 + $1.integral(upTo: end) }
        set(.bedDays, bedHours / 24)
        set(.meanOccupancy, totalOccupancy.mean(upTo: end))
        set(.p95Occupancy, Double(totalOccupancy.quantile(0.95, upTo: end)))
        set(.maxOccupancy, Double(totalOccupancy.maximum(upTo: end)))
        let meanBeds = totalBeds.mean(upTo: end)
        set(.occupancyRate, meanBeds > 0 ? totalOccupancy.mean(upTo: end) / meanBeds : 0)
        set(.overflowBedHours, hospitalOverflow.reduce(0.0) { $0 + $1.integral(upTo: end) })
        let stays = [Metric.meanStay0to64, .meanStay65to79, .meanStay80plus]
        for (i, metric) in stays.enumerated() where i < staysByAge.count { set(metric, staysByAge[i].mean) }
        set(.readmissionRate65plus, discharges65 > 0 ? readmitted65 / discharges65 : 0)
        let years = scenario.simulation.horizonDays / 365
        let population65 = model.population65.reduce(0, +)
        set(.preventableAdmissions65PerThousand, population65 > 0 ? Double(usage.preventableAdmissions65) / (population65 / 1000) / years : 0)
        set(.temporaryBedDays, temporaryBeds.reduce(0.0) { $0 + $1.busy.integral(upTo: end) } / 24)
        set(.acuteBedDays, bedUnitLevel.reduce(0.0) { $0 + $1.integral(upTo: end) } / 24)
        let duty = nurses.reduce(0.0) { $0 + $1.capacityLevel.integral(upTo: end) }
        let busy = nurses.reduce(0.0) { $0 + $1.busy.integral(upTo: end) }
        // The period under way at the end: attribute what has accrued since its start.
        if model.teamCount > 0 {
            let hour = model.time.hourOfDay(end)
            let current = hour >= 7 && hour < 15 ? 0 : (hour >= 15 && hour < 23 ? 1 : 2)
            periodBusy[current] += busy - periodBusyMark
            periodDuty[current] += duty - periodDutyMark
        }
        for (k, metric) in [Metric.teamUtilisationDay, .teamUtilisationEvening, .teamUtilisationNight].enumerated() {
            set(metric, periodDuty[k] > 0 ? periodBusy[k] / periodDuty[k] : 0)
        }
        set(.teamNurseHoursOnDuty, duty)
        set(.teamNurseHoursBusy, busy)
        set(.teamUtilisation, duty > 0 ? busy / duty : 0)
        set(.teamResponseMeanHours, responseTimes.count > 0 ? responseTimes.mean : 0)
        set(.teamResponseP90Hours, Self.percentile(responseHistogram, 0.9) / 60)
        for t in 0..<model.teamCount {
            usage.nurseHoursOnDuty[t] = nurses[t].capacityLevel.integral(upTo: end)
            for (s, _) in model.teamPlans[t].shiftNames.enumerated() {
                usage.shiftNurseHours[shiftOffset[t] + s] = shiftDuty[shiftOffset[t] + s]
                usage.shiftBusyHours[shiftOffset[t] + s] = shiftBusy[shiftOffset[t] + s]
            }
        }
        usage.emergencyDepartmentVisits = Int(count[Metric.emergencyDepartmentVisits.rawValue])
        usage.ambulanceTrips = Int(count[Metric.ambulanceTrips.rawValue])
        for h in 0..<model.hospitalCount {
            usage.bedDays[h] = hospitalOccupancy[h].integral(upTo: end) / 24
            usage.overflowBedHours[h] = hospitalOverflow[h].integral(upTo: end)
        }
        for u in 0..<model.bedUnitCount {
            usage.acuteBedDays[u] = bedUnitLevel[u].integral(upTo: end) / 24
            usage.hospitalPatientDaysInAcuteBeds[u] = bedUnitLent[u].integral(upTo: end) / 24
        }
        for h in 0..<model.hospitalCount {
            usage.acutePatientDaysInHospitalBeds[h] = hospitalLent[h].integral(upTo: end) / 24
            usage.availableBedDays[h] = hospitalCapacity[h].integral(upTo: end) / 24
        }
        for m in 0..<model.municipalityCount { usage.temporaryBedDays[m] = temporaryBeds[m].busy.integral(upTo: end) / 24 }
        let beyond = nurses.reduce(0) { $0 + $1.grantsBeyondCapacity } + temporaryBeds.reduce(0) { $0 + $1.grantsBeyondCapacity }
        let invariants = InvariantCheck(bedHoursByStays: bedHoursByStays, bedHoursByOccupancy: bedHours,
                                        capacityViolations: capacityViolations + beyond)
        return ReplicationResult(replication: replication, values: Array(v), usage: usage, timeSeries: series, trace: trace,
                                 occupancyDistribution: totalOccupancy.durations(upTo: end), invariants: invariants,
                                 events: scheduler.eventsProcessed, episodesSimulated: episodesSimulated,
                                 peakLiveEpisodes: episodes.peak)
    }

    /// The smallest value (in histogram units) at or below which a fraction `p` of observations lie.
    static func percentile(_ histogram: ContiguousArray<Int>, _ p: Double) -> Double {
        let total = histogram.reduce(0, +)
        guard total > 0 else { return 0 }
        var cumulative = 0
        for (k, n) in histogram.enumerated() {
            cumulative += n
            if Double(cumulative) >= p * Double(total) { return Double(k) }
        }
        return Double(histogram.count - 1)
    }

    // MARK: - Trace

    @inline(__always)
    mutating func record(_ id: UInt32, _ step: TraceStep, detail: UInt16 = 0) {
        guard trace != nil else { return }
        let e = episodes.slots[Int(id)]
        trace!.append(TraceRecord(time: now, episode: e.key, step: step, municipality: e.municipality, hospital: e.hospital,
                                  group: e.group, age: e.age, band: e.band, route: e.route, detail: detail))
    }
}
