import SamspilEngine

/// The hospitals' beds and patients, per bed pool (a hospital's ward: every
/// index `h` below is a pool, see `CompiledScenario.poolHospital`).
struct HospitalState {
    /// Patients of each hospital in its beds or in overflow (lent acute beds excluded).
    var patients: StateArray<Int>
    /// Patients staying in overflow for their whole stay (`stayInOverflow` only).
    var outlying: StateArray<Int>
    /// Available medical beds of each hospital now.
    var beds: StateArray<Int>
    /// Patients each hospital must discharge at today's pressure round (scratch, no allocation per round).
    var pressureExcess: StateArray<Int>
    /// The episode slots lying in each pool's own beds, one bit per slot:
    /// bit `id % 64` of word `(id / 64) × poolCount + pool`. The pressure
    /// round visits only the slots of the pools under pressure (see there).
    var inBed: StateStack<UInt64>
    let poolCount: Int

    init(_ model: CompiledScenario) {
        poolCount = Swift.max(model.poolCount, 1)
        patients = StateArray(repeating: 0, count: model.poolCount)
        outlying = StateArray(repeating: 0, count: model.poolCount)
        beds = StateArray(model.hospitalBeds)
        pressureExcess = StateArray(repeating: 0, count: model.poolCount)
        inBed = StateStack(capacity: 64 * poolCount)
    }

    /// Frees the state buffers (at the end of the replication).
    func deallocate() {
        patients.deallocate()
        outlying.deallocate()
        beds.deallocate()
        pressureExcess.deallocate()
        inBed.deallocate()
    }

    /// Slot `id`'s patient now lies in one of pool `p`'s own beds.
    /// - Complexity: amortised O(1).
    @inline(__always)
    mutating func enterBed(_ id: UInt32, pool p: Int) {
        let row = Int(id &>> 6)
        while row &* poolCount >= inBed.count {
            for _ in 0..<poolCount { inBed.append(0) }
        }
        inBed[row &* poolCount &+ p] |= 1 &<< UInt64(id & 63)
    }

    /// Slot `id`'s patient leaves pool `p`'s bed.
    /// - Complexity: O(1).
    @inline(__always)
    func leaveBed(_ id: UInt32, pool p: Int) {
        inBed[Int(id &>> 6) &* poolCount &+ p] &= ~(1 &<< UInt64(id & 63))
    }

    /// Whether slot `id` is marked in pool `p`'s beds.
    func isInBed(_ id: UInt32, pool p: Int) -> Bool {
        let word = Int(id &>> 6) &* poolCount &+ p
        return word < inBed.count && inBed[word] & (1 &<< UInt64(id & 63)) != 0
    }

    /// Slots `64 × row ..< 64 × (row + 1)` that lie in the beds of a pool
    /// still to discharge patients today, as bits; 0 past the marked slots.
    /// - Complexity: O(pools).
    func pressureCandidates(row: Int) -> UInt64 {
        let start = row &* poolCount
        guard start < inBed.count else { return 0 }
        var bits: UInt64 = 0
        for p in 0..<pressureExcess.count where pressureExcess[p] > 0 { bits |= inBed[start &+ p] }
        return bits
    }

    /// Patients of hospital `h` on the ward (in beds or, above capacity, in corridor beds).
    @inline(__always)
    func wardPatients(_ h: Int) -> Int { patients[h] - outlying[h] }

    /// Patients without one of the available beds: ward patients above capacity plus outlying patients.
    @inline(__always)
    func overflowPatients(_ h: Int) -> Int { outlying[h] + Swift.max(0, wardPatients(h) - beds[h]) }
}

// Step 5 of the pathway: admission to the hospital of the catchment — a free
// bed, a bed lent by a pooled acute-bed unit, or overflow — and the length of
// stay until medically ready.
extension PatientFlowSimulation {
    /// The catchment decides the hospital, once per episode; the group's ward
    /// decides the bed pool (`episode.hospital` holds the pool).
    mutating func chooseHospital(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        let m = Int(e.municipality)
        var g = SplitMix64(episode: e.key, Purpose.hospital)
        let u = g.nextUnitDouble()
        var k = model.catchmentStart[m]
        while k < model.catchmentStart[m + 1] - 1 && u >= model.catchmentCumulative[k] { k += 1 }
        let pool = model.pool(hospital: model.catchmentHospital[k], group: e.group)
        // The schema rejects a group whose ward a catchment hospital lacks; else its medical ward.
        episodes.slots[Int(id)].hospital = pool != .max ? pool : model.catchmentHospital[k]
    }

    /// Admission: a hospital bed, a lent acute bed, or overflow.
    mutating func admit(_ id: UInt32, route: Route) {
        if episodes.slots[Int(id)].hospital == .max { chooseHospital(id) }
        var e = episodes.slots[Int(id)]
        let h = Int(e.hospital)
        let who = Entities(e)
        e.phase = .inHospital
        e.admitTime = now
        e.flags.insert(.admittedInPath)
        // Place: a free hospital bed; else a free bed of a pooled acute-bed unit; else overflow.
        e.place = .hospitalBed
        let full = hospitals.wardPatients(h) >= hospitals.beds[h]
        if full {
            count(.admissionsToFullHospital, for: who)
            for u in 0..<model.bedUnitCount where model.bedUnitHospital[u] == h && acuteBeds.used[u] < model.bedUnitBeds[u] {
                e.place = .pooledAcuteBed
                e.bedUnit = Int16(u)
                break
            }
            if e.place != .pooledAcuteBed && model.hospitalOverflowPolicy[h] == .stayInOverflow { e.place = .overflow }
        }
        switch e.place {
        case .pooledAcuteBed:
            occupyAcuteBed(Int(e.bedUnit), delta: 1)
            monitor.bedUnitLent[Int(e.bedUnit)].add(1, at: now)
            count(.hospitalPatientsInAcuteBeds, for: who)
        case .overflow:
            hospitals.outlying[h] += 1
            changeHospitalPatients(h, by: 1)
        case .hospitalBed:
            hospitals.enterBed(id, pool: h)
            changeHospitalPatients(h, by: 1)
        }
        count(.admissions, for: who)
        switch route {
        case .gp: count(.admissionsFromGP, for: who)
        case .outOfHours: count(.admissionsFromOutOfHours, for: who)
        case .emergencyCall: count(.admissionsFromEmergencyCall, for: who)
        case .escalation: count(.admissionsFromEscalation, for: who); count(.ambulanceTrips, for: who)
        case .readmission: count(.readmissions, for: who)
        }
        if model.isOld[Int(e.age)] && model.groups[Int(e.group)].preventable { monitor.countPreventableAdmission65() }

        // Length of stay until medically ready.
        var g = SplitMix64(episode: e.key, Purpose.stay)
        let index = Int(e.group) * model.ageCount + Int(e.age)
        var stay = Swift.max(0, model.lengthOfStay.sample(index, using: &g)) * model.lengthOfStayMultiplier
        if full && model.bedPressure.enabled { stay *= model.bedPressure.outlierStayMultiplier }
        e.readyTime = now + stay
        episodes.slots[Int(id)] = e
        record(id, .admission)
        schedule(EventKind.ready, at: e.readyTime, episode: id, priority: .release)

        // Early discharge into team care.
        let t = model.team(municipality: e.municipality, group: e.group)
        if t >= 0, let early = model.teams[t].earlyDischarge,
           model.groups[Int(e.group)].hasTeamTreatment, stay > early.hoursEarly {
            var ge = SplitMix64(episode: e.key, Purpose.earlyDischarge)
            if ge.nextUnitDouble() < early.share {
                schedule(EventKind.earlyDischarge, at: e.readyTime - early.hoursEarly, episode: id)
            }
        }
    }

    /// Hospital `h` gains (or loses) `delta` patients.
    mutating func changeHospitalPatients(_ h: Int, by delta: Int) {
        hospitals.patients[h] += delta
        monitor.hospitalLevels(h, patients: hospitals.patients[h], overflow: hospitals.overflowPatients(h), totalDelta: delta, at: now)
    }

    /// The patient leaves the bed (hospital or lent acute bed).
    mutating func vacateHospitalPlace(_ id: UInt32) {
        let e = episodes.slots[Int(id)]
        if e.place != .pooledAcuteBed {
            monitor.addStayBedHours(admitted: e.admitTime, now: now, warmupEnd: model.warmupEnd, municipality: Int(e.municipality))
        }
        switch e.place {
        case .pooledAcuteBed:
            occupyAcuteBed(Int(e.bedUnit), delta: -1)
            monitor.bedUnitLent[Int(e.bedUnit)].add(-1, at: now)
        case .overflow:
            hospitals.outlying[Int(e.hospital)] -= 1
            changeHospitalPatients(Int(e.hospital), by: -1)
        case .hospitalBed:
            hospitals.leaveBed(id, pool: Int(e.hospital))
            changeHospitalPatients(Int(e.hospital), by: -1)
        }
    }

    /// Bed pool `h` opens or closes beds: entry `index` of its schedule.
    mutating func bedChange(hospital h: Int, index: Int) {
        let beds = model.bedSchedules[h][index].beds
        hospitals.beds[h] = beds
        monitor.bedLevels(h, beds: beds, overflow: hospitals.overflowPatients(h), totalBeds: hospitals.beds.reduce(0, +), at: now)
        if index + 1 < model.bedSchedules[h].count {
            scheduler.schedule(EventKind.bedChange, at: Swift.max(now, model.bedSchedules[h][index + 1].time),
                               entity: UInt32(h), payload: UInt32(index + 1), priority: .structural)
        }
    }
}
