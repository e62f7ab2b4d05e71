import SamspilEngine

extension Monitor {
    /// An episode still under way at the end of the run: the bed-hours of its
    /// stay so far, and an index episode without an outcome yet.
    mutating func countUnderWay(_ e: Episode, end: Double, warmupEnd: Double) {
        let inHospitalBed = ((e.phase == .inHospital || e.phase == .awaitingDischarge) && e.place != .pooledAcuteBed)
            || (e.phase == .acuteBed && e.flags.contains(.inLentHospitalBed))
        if inHospitalBed {
            bedHoursByStays += end - Swift.max(e.admitTime, warmupEnd)
            byEntity.bedHours(municipality: Int(e.municipality), end - Swift.max(e.admitTime, warmupEnd))
        }
        if e.flags.contains(.measured) && !e.flags.contains(.isReadmission) && !e.flags.contains(.outcomeRecorded) {
            count[Metric.outcomeInProgress.rawValue] += 1
        }
    }

    /// The replication's results at `model.end`: the counts, the metrics
    /// derived from levels and tallies, the usage ledger and the invariants.
    /// - Complexity: O(hospitals + teams + units + municipalities + occupancy levels).
    mutating func result(_ model: CompiledScenario, replication: Int,
                         nurses: StateArray<ResourcePool>, temporaryBeds: StateArray<ResourcePool>,
                         events: UInt64, episodesSimulated: Int, peakLiveEpisodes: Int) -> ReplicationResult {
        let end = model.end
        let hospitalOccupancy = poolLevels.occupancies, hospitalOverflow = poolLevels.overflows
        var v = (0..<Metric.allCases.count).map { count[$0] }
        func set(_ m: Metric, _ x: Double) { v[m.rawValue] = x }
        let bedHours = hospitalOccupancy.reduce(0.0) { $0 + $1.integral(upTo: end) }
        set(.bedDays, bedHours / 24)
        set(.meanOccupancy, totalOccupancy.mean(upTo: end))
        set(.p95Occupancy, Double(totalOccupancy.quantile(0.95, upTo: end)))
        set(.maxOccupancy, Double(totalOccupancy.maximum(upTo: end)))
        let meanBeds = totalBeds.mean(upTo: end)
        set(.occupancyRate, meanBeds > 0 ? totalOccupancy.mean(upTo: end) / meanBeds : 0)
        set(.overflowBedHours, hospitalOverflow.reduce(0.0) { $0 + $1.integral(upTo: end) })
        let stays = [Metric.meanStay0to64, .meanStay65to79, .meanStay80plus]
        for (i, metric) in stays.enumerated() where i < staysByAge.count { set(metric, staysByAge[i].mean) }
        set(.readmissionRate65plus, discharges65 > 0 ? readmitted65 / discharges65 : 0)
        set(.readmissionRateShortStay65plus, shortStayDischarges65 > 0 ? shortStayReadmitted65 / shortStayDischarges65 : 0)
        let population65 = model.population65.reduce(0, +)
        set(.preventableAdmissions65PerThousand,
            population65 > 0 ? Double(usage.preventableAdmissions65) / (population65 / 1000) / model.horizonYears : 0)
        set(.temporaryBedDays, temporaryBeds.reduce(0.0) { $0 + $1.busy.integral(upTo: end) } / 24)
        set(.acuteBedDays, bedUnitLevel.reduce(0.0) { $0 + $1.integral(upTo: end) } / 24)
        let duty = nurses.reduce(0.0) { $0 + $1.capacityLevel.integral(upTo: end) }
        let busy = nurses.reduce(0.0) { $0 + $1.busy.integral(upTo: end) }
        // The period under way at the end: attribute what has accrued since its start.
        if model.teamCount > 0 {
            let current = NurseHours.period(ofHour: model.time.hourOfDay(end))
            nurseHours.periodBusy[current] += busy - nurseHours.periodBusyMark
            nurseHours.periodDuty[current] += duty - nurseHours.periodDutyMark
        }
        for (k, metric) in [Metric.teamUtilisationDay, .teamUtilisationEvening, .teamUtilisationNight].enumerated() {
            set(metric, nurseHours.periodDuty[k] > 0 ? nurseHours.periodBusy[k] / nurseHours.periodDuty[k] : 0)
        }
        set(.teamNurseHoursOnDuty, duty)
        set(.teamNurseHoursBusy, busy)
        set(.teamUtilisation, duty > 0 ? busy / duty : 0)
        set(.teamResponseMeanHours, responseTimes.count > 0 ? responseTimes.mean : 0)
        set(.teamResponseP90Hours, Self.percentile(responseHistogram, 0.9) / 60)
        for t in 0..<model.teamCount {
            usage.nurseHoursOnDuty[t] = nurses[t].capacityLevel.integral(upTo: end)
            for s in 0..<model.teamPlans[t].shiftNames.count {
                let k = nurseHours.shiftOffset[t] + s
                usage.shiftNurseHours[k] = nurseHours.shiftDuty[k]
                usage.shiftBusyHours[k] = nurseHours.shiftBusy[k]
            }
        }
        usageCounts.fill(&usage)
        usage.emergencyDepartmentVisits = Int(count[Metric.emergencyDepartmentVisits.rawValue])
        usage.ambulanceTrips = Int(count[Metric.ambulanceTrips.rawValue])
        for p in 0..<model.poolCount {
            usage.bedDaysByWard[p] = hospitalOccupancy[p].integral(upTo: end) / 24
            usage.overflowBedHoursByWard[p] = hospitalOverflow[p].integral(upTo: end)
            usage.acutePatientDaysInHospitalBedsByWard[p] = hospitalLent[p].integral(upTo: end) / 24
            usage.availableBedDaysByWard[p] = hospitalCapacity[p].integral(upTo: end) / 24
        }
        for u in 0..<model.bedUnitCount {
            usage.acuteBedDays[u] = bedUnitLevel[u].integral(upTo: end) / 24
            usage.hospitalPatientDaysInAcuteBeds[u] = bedUnitLent[u].integral(upTo: end) / 24
        }
        usage.aggregateWards()
        for m in 0..<model.municipalityCount { usage.temporaryBedDays[m] = temporaryBeds[m].busy.integral(upTo: end) / 24 }
        let beyond = nurses.reduce(0) { $0 + $1.grantsBeyondCapacity } + temporaryBeds.reduce(0) { $0 + $1.grantsBeyondCapacity }
        let invariants = InvariantCheck(bedHoursByStays: bedHoursByStays, bedHoursByOccupancy: bedHours,
                                        capacityViolations: capacityViolations + beyond)
        return ReplicationResult(replication: replication, values: v, usage: usage,
                                 entities: byEntity.counts(model, end: end, meanOccupancy: hospitalOccupancy.map { $0.mean(upTo: end) }),
                                 timeSeries: series, trace: trace,
                                 occupancyDistribution: totalOccupancy.durations(upTo: end), invariants: invariants,
                                 events: events, episodesSimulated: episodesSimulated, peakLiveEpisodes: peakLiveEpisodes)
    }

    /// The smallest value (in histogram units) at or below which a fraction `p` of observations lie.
    static func percentile(_ histogram: StateArray<Int>, _ p: Double) -> Double {
        let total = histogram.reduce(0, +)
        guard total > 0 else { return 0 }
        var cumulative = 0
        for (k, n) in histogram.enumerated() {
            cumulative += n
            if Double(cumulative) >= p * Double(total) { return Double(k) }
        }
        return Double(histogram.count - 1)
    }
}
