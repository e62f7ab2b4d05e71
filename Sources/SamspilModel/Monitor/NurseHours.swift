import SamspilEngine

/// Busy and on-duty nurse-hours booked to each team's shifts and to the
/// periods of the day (day 07–15, evening 15–23, night 23–07).
///
/// A nurse pool keeps running integrals; these are read at every shift
/// boundary and period boundary, and the difference since the last boundary
/// is booked to what was on duty in between.
struct NurseHours {
    /// First shift of each team in `shiftBusy`/`shiftDuty` (team-major).
    var shiftOffset: StateArray<Int>
    var shiftBusy: StateArray<Double>
    var shiftDuty: StateArray<Double>
    /// Each team's integrals at its last shift boundary.
    var segmentBusyMark: StateArray<Double>
    var segmentDutyMark: StateArray<Double>
    /// Per period of the day (0 day, 1 evening, 2 night), and all teams'
    /// integrals at the last period boundary.
    var periodBusy: [Double] = [0, 0, 0]
    var periodDuty: [Double] = [0, 0, 0]
    var periodBusyMark = 0.0
    var periodDutyMark = 0.0

    /// Start hours of the day (07–15), evening (15–23) and night (23–07) periods.
    static var periodStarts: (Double, Double, Double) { (7, 15, 23) }

    init(_ model: CompiledScenario) {
        var offsets: [Int] = []
        var total = 0
        for plan in model.teamPlans { offsets.append(total); total += plan.shiftNames.count }
        shiftOffset = StateArray(offsets)
        shiftBusy = StateArray(repeating: 0, count: total)
        shiftDuty = StateArray(repeating: 0, count: total)
        segmentBusyMark = StateArray(repeating: 0, count: model.teamCount)
        segmentDutyMark = StateArray(repeating: 0, count: model.teamCount)
    }

    /// Frees the state buffers (at the end of the replication).
    func deallocate() {
        shiftOffset.deallocate()
        shiftBusy.deallocate()
        shiftDuty.deallocate()
        segmentBusyMark.deallocate()
        segmentDutyMark.deallocate()
    }

    /// Books team `t`'s hours since its last boundary to the shifts in `mask`.
    mutating func closeSegment(team t: Int, busy: Double, duty: Double, shifts mask: UInt32, shiftCount: Int, booked: Bool) {
        if booked {
            for s in 0..<shiftCount where mask & (1 << UInt32(s)) != 0 {
                shiftBusy[shiftOffset[t] + s] += busy - segmentBusyMark[t]
                shiftDuty[shiftOffset[t] + s] += duty - segmentDutyMark[t]
            }
        }
        segmentBusyMark[t] = busy
        segmentDutyMark[t] = duty
    }

    /// Team `t`'s integrals restart from zero (the end of the warm-up).
    mutating func restartSegment(team t: Int) {
        segmentBusyMark[t] = 0
        segmentDutyMark[t] = 0
    }

    /// Books all teams' hours since the last period boundary to period `ended`.
    mutating func closePeriod(_ ended: Int, busy: Double, duty: Double, booked: Bool) {
        if booked {
            periodBusy[ended] += busy - periodBusyMark
            periodDuty[ended] += duty - periodDutyMark
        }
        periodBusyMark = busy
        periodDutyMark = duty
    }

    /// The period marks restart from zero (the end of the warm-up).
    mutating func resetPeriods() {
        periodBusyMark = 0
        periodDutyMark = 0
    }

    /// The period (0 day, 1 evening, 2 night) that contains `hour` of the day.
    static func period(ofHour hour: Double) -> Int {
        hour >= 7 && hour < 15 ? 0 : (hour >= 15 && hour < 23 ? 1 : 2)
    }
}
