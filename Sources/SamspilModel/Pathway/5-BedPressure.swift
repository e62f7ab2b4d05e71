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
    /// - Complexity: O(live episodes), once a day, only when some hospital is under pressure.
    mutating func pressureRound() {
        let pressure = model.bedPressure
        var total = 0
        for h in 0..<model.poolCount {
            let excess = Double(hospitals.wardPatients(h)) - pressure.occupancyThreshold * Double(hospitals.beds[h])
            hospitals.pressureExcess[h] = excess >= 0 ? Int(excess.rounded(.down)) + 1 : 0
            total += hospitals.pressureExcess[h]
        }
        var slot = 0
        while total > 0 && slot < episodes.slots.count {
            // Fields read in place (no copy of the episode): most slots fail the first test.
            if episodes.slots[slot].phase == .inHospital && episodes.slots[slot].place == .hospitalBed
                && episodes.slots[slot].hospital != .max && hospitals.pressureExcess[Int(episodes.slots[slot].hospital)] > 0
                && episodes.slots[slot].readyTime - now <= pressure.dischargeWithinHours {
                let e = episodes.slots[slot]
                hospitals.pressureExcess[Int(e.hospital)] -= 1
                total -= 1
                dischargeUnderPressure(UInt32(slot))
            }
            slot += 1
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
