import SamspilModel
import SamspilReport

/// What each municipality, hospital, region, acute team and acute-bed unit
/// did in a replication, from the usage ledger the model keeps per entity:
/// rows with a level and an entity name beside the system-wide metrics.
///
/// Measures the ledger does not yet keep per entity (episodes and avoided
/// admissions per municipality, occupancy percentiles and overcrowding per
/// hospital, refusals and response times per team) are system-wide only.
public enum EntityModelMetrics {
    struct Line {
        var name: String
        var unit: String
        var description: String
    }

    static let municipality = [
        Line(name: "admissions", unit: "admissions", description: "admissions of this municipality's citizens"),
        Line(name: "delayedDischargeDays", unit: "days", description: "delayed-discharge days of this municipality's citizens"),
        Line(name: "temporaryBedDays", unit: "bed-days", description: "temporary-bed days used by this municipality's citizens"),
        Line(name: "gpConsultations", unit: "consultations", description: "acute GP consultations of this municipality's citizens"),
        Line(name: "outOfHoursConsultations", unit: "consultations", description: "out-of-hours consultations of this municipality's citizens"),
    ]
    static let hospital = [
        Line(name: "admissions", unit: "admissions", description: "admissions to this hospital"),
        Line(name: "bedDays", unit: "bed-days", description: "occupied bed-days of this hospital (overflow included)"),
        Line(name: "occupancyRate", unit: "ratio", description: "occupied ÷ available bed-days of this hospital"),
        Line(name: "overflowBedHours", unit: "bed-hours", description: "hours patients spent above this hospital's available beds"),
    ]
    /// A hospital ward's rows (only in scenarios with a ward besides `medical`);
    /// the hospital's rows sum its wards.
    static let ward = [
        Line(name: "admissions", unit: "admissions", description: "admissions to this ward"),
        Line(name: "bedDays", unit: "bed-days", description: "occupied bed-days of this ward (overflow included)"),
        Line(name: "occupancyRate", unit: "ratio", description: "occupied ÷ available bed-days of this ward"),
        Line(name: "overflowBedHours", unit: "bed-hours", description: "hours patients spent above this ward's available beds"),
    ]
    static let region = [
        Line(name: "admissions", unit: "admissions", description: "admissions to this region's hospitals"),
        Line(name: "bedDays", unit: "bed-days", description: "occupied bed-days of this region's hospitals"),
    ]
    static let team = [
        Line(name: "teamEpisodes", unit: "episodes", description: "episodes this acute team started"),
        Line(name: "teamAllVisits", unit: "visits", description: "visits this acute team completed, episode and follow-up visits together"),
        Line(name: "teamNurseHoursOnDuty", unit: "nurse-hours", description: "nurse hours this team had on duty"),
        Line(name: "teamUtilisation", unit: "ratio", description: "busy ÷ on-duty nurse hours of this team"),
    ]
    static let acuteBeds = [
        Line(name: "acuteBedDays", unit: "bed-days", description: "bed-days used in this acute-bed unit"),
        Line(name: "acuteBedOccupancy", unit: "ratio", description: "used ÷ available bed-days of this acute-bed unit"),
    ]

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
    public static func values(_ usage: UsageLedger, scenario: Scenario, days: Double) -> [Double] {
        var v: [Double] = []
        let ages = usage.ageCount, buckets = UsageLedger.maxDelayedDays + 1
        for m in 0..<usage.municipalityCount {
            let admissions = usage.admissions[(m * usage.groupCount * ages)..<((m + 1) * usage.groupCount * ages)].reduce(0, +)
            var delayed = Double(usage.delayedDaysBeyondMaximum[m])
            for d in 1..<UsageLedger.maxDelayedDays { delayed += Double(d * usage.delayedDischarges[m * buckets + d]) }
            let range = (m * ages)..<((m + 1) * ages)
            v += [Double(admissions), delayed, usage.temporaryBedDays[m],
                  Double(usage.gpConsultations[range].reduce(0, +)), Double(usage.outOfHoursContacts[range].reduce(0, +))]
        }
        for h in 0..<usage.hospitalCount {
            let available = usage.availableBedDays[h]
            v += [Double(usage.admissionsByHospital[h]), usage.bedDays[h], available > 0 ? usage.bedDays[h] / available : 0,
                  usage.overflowBedHours[h]]
        }
        if scenario.wardNames.count > 1 {
            for p in usage.wardHospital.indices {
                let available = usage.availableBedDaysByWard[p], occupied = usage.bedDaysByWard[p]
                v += [Double(usage.admissionsByWard[p]), occupied, available > 0 ? occupied / available : 0, usage.overflowBedHoursByWard[p]]
            }
        }
        for region in scenario.regions {
            let hospitals = scenario.hospitals.indices.filter { scenario.hospitals[$0].region == region.name }
            v += [Double(hospitals.reduce(0) { $0 + usage.admissionsByHospital[$1] }), hospitals.reduce(0) { $0 + usage.bedDays[$1] }]
        }
        var shift = 0
        for (t, team) in scenario.acuteTeams.enumerated() {
            let onDuty = usage.nurseHoursOnDuty[t]
            let busy = usage.shiftBusyHours[shift..<(shift + team.shifts.count)].reduce(0, +)
            shift += team.shifts.count
            v += [Double(usage.teamEpisodes[t]), Double(usage.teamVisits[t]), onDuty, onDuty > 0 ? busy / onDuty : 0]
        }
        for u in scenario.acuteBedUnits.indices {
            let available = usage.acuteBedCapacity[u] * days
            v += [usage.acuteBedDays[u], available > 0 ? usage.acuteBedDays[u] / available : 0]
        }
        return v
    }
}
