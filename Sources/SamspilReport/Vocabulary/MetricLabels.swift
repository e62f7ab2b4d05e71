/// Plain-word labels for metrics, in English and Danish, so planners read
/// "admissions avoided" instead of `avoidedAdmissions`. Identifiers stay
/// in files and tooltips; labels go in tables and charts.
///
/// One table for every metric the model, the economics and the comparisons
/// produce; families (`cost.*`, `payer.*.*`, `transfer.*`) are composed from
/// their parts. A test checks that every metric any output carries has a
/// label in both languages.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case danish = "da"
}

public enum MetricLabels {
    /// The label of `metric` in `language`; `nil` when the table has none
    /// (callers then show the identifier, and the completeness test fails).
    public static func label(_ metric: String, _ language: ReportLanguage) -> String? {
        if let row = _fixed[metric] { return language == .english ? row.en : row.da }
        let parts = metric.split(separator: ".").map(String.init)
        switch (parts.first, parts.count) {
        case ("cost", 2):
            guard let p = _providers[parts[1]] else { return nil }
            return language == .english ? "cost: \(p.en)" : "omkostning: \(p.da)"
        case ("payer", 3):
            guard let who = _payers[parts[1]], let kind = _accountLines[parts[2]] else { return nil }
            return language == .english ? "\(who.en): \(kind.en)" : "\(who.da): \(kind.da)"
        case ("payer", 2):
            // An entity's account line; the entity is named in its own column.
            guard let kind = _accountLines[parts[1]] else { return nil }
            return language == .english ? kind.en : kind.da
        case ("transfer", 2):
            guard let t = _transfers[parts[1]] else { return nil }
            return language == .english ? "transfer: \(t.en)" : "overførsel: \(t.da)"
        default:
            return nil
        }
    }

    /// The unit in `language` (units are written as the model writes them).
    public static func unit(_ unit: String, _ language: ReportLanguage) -> String {
        guard language == .danish else { return unit }
        return _units[unit] ?? unit
    }

    typealias Pair = (en: String, da: String)

    static let _fixed: [String: Pair] = [
        "episodes": ("acute episodes", "akutte forløb"),
        "contactsGP": ("first contact: own GP", "første kontakt: egen læge"),
        "contactsOutOfHours": ("first contact: out-of-hours doctor", "første kontakt: lægevagt"),
        "contactsEmergencyCall": ("first contact: 112", "første kontakt: 112"),
        "gpNextDayWaits": ("waited for the GP's next office day", "ventede til lægens næste åbningsdag"),
        "outcomeHomeWithGP": ("outcome: at home with the GP", "udfald: hjemme hos egen læge"),
        "outcomeDischargedFromED": ("outcome: sent home from the emergency department", "udfald: sendt hjem fra akutmodtagelsen"),
        "outcomeAdmitted": ("outcome: admitted", "udfald: indlagt"),
        "outcomeAcuteTeam": ("outcome: treated by the acute team", "udfald: behandlet af akutteamet"),
        "outcomeAcuteBed": ("outcome: treated in an acute bed", "udfald: behandlet på akutplads"),
        "outcomeInProgress": ("outcome: still in progress", "udfald: stadig i gang"),
        "admissions": ("admissions", "indlæggelser"),
        "admissionsFromGP": ("admissions referred by the GP", "indlæggelser henvist af egen læge"),
        "admissionsFromOutOfHours": ("admissions referred out of hours", "indlæggelser henvist af lægevagten"),
        "admissionsFromEmergencyCall": ("admissions via 112", "indlæggelser via 112"),
        "admissionsFromEscalation": ("admissions after escalation", "indlæggelser efter forværring"),
        "readmissions": ("returns to hospital within 30 days", "genindlæggelser og indlæggelser inden for 30 dage"),
        "returnsAfterCommunity": ("admissions within 30 days after care outside hospital", "indlæggelser inden for 30 dage efter forløb uden indlæggelse"),
        "preventableAdmissions65PerThousand": ("preventable admissions 65+ per 1,000", "forebyggelige indlæggelser 65+ pr. 1.000"),
        "counterfactualAdmissions": ("admissions without acute alternatives (per episode)", "indlæggelser uden akuttilbud (pr. forløb)"),
        "avoidedAdmissions": ("admissions avoided (per episode)", "undgåede indlæggelser (pr. forløb)"),
        "avoidedByAcuteTeam": ("admissions avoided by the acute team", "indlæggelser undgået af akutteamet"),
        "avoidedByAcuteBed": ("admissions avoided by acute beds", "indlæggelser undgået af akutpladser"),
        "emergencyDepartmentVisits": ("emergency department visits", "besøg i akutmodtagelsen"),
        "ambulanceTrips": ("ambulance trips", "ambulancekørsler"),
        "admissionsToFullHospital": ("admissions to a full hospital", "indlæggelser på fuldt sygehus"),
        "hospitalDischarges": ("hospital discharges", "udskrivninger"),
        "bedDays": ("hospital bed-days", "sengedage på sygehus"),
        "resourceCost": ("resource cost of its citizens' care", "ressourceforbrug til borgernes behandling"),
        "meanOccupancy": ("patients in medical beds (mean)", "patienter i medicinske senge (gennemsnit)"),
        "p95Occupancy": ("patients in medical beds (95th percentile)", "patienter i medicinske senge (95. percentil)"),
        "maxOccupancy": ("patients in medical beds (highest)", "patienter i medicinske senge (højest)"),
        "occupancyRate": ("bed occupancy", "belægningsgrad"),
        "overcrowdingPatients2300": ("patients above capacity at 23:00", "overbelægning kl. 23"),
        "overcrowdedHospitalDays": ("overcrowded hospital-days", "overbelagte sygehusdage"),
        "overflowBedHours": ("hours above capacity", "timer over kapacitet"),
        "meanStay0to64": ("length of stay, 0–64", "liggetid, 0–64 år"),
        "meanStay65to79": ("length of stay, 65–79", "liggetid, 65–79 år"),
        "meanStay80plus": ("length of stay, 80+", "liggetid, 80+ år"),
        "readmissionRate65plus": ("30-day readmission rate, 65+", "genindlæggelsesrate inden for 30 dage, 65+"),
        "readmissionRateShortStay65plus": ("30-day readmission rate after stays ≤ 24 h, 65+", "genindlæggelsesrate inden for 30 dage efter ophold ≤ 24 t, 65+"),
        "pressureDischarges": ("discharged early because beds were full", "udskrevet tidligt på grund af fulde senge"),
        "delayedDischargePatients": ("patients waiting for the municipality", "færdigbehandlede patienter der venter"),
        "delayedDischargeDays": ("delayed-discharge days", "færdigbehandlingsdage"),
        "temporaryBedDays": ("temporary-bed days", "dage på midlertidig plads"),
        "teamReferrals": ("referrals to the acute team", "henvisninger til akutteamet"),
        "teamRefusals": ("referrals the team refused (full)", "afviste henvisninger (fuldt)"),
        "teamEpisodes": ("acute-team episodes", "forløb i akutteamet"),
        "teamEscalations": ("acute-team episodes escalated to hospital", "akutteamforløb der endte med indlæggelse"),
        "teamVisits": ("acute-team visits", "besøg af akutteamet"),
        "teamFollowUpVisits": ("follow-up visits after discharge", "opfølgende besøg efter udskrivning"),
        "earlyDischarges": ("early discharges into team care", "tidlige udskrivninger til akutteamet"),
        "forwardVisitationReferrals": ("sent home by forward visitation", "sendt hjem ved fremskudt visitation"),
        "teamNurseHoursOnDuty": ("nurse-hours on duty", "sygeplejersketimer på vagt"),
        "teamNurseHoursBusy": ("nurse-hours busy", "sygeplejersketimer i arbejde"),
        "teamUtilisation": ("nurse utilisation", "udnyttelse af sygeplejersker"),
        "teamUtilisationDay": ("nurse utilisation, 07–15", "udnyttelse, 07–15"),
        "teamUtilisationEvening": ("nurse utilisation, 15–23", "udnyttelse, 15–23"),
        "teamUtilisationNight": ("nurse utilisation, 23–07", "udnyttelse, 23–07"),
        "teamResponseMeanHours": ("team response time (mean)", "akutteamets responstid (gennemsnit)"),
        "teamResponseP90Hours": ("team response time (90th percentile)", "akutteamets responstid (90. percentil)"),
        "teamAllVisits": ("team visits, follow-up visits included", "akutteamets besøg, opfølgende besøg medregnet"),
        "acuteBedOccupancy": ("acute-bed occupancy", "belægning på akutpladser"),
        "meanLengthOfStay": ("mean length of stay", "gennemsnitlig liggetid"),
        "waitingDeteriorations": ("worsened while waiting for the team", "forværret mens de ventede på akutteamet"),
        "teamNotCredibleNow": ("team too busy to promise a timely visit", "akutteamet for travlt til at love et rettidigt besøg"),
        "acuteBedReferrals": ("referrals to acute beds", "henvisninger til akutpladser"),
        "acuteBedRefusals": ("acute-bed referrals refused (full)", "afviste henvisninger til akutplads"),
        "acuteBedEpisodes": ("acute-bed stays", "ophold på akutplads"),
        "acuteBedDays": ("acute-bed days", "dage på akutplads"),
        "hospitalPatientsInAcuteBeds": ("hospital patients in lent acute beds", "sygehuspatienter på lånte akutpladser"),
        "acutePatientsInHospitalBeds": ("acute-bed patients in lent hospital beds", "akutpladspatienter i lånte sygehussenge"),
        "gpConsultations": ("GP consultations", "konsultationer hos egen læge"),
        "gpHomeVisits": ("GP home visits", "sygebesøg af egen læge"),
        "outOfHoursConsultations": ("out-of-hours consultations", "konsultationer i lægevagten"),
        "cost.total": ("total cost", "samlede omkostninger"),
        "costPerAvoidedAdmission": ("team and acute-bed cost per avoided admission", "akutteam og akutpladser pr. undgået indlæggelse"),
        "avoidedAdmissions.counterfactual": ("admissions avoided (per episode)", "undgåede indlæggelser (pr. forløb)"),
        "avoidedAdmissions.betweenRuns": ("admissions avoided (between runs)", "undgåede indlæggelser (mellem kørsler)"),
        "netCostPerAvoidedAdmission": ("net cost per avoided admission", "nettoomkostning pr. undgået indlæggelse"),
    ]

    static let _providers: [String: Pair] = [
        "hospitalBeds": ("hospital beds", "sygehussenge"), "emergencyDepartment": ("emergency department", "akutmodtagelse"),
        "ambulance": ("ambulance", "ambulance"), "acuteTeam": ("acute team", "akutteam"), "acuteBeds": ("acute beds", "akutpladser"),
        "temporaryBeds": ("temporary beds", "midlertidige pladser"), "generalPractice": ("general practice", "almen praksis"),
        "outOfHours": ("out-of-hours service", "lægevagt"),
    ]

    static let _payers: [String: Pair] = [
        "region": ("region", "region"), "municipality": ("municipality", "kommune"),
        "generalPractice": ("general practice", "almen praksis"), "state": ("state", "stat"),
        "jointBudget": ("joint budget", "fælles budget"),
    ]

    static let _accountLines: [String: Pair] = [
        "costs": ("costs", "omkostninger"), "transfersIn": ("transfers received", "modtagne overførsler"),
        "transfersOut": ("transfers paid", "betalte overførsler"), "net": ("net burden", "nettobyrde"),
    ]

    static let _transfers: [String: Pair] = [
        "coFinancing": ("municipal co-financing", "kommunal medfinansiering"),
        "gpFeeCoFinancing": ("co-financing of GP fees", "medfinansiering af lægeydelser"),
        "delayedDischarge": ("delayed-discharge payments", "betaling for færdigbehandlede patienter"),
        "stateSurcharge": ("state surcharge on delayed discharges", "statens tillæg for færdigbehandlede"),
        "surchargeReturned": ("surcharge returned to municipalities", "tillæg tilbageført til kommunerne"),
        "stateActivityFunding": ("state activity funding", "statslig aktivitetsafhængig finansiering"),
        "blockGrant": ("block grant", "bloktilskud"),
        "gpFees": ("fees to general practice", "honorarer til almen praksis"),
        "gpCapitation": ("GP capitation", "basishonorar til almen praksis"),
        "lentAcuteBeds": ("payment for lent acute beds", "betaling for lånte akutpladser"),
        "lentHospitalBeds": ("payment for lent hospital beds", "betaling for lånte sygehussenge"),
    ]

    static let _units: [String: String] = [
        "episodes": "forløb", "decisions": "beslutninger", "admissions": "indlæggelser", "patients": "patienter", "patient-days": "patientdage",
        "bed-days": "sengedage", "days": "dage", "hours": "timer", "visits": "besøg", "trips": "kørsler",
        "referrals": "henvisninger", "consultations": "konsultationer", "contacts": "kontakter", "ratio": "andel",
        "DKK": "kr.", "nurse-hours": "sygeplejersketimer", "hospital-days": "sygehusdage", "bed-hours": "sengetimer",
        "discharges": "udskrivninger", "per 1,000 65+ per year": "pr. 1.000 65+ pr. år",
    ]
}
