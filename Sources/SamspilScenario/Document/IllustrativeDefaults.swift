/// The defaults a scenario inherits that are illustrative — chosen for the
/// direction of an effect, not estimated from Danish data (marked † in
/// docs/scenario-format.md; a test keeps this table and the document in step).
/// `samspil validate --explain` lists those a scenario relies on without
/// setting them, so a planner knows which numbers to replace with local ones.
public enum IllustrativeDefaults {
    /// (object kind, key, default as documented).
    static let table: [(kind: String, key: String, value: String)] = [
        ("Hospital", "dischargeHours", "{from: 8, to: 20}"),
        ("Ward", "dischargeHours", "{from: 8, to: 20}"),
        ("PatientGroup", "emergencyCallShare", "{gpManageable: 0, borderline: 0.1, mustAdmit: 0.5}"),
        ("PatientGroup", "needsMunicipalCare", "0.3 in every band"),
        ("PatientGroup", "temporaryBedShare", "0.2"),
        ("PatientGroup", "readmissionProbability", "0.15 in every band"),
        ("BandShares", "gpManageable", "0"),
        ("BandShares", "borderline", "0.1"),
        ("BandShares", "mustAdmit", "0.5"),
        ("TeamTreatment", "visitsPerDay", "2"),
        ("TeamTreatment", "escalationProbability", "0.1"),
        ("BedTreatment", "escalationProbability", "0.1"),
        ("Contact", "gpSameDaySlotsPerThousandPerDay", "1"),
        ("Decision", "trust", "{gp: 0.6, outOfHours: 0.3, emergencyDepartment: 0.5}"),
        ("Decision", "partTimeCredibility", "0.6"),
        ("Decision", "sharedITFactor", "1.25"),
        ("Decision", "unclearResponsibilityFactor", "0.8"),
        ("Decision", "maximumResponseHours", "4"),
        ("TrustDynamics", "gainPerSuccess", "0.01"),
        ("TrustDynamics", "lossPerRefusal", "0.05"),
        ("TrustDynamics", "lossPerEscalation", "0.03"),
        ("TrustDynamics", "floor", "0.3"),
        ("TrustDynamics", "ceiling", "1.5"),
        ("Trust", "gp", "0.6"),
        ("Trust", "outOfHours", "0.3"),
        ("Trust", "emergencyDepartment", "0.5"),
        ("AcuteTeam", "responseDelay", "{fixed: {valueHours: 1}}"),
        ("AcuteTeam", "visitDuration", "{fixed: {valueMinutes: 45}}"),
        ("AcuteTeam", "travelTime", "{fixed: {valueMinutes: 20}}"),
        ("EarlyDischarge", "visitsPerDay", "2"),
        ("Discharge", "notificationLeadHours", "12"),
        ("Discharge", "acceptHours", "{from: 8, to: 20}"),
        ("Discharge", "homeCareStartsPerThousand65PerDay", "0.5"),
        ("Discharge", "temporaryBedsPerThousand65", "2"),
        ("Discharge", "temporaryBedStay", "{lognormal: {meanDays: 14, sdDays: 10}}"),
        ("Readmission", "sharedITMultiplier", "0.9"),
        ("Readmission", "rushedDischargeMultiplier", "1.2"),
        ("Readmission", "bandMultiplier", "{gpManageable: 0.25, borderline: 1, mustAdmit: 1}"),
        ("Readmission", "afterHomeMultiplier", "1.6"),
        ("Readmission", "afterEmergencyDepartmentMultiplier", "1.6"),
        ("Readmission", "afterCommunityCareMultiplier", "0.6"),
        ("BandMultipliers", "gpManageable", "0.25"),
        ("Coordination", "greyZoneDelayHours", "2"),
        ("Coordination", "greyZoneVisitMinutes", "10"),
        ("BedPressure", "occupancyThreshold", "0.95"),
        ("BedPressure", "roundHour", "9"),
        ("BedPressure", "dischargeWithinHours", "24"),
        ("BedPressure", "outlierStayMultiplier", "1.1"),
        ("BedPressure", "emergencyDepartmentReferralMultiplier", "1.5"),
        ("Deterioration", "hazardPerHourWaiting", "0.01"),
        ("Economics", "defaultDrgTariffDkk", "30,000"),
        ("Economics", "coFinancingShare", "0.20 / 0.40 / 0.56"),
        ("Economics", "gpFeeCoFinancingShare", "0.07 / 0.12 / 0.18"),
        ("Economics", "stateActivityShare", "0.2"),
        ("Economics", "gpCapitationPerCitizenYearDkk", "450"),
        ("Prices", "hospitalBedDayDkk", "2,000"),
        ("Prices", "hospitalBedCapacityDayDkk", "3,000"),
        ("Prices", "overflowBedHourDkk", "50"),
        ("Prices", "emergencyDepartmentVisitDkk", "2,500"),
        ("Prices", "ambulanceTripDkk", "3,500"),
        ("Prices", "nurseHourByShiftDkk", "day 450, evening 550, night 650"),
        ("Prices", "defaultNurseHourDkk", "450"),
        ("Prices", "visitConsumablesDkk", "150"),
        ("Prices", "gpConsultationDkk", "400"),
        ("Prices", "outOfHoursContactDkk", "500"),
        ("Prices", "gpHomeVisitDkk", "800"),
    ]

    /// Where each object kind lives in a scenario document, and whether the
    /// object is a feature (its keys only matter when the object is there).
    static let places: [String: (path: String, onlyIfPresent: Bool)] = [
        "Hospital": ("hospitals[*]", false), "Ward": ("hospitals[*].wards[*]", true), "PatientGroup": ("patientGroups[*]", false),
        "BandShares": ("patientGroups[*].emergencyCallShare", true), "TeamTreatment": ("patientGroups[*].acuteTeam", true),
        "BedTreatment": ("patientGroups[*].acuteBed", true), "AcuteTeam": ("acuteTeams[*]", false),
        "EarlyDischarge": ("acuteTeams[*].earlyDischarge", true), "Contact": ("contact", false), "Decision": ("decision", false),
        "Trust": ("decision.trust", true), "TrustDynamics": ("decision.trustDynamics", true), "Discharge": ("discharge", false),
        "Readmission": ("readmission", false), "BandMultipliers": ("readmission.bandMultiplier", true),
        "Coordination": ("coordination", false), "BedPressure": ("bedPressure", false), "Deterioration": ("deterioration", false),
        "Economics": ("economics", false), "Prices": ("economics.prices", false),
    ]

    /// Every illustrative default the document relies on: the path of the
    /// value it leaves unset, and the default it gets.
    /// - Complexity: O(table × objects at each path).
    public static func inherited(by root: JSONValue) -> [(path: String, value: String)] {
        var result: [(String, String)] = []
        for row in table {
            guard let place = places[row.kind] else { continue }
            for (path, object) in objects(at: place.path, in: root, onlyIfPresent: place.onlyIfPresent)
            where object?[row.key] == nil {
                result.append((path + "." + row.key, row.value))
            }
        }
        return result
    }

    /// The objects at a path such as `patientGroups[*].acuteTeam`, each with the
    /// path written with names (`patientGroups[pneumonia].acuteTeam`); a missing
    /// object is `nil` (all its keys at their defaults) unless `onlyIfPresent`.
    static func objects(at path: String, in root: JSONValue, onlyIfPresent: Bool) -> [(String, JSONValue?)] {
        var current: [(String, JSONValue?)] = [("", root)]
        for part in path.split(separator: ".") {
            var next: [(String, JSONValue?)] = []
            let isList = part.hasSuffix("[*]")
            let key = isList ? String(part.dropLast(3)) : String(part)
            for (walked, node) in current {
                let prefix = walked.isEmpty ? key : walked + "." + key
                let child = node?[key]
                if isList {
                    for (i, element) in (child?.arrayValue ?? []).enumerated() {
                        next.append((prefix + "[\(element["name"]?.stringValue ?? String(i))]", element))
                    }
                } else if child != nil || !onlyIfPresent {
                    next.append((prefix, child))
                }
            }
            current = next
        }
        return current
    }
}
