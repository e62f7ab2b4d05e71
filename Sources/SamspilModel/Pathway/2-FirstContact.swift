import SamspilEngine

/// Each municipality's same-day GP slots: the day they were last counted and
/// how many of them are taken.
struct FirstContactState {
    var gpSlotDay: StateArray<Int>
    var gpSlotsUsed: StateArray<Double>

    init(_ model: CompiledScenario) {
        gpSlotDay = StateArray(repeating: -1, count: model.municipalityCount)
        gpSlotsUsed = StateArray(repeating: 0, count: model.municipalityCount)
    }

    /// Frees the state buffers (at the end of the replication).
    func deallocate() {
        gpSlotDay.deallocate()
        gpSlotsUsed.deallocate()
    }
}

// Step 2 of the pathway: the first contact with a doctor — the own GP in office
// hours while same-day slots last, otherwise the out-of-hours doctor (or the
// next office day, when the scenario says so).
extension PatientFlowSimulation {
    /// The own GP in office hours if a same-day slot is free; otherwise the
    /// out-of-hours doctor or the next office day.
    mutating func contactDoctor(_ id: UInt32, retry: Bool) {
        let m = Int(episodes.slots[Int(id)].municipality)
        let hour = model.time.hourOfDay(now)
        let day = model.time.day(now)
        if model.gpOfficeDays.contains(model.time.weekday(ofDay: day)) && model.gpOfficeHours.contains(hourOfDay: hour) {
            if contact.gpSlotDay[m] != day { contact.gpSlotDay[m] = day; contact.gpSlotsUsed[m] = 0 }
            if contact.gpSlotsUsed[m] + 1 <= model.gpSlotsPerDay[m] {
                contact.gpSlotsUsed[m] += 1
                episodes.slots[Int(id)].route = Route.gp.rawValue
                let e = episodes.slots[Int(id)]
                monitor.countEpisode(.contactsGP, e)
                count(.gpConsultations, for: Entities(e))
                decide(id, doctor: .gp)
                return
            }
            // Slots are full today.
            if model.gpFullWaitsForNextDay && !retry && episodes.slots[Int(id)].band != SeverityBand.mustAdmit.rawValue,
               let opens = model.time.nextTime(atOrAfter: Double(day + 1) * 24, in: model.gpOfficeHours, on: model.gpOfficeDays) {
                monitor.countEpisode(.gpNextDayWaits, episodes.slots[Int(id)])
                episodes.slots[Int(id)].phase = .waitingForGP
                schedule(EventKind.gpOpens, at: opens, episode: id, priority: .seize)
                return
            }
        }
        episodes.slots[Int(id)].route = Route.outOfHours.rawValue
        let e = episodes.slots[Int(id)]
        monitor.countEpisode(.contactsOutOfHours, e)
        count(.outOfHoursConsultations, for: Entities(e))
        decide(id, doctor: .outOfHours)
    }

    /// The GP's office opens for a patient who waited: a second try.
    mutating func gpOpens(_ id: UInt32) {
        episodes.slots[Int(id)].phase = .free
        contactDoctor(id, retry: true)
    }
}
