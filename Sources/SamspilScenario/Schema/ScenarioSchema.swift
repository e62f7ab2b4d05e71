import SamspilEconomics
import SamspilEngine
import SamspilModel

/// What a scenario file describes: the health system (the model's parameters)
/// and its economics (prices, incentive regime, behavioural responses).
public struct ScenarioFile: Sendable, Equatable {
    public var scenario: Scenario
    public var economics: EconomicsSettings
    /// The inputs a probabilistic sensitivity analysis draws (empty: none).
    public var uncertainty: [UncertainInput]
    /// A budget over several years: population projection and ramp-up.
    public var budget = BudgetSettings()
    public init(scenario: Scenario, economics: EconomicsSettings, uncertainty: [UncertainInput] = []) {
        self.scenario = scenario
        self.economics = economics
        self.uncertainty = uncertainty
    }

    /// The scenario as simulated: the behavioural-response step, which adjusts
    /// the model's inputs (referral shares, discharge speed) for the incentives
    /// of the economics regime. A named step rather than a property, because it
    /// rewrites model inputs: an experiment applies it once, visibly.
    /// - Complexity: O(size of the scenario).
    public func adjustedForIncentives() -> Scenario { BehaviouralResponse.apply(economics, to: scenario) }
}

/// The scenario file's schema: how each object of a scenario file becomes a
/// value of the model's parameters, with every check a planner needs.
///
/// Keys are read in dependency order (age bands, regions, hospitals,
/// municipalities, then what refers to them), so a reference to a hospital that
/// does not exist is reported where it is written, with a suggestion.
/// Every accepted key is documented in docs/scenario-format.md (checked by a test).
public enum ScenarioSchema {
    /// Keys allowed in every object for the planner's own notes.
    static func notes(_ o: ObjectReader) {
        _ = o.optional("source", .string)
        _ = o.optional("notes", .string)
    }

    /// A scenario file: the health system and its economics.
    public static let file = ValueSpec<ScenarioFile>.object(kind: "Scenario") { o in
        notes(o)
        let name = o.required("name", .nonEmptyString)
        let description = o.optional("description", .string, default: "")
        let simulation = o.optional("simulation", Self.simulation, default: SimulationSettings())
        let ageBands = o.optional("ageBands", .array(of: .nonEmptyString, minCount: 1).validated(uniqueNames),
                                  default: Scenario.defaultAgeBands)
        o.context.names["ageBands"] = ageBands
        // Names are taken from the document even where an element fails to read,
        // so one bad hospital does not make every reference to it an error too.
        o.context.names["regions"] = rawNames(o.object["regions"])
        let regions = o.required("regions", .namedList(of: region, minCount: 1))
        o.context.names["hospitals"] = rawNames(o.object["hospitals"])
        o.context.names["wards"] = rawWardNames(o.object["hospitals"])
        let hospitals = o.required("hospitals", .namedList(of: hospital, minCount: 1))
        o.context.names["municipalities"] = rawNames(o.object["municipalities"])
        o.context.inherited["discharge"] = o.object["discharge"]
        let municipalities = o.required("municipalities", .namedList(of: municipality, minCount: 1))
        noteHospitalsWithoutWards(o, hospitals: hospitals ?? [], municipalities: municipalities ?? [])
        o.context.names["patientGroups"] = rawNames(o.object["patientGroups"])
        let groups = o.required("patientGroups", .namedList(of: patientGroup, minCount: 1))
        let profile = o.optional("demandProfile", demandProfile, default: DemandProfile())
        let contact = o.optional("contact", Self.contact, default: ContactSettings())
        let decision = o.optional("decision", Self.decision, default: DecisionSettings())
        let teams: [AcuteTeam] = o.optional("acuteTeams", .namedList(of: acuteTeam), default: [])
        let beds: [AcuteBedUnit] = o.optional("acuteBeds", .namedList(of: acuteBedUnit), default: [])
        let discharge = o.optional("discharge", Self.discharge, default: DischargeSettings())
        let readmission = o.optional("readmission", Self.readmission, default: ReadmissionSettings())
        let coordination = o.optional("coordination", Self.coordination, default: CoordinationSettings())
        let behaviour = o.optional("behaviour", Self.behaviour, default: Behaviour())
        let bedPressure = o.optional("bedPressure", Self.bedPressure, default: BedPressureSettings())
        let deterioration = o.optional("deterioration", Self.deterioration, default: DeteriorationSettings())
        o.context.names["acuteTeams"] = rawNames(o.object["acuteTeams"])
        let economics = o.optional("economics", Self.economics, default: EconomicsSettings())
        let uncertainty = o.optional("uncertainty", .array(of: uncertainInput), default: [])
        let budget = o.optional("budget", Self.budget, default: BudgetSettings())
        guard let name, let regions, let hospitals, let municipalities, let groups else { return nil }
        // Each municipality is served by at most one team and one acute-bed unit per ward.
        checkServedOnce(o, teams.map { ($0.name, $0.municipalities, $0.ward) }, key: "acuteTeams", noun: "acute team")
        checkServedOnce(o, beds.map { ($0.name, $0.municipalities, $0.ward) }, key: "acuteBeds", noun: "acute-bed unit")
        for group in groups where group.demandProfile == nil && profile.hourOfDay.allSatisfy({ $0 == 0 }) {
            o.error("patient group '\(group.name)' has no demand profile and the scenario's hour weights are all zero", at: "demandProfile")
        }
        var scenario = Scenario(name: name, description: description, simulation: simulation, ageBands: ageBands, regions: regions,
                                hospitals: hospitals, municipalities: municipalities, patientGroups: groups,
                                demandProfile: profile, contact: contact, decision: decision, acuteTeams: teams,
                                acuteBedUnits: beds, discharge: discharge, readmission: readmission,
                                coordination: coordination, behaviour: behaviour)
        scenario.bedPressure = bedPressure
        scenario.deterioration = deterioration
        checkUncertainty(uncertainty, in: o)
        var file = ScenarioFile(scenario: scenario, economics: economics, uncertainty: uncertainty)
        file.budget = budget
        return file
    }

    /// The `name` strings of a list of objects, as written.
    static func rawNames(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    static func uniqueNames(_ names: [String]) -> String? {
        var seen = Set<String>()
        for n in names where !seen.insert(n).inserted { return "'\(n)' is listed twice" }
        return nil
    }

    static func checkServedOnce(_ o: ObjectReader, _ units: [(String, [String], String)], key: String, noun: String) {
        var servedBy: [String: String] = [:]
        for (unit, municipalities, ward) in units {
            for m in municipalities {
                let served = m + "\u{1F}" + ward
                if let other = servedBy[served] {
                    let which = ward == Hospital.medicalWard ? "" : " for the \(ward) ward"
                    o.error("municipality '\(m)' is served by two \(noun)s\(which) ('\(other)' and '\(unit)')", at: key)
                }
                servedBy[served] = unit
            }
        }
    }

    // MARK: Simulation

    static let simulation = ValueSpec<SimulationSettings>.object(kind: "Simulation") { o in
        notes(o)
        var s = SimulationSettings()
        s.horizonDays = o.optional("horizonDays", .number(.range(1...36_500)), default: s.horizonDays)
        s.warmupDays = o.optional("warmupDays", .number(.range(0...3_650)), default: s.warmupDays)
        s.replications = o.optional("replications", .integer(in: 1...1_000_000), default: s.replications)
        s.seed = UInt64(o.optional("seed", .integer(in: 0...999_999_999_999), default: Int(s.seed)))
        s.startDate = o.optional("startDate", date, default: s.startDate)
        s.initialState = o.optional("initialState", .oneOf(SimulationSettings.InitialState.self), default: s.initialState)
        return s
    }

    static let date = ValueSpec<CalendarDate>(expected: "a date \"YYYY-MM-DD\"") { reader in
        guard let text = reader.read(.string) else { return nil }
        guard let date = CalendarDate(iso: text), (1900...2200).contains(date.year) else {
            reader.mismatch(expected: "a date \"YYYY-MM-DD\" between 1900 and 2200")
            return nil
        }
        return date
    }

    // MARK: Geography

    static let region = ValueSpec<Region>.object(kind: "Region") { o in
        notes(o)
        guard let name = o.required("name", .nonEmptyString) else { return nil }
        return Region(name: name)
    }

    static let bedChange = ValueSpec<Hospital.BedChange>.object(kind: "BedChange") { o in
        notes(o)
        let day = o.required("fromDay", .number(.nonNegative))
        let beds = o.required("beds", .integer(in: 0...100_000))
        guard let day, let beds else { return nil }
        return Hospital.BedChange(fromDay: day, beds: beds)
    }

    static let ward = ValueSpec<Hospital.Ward>.object(kind: "Ward") { o in
        notes(o)
        let name = o.required("name", ValueSpec<String>.nonEmptyString.validated {
            $0 == Hospital.medicalWard ? "the medical ward is the hospital's own medicalBeds; name another ward" : nil
        })
        let beds = o.required("beds", .integer(in: 0...100_000))
        let changes = o.optional("bedChanges", .array(of: bedChange), default: [])
        let hours = o.optional("dischargeHours", CommonSpecs.hourWindow.validated { $0.hours > 0 ? nil : "the ward must discharge in some hours" },
                               default: HourWindow(from: 8, to: 20))
        let overflow = o.optional("overflow", .oneOf(Hospital.OverflowPolicy.self), default: .moveToFreeBed)
        guard let name, let beds else { return nil }
        return Hospital.Ward(name: name, beds: beds, bedChanges: changes, dischargeHours: hours, overflow: overflow)
    }

    static let hospital = ValueSpec<Hospital>.object(kind: "Hospital") { o in
        notes(o)
        let name = o.required("name", .nonEmptyString)
        let region = o.required("region", CommonSpecs.reference("regions", noun: "region"))
        let beds = o.required("medicalBeds", .integer(in: 0...100_000))
        let changes = o.optional("bedChanges", .array(of: bedChange), default: [])
        let hours = o.optional("dischargeHours", CommonSpecs.hourWindow.validated { $0.hours > 0 ? nil : "the hospital must discharge in some hours" },
                               default: HourWindow(from: 8, to: 20))
        let overflow = o.optional("overflow", .oneOf(Hospital.OverflowPolicy.self), default: .moveToFreeBed)
        let wards = o.optional("wards", .namedList(of: ward), default: [])
        guard let name, let region, let beds else { return nil }
        return Hospital(name: name, region: region, medicalBeds: beds, bedChanges: changes, dischargeHours: hours, overflow: overflow,
                        wards: wards)
    }

    static let municipality = ValueSpec<Municipality>.object(kind: "Municipality") { o in
        notes(o)
        let name = o.required("name", .nonEmptyString)
        let region = o.required("region", CommonSpecs.reference("regions", noun: "region"))
        let population = o.required("population", CommonSpecs.perAge(.number(SchemaBounds.population), isSingle: { _ in false },
                                                                     expected: "citizens per age band, as {\"0-64\": …, \"65-79\": …, \"80+\": …}"))
        let shares = o.required("hospitals", catchment)
        let discharge = o.optional("discharge", inheritingDischarge)
        guard let name, let region, let population, let shares else { return nil }
        return Municipality(name: name, region: region, population: population, catchment: shares, discharge: discharge)
    }

    /// A municipality's `discharge`: its keys override the scenario-wide
    /// `discharge`, so a municipality states only what differs.
    static let inheritingDischarge = ValueSpec<MunicipalDischarge>(expected: discharge.expected, discover: discharge.discover) { reader in
        guard let base = reader.context.inherited["discharge"], base.objectValue != nil, reader.value.objectValue != nil else {
            return reader.read(discharge)
        }
        let merged = DocumentMerge.merge(base: base, override: reader.value, path: reader.path, diagnostics: reader.context.diagnostics)
        return ValueReader(value: merged, path: reader.path, context: reader.context).read(discharge)
    }

    /// `{"Hospital A": 0.7, "Hospital B": 0.3}`: shares summing to 1.
    static let catchment = ValueSpec<[(key: String, value: Double)]>.dictionary(of: .number(.probability))
        .validated { entries in
            guard !entries.isEmpty else { return "name at least one hospital" }
            let total = entries.reduce(0) { $0 + $1.value }
            return abs(total - 1) > 1e-6 ? "hospital shares must sum to 1, they sum to \(total)" : nil
        }
        .map { $0.map { Municipality.HospitalShare(hospital: $0.key, share: $0.value) } }
        .checkingNames("hospitals", noun: "hospital")

    // MARK: Patient groups

    static let severity = ValueSpec<SeverityShares>.object(kind: "Severity") { o in
        notes(o)
        let gp = o.required("gpManageable", .number(.probability))
        let border = o.required("borderline", .number(.probability))
        let must = o.required("mustAdmit", .number(.probability))
        guard let gp, let border, let must else { return nil }
        let shares = SeverityShares(gpManageable: gp, borderline: border, mustAdmit: must)
        if abs(shares.sum - 1) > 1e-6 { o.error("severity shares must sum to 1, they sum to \(shares.sum)"); return nil }
        return shares
    }

    static let defaultEmergencyCallShare = BandValues(gpManageable: 0, borderline: 0.1, mustAdmit: 0.5)

    /// Shares of 112 calls per severity band; a band left out keeps its default.
    static let bandValues = ValueSpec<BandValues>.object(kind: "BandShares") { o in
        notes(o)
        let d = defaultEmergencyCallShare
        let gp = o.optional("gpManageable", .number(.probability), default: d.gpManageable)
        let border = o.optional("borderline", .number(.probability), default: d.borderline)
        let must = o.optional("mustAdmit", .number(.probability), default: d.mustAdmit)
        return BandValues(gpManageable: gp, borderline: border, mustAdmit: must)
    }

    static let teamTreatment = ValueSpec<TeamTreatment>.object(kind: "TeamTreatment") { o in
        notes(o)
        let share = o.required("substitutableShare", .number(.probability))
        let length = o.required("episodeLength", CommonSpecs.duration)
        let visits = o.optional("visitsPerDay", .integer(in: 0...24), default: 2)
        let escalation = o.optional("escalationProbability", .number(.probability), default: 0.1)
        let manageable = o.optional("manageableReferralShare", .number(.probability), default: 0)
        guard let share, let length else { return nil }
        return TeamTreatment(substitutableShare: share, episodeLength: length, visitsPerDay: visits,
                             escalationProbability: escalation, manageableReferralShare: manageable)
    }

    static let bedTreatment = ValueSpec<BedTreatment>.object(kind: "BedTreatment") { o in
        notes(o)
        let share = o.required("substitutableShare", .number(.probability))
        let stay = o.required("lengthOfStay", CommonSpecs.duration)
        let escalation = o.optional("escalationProbability", .number(.probability), default: 0.1)
        guard let share, let stay else { return nil }
        return BedTreatment(substitutableShare: share, lengthOfStay: stay, escalationProbability: escalation)
    }

    static let patientGroup = ValueSpec<PatientGroup>.object(kind: "PatientGroup") { o in
        notes(o)
        let name = o.required("name", .nonEmptyString)
        let rate = o.required("ratePerThousandPerYear", CommonSpecs.perAgeNumber(SchemaBounds.episodeRatePerThousandPerYear))
        let severity = o.required("severity", CommonSpecs.perAge(Self.severity) { $0["mustAdmit"] != nil || $0["borderline"] != nil })
        let call = o.optional("emergencyCallShare", bandValues, default: defaultEmergencyCallShare)
        let stay = o.required("lengthOfStay", CommonSpecs.perAgeDuration)
        let bands = o.context.names["ageBands"]?.count ?? 3
        let care = o.optional("needsMunicipalCare", CommonSpecs.perAgeNumber(.probability), default: Array(repeating: 0.3, count: bands))
        let temporary = o.optional("temporaryBedShare", .number(.probability), default: 0.2)
        let readmission = o.optional("readmissionProbability", CommonSpecs.perAgeNumber(.probability),
                                     default: Array(repeating: 0.15, count: bands))
        let team = o.optional("acuteTeam", teamTreatment)
        let bed = o.optional("acuteBed", bedTreatment)
        let profile = o.optional("demandProfile", demandProfile)
        let preventable = o.optional("preventable", .bool, default: true)
        let ward = o.optional("ward", groupWard, default: Hospital.medicalWard)
        guard let name, let rate, let severity, let stay else { return nil }
        var group = PatientGroup(name: name, ratePerThousandPerYear: rate, severity: severity, emergencyCallShare: call,
                            lengthOfStay: stay, needsMunicipalCare: care, temporaryBedShare: temporary,
                            readmissionProbability: readmission,
                            acuteTeam: team, acuteBed: bed, demandProfile: profile, preventable: preventable)
        group.ward = ward
        return group
    }

    static let demandProfile = ValueSpec<DemandProfile>.object(kind: "DemandProfile") { o in
        notes(o)
        let positiveSum: @Sendable ([Double]) -> String? = { $0.reduce(0, +) > 0 ? nil : "at least one weight must be positive" }
        let hours = o.optional("hourOfDay", .array(of: .number(.nonNegative), count: 24).validated(positiveSum), default: DemandProfile.flatDay)
        let days = o.optional("dayOfWeek", .array(of: .number(.nonNegative), count: 7).validated(positiveSum), default: Array(repeating: 1, count: 7))
        let months = o.optional("month", .array(of: .number(.nonNegative), count: 12).validated(positiveSum), default: Array(repeating: 1, count: 12))
        return DemandProfile(hourOfDay: hours, dayOfWeek: days, month: months)
    }
}

extension ValueSpec where Value == [Municipality.HospitalShare] {
    /// Checks that every hospital named exists (declared earlier in the document).
    func checkingNames(_ category: String, noun: String) -> ValueSpec<Value> {
        let read = self.read
        return ValueSpec(expected: expected, discover: discover) { reader in
            guard let shares = read(reader) else { return nil }
            let known = reader.context.names[category] ?? []
            var ok = true
            for share in shares where !known.contains(share.hospital) {
                reader.error("no \(noun) named '\(share.hospital)'",
                             suggestion: Suggestions.closest(to: share.hospital, among: known).map { "did you mean '\($0)'?" })
                ok = false
            }
            return ok ? shares : nil
        }
    }
}
