import SamspilEngine

// The typical initial state: hospitals start as full as their demand implies,
// so that a short warm-up suffices.
extension PatientFlowSimulation {
    /// Fills each hospital with the number of patients its demand implies
    /// (arrival rate of likely admissions × mean stay), each with a residual stay.
    mutating func prefillHospitals() {
        var expected = [Double](repeating: 0, count: model.poolCount)
        for stream in model.streams {
            let index = Int(stream.group) * model.ageCount + Int(stream.age)
            let (_, borderCut) = model.severityCumulative[index]
            let admitShare = 1 - borderCut + (borderCut - model.severityCumulative[index].0) * 0.8
            let meanStay = model.lengthOfStay[index].distribution.mean
            let m = Int(stream.municipality)
            var previous = 0.0
            for k in model.catchmentStart[m]..<model.catchmentStart[m + 1] {
                let share = model.catchmentCumulative[k] - previous
                previous = model.catchmentCumulative[k]
                let pool = model.pool(hospital: model.catchmentHospital[k], group: stream.group)
                expected[pool == .max ? Int(model.catchmentHospital[k]) : Int(pool)] += stream.ratePerHour * admitShare * meanStay * share
            }
        }
        var g = Xoshiro256StarStar(StreamKey(masterSeed: model.seed, replication: replication, purpose: Purpose.initialState))
        for h in 0..<model.poolCount {
            // Bounded: at most twice the most beds the hospital ever has (a
            // scenario whose demand implies more is far beyond any steady state).
            let cap = 2 * model.bedSchedules[h].reduce(hospitals.beds[h]) { Swift.max($0, $1.beds) }
            let n = expected[h].isFinite ? Int(Swift.min(expected[h], Double(cap)).rounded()) : cap
            for _ in 0..<n {
                let id = episodes.allocate()
                var e = Episode()
                e.key = g.next()
                e.hospital = UInt16(h)
                e.phase = .inHospital
                e.flags = [.isReadmission, .synthetic]   // not an episode: leaves at readiness
                e.band = SeverityBand.mustAdmit.rawValue
                let meanStay = 5.0 * 24
                e.readyTime = -log(g.nextPositiveUnitDouble()) * meanStay
                e.admitTime = 0
                episodes.slots[Int(id)] = e
                hospitals.enterBed(id, pool: h)
                changeHospitalPatients(h, by: 1)
                schedule(EventKind.ready, at: e.readyTime, episode: id, priority: .release)
            }
        }
    }
}
