import SamspilEngine

// Bed pressure (part of step 5): a hospital at or above its occupancy
// threshold discharges patients within reach of readiness at a morning round,
// and its emergency department refers more borderline patients to the team.
extension PatientFlowSimulation {
    /// Whether hospital `h` is at or above the pressure threshold.
    @inline(__always)
    func underPressure(_ h: Int) -> Bool {
        model.bedPressure.enabled
            && Double(hospitals.wardPatients(h)) >= model.bedPressure.occupancyThreshold * Double(hospitals.beds[h])
    }

    /// The morning round: each hospital at or above the threshold discharges
    /// patients within reach of readiness until it is below it.
    /// - Complexity: O(slots / 64 × pools + patients in the beds of pools under pressure), once a day.
    mutating func pressureRound() {
        let pressure = model.bedPressure
        var total = 0
        for h in 0..<model.poolCount {
            let excess = Double(hospitals.wardPatients(h)) - pressure.occupancyThreshold * Double(hospitals.beds[h])
            hospitals.pressureExcess[h] = excess >= 0 ? Int(excess.rounded(.down)) + 1 : 0
            total += hospitals.pressureExcess[h]
        }
        #if SAMSPIL_CHECK_INVARIANTS
        for slot in episodes.slots.indices {
            let e = episodes.slots[slot]
            if e.phase == .inHospital && e.place == .hospitalBed && e.hospital != .max {
                precondition(hospitals.isInBed(UInt32(slot), pool: Int(e.hospital)),
                             "a patient in a hospital bed is missing from the pressure round's candidates")
            }
        }
        #endif
        // The slots in slot order, as a scan of every slot would visit them,
        // but only those lying in the beds of a pool under pressure: every slot
        // the test below can pass is among them (asserted above in invariant
        // builds), so the same patients are discharged in the same order. A
        // discharge may change the marks, so the rest of the row is re-read.
        var row = 0
        while total > 0 && row &* 64 < episodes.slots.count {
            var candidates = hospitals.pressureCandidates(row: row)
            while candidates != 0 {
                let bit = candidates.trailingZeroBitCount
                candidates &= candidates &- 1
                let slot = row &<< 6 &+ bit
                // Fields read in place (no copy of the episode).
                if episodes.slots[slot].phase == .inHospital && episodes.slots[slot].place == .hospitalBed
                    && episodes.slots[slot].hospital != .max && hospitals.pressureExcess[Int(episodes.slots[slot].hospital)] > 0
                    && episodes.slots[slot].readyTime - now <= pressure.dischargeWithinHours {
                    let e = episodes.slots[slot]
                    hospitals.pressureExcess[Int(e.hospital)] -= 1
                    total -= 1
                    dischargeUnderPressure(UInt32(slot))
                    if total == 0 { break }
                    candidates = bit == 63 ? 0 : hospitals.pressureCandidates(row: row) & (~0 &<< UInt64(bit &+ 1))
                }
            }
            row &+= 1
        }
        if now + 24 < model.end { scheduler.schedule(EventKind.pressureRound, at: now + 24, priority: .structural) }
    }

    /// Makes the patient medically ready now, a rushed discharge.
    mutating func dischargeUnderPressure(_ id: UInt32) {
        episodes.invalidate(id)      // the pending `ready` (and early discharge) are cancelled
        episodes.slots[Int(id)].flags.insert(.rushed)
        episodes.slots[Int(id)].readyTime = now
        let e = episodes.slots[Int(id)]
        if !e.flags.contains(.synthetic) { count(.pressureDischarges, for: Entities(e)) }
        ready(id)
    }
}
