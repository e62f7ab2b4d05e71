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

    /// The ledger's (zero) counts, same sizes and indexing.
    init(_ usage: UsageLedger) {
        groupCount = usage.groupCount
        ageCount = usage.ageCount
        admissions = StateArray(usage.admissions)
        admissionsByWard = StateArray(usage.admissionsByWard)
        gpConsultations = StateArray(usage.gpConsultations)
        outOfHoursContacts = StateArray(usage.outOfHoursContacts)
        gpHomeVisits = StateArray(usage.gpHomeVisits)
        teamEpisodes = StateArray(usage.teamEpisodes)
        teamVisits = StateArray(usage.teamVisits)
        delayedDischarges = StateArray(usage.delayedDischarges)
        delayedDaysBeyondMaximum = StateArray(usage.delayedDaysBeyondMaximum)
    }

    /// An admission to bed pool `p` (`UsageLedger.admissions` has the index).
    @inline(__always)
    func recordAdmission(municipality m: Int, group g: Int, age a: Int, pool p: Int) {
        admissions[(m &* groupCount &+ g) &* ageCount &+ a] += 1
        admissionsByWard[p] += 1
    }

    /// A delayed discharge of `days` days (see `UsageLedger.delayedDischarges`).
    @inline(__always)
    func recordDelayedDischarge(municipality m: Int, days: Int) {
        delayedDischarges[UsageLedger.delayedDischargeIndex(municipality: m, days: days)] += 1
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
