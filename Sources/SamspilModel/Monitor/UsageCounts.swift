/// The usage ledger's counts while the replication runs, in `StateArray`s: a
/// count is a store, not a uniqueness check and a store, as it would be in the
/// ledger's public arrays. `Monitor.result` copies them into the
/// `UsageLedger` (same indexing as its arrays).
struct UsageCounts {
    let groupCount: Int
    let ageCount: Int
    var admissions: StateArray<Int>
    var admissionsByWard: StateArray<Int>
    var gpConsultations: StateArray<Int>
    var outOfHoursContacts: StateArray<Int>
    var gpHomeVisits: StateArray<Int>
    var teamEpisodes: StateArray<Int>
    var teamVisits: StateArray<Int>
    var delayedDischarges: StateArray<Int>
    var delayedDaysBeyondMaximum: StateArray<Int>

    init(_ model: CompiledScenario) {
        let m = model.municipalityCount
        groupCount = model.groupCount
        ageCount = model.ageCount
        admissions = StateArray(repeating: 0, count: m * model.groupCount * model.ageCount)
        admissionsByWard = StateArray(repeating: 0, count: model.poolCount)
        gpConsultations = StateArray(repeating: 0, count: m * model.ageCount)
        outOfHoursContacts = StateArray(repeating: 0, count: m * model.ageCount)
        gpHomeVisits = StateArray(repeating: 0, count: m * model.ageCount)
        teamEpisodes = StateArray(repeating: 0, count: model.teamCount)
        teamVisits = StateArray(repeating: 0, count: model.teamCount)
        delayedDischarges = StateArray(repeating: 0, count: m * (UsageLedger.maxDelayedDays + 1))
        delayedDaysBeyondMaximum = StateArray(repeating: 0, count: m)
    }

    /// An admission to bed pool `p` (see `UsageLedger.admissions` for the index).
    @inline(__always)
    func recordAdmission(municipality m: Int, group g: Int, age a: Int, pool p: Int) {
        admissions[(m &* groupCount &+ g) &* ageCount &+ a] += 1
        admissionsByWard[p] += 1
    }

    /// A delayed discharge of `days` days (see `UsageLedger.delayedDischarges`).
    @inline(__always)
    func recordDelayedDischarge(municipality m: Int, days: Int) {
        let bucket = Swift.min(days, UsageLedger.maxDelayedDays)
        delayedDischarges[m &* (UsageLedger.maxDelayedDays + 1) &+ bucket] += 1
        if days >= UsageLedger.maxDelayedDays { delayedDaysBeyondMaximum[m] += days }
    }

    /// Copies the counts into `usage`.
    func fill(_ usage: inout UsageLedger) {
        usage.admissions = Array(admissions)
        usage.admissionsByWard = Array(admissionsByWard)
        usage.gpConsultations = Array(gpConsultations)
        usage.outOfHoursContacts = Array(outOfHoursContacts)
        usage.gpHomeVisits = Array(gpHomeVisits)
        usage.teamEpisodes = Array(teamEpisodes)
        usage.teamVisits = Array(teamVisits)
        usage.delayedDischarges = Array(delayedDischarges)
        usage.delayedDaysBeyondMaximum = Array(delayedDaysBeyondMaximum)
    }

    func deallocate() {
        admissions.deallocate()
        admissionsByWard.deallocate()
        gpConsultations.deallocate()
        outOfHoursContacts.deallocate()
        gpHomeVisits.deallocate()
        teamEpisodes.deallocate()
        teamVisits.deallocate()
        delayedDischarges.deallocate()
        delayedDaysBeyondMaximum.deallocate()
    }
}
