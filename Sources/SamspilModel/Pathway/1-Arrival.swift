import SamspilEngine

/// The arrival streams' state: one non-homogeneous Poisson process per
/// municipality × group × age band, each with its own generator.
struct ArrivalStreams {
    var generators: ContiguousArray<Xoshiro256StarStar> = []
    /// Arrivals so far per stream: with the stream's seed, the episode's identity.
    var counts: ContiguousArray<UInt64> = []
    var seeds: ContiguousArray<UInt64> = []
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
            arrivals.generators.append(g)
            arrivals.counts.append(0)
            arrivals.seeds.append(StreamKey(masterSeed: model.seed, replication: replication,
                                            purpose: Purpose.episode, entity: stream.identity).seed)
            if first < model.end { scheduler.schedule(EventKind.arrival, at: first, entity: UInt32(index), priority: .seize) }
        }
    }

    /// A new episode on stream `s`: schedules the stream's next arrival, draws
    /// the severity band and the first contact.
    mutating func arrive(stream s: Int) {
        let stream = model.streams[s]
        var g = arrivals.generators[s]
        let next = model.nextArrival(stream, after: now, using: &g)
        arrivals.generators[s] = g
        if next < model.end { scheduler.schedule(EventKind.arrival, at: next, entity: UInt32(s), priority: .seize) }

        let k = arrivals.counts[s]
        arrivals.counts[s] = k &+ 1
        let id = episodes.allocate()
        episodesSimulated += 1
        var e = Episode()
        e.key = SplitMix64.mix(arrivals.seeds[s] &+ (k &+ 1) &* 0x9E37_79B9_7F4A_7C15)
        e.start = now
        e.municipality = stream.municipality
        e.group = stream.group
        e.age = stream.age
        if monitor.measuring { e.flags.insert(.measured) }
        let index = Int(stream.group) * model.ageCount + Int(stream.age)
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
        if gr.nextUnitDouble() < model.groups[Int(stream.group)].emergencyCallShare[band] {
            episodes.slots[Int(id)].route = Route.emergencyCall.rawValue
            monitor.countEpisode(.contactsEmergencyCall, episodes.slots[Int(id)])
            count(.ambulanceTrips, for: Entities(e))
            emergencyDepartment(id, referred: false)
            return
        }
        contactDoctor(id, retry: false)
    }
}
