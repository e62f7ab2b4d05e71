import SamspilModel

/// Presentation groups of the model's metrics, for tables and the report.
enum MetricGroups {
    static func group(of metric: Metric) -> String {
        switch metric {
        case .episodes, .contactsGP, .contactsOutOfHours, .contactsEmergencyCall, .gpNextDayWaits: return "demand and first contact"
        case .outcomeHomeWithGP, .outcomeDischargedFromED, .outcomeAdmitted, .outcomeAcuteTeam, .outcomeAcuteBed, .outcomeInProgress:
            return "outcomes"
        case .admissions, .admissionsFromGP, .admissionsFromOutOfHours, .admissionsFromEmergencyCall, .admissionsFromEscalation,
             .readmissions, .returnsAfterCommunity, .preventableAdmissions65PerThousand: return "admissions"
        case .counterfactualAdmissions, .avoidedAdmissions, .avoidedByAcuteTeam, .avoidedByAcuteBed: return "avoided admissions"
        case .emergencyDepartmentVisits, .ambulanceTrips, .admissionsToFullHospital, .hospitalDischarges, .bedDays, .meanOccupancy,
             .p95Occupancy, .maxOccupancy, .occupancyRate, .overcrowdingPatients2300, .overcrowdedHospitalDays, .overflowBedHours,
             .meanStay0to64, .meanStay65to79, .meanStay80plus, .readmissionRate65plus, .readmissionRateShortStay65plus,
             .pressureDischarges: return "hospital"
        case .delayedDischargePatients, .delayedDischargeDays, .temporaryBedDays: return "discharge"
        case .teamReferrals, .teamRefusals, .teamEpisodes, .teamEscalations, .teamVisits, .teamFollowUpVisits, .earlyDischarges,
             .forwardVisitationReferrals, .teamNurseHoursOnDuty, .teamNurseHoursBusy, .teamUtilisation, .teamUtilisationDay,
             .teamUtilisationEvening, .teamUtilisationNight, .teamResponseMeanHours,
             .teamResponseP90Hours, .waitingDeteriorations, .teamNotCredibleNow: return "acute team"
        case .acuteBedReferrals, .acuteBedRefusals, .acuteBedEpisodes, .acuteBedDays, .hospitalPatientsInAcuteBeds,
             .acutePatientsInHospitalBeds: return "acute beds"
        case .gpConsultations, .gpHomeVisits, .outOfHoursConsultations: return "primary care"
        }
    }
}
