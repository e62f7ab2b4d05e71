import SamspilEconomics
import SamspilModel

/// `economics.implementation` (costs of cooperation) and `economics.gpContract`
/// (general practice's fees by contract).
extension ScenarioSchema {
    /// A named payer: `{ level: "municipality", name: "Viborg" }`; the state needs no name.
    static let payerReference = ValueSpec<PayerEntity>.object(kind: "PayerReference") { o in
        let level = o.required("level", .oneOf(AccountHolder.self))
        let name = o.optional("name", .nonEmptyString)
        _ = o.optional("source", .string)
        _ = o.optional("notes", .string)
        guard let level else { return nil }
        if level == .state { return PayerEntity(level: .state, name: PayerEntities.stateName) }
        // General practice and joint budgets are per region and carry the region's name.
        let category = level == .municipality ? "municipalities" : "regions"
        let known = o.context.names[category] ?? []
        guard let name else {
            o.error("a \(level.rawValue) payer needs the name of its \(level == .municipality ? "municipality" : "region")")
            return nil
        }
        if !known.isEmpty && !known.contains(name) {
            o.error("no \(level == .municipality ? "municipality" : "region") named '\(name)'", at: "name",
                    suggestion: Suggestions.closest(to: name, among: known).map { "did you mean '\($0)'?" })
            return nil
        }
        return PayerEntity(level: level, name: name)
    }

    /// One cost of cooperation. The quantity keys multiply out to a one-off
    /// sum, a yearly sum and a sum per team episode; `kind` says which of
    /// them the item must have, so a training without staff is an error.
    static let implementationItem = ValueSpec<ImplementationItem>.object(kind: "ImplementationItem") { o in
        notes(o)
        let name = o.required("name", .nonEmptyString)
        let kind = o.required("kind", .oneOf(ImplementationItem.Kind.self))
        let payer = o.required("payer", payerReference)
        let money = ValueSpec<Double>.number(.range(0...1e11))
        let count = ValueSpec<Double>.number(.range(0...1e7))
        let hours = ValueSpec<Double>.number(.range(0...1e5))
        let oneOff = o.optional("oneOffDkk", money, default: 0)
        let perYear = o.optional("perYearDkk", money, default: 0)
        let perEpisode = o.optional("perTeamEpisodeDkk", money, default: 0)
        let staff = o.optional("staff", count)
        let hoursPerStaff = o.optional("hoursPerStaff", hours)
        let perStaffPerYear = o.optional("perStaffPerYearDkk", money)
        let leaders = o.optional("leaders", count)
        let hoursPerLeaderPerYear = o.optional("hoursPerLeaderPerYear", hours)
        let hoursPerTeamEpisode = o.optional("hoursPerTeamEpisode", .number(.range(0...1000)))
        let hourly = o.optional("hourlyDkk", .number(.range(0...1e6)))
        let teams = o.optional("teams", .array(of: CommonSpecs.reference("acuteTeams", noun: "acute team")), default: [])
        let lifetime = o.optional("lifetimeYears", .number(.range(0.1...100)), default: 5)
        guard let name, let kind, let payer else { return nil }

        /// Each product counts when its defining key is given, and then needs all its factors.
        func product(_ keys: [String], _ values: [Double?], when given: Bool) -> Double {
            guard given else { return 0 }
            let missing = zip(keys, values).filter { $0.1 == nil }.map { "'\($0.0)'" }
            guard missing.isEmpty else {
                o.error("\(keys.joined(separator: " × ")) needs \(missing.joined(separator: " and ")) as well")
                return 0
            }
            return values.reduce(1) { $0 * $1! }
        }
        let training = product(["staff", "hoursPerStaff", "hourlyDkk"], [staff, hoursPerStaff, hourly], when: hoursPerStaff != nil)
        let licences = product(["staff", "perStaffPerYearDkk"], [staff, perStaffPerYear], when: perStaffPerYear != nil)
        let leadership = product(["leaders", "hoursPerLeaderPerYear", "hourlyDkk"], [leaders, hoursPerLeaderPerYear, hourly],
                                 when: leaders != nil || hoursPerLeaderPerYear != nil)
        let physicians = product(["hoursPerTeamEpisode", "hourlyDkk"], [hoursPerTeamEpisode, hourly], when: hoursPerTeamEpisode != nil)
        if staff != nil && hoursPerStaff == nil && perStaffPerYear == nil {
            o.error("'staff' needs 'hoursPerStaff' and 'hourlyDkk' (training) or 'perStaffPerYearDkk' (a yearly price per user)", at: "staff")
        }
        if hourly != nil && hoursPerStaff == nil && leaders == nil && hoursPerLeaderPerYear == nil && hoursPerTeamEpisode == nil {
            o.error("'hourlyDkk' prices hours: give 'hoursPerStaff', 'hoursPerLeaderPerYear' or 'hoursPerTeamEpisode'", at: "hourlyDkk")
        }
        // What each kind is priced by.
        let needs: [ImplementationItem.Kind: (keys: [String], ok: Bool)] = [
            .training: (["staff", "hoursPerStaff", "hourlyDkk"], hoursPerStaff != nil),
            .coordination: (["leaders", "hoursPerLeaderPerYear", "hourlyDkk"], leaders != nil),
            .medicalResponsibility: (["hoursPerTeamEpisode", "hourlyDkk"], hoursPerTeamEpisode != nil),
            .medicine: (["perTeamEpisodeDkk"], o.contains("perTeamEpisodeDkk")),
        ]
        if let need = needs[kind], !need.ok {
            o.error("a \(kind.rawValue) item is priced by \(need.keys.map { "'\($0)'" }.joined(separator: " × "))")
        }
        if kind != .training && hoursPerStaff != nil {
            o.error("'hoursPerStaff' (staff × hours × price, once) is for kind 'training'", at: "hoursPerStaff")
        }
        return ImplementationItem(name: name, kind: kind, payer: payer, oneOff: oneOff + training,
                                  perYear: perYear + licences + leadership, perTeamEpisode: perEpisode + physicians,
                                  teams: teams, lifetimeYears: lifetime, source: o.optional("source", .string))
    }

    static let gpContract = ValueSpec<GeneralPracticeContract>.object(kind: "GPContract") { o in
        var c = GeneralPracticeContract()
        let money = ValueSpec<Double>.number(.range(0...1e6))
        c.consultationFee = o.optional("consultationFeeDkk", money)
        c.homeVisitFee = o.optional("homeVisitFeeDkk", money)
        c.outOfHoursFee = o.optional("outOfHoursFeeDkk", money)
        c.outOfHoursOperator = o.optional("outOfHoursOperator", .oneOf(GeneralPracticeContract.OutOfHoursOperator.self),
                                          default: c.outOfHoursOperator)
        c.source = o.optional("source", .string)
        _ = o.optional("notes", .string)
        return c
    }
}
