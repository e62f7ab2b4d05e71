import SamspilModel

/// The episode trace as CSV: one flat record per episode step.
enum TraceCSV {
    static func render(_ records: [TraceRecord], scenario: Scenario) -> String {
        var lines = ["time_hours,episode,step,municipality,hospital,group,age_band,severity_band,route,detail"]
        lines.reserveCapacity(records.count + 1)
        let bands = ["gpManageable", "borderline", "mustAdmit"]
        let routes = ["gp", "outOfHours", "emergencyCall", "escalation", "readmission"]
        func quoted(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        for r in records {
            let hospital = Int(r.hospital) < scenario.hospitals.count ? scenario.hospitals[Int(r.hospital)].name : ""
            let detail = r.step == .outcome ? Metric(rawValue: Int(r.detail))?.definition.name ?? "" : ""
            // An episode is recorded on arrival, before its route (GP, out-of-hours, 112) is chosen.
            let route = r.step == .arrival ? "" : routes[Int(r.route)]
            lines.append([String(r.time), String(r.episode, radix: 16), "\(r.step)", quoted(scenario.municipalities[Int(r.municipality)].name),
                          quoted(hospital), quoted(scenario.patientGroups[Int(r.group)].name), quoted(scenario.ageBands[Int(r.age)]),
                          bands[Int(r.band)], route, detail].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
