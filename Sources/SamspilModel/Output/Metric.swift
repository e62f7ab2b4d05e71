/// What a replication measures. Every metric has a stable name (used in CSV and
/// JSON, so renaming one is a breaking change), a unit and a one-line meaning.
public struct MetricDefinition: Sendable, Hashable, Codable {
    public var name: String
    public var unit: String
    public var description: String
    public init(name: String, unit: String, description: String) {
        self.name = name
        self.unit = unit
        self.description = description
    }
}

/// The system-wide metrics of the patient-flow model, in output order.
/// Counts refer to the measurement window (after the warm-up).
public enum Metric: Int, CaseIterable, Sendable {
    // Demand and first contact
    case episodes, contactsGP, contactsOutOfHours, contactsEmergencyCall, gpNextDayWaits
    // Outcomes (every measured episode ends in exactly one)
    case outcomeHomeWithGP, outcomeDischargedFromED, outcomeAdmitted, outcomeAcuteTeam, outcomeAcuteBed, outcomeInProgress
    // Admissions
    case admissions, admissionsFromGP, admissionsFromOutOfHours, admissionsFromEmergencyCall
    case admissionsFromEscalation, readmissions, returnsAfterCommunity, preventableAdmissions65PerThousand
    // Avoided admissions (per-episode counterfactual)
    case counterfactualAdmissions, avoidedAdmissions, avoidedByAcuteTeam, avoidedByAcuteBed
    // Emergency department and hospital
    case emergencyDepartmentVisits, ambulanceTrips, admissionsToFullHospital, hospitalDischarges, bedDays, meanOccupancy, p95Occupancy, maxOccupancy
    case occupancyRate, overcrowdingPatients2300, overcrowdedHospitalDays, overflowBedHours
    case meanStay0to64, meanStay65to79, meanStay80plus
    case readmissionRate65plus, readmissionRateShortStay65plus, pressureDischarges
    // Discharge
    case delayedDischargePatients, delayedDischargeDays, temporaryBedDays
    // Acute team
    case teamReferrals, teamRefusals, teamEpisodes, teamEscalations, teamVisits, teamFollowUpVisits, earlyDischarges
    case forwardVisitationReferrals, teamNurseHoursOnDuty, teamNurseHoursBusy, teamUtilisation, teamUtilisationDay, teamUtilisationEvening, teamUtilisationNight
    case teamResponseMeanHours, teamResponseP90Hours, waitingDeteriorations, teamNotCredibleNow
    // Acute beds
    case acuteBedReferrals, acuteBedRefusals, acuteBedEpisodes, acuteBedDays, hospitalPatientsInAcuteBeds, acutePatientsInHospitalBeds
    // Primary care
    case gpConsultations, gpHomeVisits, outOfHoursConsultations

    public var definition: MetricDefinition { Metric._definitions[rawValue] }

    static let _definitions: [MetricDefinition] = Metric.allCases.map { $0._makeDefinition() }

    func _makeDefinition() -> MetricDefinition {
        func d(_ unit: String, _ text: String) -> MetricDefinition { MetricDefinition(name: "\(self)", unit: unit, description: text) }
        switch self {
        case .episodes: return d("episodes", "acute episodes that started in the measurement window (readmissions excluded)")
        case .contactsGP: return d("contacts", "episodes whose first contact was the own GP")
        case .contactsOutOfHours: return d("contacts", "episodes whose first contact was the out-of-hours doctor")
        case .contactsEmergencyCall: return d("contacts", "episodes whose first contact was 112/ambulance")
        case .gpNextDayWaits: return d("episodes", "episodes that waited for the next GP office day because same-day slots were full")
        case .outcomeHomeWithGP: return d("episodes", "outcome: managed at home by the GP or out-of-hours doctor alone")
        case .outcomeDischargedFromED: return d("episodes", "outcome: seen in the emergency department and sent home without admission")
        case .outcomeAdmitted: return d("episodes", "outcome: admitted to hospital (directly or after escalation)")
        case .outcomeAcuteTeam: return d("episodes", "outcome: completed treatment by the acute team at home")
        case .outcomeAcuteBed: return d("episodes", "outcome: completed treatment in a municipal acute bed")
        case .outcomeInProgress: return d("episodes", "outcome: still in progress at the end of the run")
        case .admissions: return d("admissions", "hospital admissions in the window, all routes")
        case .admissionsFromGP: return d("admissions", "admissions referred by the own GP")
        case .admissionsFromOutOfHours: return d("admissions", "admissions referred by the out-of-hours doctor")
        case .admissionsFromEmergencyCall: return d("admissions", "admissions via 112/ambulance")
        case .admissionsFromEscalation: return d("admissions", "admissions after escalation from the acute team or an acute bed")
        case .readmissions: return d("admissions", "returns to hospital within the window after any ending: a hospital stay, team or acute-bed care, home with the doctor, or home from the emergency department")
        case .returnsAfterCommunity: return d("admissions", "returns within the window after an episode that ended without a hospital stay (home, emergency department, acute team or bed)")
        case .preventableAdmissions65PerThousand: return d("per 1,000 65+ per year", "admissions of citizens 65+ in preventable groups (all routes) per 1,000 citizens 65+ per year")
        case .counterfactualAdmissions: return d("episodes", "episodes the same doctor would have admitted with no acute alternative")
        case .avoidedAdmissions: return d("admissions", "episodes whose counterfactual admits but with no admission within the readmission window")
        case .avoidedByAcuteTeam: return d("admissions", "avoided admissions among episodes completed by the acute team")
        case .avoidedByAcuteBed: return d("admissions", "avoided admissions among episodes completed in an acute bed")
        case .emergencyDepartmentVisits: return d("visits", "emergency department visits")
        case .ambulanceTrips: return d("trips", "ambulance trips (112 contacts and escalations)")
        case .admissionsToFullHospital: return d("admissions", "admissions that found every bed of the hospital taken (overflow or a lent acute bed)")
        case .hospitalDischarges: return d("discharges", "hospital discharges in the window")
        case .bedDays: return d("bed-days", "hospital bed-days in the window (integral of occupancy, overflow included)")
        case .meanOccupancy: return d("patients", "time-average number of patients in medical beds, all hospitals")
        case .p95Occupancy: return d("patients", "95th percentile of the total number of patients in medical beds (exact, time-weighted)")
        case .maxOccupancy: return d("patients", "highest total number of patients in medical beds")
        case .occupancyRate: return d("ratio", "mean occupancy divided by mean available beds")
        case .overcrowdingPatients2300: return d("patient-days", "sum over days and hospitals of patients above available beds at 23:00")
        case .overcrowdedHospitalDays: return d("hospital-days", "days × hospitals with more patients than available beds at 23:00")
        case .overflowBedHours: return d("bed-hours", "hours patients spent above the hospital's available beds")
        case .meanStay0to64: return d("days", "mean hospital stay of discharged patients aged 0–64 (first age band)")
        case .meanStay65to79: return d("days", "mean hospital stay of discharged patients aged 65–79 (second age band)")
        case .meanStay80plus: return d("days", "mean hospital stay of discharged patients aged 80+ (third age band)")
        case .readmissionRate65plus: return d("ratio", "share of hospital discharges of patients 65+ followed by readmission within the window")
        case .readmissionRateShortStay65plus: return d("ratio", "share of hospital discharges of patients 65+ after stays of at most 24 hours followed by readmission within the window")
        case .pressureDischarges: return d("patients", "patients discharged before medical readiness at a bed-pressure round (rushed)")
        case .delayedDischargePatients: return d("patients", "discharged patients who waited for the municipality after medical readiness")
        case .delayedDischargeDays: return d("days", "delayed-discharge days (calendar days between readiness and discharge)")
        case .temporaryBedDays: return d("bed-days", "municipal temporary-bed days used by discharged patients")
        case .teamReferrals: return d("referrals", "referrals to an acute team (from doctors, forward visitation and early discharge)")
        case .teamRefusals: return d("referrals", "referrals refused because the team was at its maximum caseload")
        case .teamEpisodes: return d("episodes", "acute-team episodes started")
        case .teamEscalations: return d("episodes", "acute-team episodes that escalated to hospital")
        case .teamVisits: return d("visits", "acute-team visits completed (episode visits)")
        case .teamFollowUpVisits: return d("visits", "acute-team follow-up visits after hospital discharge")
        case .earlyDischarges: return d("patients", "hospital patients discharged early into acute-team care")
        case .forwardVisitationReferrals: return d("patients", "emergency-department arrivals sent home with the team by forward visitation")
        case .teamNurseHoursOnDuty: return d("nurse-hours", "nurse hours on duty (capacity)")
        case .teamNurseHoursBusy: return d("nurse-hours", "nurse hours spent on visits and travel")
        case .teamUtilisation: return d("ratio", "busy nurse hours divided by nurse hours on duty")
        case .teamUtilisationDay: return d("ratio", "busy nurse hours ÷ nurse hours on duty, 07–15, all teams")
        case .teamUtilisationEvening: return d("ratio", "busy nurse hours ÷ nurse hours on duty, 15–23, all teams")
        case .teamUtilisationNight: return d("ratio", "busy nurse hours ÷ nurse hours on duty, 23–07, all teams")
        case .teamResponseMeanHours: return d("hours", "mean time from referral to the start of the first visit")
        case .teamResponseP90Hours: return d("hours", "90th percentile of the response time (1-minute resolution)")
        case .waitingDeteriorations: return d("episodes", "team patients who deteriorated while waiting for the first visit, or for a later visit that came late, and were escalated")
        case .teamNotCredibleNow: return d("decisions", "referral decisions in which the team was on duty but could not promise a visit within the maximum response time because of its queue")
        case .acuteBedReferrals: return d("referrals", "referrals to municipal acute beds")
        case .acuteBedRefusals: return d("referrals", "acute-bed referrals refused for lack of a free bed")
        case .acuteBedEpisodes: return d("episodes", "acute-bed stays started by municipal acute patients")
        case .acuteBedDays: return d("bed-days", "acute-bed days used (municipal and hospital patients)")
        case .hospitalPatientsInAcuteBeds: return d("patients", "hospital admissions placed in a free pooled acute bed instead of overflow")
        case .acutePatientsInHospitalBeds: return d("patients", "acute-bed patients placed in a free pooled hospital bed")
        case .gpConsultations: return d("consultations", "acute GP consultations (office hours)")
        case .gpHomeVisits: return d("visits", "borderline patients the GP keeps at home with a home visit")
        case .outOfHoursConsultations: return d("consultations", "out-of-hours doctor consultations")
        }
    }
}
