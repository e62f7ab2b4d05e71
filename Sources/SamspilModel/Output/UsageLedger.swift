/// Resource use broken down by the units that pay for it: everything the
/// economics layer needs to price a replication under any incentive regime.
/// Counts refer to the measurement window.
public struct UsageLedger: Sendable, Equatable {
    public let municipalityCount: Int
    public let groupCount: Int
    public let ageCount: Int
    public let hospitalCount: Int
    /// Hospital wards (bed pools): the hospital and the ward (an index into
    /// ``Scenario/wardNames``) of each. Ward `p` below `hospitalCount` is
    /// hospital `p`'s medical ward; the per-hospital arrays sum their wards.
    public let wardHospital: [Int]
    public let wardKind: [Int]

    /// Admissions by municipality × group × age band (index `(m * groups + g) * ages + a`).
    public var admissions: [Int]
    /// Admissions by hospital.
    public var admissionsByHospital: [Int]
    /// Admissions, occupied, available and lent bed-days and overflow bed-hours by hospital ward.
    public var admissionsByWard: [Int]
    public var bedDaysByWard: [Double]
    public var availableBedDaysByWard: [Double]
    public var acutePatientDaysInHospitalBedsByWard: [Double]
    public var overflowBedHoursByWard: [Double]
    /// Admissions of citizens in 65+ bands in groups counted as preventable.
    public var preventableAdmissions65 = 0
    /// Delayed-discharge patients by municipality and number of delayed days
    /// (index `m * (maxDelayedDays + 1) + min(days, maxDelayedDays)`); the last
    /// bucket holds every stay of `maxDelayedDays` days or more, with their exact
    /// day total in `delayedDaysBeyondMaximum`.
    public var delayedDischarges: [Int]
    public var delayedDaysBeyondMaximum: [Int]
    public static let maxDelayedDays = 60
    public var emergencyDepartmentVisits = 0
    public var ambulanceTrips = 0
    /// Occupied bed-days by hospital (overflow and lent hospital beds included).
    public var bedDays: [Double]
    /// Available (open) bed-days by hospital: the beds' capacity over the window.
    public var availableBedDays: [Double]
    /// Bed-days municipal acute-bed patients spent in each hospital's lent beds.
    public var acutePatientDaysInHospitalBeds: [Double]
    public var overflowBedHours: [Double]
    /// GP consultations and out-of-hours contacts by municipality × age band (index `m * ages + a`).
    public var gpConsultations: [Int]
    public var outOfHoursContacts: [Int]
    /// GP home visits (borderline patients kept at home) by municipality × age band.
    public var gpHomeVisits: [Int]
    public var teamEpisodes: [Int]
    public var teamVisits: [Int]
    public var nurseHoursOnDuty: [Double]
    /// Per shift of every team, in team order then shift order.
    public var shiftNurseHours: [Double]
    public var shiftBusyHours: [Double]
    public var acuteBedDays: [Double]
    /// Bed-days hospital patients spent in each acute-bed unit's lent beds.
    public var hospitalPatientDaysInAcuteBeds: [Double]
    /// Acute beds available on average over the window, per unit (capacity cost).
    public var acuteBedCapacity: [Double]
    public var temporaryBedDays: [Double]

    init(_ model: CompiledScenario) {
        municipalityCount = model.municipalityCount
        groupCount = model.groupCount
        ageCount = model.ageCount
        hospitalCount = model.hospitalCount
        wardHospital = model.poolHospital
        wardKind = model.poolWard
        admissionsByWard = Array(repeating: 0, count: model.poolCount)
        bedDaysByWard = Array(repeating: 0, count: model.poolCount)
        availableBedDaysByWard = Array(repeating: 0, count: model.poolCount)
        acutePatientDaysInHospitalBedsByWard = Array(repeating: 0, count: model.poolCount)
        overflowBedHoursByWard = Array(repeating: 0, count: model.poolCount)
        let m = model.municipalityCount
        admissions = Array(repeating: 0, count: m * model.groupCount * model.ageCount)
        admissionsByHospital = Array(repeating: 0, count: model.hospitalCount)
        delayedDischarges = Array(repeating: 0, count: m * (Self.maxDelayedDays + 1))
        delayedDaysBeyondMaximum = Array(repeating: 0, count: m)
        bedDays = Array(repeating: 0, count: model.hospitalCount)
        availableBedDays = Array(repeating: 0, count: model.hospitalCount)
        acutePatientDaysInHospitalBeds = Array(repeating: 0, count: model.hospitalCount)
        overflowBedHours = Array(repeating: 0, count: model.hospitalCount)
        gpConsultations = Array(repeating: 0, count: m * model.ageCount)
        outOfHoursContacts = Array(repeating: 0, count: m * model.ageCount)
        gpHomeVisits = Array(repeating: 0, count: m * model.ageCount)
        teamEpisodes = Array(repeating: 0, count: model.teamCount)
        teamVisits = Array(repeating: 0, count: model.teamCount)
        nurseHoursOnDuty = Array(repeating: 0, count: model.teamCount)
        let shifts = model.teamPlans.reduce(0) { $0 + $1.shiftNames.count }
        shiftNurseHours = Array(repeating: 0, count: shifts)
        shiftBusyHours = Array(repeating: 0, count: shifts)
        acuteBedDays = Array(repeating: 0, count: model.bedUnitCount)
        hospitalPatientDaysInAcuteBeds = Array(repeating: 0, count: model.bedUnitCount)
        acuteBedCapacity = model.bedUnitBeds.map { Double($0) }
        temporaryBedDays = Array(repeating: 0, count: m)
    }

    /// The per-hospital figures as sums over each hospital's wards (its
    /// medical ward first, so a hospital with one ward keeps its value exactly).
    /// - Complexity: O(wards).
    mutating func aggregateWards() {
        for p in wardHospital.indices {
            let h = wardHospital[p]
            let first = p < hospitalCount
            admissionsByHospital[h] = (first ? 0 : admissionsByHospital[h]) + admissionsByWard[p]
            bedDays[h] = first ? bedDaysByWard[p] : bedDays[h] + bedDaysByWard[p]
            availableBedDays[h] = first ? availableBedDaysByWard[p] : availableBedDays[h] + availableBedDaysByWard[p]
            acutePatientDaysInHospitalBeds[h] = first ? acutePatientDaysInHospitalBedsByWard[p]
                : acutePatientDaysInHospitalBeds[h] + acutePatientDaysInHospitalBedsByWard[p]
            overflowBedHours[h] = first ? overflowBedHoursByWard[p] : overflowBedHours[h] + overflowBedHoursByWard[p]
        }
    }

    /// A delayed discharge of `days` days from municipality `m` (the model
    /// counts into `UsageCounts` while it runs; tests build ledgers with this).
    mutating func recordDelayedDischarge(municipality m: Int, days: Int) {
        delayedDischarges[Self.delayedDischargeIndex(municipality: m, days: days)] += 1
        if days >= Self.maxDelayedDays { delayedDaysBeyondMaximum[m] += days }
    }

    /// The index in `delayedDischarges` of a stay delayed `days` days from municipality `m`.
    @inline(__always)
    static func delayedDischargeIndex(municipality m: Int, days: Int) -> Int {
        m &* (maxDelayedDays + 1) &+ Swift.min(days, maxDelayedDays)
    }
}
