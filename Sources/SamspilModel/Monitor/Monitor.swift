import SamspilEngine

/// Who a count is about: the entities that pay for, provide or receive it.
///
/// Every count carries one, so that results are broken down by
/// municipality, hospital, team or payer without touching a handler again:
/// the usage ledger keeps what the economics prices, ``EntityTally`` the
/// rest (``EntityCounts``). `-1` means "none".
struct Entities {
    var municipality: Int32 = -1
    /// The bed pool (hospital ward): below `hospitalCount` it is the hospital
    /// itself (its medical ward); map with `CompiledScenario.poolHospital`.
    var hospital: Int32 = -1
    var team: Int32 = -1
    var group: Int32 = -1
    var age: Int32 = -1

    /// No entity: a system-wide count.
    static var system: Entities { Entities() }

    /// The entities of an episode (its hospital once one is chosen, its team while in team care).
    @inline(__always)
    init(_ e: Episode) {
        municipality = Int32(e.municipality)
        hospital = e.hospital == .max ? -1 : Int32(e.hospital)
        team = Int32(e.team)
        group = Int32(e.group)
        age = Int32(e.age)
    }

    @inline(__always)
    init(municipality: Int32 = -1, hospital: Int32 = -1, team: Int32 = -1, group: Int32 = -1, age: Int32 = -1) {
        self.municipality = municipality
        self.hospital = hospital
        self.team = team
        self.group = group
        self.age = age
    }
}

/// The one place that measures a replication: every count, the usage ledger,
/// the tallies and time-weighted levels, the measurement-window rule, the
/// invariants, the optional time series and trace, and the assembly of the
/// `ReplicationResult`. The pathway handlers only say what happened.
///
/// **The measurement-window rule.** A count belongs to the window when the
/// moment it is attributed to lies at or after the end of the warm-up (the
/// `warmupEnd` event, which runs after every other event at that instant).
/// A count is attributed to the moment it happens, except the counts that
/// describe an index episode as a whole — its first contact, its
/// counterfactual decision, its outcome — which are attributed to the
/// moment the episode started (kept on the episode as `.measured`), so that
/// an episode is counted whole or not at all. Time-weighted levels restart
/// their integrals at the end of the warm-up.
struct Monitor {
    /// Whether the clock has passed the end of the warm-up.
    private(set) var measuring = false
    /// Values in the order of `Metric.allCases`, stored inline: a count is
    /// then a plain add, without the uniqueness check an array write pays.
    var count = InlineArray<96, Double>(repeating: 0)
    var usage: UsageLedger
    /// The ledger's counts while running (copied into `usage` by `result`).
    var usageCounts: UsageCounts
    /// Counts per municipality, hospital and team (``EntityCounts``), fed by `add`; freed by `deallocate()`.
    var byEntity: EntityTally

    // Hospitals: every array is per bed pool (hospital ward).
    /// Patients and overflow of each bed pool (freed by `deallocate()`).
    var poolLevels: PoolLevels
    /// Patients in medical beds, all hospitals: the occupancy distribution.
    var totalOccupancy = LevelHistogram()
    var totalBeds: TimeWeightedLevel
    /// Acute-bed patients lying in each hospital's beds, over time.
    var hospitalLent: StateArray<TimeWeightedLevel>
    /// Available beds of each hospital over time (capacity cost).
    var hospitalCapacity: StateArray<TimeWeightedLevel>
    var staysByAge: StateArray<Tally>
    var discharges65 = 0.0
    var readmitted65 = 0.0
    /// Discharges 65+ after stays of at most 24 hours, and those readmitted (a held-out validation measure).
    var shortStayDischarges65 = 0.0
    var shortStayReadmitted65 = 0.0
    /// Σ of stays' bed-hours in the window: checked against ∫ occupancy.
    var bedHoursByStays = 0.0
    var capacityViolations = 0

    // Acute beds
    var bedUnitLevel: StateArray<TimeWeightedLevel>
    /// Hospital patients lying in each unit's beds, over time (lent beds).
    var bedUnitLent: StateArray<TimeWeightedLevel>

    // Acute teams
    var responseTimes = Tally()
    /// Response times in minutes, up to a week.
    var responseHistogram = StateArray<Int>(repeating: 0, count: 24 * 60 * 7 + 1)
    var nurseHours: NurseHours

    /// The hospital of each bed pool (for the trace, which names hospitals).
    let poolHospital: ContiguousArray<UInt16>

    // Output
    var series: DailySeries?
    var trace: [TraceRecord]?
    var dayOccupancyMark = 0.0

    init(_ model: CompiledScenario, options: ReplicationOptions) {
        precondition(Metric.allCases.count <= count.count, "Monitor.count holds at most \(count.count) metrics")
        usage = UsageLedger(model)
        usageCounts = UsageCounts(usage)
        byEntity = EntityTally(model)
        let h = model.poolCount
        poolHospital = ContiguousArray(model.poolHospital.map { UInt16($0) })
        poolLevels = PoolLevels(count: h)
        totalBeds = TimeWeightedLevel(level: Double(model.hospitalBeds.reduce(0, +)), at: 0)
        hospitalLent = StateArray(repeating: TimeWeightedLevel(), count: h)
        hospitalCapacity = StateArray(model.hospitalBeds.map { TimeWeightedLevel(level: Double($0), at: 0) })
        staysByAge = StateArray(repeating: Tally(), count: model.ageCount)
        bedUnitLevel = StateArray(repeating: TimeWeightedLevel(), count: model.bedUnitCount)
        bedUnitLent = StateArray(repeating: TimeWeightedLevel(), count: model.bedUnitCount)
        nurseHours = NurseHours(model)
        if options.recordTimeSeries { series = DailySeries() }
        if options.recordTrace { trace = [] }
    }

    /// Frees the monitor's buffers (at the end of the replication).
    func deallocate() {
        byEntity.deallocate()
        poolLevels.deallocate()
        hospitalLent.deallocate()
        hospitalCapacity.deallocate()
        staysByAge.deallocate()
        bedUnitLevel.deallocate()
        bedUnitLent.deallocate()
        responseHistogram.deallocate()
        nurseHours.deallocate()
        usageCounts.deallocate()
    }

    // MARK: - Counting

    /// Counts `metric` for `who` if now is in the window (the window rule).
    /// - Complexity: O(1).
    @inline(__always)
    mutating func count(_ metric: Metric, _ amount: Double = 1, for who: Entities = .system) {
        add(metric, amount, for: who, inWindow: measuring)
    }

    /// Counts `metric` of episode `e` if the episode started in the window
    /// (the window rule for counts that describe an episode as a whole).
    /// - Complexity: O(1).
    @inline(__always)
    mutating func countEpisode(_ metric: Metric, _ e: Episode) {
        add(metric, 1, for: Entities(e), inWindow: e.flags.contains(.measured))
    }

    /// The single writer of counts: the total, and the usage ledger's
    /// breakdown where it keeps one (`metric` is a literal at every call, so
    /// the switch folds away).
    @inline(__always)
    private mutating func add(_ metric: Metric, _ amount: Double, for who: Entities, inWindow: Bool) {
        guard inWindow else { return }
        count[metric.rawValue] += amount
        byEntity.add(metric, amount, for: who)
        switch metric {
        case .gpConsultations:
            usageCounts.gpConsultations[Int(who.municipality) &* usageCounts.ageCount &+ Int(who.age)] += 1
        case .outOfHoursConsultations:
            usageCounts.outOfHoursContacts[Int(who.municipality) &* usageCounts.ageCount &+ Int(who.age)] += 1
        case .gpHomeVisits:
            usageCounts.gpHomeVisits[Int(who.municipality) &* usageCounts.ageCount &+ Int(who.age)] += 1
        case .teamEpisodes:
            usageCounts.teamEpisodes[Int(who.team)] += 1
        case .teamVisits, .teamFollowUpVisits:
            usageCounts.teamVisits[Int(who.team)] += 1
        case .admissions:
            usageCounts.recordAdmission(municipality: Int(who.municipality), group: Int(who.group), age: Int(who.age),
                                        pool: Int(who.hospital))
        default:
            break
        }
    }

    /// An admission of a citizen 65+ in a preventable group.
    @inline(__always)
    mutating func countPreventableAdmission65() {
        if measuring { usage.preventableAdmissions65 += 1 }
    }

    /// A completed hospital stay: its length, and any delayed-discharge days.
    mutating func countDischarge(_ e: Episode, lengthOfStayHours: Double, delayedDays: Int) {
        guard measuring else { return }
        count[Metric.hospitalDischarges.rawValue] += 1
        staysByAge[Int(e.age)].record(lengthOfStayHours / 24)
        byEntity.discharge(hospital: Int(e.hospital), days: lengthOfStayHours / 24)
        if delayedDays > 0 {
            count[Metric.delayedDischargePatients.rawValue] += 1
            count[Metric.delayedDischargeDays.rawValue] += Double(delayedDays)
            usageCounts.recordDelayedDischarge(municipality: Int(e.municipality), days: delayedDays)
        }
    }

    /// The end of a hospital episode of a citizen 65+, readmitted or not.
    @inline(__always)
    mutating func countDischarge65(readmitted: Bool, shortStay: Bool) {
        guard measuring else { return }
        discharges65 += 1
        if readmitted { readmitted65 += 1 }
        if shortStay {
            shortStayDischarges65 += 1
            if readmitted { shortStayReadmitted65 += 1 }
        }
    }

    /// The first visit of a team episode starts, `hours` after the referral.
    @inline(__always)
    mutating func countResponse(hours: Double, team t: Int) {
        guard measuring else { return }
        responseTimes.record(hours)
        byEntity.response(team: t, hours: hours)
        responseHistogram[Swift.min(responseHistogram.count - 1, Int(hours * 60))] += 1
    }

    /// Bed-hours of a stay in a hospital bed that ends now (for the invariant,
    /// and the bed-days used by the citizen's municipality).
    @inline(__always)
    mutating func addStayBedHours(admitted: Double, now: Double, warmupEnd: Double, municipality m: Int) {
        let hours = Swift.max(0, now - Swift.max(admitted, warmupEnd))
        bedHoursByStays += hours
        byEntity.bedHours(municipality: m, hours)
    }

    /// Books team `t`'s nurse-hours since its last shift boundary to the shifts in `mask`.
    mutating func closeShiftSegment(team t: Int, busy: Double, duty: Double, shifts mask: UInt32, shiftCount: Int) {
        nurseHours.closeSegment(team: t, busy: busy, duty: duty, shifts: mask, shiftCount: shiftCount, booked: measuring)
    }

    /// Books all teams' nurse-hours since the last period boundary to period `ended`.
    mutating func closePeriod(_ ended: Int, busy: Double, duty: Double) {
        nurseHours.closePeriod(ended, busy: busy, duty: duty, booked: measuring)
    }

    // MARK: - Levels

    /// Hospital `h` now has `patients`, `overflow` of them without an available bed.
    @inline(__always)
    mutating func hospitalLevels(_ h: Int, patients: Int, overflow: Int, totalDelta: Int, at now: Double) {
        poolLevels.occupancy(h).pointee.set(Double(patients), at: now)
        poolLevels.overflow(h).pointee.set(Double(overflow), at: now)
        totalOccupancy.set(totalOccupancy.level + totalDelta, at: now)
        byEntity.hospitalLevel(Int(poolHospital[h]), by: totalDelta, at: now)
    }

    /// Hospital `h` now has `beds` available beds (all hospitals: `totalBeds`).
    mutating func bedLevels(_ h: Int, beds: Int, overflow: Int, totalBeds: Int, at now: Double) {
        hospitalCapacity[h].set(Double(beds), at: now)
        poolLevels.overflow(h).pointee.set(Double(overflow), at: now)
        self.totalBeds.set(Double(totalBeds), at: now)
    }

    /// Acute-bed unit `u` now has `used` beds taken out of `capacity`.
    @inline(__always)
    mutating func acuteBedLevel(_ u: Int, used: Int, capacity: Int, at now: Double) {
        if used > capacity { capacityViolations += 1 }
        bedUnitLevel[u].set(Double(used), at: now)
    }

    // MARK: - The window

    /// The warm-up ends now: counting starts and every level restarts its integral.
    mutating func beginWindow(at now: Double) {
        measuring = true
        for h in 0..<poolLevels.count {
            poolLevels.occupancy(h).pointee.reset(at: now)
            poolLevels.overflow(h).pointee.reset(at: now)
        }
        byEntity.beginWindow(at: now)
        totalOccupancy.reset(at: now)
        totalBeds.reset(at: now)
        nurseHours.resetPeriods()
        for u in bedUnitLevel.indices {
            bedUnitLevel[u].reset(at: now)
            bedUnitLent[u].reset(at: now)
        }
        for h in hospitalLent.indices {
            hospitalLent[h].reset(at: now)
            hospitalCapacity[h].reset(at: now)
        }
        dayOccupancyMark = 0
    }

    /// Counting from time 0 (no warm-up).
    mutating func measureFromStart() { measuring = true }

    // MARK: - Time series and trace

    /// Samples the day that ends now (only when a time series is recorded).
    mutating func sampleDay(at now: Double, warmupEnd: Double, teamCaseload: Double) {
        guard measuring, series != nil else { return }
        let integral = totalOccupancy.durations(upTo: now).enumerated().reduce(0.0) { $0 + Double($1.offset) * $1.element }
        let day = Int(((now - warmupEnd) / 24).rounded()) - 1
        let occupancy = (integral - dayOccupancyMark) / 24
        var overflow = 0.0
        for h in 0..<poolLevels.count { overflow += poolLevels.overflow(h).pointee.level }
        series?.append(day: day, meanOccupancy: occupancy, teamCaseload: teamCaseload, overflow: overflow)
        dayOccupancyMark = integral
    }

    var isTracing: Bool { trace != nil }

    /// Records a step of episode `e` in the trace (only when one is recorded).
    @inline(__always)
    mutating func recordStep(_ e: Episode, _ step: TraceStep, at now: Double, detail: UInt16 = 0) {
        guard trace != nil else { return }
        trace!.append(TraceRecord(time: now, episode: e.key, step: step, municipality: e.municipality,
                                  hospital: e.hospital == .max ? .max : poolHospital[Int(e.hospital)],
                                  group: e.group, age: e.age, band: e.band, route: e.route, detail: detail))
    }
}
