import SamspilEngine

// The acute teams' shifts (part of step 7): the nurses on duty change at every
// shift boundary of the team's week, and nurse-hours are booked to shifts and
// to the periods of the day.
extension PatientFlowSimulation {
    /// Schedules team `t`'s next shift boundary after `time`.
    mutating func scheduleNextSegment(team t: Int, after time: Double, current: Int) {
        let next = (current + 1) % model.teamPlans[t].segments.count
        let weekStart = (time / 168).rounded(.down) * 168
        var at = weekStart + model.teamPlans[t].segments[next].offset
        if at <= time { at += 168 }
        scheduler.schedule(EventKind.teamSegment, at: at, entity: UInt32(t), payload: UInt32(next), priority: .structural)
    }

    /// A shift boundary: books the hours of the segment that ended and sets the nurses on duty.
    mutating func teamSegmentChange(team t: Int, segment: Int) {
        closeShiftSegment(team: t)
        teams.segment[t] = segment
        teams.nurses[t].setCapacity(model.teamPlans[t].segments[segment].nurses, at: now)
        serveNurseQueue(team: t)
        scheduleNextSegment(team: t, after: now, current: segment)
    }

    /// Attributes busy and on-duty nurse-hours since the last boundary to the shifts on duty.
    mutating func closeShiftSegment(team t: Int) {
        monitor.closeShiftSegment(team: t, busy: teams.nurses[t].busy.integral(upTo: now),
                                  duty: teams.nurses[t].capacityLevel.integral(upTo: now),
                                  shifts: model.teamPlans[t].segments[teams.segment[t]].shifts,
                                  shiftCount: model.teamPlans[t].shiftNames.count)
    }

    /// A period of the day ends and period `next` (0 day, 1 evening, 2 night)
    /// starts: books every team's busy and on-duty nurse-hours since the last
    /// boundary to the period that ended.
    mutating func shiftPeriodEnds(next: Int) {
        var busy = 0.0, duty = 0.0
        for t in 0..<model.teamCount {
            busy += teams.nurses[t].busy.integral(upTo: now)
            duty += teams.nurses[t].capacityLevel.integral(upTo: now)
        }
        monitor.closePeriod((next + 2) % 3, busy: busy, duty: duty)
        let following = (next + 1) % 3
        let starts = NurseHours.periodStarts
        let start = following == 0 ? starts.0 : (following == 1 ? starts.1 : starts.2)
        var at = (now / 24).rounded(.down) * 24 + start
        if at <= now { at += 24 }
        if at < model.end {
            scheduler.schedule(EventKind.shiftPeriod, at: at, payload: UInt32(following), priority: .structural)
        }
    }
}
