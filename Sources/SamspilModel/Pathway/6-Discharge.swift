import SamspilEngine

/// Each municipality's capacity to receive discharged patients: home-care
/// starts per day, the patients queued for one, and temporary beds.
struct DischargeState {
    /// Home-care starts left today.
    var homeCareTokens: StateArray<Double>
    var homeCareQueue: StateArray<RingBuffer<UInt32>>
    var temporaryBeds: StateArray<ResourcePool>
    /// Each municipality's stream (temporary-bed stays).
    var random: StateArray<Xoshiro256StarStar>

    init(_ model: CompiledScenario, replication: Int) {
        let m = model.municipalityCount
        homeCareTokens = StateArray(model.homeCareStartsPerDay)
        homeCareQueue = StateArray(repeating: RingBuffer(minimumCapacity: 4), count: m)
        temporaryBeds = StateArray(model.temporaryBeds.map { ResourcePool(capacity: $0) })
        random = StateArray(model.municipalityIdentity.map { identity in
            Xoshiro256StarStar(StreamKey(masterSeed: model.seed, replication: replication,
                                         purpose: Purpose.municipalityLevel, entity: identity))
        })
    }

    /// Frees the state buffers (at the end of the replication).
    func deallocate() {
        homeCareTokens.deallocate()
        homeCareQueue.deallocate()
        temporaryBeds.deallocate()
        random.deallocate()
    }
}

// Step 6 of the pathway: medically ready, the patient waits for the
// municipality — a notification, its accepted hours, a home-care start or a
// temporary bed — and leaves; the stay is booked.
extension PatientFlowSimulation {
    /// Medically ready: plan the discharge.
    mutating func ready(_ id: UInt32) {
        var e = episodes.slots[Int(id)]
        let m = Int(e.municipality)
        let index = Int(e.group) * model.ageCount + Int(e.age)
        var g = SplitMix64(episode: e.key, Purpose.needsCare)
        let needsCare = g.nextUnitDouble() < model.needsCare[index]
        e.phase = .awaitingDischarge
        if !needsCare || e.flags.contains(.synthetic) {
            episodes.slots[Int(id)] = e
            let leaveAt = model.time.nextTime(atOrAfter: now, in: model.hospitalDischargeHours[Int(e.hospital)], on: .all) ?? now
            schedule(EventKind.leave, at: leaveAt, episode: id, priority: .release)
            return
        }
        e.flags.insert(.needsCare)
        let temporaryBed = g.nextUnitDouble() < model.groups[Int(e.group)].temporaryBedShare
        if temporaryBed { e.flags.insert(.temporaryBed) }
        episodes.slots[Int(id)] = e
        // Notification: sent at admission with shared IT, otherwise some hours before readiness.
        let rules = model.dischargeRules[m]
        let notified = model.sharedIT ? e.admitTime : Swift.max(e.admitTime, now - rules.notificationLeadHours)
        let earliest = Swift.max(now, notified + rules.notificationHours)
        let acceptAt = model.time.nextTime(atOrAfter: earliest, in: rules.acceptHours, on: rules.acceptDays) ?? earliest
        if temporaryBed {
            if discharge.temporaryBeds[m].request(id, at: now) {
                schedule(EventKind.leave, at: acceptAt, episode: id, priority: .release)
            }
            // Otherwise queued; `temporaryBedEnd` discharges it when a bed frees.
        } else if acceptAt <= now {
            takeHomeCareStart(id, municipality: m)
        } else {
            // The patient waits in hospital until then; `leave` checks capacity.
            schedule(EventKind.leave, at: acceptAt, episode: id, priority: .release)
        }
    }

    mutating func takeHomeCareStart(_ id: UInt32, municipality m: Int) {
        if discharge.homeCareTokens[m] >= 1 {
            discharge.homeCareTokens[m] -= 1
            leave(id, capacityChecked: true)
        } else {
            discharge.homeCareQueue[m].append(id)
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
            if discharge.homeCareTokens[m] >= 1 {
                discharge.homeCareTokens[m] -= 1
            } else {
                discharge.homeCareQueue[m].append(id)
                return
            }
        }
        if e.flags.contains(.temporaryBed) {
            // The patient moves to the temporary bed already granted; its stay ends later.
            var g = discharge.random[m]
            let stay = Swift.max(0, model.temporaryBedStay.sample(m, using: &g))
            discharge.random[m] = g
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
        monitor.countDischarge(e, lengthOfStayHours: time - e.admitTime, delayedDays: delayedDays)
        record(id, .discharge)
    }

    /// A temporary-bed stay ends: the bed goes to the next patient waiting for one.
    mutating func temporaryBedEnd(municipality m: Int) {
        discharge.temporaryBeds[m].release(at: now)
        while let id = discharge.temporaryBeds[m].admitNext(at: now) {
            let rules = model.dischargeRules[m]
            let at = model.time.nextTime(atOrAfter: now, in: rules.acceptHours, on: rules.acceptDays) ?? now
            schedule(EventKind.leave, at: at, episode: id, priority: .release)
        }
    }

    /// Today's home-care starts (unused starts do not accumulate beyond a
    /// day), first to the patients queued for one.
    mutating func replenishHomeCare() {
        for m in 0..<model.municipalityCount {
            discharge.homeCareTokens[m] = Swift.min(discharge.homeCareTokens[m] + model.homeCareStartsPerDay[m],
                                                    Swift.max(1, model.homeCareStartsPerDay[m]))
            while discharge.homeCareTokens[m] >= 1, let id = discharge.homeCareQueue[m].popFirst() {
                discharge.homeCareTokens[m] -= 1
                let rules = model.dischargeRules[m]
                let at = model.time.nextTime(atOrAfter: now, in: rules.acceptHours, on: rules.acceptDays) ?? now
                // Capacity is taken; mark so that `leave` does not ask again.
                episodes.slots[Int(id)].flags.insert(.homeCareGranted)
                schedule(EventKind.leave, at: at, episode: id, priority: .release)
            }
        }
    }
}
