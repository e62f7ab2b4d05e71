import SamspilEngine

/// The state and event loop of one replication: one value type holding the
/// whole world, so that a handler touches plain arrays and nothing is shared.
///
/// Each concern of the pathway owns its state in a sub-state struct declared
/// beside its handlers in `Pathway/` (arrival streams, first contact,
/// hospitals, discharge capacity, acute teams, acute beds); everything that is
/// measured lives in the `Monitor`. The handlers are extensions of this type,
/// one file per step of the pathway.
struct PatientFlowSimulation<Calendar: EventCalendar> {
    /// The loop's only input.
    let model: CompiledScenario
    let replication: Int

    var scheduler = Scheduler<Calendar>()
    var episodes = EpisodeStore()
    var monitor: Monitor
    var episodesSimulated = 0

    var arrivals = ArrivalStreams()
    var contact: FirstContactState
    var hospitals: HospitalState
    var discharge: DischargeState
    var teams: AcuteTeamState
    var acuteBeds: AcuteBedState
    /// The batch of upcoming events last touched, and what the touches read.
    var touchedBatch = 0
    var touchSink: UInt64 = 0

    init(_ model: CompiledScenario, replication: Int, options: ReplicationOptions) {
        self.model = model
        self.replication = replication
        monitor = Monitor(model, options: options)
        contact = FirstContactState(model)
        hospitals = HospitalState(model)
        discharge = DischargeState(model, replication: replication)
        teams = AcuteTeamState(model, replication: replication)
        acuteBeds = AcuteBedState(model)
    }

    /// Frees every manually managed buffer of the replication's state; called
    /// once, by `PatientFlowModel.run`, after the result is assembled.
    func deallocate() {
        episodes.deallocate()
        arrivals.streams.deallocate()
        contact.deallocate()
        hospitals.deallocate()
        discharge.deallocate()
        teams.deallocate()
        acuteBeds.deallocate()
        monitor.deallocate()
    }

    // MARK: - Run

    mutating func run() {
        start()
        loop: while let event = scheduler.next() {
            if scheduler.upcomingBatch != touchedBatch { touchUpcoming() }
            switch event.kind {
            case EventKind.gpOpens: if isCurrent(event) { gpOpens(event.episode) }
            case EventKind.ready: if isCurrent(event) { ready(event.episode) }
            case EventKind.leave: if isCurrent(event) { leave(event.episode) }
            case EventKind.earlyDischarge: if isCurrent(event) { earlyDischarge(event.episode) }
            case EventKind.visitDue: if isCurrent(event) { visitDue(event.episode) }
            case EventKind.teamEnd: if isCurrent(event) { teamEnd(event.episode) }
            case EventKind.teamEscalation: if isCurrent(event) { teamEscalation(event.episode) }
            case EventKind.waitingDeterioration: if isCurrent(event) { waitingDeterioration(event.episode) }
            case EventKind.acuteBedEnd: if isCurrent(event) { acuteBedEnd(event.episode, escalates: false) }
            case EventKind.acuteBedEscalation: if isCurrent(event) { acuteBedEnd(event.episode, escalates: true) }
            case EventKind.readmission: if isCurrent(event) { readmit(event.episode) }
            case EventKind.arrival: arrive(stream: event.stream)
            case EventKind.visitEnd: visitEnd(event)
            case EventKind.followUpDue: followUpDue(team: event.team)
            case EventKind.teamSegment: teamSegmentChange(team: event.team, segment: event.segment)
            case EventKind.bedChange: bedChange(hospital: event.hospital, index: event.scheduleIndex)
            case EventKind.temporaryBedEnd: temporaryBedEnd(municipality: event.municipality)
            case EventKind.pressureRound: pressureRound()
            case EventKind.census: census()
            case EventKind.dailyTick: dailyTick()
            case EventKind.shiftPeriod: shiftPeriodEnds(next: event.period)
            case EventKind.warmupEnd: beginMeasurement()
            case EventKind.stop: break loop
            default: preconditionFailure("unknown event kind \(event.kind)")
            }
        }
    }

    /// A new batch of events is next (the calendar loaded a bucket): reads
    /// the first word of each one's episode slot or arrival stream now, all at
    /// once, so that their cache misses overlap instead of stalling one event
    /// each — an episode's slot is rarely still cached when its `ready` comes
    /// days after admission. Reads only: results cannot change.
    @inline(never)
    mutating func touchUpcoming() {
        touchedBatch = scheduler.upcomingBatch
        let slots = episodes.slots, streams = arrivals.streams
        guard slots.count > 0 && streams.count > 0 else { return }
        touchSink = scheduler.withUpcomingEvents { events in
            var sink: UInt64 = 0
            for event in events {
                // Without branches (the kinds come in no predictable order):
                // an event that is not an episode's reads slot 0, one that is
                // not an arrival reads stream 0, both already cached.
                let entity = Int(event.entity), kind = Int(event.kind)
                let notEpisode = (Int(EventKind.lastEpisodeKind) &- kind) &>> 63      // −1 above the episode kinds
                let arrival = ((kind ^ Int(EventKind.arrival)) &- 1) &>> 63         // −1 for an arrival
                sink &+= slots[entity & ~notEpisode].key &+ streams[entity & arrival].count
            }
            return sink
        }
    }

    @inline(__always) func isCurrent(_ event: Event) -> Bool { episodes.isCurrent(event) }
    @inline(__always) var now: Double { scheduler.now }

    /// Schedules an episode event, stamped with the episode's generation.
    @inline(__always)
    mutating func schedule(_ kind: UInt16, at time: Double, episode id: UInt32, priority: EventPriority = .normal) {
        scheduler.schedule(kind, at: time, entity: id, tag: episodes.generations[Int(id)], priority: priority)
    }

    /// Counts `metric` now (see `Monitor` for the window rule).
    @inline(__always) mutating func count(_ metric: Metric, _ amount: Double = 1, for who: Entities = .system) {
        monitor.count(metric, amount, for: who)
    }

    /// Records a step of episode `id` in the trace, if one is recorded.
    @inline(__always)
    mutating func record(_ id: UInt32, _ step: TraceStep, detail: UInt16 = 0) {
        guard monitor.isTracing else { return }
        monitor.recordStep(episodes.slots[Int(id)], step, at: now, detail: detail)
    }

    /// Schedules the first event of every process. The order matters: it
    /// fixes the sequence numbers that break ties at equal times.
    mutating func start() {
        startArrivals()
        for (t, plan) in model.teamPlans.enumerated() where plan.segments.count > 1 {
            scheduleNextSegment(team: t, after: 0, current: 0)
        }
        for (h, changes) in model.bedSchedules.enumerated() {
            if let first = changes.first {
                scheduler.schedule(EventKind.bedChange, at: Swift.max(0, first.time), entity: UInt32(h), payload: 0, priority: .structural)
            }
        }
        scheduler.schedule(EventKind.census, at: 23, priority: .observe)
        scheduler.schedule(EventKind.dailyTick, at: 24, priority: .structural)
        if model.bedPressure.enabled && model.hospitalCount > 0 && model.bedPressure.roundHour < model.end {
            scheduler.schedule(EventKind.pressureRound, at: model.bedPressure.roundHour, priority: .structural)
        }
        if model.teamCount > 0 {
            // Nurse utilisation by period of the day: boundaries at 07, 15 and 23.
            scheduler.schedule(EventKind.shiftPeriod, at: 7, payload: 0, priority: .structural)
        }
        if model.warmupEnd > 0 {
            scheduler.schedule(EventKind.warmupEnd, at: model.warmupEnd, priority: .observe)
        } else {
            monitor.measureFromStart()
        }
        scheduler.schedule(EventKind.stop, at: model.end, priority: .observe)
        if model.prefillsHospitals { prefillHospitals() }
    }

    // MARK: - Clock events

    /// The end of the warm-up: the monitor starts counting and every
    /// time-weighted level and nurse integral restarts.
    mutating func beginMeasurement() {
        monitor.beginWindow(at: now)
        for t in 0..<model.teamCount {
            closeShiftSegment(team: t)
            teams.nurses[t].resetStatistics(at: now)
            monitor.nurseHours.restartSegment(team: t)
        }
        for m in 0..<model.municipalityCount { discharge.temporaryBeds[m].resetStatistics(at: now) }
    }

    /// The daily 23:00 census: patients above the available beds.
    mutating func census() {
        for h in 0..<model.poolCount {
            let excess = hospitals.overflowPatients(h)
            if excess > 0 {
                count(.overcrowdingPatients2300, Double(excess), for: Entities(hospital: Int32(h)))
                count(.overcrowdedHospitalDays, for: Entities(hospital: Int32(h)))
            }
        }
        if now + 24 < model.end { scheduler.schedule(EventKind.census, at: now + 24, priority: .observe) }
    }

    /// Midnight: today's home-care starts, and the time series' day.
    /// The tick at the end of the run only closes the last day of the series,
    /// so the series covers every measured day and nothing else changes.
    mutating func dailyTick() {
        if now < model.end { replenishHomeCare() }
        if monitor.series != nil {
            monitor.sampleDay(at: now, warmupEnd: model.warmupEnd, teamCaseload: Double(teams.caseload.reduce(0, +)))
        }
        if now + 24 <= model.end { scheduler.schedule(EventKind.dailyTick, at: now + 24, priority: .structural) }
    }

    // MARK: - Results

    mutating func result() -> ReplicationResult {
        for slot in episodes.slots.indices where episodes.slots[slot].phase != .free {
            monitor.countUnderWay(episodes.slots[slot], end: model.end, warmupEnd: model.warmupEnd)
        }
        for t in 0..<model.teamCount { closeShiftSegment(team: t) }
        return monitor.result(model, replication: replication, nurses: teams.nurses, temporaryBeds: discharge.temporaryBeds,
                              events: scheduler.eventsProcessed, episodesSimulated: episodesSimulated,
                              peakLiveEpisodes: episodes.peak)
    }
}
