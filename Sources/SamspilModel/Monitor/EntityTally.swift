import SamspilEngine

/// The monitor's counts per municipality, hospital and team while a
/// replication runs: fixed-stride tables in one `StateArray`, allocated once
/// and written in place, so a count is a store (through an array each write
/// paid a uniqueness check). ``EntityCounts`` is what it
/// becomes at the end. Hospital counts are kept per bed pool (hospital ward,
/// as `Entities.hospital` names them) and added up per hospital at the end;
/// occupancy is followed per hospital, all its wards together.
///
/// A copy shares the buffer; the monitor frees it with `deallocate()` when
/// the replication is done.
struct EntityTally {
    // Literal strides: a computed constant folds into the hot path, where a
    // static `let` would be a lazily initialised global checked at every use.
    // `EntityCounts.init` checks them against the column lists.
    @inline(__always) static var municipalityStride: Int { 20 }
    @inline(__always) static var hospitalStride: Int { 7 }
    @inline(__always) static var teamStride: Int { 4 }
    @inline(__always) static var bedUnitStride: Int { 3 }

    private let table: StateArray<Double>
    // Where each table starts in `table`.
    private let hospitalStart, teamStart, bedUnitStart, bedHoursStart, stayDaysStart, responseHoursStart, responsesStart: Int
    /// The acute-bed unit of each municipality × patient group (its ward's unit); -1: none.
    private let bedUnitOf: ContiguousArray<Int32>
    private let groupCount: Int
    /// Each hospital's patients over time, for its occupancy percentile: the
    /// hours at each level from `levelStart[h]` (levels above the last are
    /// counted in it), the time of the last change and the current level.
    private let levelStart: ContiguousArray<Int>
    private let lastChangeStart, levelNowStart: Int

    init(_ model: CompiledScenario) {
        let m = model.municipalityCount, h = model.hospitalCount, t = model.teamCount, pools = model.poolCount
        hospitalStart = m * Self.municipalityStride
        teamStart = hospitalStart + pools * Self.hospitalStride
        bedUnitStart = teamStart + t * Self.teamStride
        bedHoursStart = bedUnitStart + model.bedUnitCount * Self.bedUnitStride
        stayDaysStart = bedHoursStart + m
        responseHoursStart = stayDaysStart + pools
        responsesStart = responseHoursStart + t
        lastChangeStart = responsesStart + t
        levelNowStart = lastChangeStart + h
        // Four times the beds and then some: far above any occupancy a
        // scenario the loader accepts reaches, without growing during the run.
        var beds = Array(repeating: 0, count: h)
        for p in 0..<pools { beds[model.poolHospital[p]] += model.hospitalBeds[p] }
        var start = [levelNowStart + h]
        for b in beds { start.append(start.last! + 4 * b + 64) }
        levelStart = ContiguousArray(start)
        groupCount = model.groupCount
        bedUnitOf = ContiguousArray((0..<(m * model.groupCount)).map { k in
            Int32(model.bedUnit(municipality: UInt16(k / model.groupCount), group: UInt8(k % model.groupCount)))
        })
        table = StateArray(repeating: 0, count: start.last!)
    }

    @inline(__always)
    private func cell(_ i: Int) -> UnsafeMutablePointer<Double> { table._address(i) }

    /// Adds `amount` of `metric` to the rows of `who` that count it (the
    /// columns fold to constants, so a metric no table counts costs nothing).
    /// - Complexity: O(1).
    @inline(__always)
    func add(_ metric: Metric, _ amount: Double, for who: Entities) {
        let m = EntityCounts.municipalityColumn(metric)
        if m >= 0 && who.municipality >= 0 { cell(Int(who.municipality) &* Self.municipalityStride &+ m).pointee += amount }
        let h = EntityCounts.hospitalColumn(metric)
        if h >= 0 && who.hospital >= 0 { cell(hospitalStart &+ Int(who.hospital) &* Self.hospitalStride &+ h).pointee += amount }
        let t = EntityCounts.teamColumn(metric)
        if t >= 0 && who.team >= 0 { cell(teamStart &+ Int(who.team) &* Self.teamStride &+ t).pointee += amount }
        let b = EntityCounts.bedUnitColumn(metric)
        if b >= 0 && who.municipality >= 0 && who.group >= 0 {
            let u = Int(bedUnitOf[Int(who.municipality) &* groupCount &+ Int(who.group)])
            if u >= 0 { cell(bedUnitStart &+ u &* Self.bedUnitStride &+ b).pointee += amount }
        }
    }

    /// A discharge from bed pool `h` after a stay of `days`.
    /// - Complexity: O(1).
    @inline(__always)
    func discharge(hospital h: Int, days: Double) {
        cell(hospitalStart &+ h &* Self.hospitalStride &+ EntityCounts.hospitalColumn(.hospitalDischarges)).pointee += 1
        cell(stayDaysStart &+ h).pointee += days
    }

    /// Team `t`'s first visit of an episode starts `hours` after the referral.
    /// - Complexity: O(1).
    @inline(__always)
    func response(team t: Int, hours: Double) {
        cell(responseHoursStart &+ t).pointee += hours
        cell(responsesStart &+ t).pointee += 1
    }

    /// Hospital bed-hours used by a citizen of municipality `m`.
    /// - Complexity: O(1).
    @inline(__always)
    func bedHours(municipality m: Int, _ hours: Double) {
        cell(bedHoursStart &+ m).pointee += hours
    }

    /// Hospital `h` gains (or loses) `delta` patients at `now`.
    /// - Complexity: O(1).
    @inline(__always)
    func hospitalLevel(_ h: Int, by delta: Int, at now: Double) {
        let last = cell(lastChangeStart &+ h), level = cell(levelNowStart &+ h)
        let top = levelStart[h &+ 1] &- levelStart[h] &- 1
        cell(levelStart[h] &+ Swift.min(Int(level.pointee), top)).pointee += now - last.pointee
        last.pointee = now
        level.pointee += Double(delta)
    }

    /// The warm-up ends: the hospitals' level histories restart (their levels carry over).
    /// - Complexity: O(hospitals × beds).
    func beginWindow(at now: Double) {
        for h in 0..<(levelStart.count - 1) {
            for i in levelStart[h]..<levelStart[h + 1] { table[i] = 0 }
            table[lastChangeStart + h] = now
        }
    }

    /// The `p` quantile of hospital `h`'s patients up to `end`: the lowest
    /// level at or below which a fraction `p` of the time was spent (among
    /// levels occupied for some time, as `LevelHistogram.quantile`).
    func quantile(_ p: Double, hospital h: Int, upTo end: Double) -> Double {
        hospitalLevel(h, by: 0, at: end)
        let hours = table[levelStart[h]..<levelStart[h + 1]]
        let total = hours.reduce(0, +)
        guard total > 0 else { return table[levelNowStart + h] }
        var cumulative = 0.0
        for (k, t) in hours.enumerated() where t > 0 {
            cumulative += t
            if cumulative >= p * total * (1 - 1e-12) { return Double(k) }
        }
        return Double(hours.count - 1)
    }

    /// A copy of `count` values from `start`.
    private func values(_ start: Int, _ count: Int) -> [Double] { Array(table[start..<(start + count)]) }

    /// The counts at `end`: each hospital's rows added up from its bed pools',
    /// and each hospital's mean
    /// occupancy from its pools' `meanOccupancy` as the monitor measured them.
    /// - Complexity: O(entities + bed pools + hospital levels).
    func counts(_ model: CompiledScenario, end: Double, meanOccupancy: [Double]) -> EntityCounts {
        let m = model.municipalityCount, h = model.hospitalCount, t = model.teamCount
        var c = EntityCounts(municipalities: m, hospitals: h, teams: t, bedUnits: model.bedUnitCount)
        c.municipality = values(0, m * Self.municipalityStride)
        c.team = values(teamStart, t * Self.teamStride)
        c.municipalityBedDays = values(bedHoursStart, m).map { $0 / 24 }
        for p in 0..<model.poolCount {
            let k = model.poolHospital[p]
            for j in 0..<Self.hospitalStride {
                c.hospital[k * Self.hospitalStride + j] += table[hospitalStart + p * Self.hospitalStride + j]
            }
            c.hospitalStayDays[k] += table[stayDaysStart + p]
            c.hospitalMeanOccupancy[k] += meanOccupancy[p]
        }
        c.hospitalP95Occupancy = (0..<h).map { quantile(0.95, hospital: $0, upTo: end) }
        c.teamResponseHours = values(responseHoursStart, t)
        c.teamResponses = values(responsesStart, t)
        c.bedUnit = values(bedUnitStart, model.bedUnitCount * Self.bedUnitStride)
        return c
    }

    /// Frees the buffer.
    func deallocate() { table.deallocate() }
}
