import SamspilEngine

/// A scenario turned into flat, index-based tables, built once per run and
/// shared read-only by every replication. The event loop reads only these: no
/// names, dictionaries or optionals on the hot path.
public struct CompiledScenario: Sendable {
    public let scenario: Scenario
    let time: ModelTime
    let calendarStart: CalendarStart
    let warmupEnd: Double
    let end: Double

    // Dimensions
    let ageCount: Int
    let groupCount: Int
    let hospitalCount: Int
    let municipalityCount: Int
    let teamCount: Int
    let bedUnitCount: Int
    /// Age bands counted as 65+ (every band but the first when the default bands are used).
    let isOld: [Bool]

    // Arrival streams: one per municipality × group × age band with a positive rate.
    struct ArrivalStream: Sendable {
        var municipality: UInt16
        var group: UInt8
        var age: UInt8
        /// Mean arrivals per hour.
        var ratePerHour: Double
        var profile: Int
        /// Stable identity for common random numbers (hash of the names).
        var identity: UInt64
    }
    let streams: [ArrivalStream]
    let profiles: [RateProfile]

    // Municipalities
    let catchmentStart: [Int]          // index into catchmentHospital, count + 1 entries
    let catchmentHospital: [UInt16]
    let catchmentCumulative: [Double]
    let municipalityTeam: [Int]        // -1: none
    let municipalityBedUnit: [Int]     // -1: none
    let discharge: [MunicipalDischarge]
    let gpSlotsPerDay: [Double]
    let homeCareStartsPerDay: [Double]
    let temporaryBeds: [Int]
    let population65: [Double]

    // Groups × age bands (index g * ageCount + a)
    let severityCumulative: [(Double, Double)]   // P(gp), P(gp) + P(borderline)
    let lengthOfStay: [Distribution]
    let needsCare: [Double]
    let readmission: [Double]

    /// What the event loop needs of a patient group, without its per-age arrays
    /// (copying a `PatientGroup` would retain every one of them).
    struct GroupRules: Sendable {
        var emergencyCallShare: BandValues
        var temporaryBedShare: Double
        var team: TeamTreatment?
        var bed: BedTreatment?
        var preventable: Bool
    }
    let groups: [GroupRules]

    /// What the event loop needs of an acute team, without its lists.
    struct TeamRules: Sendable {
        var maximumCaseload: Int
        var responseDelay: Distribution
        var visitDuration: Distribution
        var travelTime: Distribution
        var forwardVisitation: ForwardVisitation?
        var followUp: FollowUp?
        var earlyDischarge: EarlyDischarge?
    }
    let teams: [TeamRules]

    let hospitalDischargeHours: [HourWindow]
    let hospitalOverflowPolicy: [Hospital.OverflowPolicy]

    // Teams
    struct TeamPlan: Sendable {
        /// Change points over a 168-hour week: (offset, nurses, shift mask).
        var segments: [(offset: Double, nurses: Int, shifts: UInt32)]
        var isRoundTheClock: Bool
        var shiftNames: [String]

        /// Hours from `hourOfWeek` (0 ..< 168) until some nurse is on duty; 0 when
        /// one is now, +∞ when the team never has a nurse.
        func hoursUntilOnDuty(at hourOfWeek: Double) -> Double {
            // Segments are sorted and start at offset 0; look over this week and the next.
            for pass in 0..<2 {
                let shift = Double(pass) * 168
                for (k, segment) in segments.enumerated() where segment.nurses > 0 {
                    let start = segment.offset + shift
                    let end = (k + 1 < segments.count ? segments[k + 1].offset : 168) + shift
                    if end > hourOfWeek { return Swift.max(0, start - hourOfWeek) }
                }
            }
            return .infinity
        }
    }
    let teamPlans: [TeamPlan]

    // Hospitals
    let bedSchedules: [[(time: Double, beds: Int)]]

    /// Builds the tables. The scenario must already be valid (the scenario
    /// schema in SamspilScenario checks every reference and range); violations
    /// found here are programming errors.
    public init(_ scenario: Scenario) throws {
        self.scenario = scenario
        let s = scenario.simulation
        warmupEnd = s.warmupDays * 24
        end = (s.warmupDays + s.horizonDays) * 24
        let date = s.startDate
        calendarStart = try CalendarStart(weekday: date.weekday, month: date.month - 1,
                                          day: Swift.min(date.day, CalendarStart.monthLengths[date.month - 1]))
        time = ModelTime(start: calendarStart)

        ageCount = scenario.ageBands.count
        groupCount = scenario.patientGroups.count
        hospitalCount = scenario.hospitals.count
        municipalityCount = scenario.municipalities.count
        teamCount = scenario.acuteTeams.count
        bedUnitCount = scenario.acuteBedUnits.count
        isOld = scenario.ageBands.enumerated().map { index, name in
            Self.isSixtyFivePlus(name) ?? (index > 0)
        }

        let hospitalIndex = Dictionary(uniqueKeysWithValues: scenario.hospitals.enumerated().map { ($1.name, $0) })

        // Profiles: the scenario's, then one per group that has its own.
        var profiles = [try RateProfile(hourOfDay: scenario.demandProfile.hourOfDay,
                                        dayOfWeek: scenario.demandProfile.dayOfWeek,
                                        month: scenario.demandProfile.month, start: calendarStart)]
        var groupProfile: [Int] = []
        for group in scenario.patientGroups {
            if let p = group.demandProfile {
                profiles.append(try RateProfile(hourOfDay: p.hourOfDay, dayOfWeek: p.dayOfWeek, month: p.month, start: calendarStart))
                groupProfile.append(profiles.count - 1)
            } else {
                groupProfile.append(0)
            }
        }
        self.profiles = profiles

        var streams: [ArrivalStream] = []
        for (m, municipality) in scenario.municipalities.enumerated() {
            for (g, group) in scenario.patientGroups.enumerated() {
                for a in 0..<ageCount {
                    let perYear = municipality.population[a] / 1000 * group.ratePerThousandPerYear[a]
                    guard perYear > 0 else { continue }
                    let identity = stableHash("\(municipality.name)\u{1F}\(group.name)\u{1F}\(scenario.ageBands[a])")
                    streams.append(ArrivalStream(municipality: UInt16(m), group: UInt8(g), age: UInt8(a),
                                                 ratePerHour: perYear / Double(RateProfile.hoursPerYear),
                                                 profile: groupProfile[g], identity: identity))
                }
            }
        }
        self.streams = streams

        var catchmentStart = [0], catchmentHospital: [UInt16] = [], catchmentCumulative: [Double] = []
        for municipality in scenario.municipalities {
            let total = municipality.catchment.reduce(0) { $0 + $1.share }
            var cumulative = 0.0
            for share in municipality.catchment {
                cumulative += share.share / total
                catchmentHospital.append(UInt16(hospitalIndex[share.hospital]!))
                catchmentCumulative.append(cumulative)
            }
            catchmentCumulative[catchmentCumulative.count - 1] = 1
            catchmentStart.append(catchmentHospital.count)
        }
        self.catchmentStart = catchmentStart
        self.catchmentHospital = catchmentHospital
        self.catchmentCumulative = catchmentCumulative

        var municipalityTeam = Array(repeating: -1, count: municipalityCount)
        var municipalityBedUnit = Array(repeating: -1, count: municipalityCount)
        let municipalityIndex = Dictionary(uniqueKeysWithValues: scenario.municipalities.enumerated().map { ($1.name, $0) })
        for (t, team) in scenario.acuteTeams.enumerated() {
            for name in team.municipalities { municipalityTeam[municipalityIndex[name]!] = t }
        }
        for (u, unit) in scenario.acuteBedUnits.enumerated() {
            for name in unit.municipalities { municipalityBedUnit[municipalityIndex[name]!] = u }
        }
        self.municipalityTeam = municipalityTeam
        self.municipalityBedUnit = municipalityBedUnit

        let old = isOld
        discharge = scenario.municipalities.map { $0.discharge ?? scenario.discharge }
        population65 = scenario.municipalities.map { m in zip(m.population, old).reduce(0) { $0 + ($1.1 ? $1.0 : 0) } }
        gpSlotsPerDay = scenario.municipalities.map { m in m.population.reduce(0, +) / 1000 * scenario.contact.gpSameDaySlotsPerThousandPerDay }
        homeCareStartsPerDay = zip(discharge, population65).map { $0.homeCareStartsPerThousand65PerDay * $1 / 1000 }
        temporaryBeds = zip(discharge, population65).map { Int(($0.temporaryBedsPerThousand65 * $1 / 1000).rounded()) }

        var severityCumulative: [(Double, Double)] = []
        var lengthOfStay: [Distribution] = []
        var needsCare: [Double] = []
        var readmission: [Double] = []
        for group in scenario.patientGroups {
            for a in 0..<ageCount {
                let shares = group.severity[a]
                let total = shares.sum
                severityCumulative.append((shares.gpManageable / total, (shares.gpManageable + shares.borderline) / total))
                lengthOfStay.append(group.lengthOfStay[a])
                needsCare.append(group.needsMunicipalCare[a])
                readmission.append(group.readmissionProbability[a])
            }
        }
        self.severityCumulative = severityCumulative
        self.lengthOfStay = lengthOfStay
        self.needsCare = needsCare
        self.readmission = readmission

        teamPlans = scenario.acuteTeams.map(Self.plan)
        groups = scenario.patientGroups.map {
            GroupRules(emergencyCallShare: $0.emergencyCallShare, temporaryBedShare: $0.temporaryBedShare,
                       team: $0.acuteTeam, bed: $0.acuteBed, preventable: $0.preventable)
        }
        teams = scenario.acuteTeams.map {
            TeamRules(maximumCaseload: $0.maximumCaseload, responseDelay: $0.responseDelay, visitDuration: $0.visitDuration,
                      travelTime: $0.travelTime, forwardVisitation: $0.forwardVisitation, followUp: $0.followUp,
                      earlyDischarge: $0.earlyDischarge)
        }
        hospitalDischargeHours = scenario.hospitals.map(\.dischargeHours)
        hospitalOverflowPolicy = scenario.hospitals.map(\.overflow)
        bedSchedules = scenario.hospitals.map { h in
            h.bedChanges.sorted { $0.fromDay < $1.fromDay }.map { (time: $0.fromDay * 24, beds: $0.beds) }
        }
    }

    /// Whether an age-band label like "65-79" or "80+" starts at 65 or above.
    static func isSixtyFivePlus(_ label: String) -> Bool? {
        let digits = label.prefix { $0.isNumber }
        guard let lower = Int(digits) else { return nil }
        return lower >= 65
    }

    /// The team's week as segments between every shift boundary.
    static func plan(_ team: AcuteTeam) -> TeamPlan {
        // Coverage per minute-resolution boundary: collect all boundaries in the week.
        var boundaries = Set<Double>([0])
        var intervals: [(start: Double, end: Double, nurses: Int, shift: Int)] = []
        for (index, shift) in team.shifts.enumerated() where shift.hours.hours > 0 {
            for day in 0..<7 where shift.days.contains(day) {
                let start = Double(day) * 24 + shift.hours.from
                let length = shift.hours.hours
                var a = start, remaining = length
                while remaining > 0 {
                    let segmentEnd = Swift.min(168, a + remaining)
                    intervals.append((a, segmentEnd, shift.nurses, index))
                    boundaries.insert(a)
                    boundaries.insert(segmentEnd.truncatingRemainder(dividingBy: 168))
                    remaining -= segmentEnd - a
                    a = 0
                }
            }
        }
        let sorted = boundaries.sorted()
        var segments: [(offset: Double, nurses: Int, shifts: UInt32)] = []
        for offset in sorted {
            var nurses = 0
            var mask: UInt32 = 0
            for i in intervals where offset >= i.start && offset < i.end {
                nurses += i.nurses
                if i.shift < 32 { mask |= 1 << UInt32(i.shift) }
            }
            segments.append((offset, nurses, mask))
        }
        let roundTheClock = segments.allSatisfy { $0.nurses > 0 }
        return TeamPlan(segments: segments, isRoundTheClock: roundTheClock,
                        shiftNames: team.shifts.map(\.name))
    }
}
