import SamspilEngine
@testable import SamspilModel

/// Small hand-built scenarios for model tests.
enum Fixtures {
    static func group(_ name: String = "pneumonia", rate: [Double] = [2, 20, 60],
                      severity: SeverityShares = SeverityShares(gpManageable: 0.3, borderline: 0.4, mustAdmit: 0.3),
                      team: TeamTreatment? = TeamTreatment(substitutableShare: 0.6, episodeLength: .fixed(72),
                                                           visitsPerDay: 3, escalationProbability: 0.1),
                      bed: BedTreatment? = nil) -> PatientGroup {
        PatientGroup(name: name, ratePerThousandPerYear: rate, severity: Array(repeating: severity, count: 3),
                     lengthOfStay: [.lognormal(mean: 4 * 24, sd: 3 * 24), .lognormal(mean: 5.3 * 24, sd: 4 * 24),
                                    .lognormal(mean: 5.6 * 24, sd: 4 * 24)],
                     needsMunicipalCare: [0.1, 0.3, 0.5], readmissionProbability: [0.1, 0.15, 0.2],
                     acuteTeam: team, acuteBed: bed)
    }

    /// One municipality of about 95,000 people and its hospital.
    static func municipality(beds: Int = 120, team: AcuteTeam? = nil, groups: [PatientGroup]? = nil,
                             horizonDays: Double = 120) -> Scenario {
        var s = Scenario(
            name: "fixture",
            regions: [Region(name: "Midt")],
            hospitals: [Hospital(name: "Viborg", region: "Midt", medicalBeds: beds)],
            municipalities: [Municipality(name: "Viborg", region: "Midt", population: [75_000, 15_000, 5_000],
                                          catchment: [.init(hospital: "Viborg", share: 1)])],
            patientGroups: groups ?? [group()])
        s.simulation.horizonDays = horizonDays
        s.simulation.warmupDays = 28
        if let team { s.acuteTeams = [team] }
        return s
    }

    static func team(nurses: Int = 3, roundTheClock: Bool = false) -> AcuteTeam {
        let shifts: [AcuteTeam.Shift] = roundTheClock
            ? [.init(name: "day", hours: HourWindow(from: 7, to: 15), nurses: nurses),
               .init(name: "evening", hours: HourWindow(from: 15, to: 23), nurses: nurses),
               .init(name: "night", hours: HourWindow(from: 23, to: 7), nurses: 1)]
            : [.init(name: "day", hours: HourWindow(from: 7, to: 15), nurses: nurses),
               .init(name: "evening", hours: HourWindow(from: 15, to: 23), nurses: nurses)]
        return AcuteTeam(name: "Viborg akutteam", municipalities: ["Viborg"], shifts: shifts, maximumCaseload: 15)
    }
}
