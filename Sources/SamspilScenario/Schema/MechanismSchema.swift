import SamspilEngine
import SamspilModel

extension ScenarioSchema {
    // MARK: Mechanisms of capacity, time and experience

    static let bedPressure = ValueSpec<BedPressureSettings>.object(kind: "BedPressure") { o in
        notes(o)
        var p = BedPressureSettings()
        p.enabled = o.optional("enabled", .bool, default: p.enabled)
        p.occupancyThreshold = o.optional("occupancyThreshold", .number(.range(0.5...2)), default: p.occupancyThreshold)
        p.roundHour = o.optional("roundHour", .number(in: 0...23.99), default: p.roundHour)
        p.dischargeWithinHours = o.optional("dischargeWithinHours", .number(.range(0...168)), default: p.dischargeWithinHours)
        p.outlierStayMultiplier = o.optional("outlierStayMultiplier", .number(.range(0.5...3)), default: p.outlierStayMultiplier)
        p.emergencyDepartmentReferralMultiplier = o.optional("emergencyDepartmentReferralMultiplier", .number(.range(0...10)),
                                                             default: p.emergencyDepartmentReferralMultiplier)
        return p
    }

    static let deterioration = ValueSpec<DeteriorationSettings>.object(kind: "Deterioration") { o in
        notes(o)
        var d = DeteriorationSettings()
        d.hazardPerHourWaiting = o.optional("hazardPerHourWaiting", .number(.range(0...1)), default: d.hazardPerHourWaiting)
        return d
    }

    static let trustDynamics = ValueSpec<TrustDynamics>.object(kind: "TrustDynamics") { o in
        notes(o)
        var t = TrustDynamics()
        t.gainPerSuccess = o.optional("gainPerSuccess", .number(.probability), default: t.gainPerSuccess)
        t.lossPerRefusal = o.optional("lossPerRefusal", .number(.probability), default: t.lossPerRefusal)
        t.lossPerEscalation = o.optional("lossPerEscalation", .number(.probability), default: t.lossPerEscalation)
        t.floor = o.optional("floor", .number(.range(0...10)), default: t.floor)
        t.ceiling = o.optional("ceiling", .number(.range(0...10)), default: t.ceiling)
        if t.floor > 1 || t.ceiling < 1 { o.error("floor must be at most 1 and ceiling at least 1 (the factor starts at 1)") }
        return t
    }

    /// Return-risk multipliers per severity band; a band left out keeps its default.
    static let bandRiskMultipliers = ValueSpec<BandValues>.object(kind: "BandMultipliers") { o in
        notes(o)
        let d = ReadmissionSettings().bandMultiplier
        let gp = o.optional("gpManageable", .number(.range(0...10)), default: d.gpManageable)
        let border = o.optional("borderline", .number(.range(0...10)), default: d.borderline)
        let must = o.optional("mustAdmit", .number(.range(0...10)), default: d.mustAdmit)
        return BandValues(gpManageable: gp, borderline: border, mustAdmit: must)
    }
}
