import SamspilEconomics
import SamspilModel
import SamspilReport

/// What each municipality, hospital, region, acute team and acute-bed unit
/// did in a replication: rows with a level and an entity name beside the
/// system-wide metrics, from the usage ledger and the monitor's counts per
/// entity (``EntityCounts``).
///
/// A row named like a system metric means the same thing restricted to the
/// entity; where the measure adds up (counts, bed-days, mean occupancy), the
/// rows of a level add up to the system row. Region rows add up their
/// hospitals (hospital measures) or their municipalities (episodes, avoided
/// admissions, team and acute-bed episodes, delayed-discharge days).
public enum EntityModelMetrics {
    struct Line {
        var name: String
        var unit: String
        var description: String
    }

    /// A line per model metric, meaning it for one entity.
    static func lines(_ metrics: [Metric], _ whose: String) -> [Line] {
        metrics.map { Line(name: $0.definition.name, unit: $0.definition.unit, description: "\($0.definition.description); \(whose)") }
    }

    static let municipality = [
        Line(name: "admissions", unit: "admissions", description: "admissions of this municipality's citizens"),
        Line(name: "delayedDischargeDays", unit: "days", description: "delayed-discharge days of this municipality's citizens"),
        Line(name: "temporaryBedDays", unit: "bed-days", description: "temporary-bed days used by this municipality's citizens"),
        Line(name: "gpConsultations", unit: "consultations", description: "acute GP consultations of this municipality's citizens"),
        Line(name: "outOfHoursConsultations", unit: "consultations", description: "out-of-hours consultations of this municipality's citizens"),
        Line(name: "bedDays", unit: "bed-days", description: "hospital bed-days used by this municipality's citizens (lent hospital beds included)"),
        Line(name: "resourceCost", unit: "DKK",
             description: "variable resource cost of this municipality's citizens' care at the scenario's prices: hospital bed-days, emergency department visits, ambulance trips, GP and out-of-hours consultations, GP home visits, temporary-bed days (capacity costs of beds and teams, and transfers, are not caused by one citizen and are left out)"),
    ] + lines(EntityCounts.municipalityMetrics, "this municipality's citizens")
    static let hospital = [
        Line(name: "admissions", unit: "admissions", description: "admissions to this hospital"),
        Line(name: "bedDays", unit: "bed-days", description: "occupied bed-days of this hospital (overflow included)"),
        Line(name: "occupancyRate", unit: "ratio", description: "occupied ÷ available bed-days of this hospital"),
        Line(name: "overflowBedHours", unit: "bed-hours", description: "hours patients spent above this hospital's available beds"),
        Line(name: "meanOccupancy", unit: "patients", description: "time-average number of patients in this hospital's beds, all its wards"),
        Line(name: "p95Occupancy", unit: "patients", description: "95th percentile of this hospital's patients, all its wards (exact, time-weighted)"),
        Line(name: "meanLengthOfStay", unit: "days", description: "mean hospital stay of this hospital's discharges, all ages"),
    ] + lines(EntityCounts.hospitalMetrics, "this hospital")
    /// A hospital ward's rows (only in scenarios with a ward besides `medical`);
    /// the hospital's rows sum its wards.
    static let ward = [
        Line(name: "admissions", unit: "admissions", description: "admissions to this ward"),
        Line(name: "bedDays", unit: "bed-days", description: "occupied bed-days of this ward (overflow included)"),
        Line(name: "occupancyRate", unit: "ratio", description: "occupied ÷ available bed-days of this ward"),
        Line(name: "overflowBedHours", unit: "bed-hours", description: "hours patients spent above this ward's available beds"),
    ]
    /// Region rows from its hospitals, then from its municipalities.
    static let regionFromHospitals: [Metric] = [.meanOccupancy, .overflowBedHours, .overcrowdingPatients2300, .readmissions]
    static let regionFromMunicipalities: [Metric] = [.episodes, .avoidedAdmissions, .teamEpisodes, .acuteBedEpisodes]
    static let region = [
        Line(name: "admissions", unit: "admissions", description: "admissions to this region's hospitals"),
        Line(name: "bedDays", unit: "bed-days", description: "occupied bed-days of this region's hospitals"),
    ] + lines(regionFromHospitals, "this region's hospitals") + lines(regionFromMunicipalities, "citizens of this region's municipalities")
        + [Line(name: "delayedDischargeDays", unit: "days", description: "delayed-discharge days of citizens of this region's municipalities")]
    static let team = [
        Line(name: "teamEpisodes", unit: "episodes", description: "episodes this acute team started"),
        Line(name: "teamAllVisits", unit: "visits", description: "visits this acute team completed, episode and follow-up visits together"),
        Line(name: "teamNurseHoursOnDuty", unit: "nurse-hours", description: "nurse hours this team had on duty"),
        Line(name: "teamUtilisation", unit: "ratio", description: "busy ÷ on-duty nurse hours of this team"),
        Line(name: "teamResponseMeanHours", unit: "hours", description: "mean time from referral to the start of this team's first visit"),
    ] + lines(EntityCounts.teamMetrics, "this team")
    static let acuteBeds = [
        Line(name: "acuteBedDays", unit: "bed-days", description: "bed-days used in this acute-bed unit"),
        Line(name: "acuteBedOccupancy", unit: "ratio", description: "used ÷ available bed-days of this acute-bed unit"),
    ] + lines(EntityCounts.bedUnitMetrics, "patients of this acute-bed unit")

    /// Every line's name, unit and meaning, once (for `samspil metrics`).
    public static var lineNames: [(name: String, unit: String, description: String)] {
        var seen = Set<String>()
        return (municipality + hospital + region + team + acuteBeds).filter { seen.insert($0.name).inserted }
            .map { ($0.name, $0.unit, $0.description) }
    }

    /// The rows, in the order ``values(_:scenario:days:)`` fills them.
    public static func infos(for scenario: Scenario) -> [MetricInfo] {
        func rows(_ lines: [Line], level: String, names: [String]) -> [MetricInfo] {
            names.flatMap { name in
                lines.map { MetricInfo(name: $0.name, unit: $0.unit, description: $0.description, group: level, level: level, entity: name) }
            }
        }
        return rows(municipality, level: "municipality", names: scenario.municipalities.map(\.name))
            + rows(hospital, level: "hospital", names: scenario.hospitals.map(\.name))
            + rows(ward, level: "ward", names: wardNames(scenario))
            + rows(region, level: "region", names: scenario.regions.map(\.name))
            + rows(team, level: "team", names: scenario.acuteTeams.map(\.name))
            + rows(acuteBeds, level: "acuteBeds", names: scenario.acuteBedUnits.map(\.name))
    }

    /// The entity names of the hospital wards, `Hospital / ward`, in bed-pool
    /// order (every medical ward, then each hospital's other wards); none when
    /// the scenario has only medical wards.
    public static func wardNames(_ scenario: Scenario) -> [String] {
        guard scenario.wardNames.count > 1 else { return [] }
        return scenario.hospitals.map { "\($0.name) / \(Hospital.medicalWard)" }
            + scenario.hospitals.flatMap { h in h.wards.map { "\(h.name) / \($0.name)" } }
    }

    /// - Complexity: O(entities + municipalities × groups × ages).
    public static func values(_ result: ReplicationResult, scenario: Scenario, days: Double, prices: Prices = Prices()) -> [Double] {
        let usage = result.usage, counts = result.entities
        var v: [Double] = []
        v.reserveCapacity(usage.municipalityCount * municipality.count + usage.hospitalCount * hospital.count)
        let ages = usage.ageCount, buckets = UsageLedger.maxDelayedDays + 1
        var delayed = [Double](repeating: 0, count: usage.municipalityCount)
        for m in 0..<usage.municipalityCount {
            let admissions = usage.admissions[(m * usage.groupCount * ages)..<((m + 1) * usage.groupCount * ages)].reduce(0, +)
            delayed[m] = Double(usage.delayedDaysBeyondMaximum[m])
            for d in 1..<UsageLedger.maxDelayedDays { delayed[m] += Double(d * usage.delayedDischarges[m * buckets + d]) }
            let range = (m * ages)..<((m + 1) * ages)
            let gp = Double(usage.gpConsultations[range].reduce(0, +)), outOfHours = Double(usage.outOfHoursContacts[range].reduce(0, +))
            let resourceCost = counts.municipalityBedDays[m] * prices.hospitalBedDay
                + counts.municipality(m, .emergencyDepartmentVisits) * prices.emergencyDepartmentVisit
                + counts.municipality(m, .ambulanceTrips) * prices.ambulanceTrip
                + gp * prices.gpConsultation + outOfHours * prices.outOfHoursContact
                + Double(usage.gpHomeVisits[range].reduce(0, +)) * prices.gpHomeVisit
                + usage.temporaryBedDays[m] * prices.temporaryBedDay
            v += [Double(admissions), delayed[m], usage.temporaryBedDays[m], gp, outOfHours, counts.municipalityBedDays[m], resourceCost]
            v += EntityCounts.municipalityMetrics.map { counts.municipality(m, $0) }
        }
        for h in 0..<usage.hospitalCount {
            let available = usage.availableBedDays[h], discharges = counts.hospital(h, .hospitalDischarges)
            v += [Double(usage.admissionsByHospital[h]), usage.bedDays[h], available > 0 ? usage.bedDays[h] / available : 0,
                  usage.overflowBedHours[h], counts.hospitalMeanOccupancy[h], counts.hospitalP95Occupancy[h],
                  discharges > 0 ? counts.hospitalStayDays[h] / discharges : 0]
            v += EntityCounts.hospitalMetrics.map { counts.hospital(h, $0) }
        }
        if scenario.wardNames.count > 1 {
            for p in usage.wardHospital.indices {
                let available = usage.availableBedDaysByWard[p], occupied = usage.bedDaysByWard[p]
                v += [Double(usage.admissionsByWard[p]), occupied, available > 0 ? occupied / available : 0, usage.overflowBedHoursByWard[p]]
            }
        }
        for region in scenario.regions {
            let hospitals = scenario.hospitals.indices.filter { scenario.hospitals[$0].region == region.name }
            let municipalities = scenario.municipalities.indices.filter { scenario.municipalities[$0].region == region.name }
            func hospitalSum(_ metric: Metric) -> Double {
                hospitals.reduce(0) { total, h in
                    switch metric {
                    case .meanOccupancy: total + counts.hospitalMeanOccupancy[h]
                    case .overflowBedHours: total + usage.overflowBedHours[h]
                    default: total + counts.hospital(h, metric)
                    }
                }
            }
            v += [Double(hospitals.reduce(0) { $0 + usage.admissionsByHospital[$1] }), hospitals.reduce(0) { $0 + usage.bedDays[$1] }]
            v += regionFromHospitals.map(hospitalSum)
            v += regionFromMunicipalities.map { metric in municipalities.reduce(0) { $0 + counts.municipality($1, metric) } }
            v.append(municipalities.reduce(0) { $0 + delayed[$1] })
        }
        var shift = 0
        for (t, team) in scenario.acuteTeams.enumerated() {
            let onDuty = usage.nurseHoursOnDuty[t]
            let busy = usage.shiftBusyHours[shift..<(shift + team.shifts.count)].reduce(0, +)
            shift += team.shifts.count
            let responses = counts.teamResponses[t]
            v += [Double(usage.teamEpisodes[t]), Double(usage.teamVisits[t]), onDuty, onDuty > 0 ? busy / onDuty : 0,
                  responses > 0 ? counts.teamResponseHours[t] / responses : 0]
            v += EntityCounts.teamMetrics.map { counts.team(t, $0) }
        }
        for u in scenario.acuteBedUnits.indices {
            let available = usage.acuteBedCapacity[u] * days
            v += [usage.acuteBedDays[u], available > 0 ? usage.acuteBedDays[u] / available : 0]
            v += EntityCounts.bedUnitMetrics.map { counts.bedUnit(u, $0) }
        }
        return v
    }
}
