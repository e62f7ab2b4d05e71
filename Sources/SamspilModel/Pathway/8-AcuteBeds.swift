import SamspilEngine

/// The municipal acute-bed units' beds in use.
struct AcuteBedState {
    var used: StateArray<Int>

    init(_ model: CompiledScenario) {
        used = StateArray(repeating: 0, count: model.bedUnitCount)
    }

    /// Frees the state buffers (at the end of the replication).
    func deallocate() {
        used.deallocate()
    }
}

// Step 8 of the pathway: treatment in a municipal acute bed. A pooled unit
// borrows a free hospital bed when its own are full (and lends its beds to the
// hospital, see `admit`).
extension PatientFlowSimulation {
    /// Refers to the municipality's acute beds; in a pooled unit a free hospital bed is lent when full.
    mutating func referToAcuteBed(_ id: UInt32) -> Bool {
        let e = episodes.slots[Int(id)]
        let u = model.bedUnit(municipality: e.municipality, group: e.group)
        guard u >= 0, model.groups[Int(e.group)].hasBedTreatment else { return false }
        let who = Entities(e)
        count(.acuteBedReferrals, for: who)
        var lentHospital = -1
        if acuteBeds.used[u] >= model.bedUnitBeds[u] {
            let h = model.bedUnitHospital[u]
            if h >= 0 && hospitals.wardPatients(h) < hospitals.beds[h] {
                lentHospital = h
            } else {
                count(.acuteBedRefusals, for: who)
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
            monitor.hospitalLent[lentHospital].add(1, at: now)
            count(.acutePatientsInHospitalBeds, for: who)
        } else {
            occupyAcuteBed(u, delta: 1)
        }
        count(.acuteBedEpisodes, for: who)
        var g = SplitMix64(episode: e.key, Purpose.acuteBed)
        let stay = Swift.max(0, model.groupBedStay.sample(Int(e.group), using: &g))
        let escalates = deteriorationUniform(e) < model.groups[Int(e.group)].bedEscalationProbability * bandRisk(e)
        let at = escalates ? now + g.nextUnitDouble() * stay : now + stay
        updated.phaseEnd = at
        episodes.slots[Int(id)] = updated
        record(id, .acuteBedStart)
        schedule(escalates ? EventKind.acuteBedEscalation : EventKind.acuteBedEnd, at: at, episode: id, priority: .release)
        return true
    }

    /// The acute-bed stay ends: home, or escalated to hospital.
    mutating func acuteBedEnd(_ id: UInt32, escalates: Bool) {
        var e = episodes.slots[Int(id)]
        if e.flags.contains(.inLentHospitalBed) {
            monitor.addStayBedHours(admitted: e.admitTime, now: now, warmupEnd: model.warmupEnd, municipality: Int(e.municipality))
            changeHospitalPatients(Int(e.hospital), by: -1)
            monitor.hospitalLent[Int(e.hospital)].add(-1, at: now)
            e.flags.remove(.inLentHospitalBed)
            e.hospital = .max
        } else {
            occupyAcuteBed(Int(e.bedUnit), delta: -1)
        }
        episodes.slots[Int(id)] = e
        if escalates {
            record(id, .escalation)
            episodes.slots[Int(id)].route = Route.escalation.rawValue
            count(.emergencyDepartmentVisits, for: Entities(e))
            admit(id, route: .escalation)
        } else {
            record(id, .acuteBedEnd)
            afterCommunityCare(id, outcome: .outcomeAcuteBed)
        }
    }

    /// Acute-bed unit `u` gains (or loses) `delta` patients.
    mutating func occupyAcuteBed(_ u: Int, delta: Int) {
        acuteBeds.used[u] += delta
        monitor.acuteBedLevel(u, used: acuteBeds.used[u], capacity: model.bedUnitBeds[u], at: now)
    }
}
