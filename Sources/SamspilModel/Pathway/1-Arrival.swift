import SamspilEngine

/// The arrival streams' state: one non-homogeneous Poisson process per
/// municipality × group × age band, each with its own generator.
struct ArrivalStreams {
    /// Everything an arrival reads or writes of its stream, in one 64-byte
    /// record (the buffer is cache-line aligned), so that an arrival touches
    /// one line of stream data: the compiled stream's fields are copied in.
    struct Stream {
        var generator: Xoshiro256StarStar
        /// Arrivals so far: with `seed`, the identity of the next episode.
        var count: UInt64
        var seed: UInt64
        /// Mean arrivals per hour (`CompiledScenario.ArrivalStream.ratePerHour`).
        var ratePerHour: Double
        /// The stream's profile (`CompiledScenario.ArrivalStream.profile`).
        var profile: Int32
        var municipality: UInt16
        var group: UInt8
        var age: UInt8
    }
    var streams = StateStack<Stream>(capacity: 64)
}

// Step 1 of the pathway: an acute episode begins. Its severity band is drawn
// at once, and the patient calls 112 or a doctor.
extension PatientFlowSimulation {
    /// Seeds every stream and schedules its first arrival.
    mutating func startArrivals() {
        for (index, stream) in model.streams.enumerated() {
            var g = Xoshiro256StarStar(StreamKey(masterSeed: model.seed, replication: replication,
                                                 purpose: Purpose.arrivals, entity: stream.identity))
            let first = model.nextArrival(stream, after: 0, using: &g)
            arrivals.streams.append(ArrivalStreams.Stream(
                generator: g, count: 0,
                seed: StreamKey(masterSeed: model.seed, replication: replication, purpose: Purpose.episode, entity: stream.identity).seed,
                ratePerHour: stream.ratePerHour, profile: Int32(stream.profile),
                municipality: stream.municipality, group: stream.group, age: stream.age))
            if first < model.end { scheduler.schedule(EventKind.arrival, at: first, entity: UInt32(index), priority: .seize) }
        }
    }

    /// A new episode on stream `s`: schedules the stream's next arrival, draws
    /// the severity band and the first contact.
    mutating func arrive(stream s: Int) {
        // In place: the stream's generator advances and its count grows where
        // they lie (the buffer never moves once every stream is seeded),
        // instead of a copy of the record out and back.
        let stream = arrivals.streams._address(s)
        let next = model.nextArrival(rate: stream.pointee.ratePerHour, profile: Int(stream.pointee.profile), after: now,
                                     using: &stream.pointee.generator)
        let k = stream.pointee.count
        stream.pointee.count = k &+ 1
        let state = stream.pointee
        if next < model.end { scheduler.schedule(EventKind.arrival, at: next, entity: UInt32(s), priority: .seize) }

        let id = episodes.allocate()
        episodesSimulated += 1
        var e = Episode()
        e.key = SplitMix64.mix(state.seed &+ (k &+ 1) &* 0x9E37_79B9_7F4A_7C15)
        e.start = now
        e.municipality = state.municipality
        e.group = state.group
        e.age = state.age
        if monitor.measuring { e.flags.insert(.measured) }
        let index = Int(state.group) * model.ageCount + Int(state.age)
        var gs = SplitMix64(episode: e.key, Purpose.severity)
        let u = gs.nextUnitDouble()
        let (gpCut, borderCut) = model.severityCumulative[index]
        let band: SeverityBand = u < gpCut ? .gpManageable : (u < borderCut ? .borderline : .mustAdmit)
        e.band = band.rawValue
        if band != .gpManageable { e.flags.insert(.counterfactualAdmit) }
        episodes.slots[Int(id)] = e
        monitor.countEpisode(.episodes, e)
        record(id, .arrival)

        // 112 or a doctor
        var gr = SplitMix64(episode: e.key, Purpose.route)
        if gr.nextUnitDouble() < model.groups[Int(state.group)].emergencyCallShare[band] {
            episodes.slots[Int(id)].route = Route.emergencyCall.rawValue
            monitor.countEpisode(.contactsEmergencyCall, episodes.slots[Int(id)])
            count(.ambulanceTrips, for: Entities(e))
            emergencyDepartment(id, referred: false)
            return
        }
        contactDoctor(id, retry: false)
    }
}
