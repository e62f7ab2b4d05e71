import SamspilEngine

/// A scenario turned into flat, index-based tables, built once per run and
/// shared read-only by every replication. The event loop reads only these —
/// never `scenario` — and no names or dictionaries: rules are plain values in
/// flat arrays indexed by group, team, municipality or hospital.
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
    /// Wards of the scenario (`medical` first) and bed pools: one per hospital
    /// ward. Pool `h` below `hospitalCount` is hospital `h`'s medical ward, so
    /// a scenario without other wards has exactly one pool per hospital.
    let wardCount: Int
    let poolCount: Int
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
    /// Every profile's cumulative table, one after another (`profileStride`
    /// values each): the arrival search reads it in place.
    let profileTables: ContiguousArray<Double>
    let profileStride: Int
    /// Every profile's search guide, one after another (`guideStride` each).
    let profileGuides: ContiguousArray<UInt16>
    let guideStride: Int

    // Municipalities
    let catchmentStart: [Int]          // index into catchmentHospital, count + 1 entries
    let catchmentHospital: [UInt16]
    let catchmentCumulative: [Double]
    /// The team and acute-bed unit of each municipality × ward (index `m * wardCount + w`); -1: none.
    let municipalityTeam: [Int]
    let municipalityBedUnit: [Int]
    /// The ward each group is admitted to.
    let groupWard: [Int]
    /// The bed pool of each hospital × ward (index `h * wardCount + w`); `UInt16.max`: the hospital has no such ward.
    let hospitalWardPool: [UInt16]
    /// The hospital and ward of each bed pool.
    let poolHospital: [Int]
    let poolWard: [Int]
    /// What the loop needs of each municipality's discharge rules: plain values
    /// (the temporary-bed stay is kept apart, in `temporaryBedStay`).
    struct DischargeRules: Sendable {
        var notificationHours: Double
        var notificationLeadHours: Double
        var acceptHours: HourWindow
        var acceptDays: WeekdaySet
    }
    let dischargeRules: [DischargeRules]
    let temporaryBedStay: [PreparedDistribution]
    let gpSlotsPerDay: [Double]
    let homeCareStartsPerDay: [Double]
    let temporaryBeds: [Int]
    let population65: [Double]

    // Groups × age bands (index g * ageCount + a)
    let severityCumulative: [(Double, Double)]   // P(gp), P(gp) + P(borderline)
    let lengthOfStay: [PreparedDistribution]
    let needsCare: [Double]
    let readmission: [Double]

    /// What the event loop needs of a patient group: plain values only, so
    /// reading one copies no reference (its distributions are kept apart, in
    /// `groupTeamEpisodeLength` and `groupBedStay`).
    struct GroupRules: Sendable {
        var emergencyCallShare: BandValues
        var temporaryBedShare: Double
        var preventable: Bool
        /// Whether the group can be treated by an acute team, and how.
        var hasTeamTreatment: Bool
        var teamSubstitutableShare: Double
        var teamManageableReferralShare: Double
        var teamVisitsPerDay: Int
        var teamEscalationProbability: Double
        /// Whether the group can be treated in a municipal acute bed, and how.
        var hasBedTreatment: Bool
        var bedSubstitutableShare: Double
        var bedEscalationProbability: Double
    }
    let groups: [GroupRules]
    /// Length of a team episode per group (`.fixed(0)` for groups without team treatment).
    let groupTeamEpisodeLength: [PreparedDistribution]
    /// Length of an acute-bed stay per group (`.fixed(0)` for groups without bed treatment).
    let groupBedStay: [PreparedDistribution]

    /// What the event loop needs of an acute team: plain values only (its
    /// distributions are kept apart, in `teamResponseDelay`, `teamVisitDuration`
    /// and `teamTravelTime`).
    struct TeamRules: Sendable {
        var maximumCaseload: Int
        /// Mean nurse hours per visit (visit plus travel), for the response a team can promise.
        var serviceHours: Double
        var forwardVisitation: ForwardVisitation?
        var followUp: FollowUp?
        var earlyDischarge: EarlyDischarge?
    }
    let teams: [TeamRules]
    let teamResponseDelay: [PreparedDistribution]
    let teamVisitDuration: [PreparedDistribution]
    let teamTravelTime: [PreparedDistribution]

    /// Per bed pool (hospital ward).
    let hospitalDischargeHours: [HourWindow]
    let hospitalOverflowPolicy: [Hospital.OverflowPolicy]

    // Teams
    struct TeamPlan: Sendable {
        /// Change points over a 168-hour week: (offset, nurses, shift mask).
        var segments: [(offset: Double, nurses: Int, shifts: UInt32)]
        var isRoundTheClock: Bool
        var shiftNames: [String]
        /// The segments' start offsets, and for each segment the start of the
        /// first segment from it on (this week or the next, +168) that has a
        /// nurse on duty, +∞ if none has: `hoursUntilOnDuty` without a loop
        /// over the segments and their nurses.
        var offsets: [Double]
        var nextOnDutyStart: [Double]

        init(segments: [(offset: Double, nurses: Int, shifts: UInt32)], isRoundTheClock: Bool, shiftNames: [String]) {
            self.segments = segments
            self.isRoundTheClock = isRoundTheClock
            self.shiftNames = shiftNames
            offsets = segments.map(\.offset)
            nextOnDutyStart = segments.indices.map { k in
                if let j = segments[k...].firstIndex(where: { $0.nurses > 0 }) { return segments[j].offset }
                if let j = segments.firstIndex(where: { $0.nurses > 0 }) { return segments[j].offset + 168 }
                return .infinity
            }
        }

        /// Hours from `hourOfWeek` (0 ..< 168) until some nurse is on duty; 0 when
        /// one is now, +∞ when the team never has a nurse.
        /// - Complexity: O(segments before `hourOfWeek`), no reads of the segments themselves.
        func hoursUntilOnDuty(at hourOfWeek: Double) -> Double {
            // Segments are sorted and start at offset 0: find the one containing the hour.
            var k = 0
            while k + 1 < offsets.count && offsets[k + 1] <= hourOfWeek { k += 1 }
            return Swift.max(0, nextOnDutyStart[k] - hourOfWeek)
        }
    }
    let teamPlans: [TeamPlan]

    // Hospitals: every table below is per bed pool (hospital ward).
    let bedSchedules: [[(time: Double, beds: Int)]]
    /// Beds of each pool at time 0.
    let hospitalBeds: [Int]
    /// Beds of each acute-bed unit.
    let bedUnitBeds: [Int]
    /// The bed pool (hospital ward) that lends beds to (and borrows beds of) each acute-bed unit; -1: none.
    let bedUnitHospital: [Int]

    // Settings the loop reads, resolved once to plain values: the loop never
    // reads `scenario`.
    let seed: UInt64
    let horizonYears: Double
    let prefillsHospitals: Bool
    /// Stable identities of teams and municipalities, for their random streams.
    let teamIdentity: [UInt64]
    let municipalityIdentity: [UInt64]
    // First contact
    let gpOfficeHours: HourWindow
    let gpOfficeDays: WeekdaySet
    let gpFullWaitsForNextDay: Bool
    let gpParticipation: Double
    // Decision
    let referralPolicy: ReferralPolicy
    let maximumResponseHours: Double
    /// Whether a team promises a response from its current queue (`ResponsePromise.current`).
    let promisesFromQueue: Bool
    let trustDynamics: TrustDynamics?
    // Coordination and behaviour
    let sharedIT: Bool
    /// Medical responsibility is unclear: grey-zone delays and visit time apply.
    let greyZone: Bool
    let greyZoneDelayHours: Double
    let greyZoneVisitHours: Double
    let lengthOfStayMultiplier: Double
    /// `1 − clamp(hospitalAdmissionShift)`: the behavioural factor on forward visitation.
    let forwardVisitationFactor: Double
    // Returns after an ending
    let returnBandMultiplier: BandValues
    /// The shared-IT multiplier on returns, 1 without shared IT.
    let sharedITReturnMultiplier: Double
    let followUpReturnMultiplier: Double
    let delayedDischargeReturnMultiplier: Double
    let rushedDischargeReturnMultiplier: Double
    let afterHomeReturnMultiplier: Double
    let afterEmergencyDepartmentReturnMultiplier: Double
    let afterCommunityCareReturnMultiplier: Double
    let returnWindowHours: Double
    let timeToReturn: PreparedDistribution
    // Deterioration and bed pressure
    let waitingDeteriorationHazard: Double
    let bedPressure: BedPressureSettings

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
        profileStride = RateProfile.cycleHours + 1
        profileTables = ContiguousArray(profiles.flatMap(\.cumulativeTable))
        guideStride = RateProfile.cycleHours + 2
        profileGuides = ContiguousArray(profiles.flatMap(\.guideTable))

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

        // Bed pools: every hospital's medical ward, then each hospital's other wards.
        let wardNames = scenario.wardNames
        let wardIndex = Dictionary(uniqueKeysWithValues: wardNames.enumerated().map { ($1, $0) })
        let wardCount = wardNames.count
        self.wardCount = wardCount
        var pools: [(hospital: Int, ward: Int, spec: Hospital.Ward)] = scenario.hospitals.enumerated().map { h, hospital in
            (h, 0, hospital.allWards[0])
        }
        for (h, hospital) in scenario.hospitals.enumerated() {
            for ward in hospital.wards { pools.append((h, wardIndex[ward.name]!, ward)) }
        }
        poolCount = pools.count
        poolHospital = pools.map(\.hospital)
        poolWard = pools.map(\.ward)
        var hospitalWardPool = Array(repeating: UInt16.max, count: hospitalCount * wardCount)
        for (p, pool) in pools.enumerated() { hospitalWardPool[pool.hospital * wardCount + pool.ward] = UInt16(p) }
        self.hospitalWardPool = hospitalWardPool
        groupWard = scenario.patientGroups.map { wardIndex[$0.ward] ?? 0 }

        var municipalityTeam = Array(repeating: -1, count: municipalityCount * wardCount)
        var municipalityBedUnit = Array(repeating: -1, count: municipalityCount * wardCount)
        let municipalityIndex = Dictionary(uniqueKeysWithValues: scenario.municipalities.enumerated().map { ($1.name, $0) })
        for (t, team) in scenario.acuteTeams.enumerated() {
            let w = wardIndex[team.ward] ?? 0
            for name in team.municipalities { municipalityTeam[municipalityIndex[name]! * wardCount + w] = t }
        }
        for (u, unit) in scenario.acuteBedUnits.enumerated() {
            let w = wardIndex[unit.ward] ?? 0
            for name in unit.municipalities { municipalityBedUnit[municipalityIndex[name]! * wardCount + w] = u }
        }
        self.municipalityTeam = municipalityTeam
        self.municipalityBedUnit = municipalityBedUnit

        let old = isOld
        let discharge = scenario.municipalities.map { $0.discharge ?? scenario.discharge }
        dischargeRules = discharge.map {
            DischargeRules(notificationHours: $0.notificationHours, notificationLeadHours: $0.notificationLeadHours,
                           acceptHours: $0.acceptHours, acceptDays: $0.acceptDays)
        }
        temporaryBedStay = discharge.map { PreparedDistribution($0.temporaryBedStay) }
        population65 = scenario.municipalities.map { m in zip(m.population, old).reduce(0) { $0 + ($1.1 ? $1.0 : 0) } }
        gpSlotsPerDay = scenario.municipalities.map { m in m.population.reduce(0, +) / 1000 * scenario.contact.gpSameDaySlotsPerThousandPerDay }
        homeCareStartsPerDay = zip(discharge, population65).map { $0.homeCareStartsPerThousand65PerDay * $1 / 1000 }
        temporaryBeds = zip(discharge, population65).map { Int(($0.temporaryBedsPerThousand65 * $1 / 1000).rounded()) }

        var severityCumulative: [(Double, Double)] = []
        var lengthOfStay: [PreparedDistribution] = []
        var needsCare: [Double] = []
        var readmission: [Double] = []
        for group in scenario.patientGroups {
            for a in 0..<ageCount {
                let shares = group.severity[a]
                let total = shares.sum
                severityCumulative.append((shares.gpManageable / total, (shares.gpManageable + shares.borderline) / total))
                lengthOfStay.append(PreparedDistribution(group.lengthOfStay[a]))
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
            GroupRules(emergencyCallShare: $0.emergencyCallShare, temporaryBedShare: $0.temporaryBedShare, preventable: $0.preventable,
                       hasTeamTreatment: $0.acuteTeam != nil,
                       teamSubstitutableShare: $0.acuteTeam?.substitutableShare ?? 0,
                       teamManageableReferralShare: $0.acuteTeam?.manageableReferralShare ?? 0,
                       teamVisitsPerDay: $0.acuteTeam?.visitsPerDay ?? 0,
                       teamEscalationProbability: $0.acuteTeam?.escalationProbability ?? 0,
                       hasBedTreatment: $0.acuteBed != nil,
                       bedSubstitutableShare: $0.acuteBed?.substitutableShare ?? 0,
                       bedEscalationProbability: $0.acuteBed?.escalationProbability ?? 0)
        }
        groupTeamEpisodeLength = scenario.patientGroups.map { PreparedDistribution($0.acuteTeam?.episodeLength ?? .fixed(0)) }
        groupBedStay = scenario.patientGroups.map { PreparedDistribution($0.acuteBed?.lengthOfStay ?? .fixed(0)) }
        teams = scenario.acuteTeams.map {
            TeamRules(maximumCaseload: $0.maximumCaseload,
                      serviceHours: Swift.max(0, $0.visitDuration.mean) + Swift.max(0, $0.travelTime.mean),
                      forwardVisitation: $0.forwardVisitation, followUp: $0.followUp, earlyDischarge: $0.earlyDischarge)
        }
        teamResponseDelay = scenario.acuteTeams.map { PreparedDistribution($0.responseDelay) }
        teamVisitDuration = scenario.acuteTeams.map { PreparedDistribution($0.visitDuration) }
        teamTravelTime = scenario.acuteTeams.map { PreparedDistribution($0.travelTime) }
        hospitalDischargeHours = pools.map(\.spec.dischargeHours)
        hospitalOverflowPolicy = pools.map(\.spec.overflow)
        bedSchedules = pools.map { pool in
            pool.spec.bedChanges.sorted { $0.fromDay < $1.fromDay }.map { (time: $0.fromDay * 24, beds: $0.beds) }
        }
        hospitalBeds = pools.map(\.spec.beds)
        bedUnitBeds = scenario.acuteBedUnits.map(\.beds)
        bedUnitHospital = scenario.acuteBedUnits.map { unit in
            guard case .pooled(let name) = unit.sharing, let h = hospitalIndex[name] else { return -1 }
            let pool = hospitalWardPool[h * wardCount + (wardIndex[unit.ward] ?? 0)]
            return pool == .max ? -1 : Int(pool)
        }

        seed = s.seed
        horizonYears = s.horizonDays / 365
        prefillsHospitals = s.initialState == .typical
        teamIdentity = scenario.acuteTeams.map { stableHash($0.name) }
        municipalityIdentity = scenario.municipalities.map { stableHash($0.name) }
        let contact = scenario.contact
        gpOfficeHours = contact.gpOfficeHours
        gpOfficeDays = contact.gpOfficeDays
        gpFullWaitsForNextDay = contact.whenGPFull == .nextDay
        gpParticipation = contact.gpParticipation
        let decision = scenario.decision, coordination = scenario.coordination, behaviour = scenario.behaviour
        referralPolicy = ReferralPolicy(decision: decision, coordination: coordination, behaviour: behaviour)
        maximumResponseHours = decision.maximumResponseHours
        promisesFromQueue = decision.responsePromise == .current
        trustDynamics = decision.trustDynamics
        sharedIT = coordination.sharedIT
        greyZone = coordination.medicalResponsibility == .unclear
        greyZoneDelayHours = coordination.greyZoneDelayHours
        greyZoneVisitHours = coordination.greyZoneVisitHours
        lengthOfStayMultiplier = behaviour.lengthOfStayMultiplier
        forwardVisitationFactor = 1 - Swift.min(1, Swift.max(0, behaviour.hospitalAdmissionShift))
        let r = scenario.readmission
        returnBandMultiplier = r.bandMultiplier
        sharedITReturnMultiplier = coordination.sharedIT ? r.sharedITMultiplier : 1
        followUpReturnMultiplier = r.followUpMultiplier
        delayedDischargeReturnMultiplier = r.delayedDischargeMultiplier
        rushedDischargeReturnMultiplier = r.rushedDischargeMultiplier
        afterHomeReturnMultiplier = r.afterHomeMultiplier
        afterEmergencyDepartmentReturnMultiplier = r.afterEmergencyDepartmentMultiplier
        afterCommunityCareReturnMultiplier = r.afterCommunityCareMultiplier
        returnWindowHours = r.windowDays * 24
        timeToReturn = PreparedDistribution(r.timeToReadmission)
        waitingDeteriorationHazard = scenario.deterioration.hazardPerHourWaiting
        bedPressure = scenario.bedPressure
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

// In-place reads of the tables whose elements hold references: through the
// array's getter an element is copied, retaining (and later releasing) every
// array inside it, on each event.
extension CompiledScenario {
    /// The next arrival time of `stream` after `time`.
    /// - Complexity: O(1) expected (see `RateProfile.nextArrival`).
    @inline(__always)
    func nextArrival(_ stream: ArrivalStream, after time: Double, using g: inout Xoshiro256StarStar) -> Double {
        nextArrival(rate: stream.ratePerHour, profile: stream.profile, after: time, using: &g)
    }

    /// The next arrival time after `time` of a stream with `rate` arrivals an
    /// hour on profile `profile` (its tables in `profileTables` and `profileGuides`).
    /// - Complexity: O(1) expected (see `RateProfile.nextArrival`).
    @inline(__always)
    func nextArrival(rate: Double, profile: Int, after time: Double, using g: inout Xoshiro256StarStar) -> Double {
        let start = profile &* profileStride, guideStart = profile &* guideStride
        return profileTables.withUnsafeBufferPointer { tables in
            profileGuides.withUnsafeBufferPointer { guides in
                RateProfile.nextArrival(after: time, rateScale: rate,
                                        cumulative: UnsafeBufferPointer(rebasing: tables[start ..< start &+ profileStride]),
                                        guide: UnsafeBufferPointer(rebasing: guides[guideStart ..< guideStart &+ guideStride]),
                                        using: &g)
            }
        }
    }
}

extension CompiledScenario {
    /// The acute team serving municipality `m`'s patients of group `g` (its ward); -1: none.
    /// - Complexity: O(1).
    @inline(__always)
    func team(municipality m: UInt16, group g: UInt8) -> Int {
        // One ward (every scenario without wards): no read of the group's ward.
        wardCount == 1 ? municipalityTeam[Int(m)] : municipalityTeam[Int(m) &* wardCount &+ groupWard[Int(g)]]
    }

    /// The acute-bed unit serving municipality `m`'s patients of group `g` (its ward); -1: none.
    /// - Complexity: O(1).
    @inline(__always)
    func bedUnit(municipality m: UInt16, group g: UInt8) -> Int {
        wardCount == 1 ? municipalityBedUnit[Int(m)] : municipalityBedUnit[Int(m) &* wardCount &+ groupWard[Int(g)]]
    }

    /// The bed pool of hospital `h`'s ward for group `g`.
    /// - Complexity: O(1).
    @inline(__always)
    func pool(hospital h: UInt16, group g: UInt8) -> UInt16 {
        wardCount == 1 ? h : hospitalWardPool[Int(h) &* wardCount &+ groupWard[Int(g)]]
    }
}

extension Array where Element == PreparedDistribution {
    /// Draws from element `i` without copying it.
    /// - Complexity: that of the distribution's `sample`.
    @inline(__always)
    func sample<G: RandomNumberGenerator>(_ i: Int, using g: inout G) -> Double {
        precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "distribution index out of range")
        return withUnsafeBufferPointer { PreparedDistribution.sample(at: $0.baseAddress! + i, using: &g) }
    }
}
