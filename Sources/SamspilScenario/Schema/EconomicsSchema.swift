import SamspilEconomics
import SamspilModel

extension ScenarioSchema {
    static let regimeRules = ValueSpec<RegimeRules>.object(kind: "RegimeRules") { o in
        notes(o)
        var r = RegimeRules()
        r.coFinancing = o.optional("coFinancing", .bool, default: r.coFinancing)
        r.gpFeeCoFinancing = o.optional("gpFeeCoFinancing", .bool, default: r.gpFeeCoFinancing)
        r.delayedDischargePayment = o.optional("delayedDischargePayment", .bool, default: r.delayedDischargePayment)
        r.stateSurcharge = o.optional("stateSurcharge", .bool, default: r.stateSurcharge)
        r.stateActivityFunding = o.optional("stateActivityFunding", .bool, default: r.stateActivityFunding)
        let operatorSpec = ValueSpec<String>.oneOf(["region", "municipality"]).map { Payer(rawValue: $0)! }
        r.acuteTeamOperator = o.optional("acuteTeamOperator", operatorSpec, default: r.acuteTeamOperator)
        r.acuteBedRegionShare = o.optional("acuteBedRegionShare", .number(.probability), default: r.acuteBedRegionShare)
        r.temporaryBedRegionShare = o.optional("temporaryBedRegionShare", .number(.probability), default: r.temporaryBedRegionShare)
        r.pooledBudget = o.optional("pooledBudget", .bool, default: r.pooledBudget)
        return r
    }

    static let prices = ValueSpec<Prices>.object(kind: "Prices") { o in
        notes(o)
        var p = Prices()
        let money = ValueSpec<Double>.number(.range(0...1e9))
        p.hospitalBedDay = o.optional("hospitalBedDayDkk", money, default: p.hospitalBedDay)
        p.hospitalBedCapacityDay = o.optional("hospitalBedCapacityDayDkk", money, default: p.hospitalBedCapacityDay)
        p.overflowBedHour = o.optional("overflowBedHourDkk", money, default: p.overflowBedHour)
        p.emergencyDepartmentVisit = o.optional("emergencyDepartmentVisitDkk", money, default: p.emergencyDepartmentVisit)
        p.ambulanceTrip = o.optional("ambulanceTripDkk", money, default: p.ambulanceTrip)
        let byShift = o.optional("nurseHourByShiftDkk", .dictionary(of: money))
        if let byShift { p.nurseHourByShift = Dictionary(byShift.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) }
        p.defaultNurseHour = o.optional("defaultNurseHourDkk", money, default: p.defaultNurseHour)
        p.visitConsumables = o.optional("visitConsumablesDkk", money, default: p.visitConsumables)
        p.teamFixedPerYear = o.optional("teamFixedPerYearDkk", money, default: p.teamFixedPerYear)
        p.acuteBedDay = o.optional("acuteBedDayDkk", money, default: p.acuteBedDay)
        p.temporaryBedDay = o.optional("temporaryBedDayDkk", money, default: p.temporaryBedDay)
        p.gpConsultation = o.optional("gpConsultationDkk", money, default: p.gpConsultation)
        p.outOfHoursContact = o.optional("outOfHoursContactDkk", money, default: p.outOfHoursContact)
        p.gpHomeVisit = o.optional("gpHomeVisitDkk", money, default: p.gpHomeVisit)
        return p
    }

    static let behaviourCoefficients = ValueSpec<BehaviourCoefficients>.object(kind: "BehaviourCoefficients") { o in
        notes(o)
        var b = BehaviourCoefficients()
        b.gpHomeVisitFee = o.optional("gpHomeVisitFeeDkk", .number(.range(0...1e6)), default: b.gpHomeVisitFee)
        b.gpKeepAtHomePerThousandDkk = o.optional("gpKeepAtHomePerThousandDkk", .number(.range(-1...1)), default: b.gpKeepAtHomePerThousandDkk)
        b.admissionPerActivityShare = o.optional("admissionPerActivityShare", .number(.range(-1...1)), default: b.admissionPerActivityShare)
        b.lengthOfStayPerActivityShare = o.optional("lengthOfStayPerActivityShare", .number(.range(-1...1)),
                                                    default: b.lengthOfStayPerActivityShare)
        b.referralPerCoFinancingShare = o.optional("referralPerCoFinancingShare", .number(.range(-1...10)),
                                                   default: b.referralPerCoFinancingShare)
        return b
    }

    static let economics = ValueSpec<EconomicsSettings>.object(kind: "Economics") { o in
        notes(o)
        var e = EconomicsSettings()
        e.regime = o.optional("regime", .oneOf(RegimeName.self), default: e.regime)
        e.custom = o.optional("custom", regimeRules, default: e.custom)
        e.prices = o.optional("prices", prices, default: e.prices)
        let tariffs = o.optional("drgTariffDkk", .dictionary(of: .number(.range(0...1e8))))
        if let tariffs { e.drgTariff = Dictionary(tariffs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) }
        e.defaultDrgTariff = o.optional("defaultDrgTariffDkk", .number(.range(0...1e8)), default: e.defaultDrgTariff)
        let bands = o.context.names["ageBands"]?.count ?? 3
        e.coFinancingShare = o.optional("coFinancingShare", CommonSpecs.perAgeNumber(.probability),
                                        default: Self.resize(e.coFinancingShare, to: bands))
        e.coFinancingCap = o.optional("coFinancingCapDkk", .number(.range(0...1e8)), default: e.coFinancingCap)
        e.gpFeeCoFinancingShare = o.optional("gpFeeCoFinancingShare", CommonSpecs.perAgeNumber(.probability),
                                             default: Self.resize(e.gpFeeCoFinancingShare, to: bands))
        e.delayedDischargeDailyRate = o.optional("delayedDischargeDailyRateDkk", .number(.range(0...1e6)), default: e.delayedDischargeDailyRate)
        e.stateActivityShare = o.optional("stateActivityShare", .number(.probability), default: e.stateActivityShare)
        e.gpCapitationPerCitizenYear = o.optional("gpCapitationPerCitizenYearDkk", .number(.range(0...1e6)),
                                                  default: e.gpCapitationPerCitizenYear)
        e.regionBlockGrantPerYear = o.optional("regionBlockGrantPerYearDkk", .number(.range(0...1e13)), default: e.regionBlockGrantPerYear)
        e.behaviour = o.optional("behaviour", behaviourCoefficients, default: e.behaviour)
        e.gpContract = o.optional("gpContract", gpContract, default: e.gpContract)
        e.implementation = o.optional("implementation", .array(of: implementationItem), default: [])
        e.discountRatePercent = o.optional("discountRatePercent", .number(.range(0...20)))
        // Tariffs must name patient groups that exist.
        let groups = o.context.names["patientGroups"] ?? []
        for name in e.drgTariff.keys.sorted() where !groups.isEmpty && !groups.contains(name) {
            o.error("drgTariffDkk names no patient group '\(name)'", at: "drgTariffDkk",
                    suggestion: Suggestions.closest(to: name, among: groups).map { "did you mean '\($0)'?" })
        }
        return e
    }

    /// Default per-band values for a scenario with a different number of bands:
    /// the last value repeats (or the list is cut).
    static func resize(_ values: [Double], to count: Int) -> [Double] {
        (0..<count).map { values[Swift.min($0, values.count - 1)] }
    }
}
