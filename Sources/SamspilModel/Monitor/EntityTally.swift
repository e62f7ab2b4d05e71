import SamspilEngine

/// The monitor's counts per municipality, hospital and team while a
/// replication runs: flat tables of fixed stride, allocated once, written in
/// place (no allocation per event). ``EntityCounts`` is what it becomes at the end.
struct EntityTally {
    // Literal strides: a computed constant folds into the hot path, where a
    // static `let` would be a lazily initialised global checked at every use.
    // `EntityCounts.init` checks them against the column lists.
    @inline(__always) static var municipalityStride: Int { 19 }
    @inline(__always) static var hospitalStride: Int { 7 }
    @inline(__always) static var teamStride: Int { 4 }

    var municipality: ContiguousArray<Double>
    var hospital: ContiguousArray<Double>
    var team: ContiguousArray<Double>
    var municipalityBedHours: ContiguousArray<Double>
    var hospitalStayDays: ContiguousArray<Double>
    /// Patients of each hospital over time (for its occupancy percentile).
    var hospitalOccupancy: ContiguousArray<LevelHistogram>
    var teamResponseHours: ContiguousArray<Double>
    var teamResponses: ContiguousArray<Double>

    init(_ model: CompiledScenario) {
        municipality = ContiguousArray(repeating: 0, count: model.municipalityCount * Self.municipalityStride)
        hospital = ContiguousArray(repeating: 0, count: model.hospitalCount * Self.hospitalStride)
        team = ContiguousArray(repeating: 0, count: model.teamCount * Self.teamStride)
        municipalityBedHours = ContiguousArray(repeating: 0, count: model.municipalityCount)
        hospitalStayDays = ContiguousArray(repeating: 0, count: model.hospitalCount)
        // Sized for twice the beds up front, so the histogram rarely grows during the run.
        hospitalOccupancy = ContiguousArray(model.hospitalBeds.map { beds in
            var histogram = LevelHistogram(level: 2 * beds, at: 0)
            histogram.set(0, at: 0)
            return histogram
        })
        teamResponseHours = ContiguousArray(repeating: 0, count: model.teamCount)
        teamResponses = ContiguousArray(repeating: 0, count: model.teamCount)
    }

    /// Adds `amount` of `metric` to the rows of `who` that count it (the
    /// columns fold to constants, so a metric no table counts costs nothing).
    /// - Complexity: O(1).
    @inline(__always)
    mutating func add(_ metric: Metric, _ amount: Double, for who: Entities) {
        let m = EntityCounts.municipalityColumn(metric)
        if m >= 0 && who.municipality >= 0 { municipality[Int(who.municipality) &* Self.municipalityStride &+ m] += amount }
        let h = EntityCounts.hospitalColumn(metric)
        if h >= 0 && who.hospital >= 0 { hospital[Int(who.hospital) &* Self.hospitalStride &+ h] += amount }
        let t = EntityCounts.teamColumn(metric)
        if t >= 0 && who.team >= 0 { team[Int(who.team) &* Self.teamStride &+ t] += amount }
    }

    /// A discharge from hospital `h` after a stay of `days`.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func discharge(hospital h: Int, days: Double) {
        hospital[h &* Self.hospitalStride &+ EntityCounts.hospitalColumn(.hospitalDischarges)] += 1
        hospitalStayDays[h] += days
    }

    /// Team `t`'s first visit of an episode starts `hours` after the referral.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func response(team t: Int, hours: Double) {
        teamResponseHours[t] += hours
        teamResponses[t] += 1
    }

    /// The counts at `end`, with each acute-bed unit's rows added up from its municipalities'.
    /// - Complexity: O(entities + occupancy levels).
    func counts(_ model: CompiledScenario, end: Double) -> EntityCounts {
        var c = EntityCounts(municipalities: model.municipalityCount, hospitals: model.hospitalCount,
                             teams: model.teamCount, bedUnits: model.bedUnitCount)
        c.municipality = Array(municipality)
        c.hospital = Array(hospital)
        c.team = Array(team)
        c.municipalityBedDays = municipalityBedHours.map { $0 / 24 }
        c.hospitalStayDays = Array(hospitalStayDays)
        c.hospitalMeanOccupancy = hospitalOccupancy.map { $0.mean(upTo: end) }
        c.hospitalP95Occupancy = hospitalOccupancy.map { Double($0.quantile(0.95, upTo: end)) }
        c.teamResponseHours = Array(teamResponseHours)
        c.teamResponses = Array(teamResponses)
        let unitStride = EntityCounts.bedUnitMetrics.count
        for m in 0..<model.municipalityCount where model.municipalityBedUnit[m] >= 0 {
            let u = model.municipalityBedUnit[m]
            for (k, metric) in EntityCounts.bedUnitMetrics.enumerated() {
                c.bedUnit[u * unitStride + k] += municipality[m * Self.municipalityStride + EntityCounts.municipalityColumn(metric)]
            }
        }
        return c
    }
}
