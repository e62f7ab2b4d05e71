import SamspilEngine
import SamspilModel

extension ScenarioSchema {
    // MARK: First contact and decision

    static let contact = ValueSpec<ContactSettings>.object(kind: "Contact") { o in
        notes(o)
        var c = ContactSettings()
        c.gpOfficeHours = o.optional("gpOfficeHours", CommonSpecs.hourWindow, default: c.gpOfficeHours)
        c.gpOfficeDays = o.optional("gpOfficeDays", CommonSpecs.weekdays, default: c.gpOfficeDays)
        c.gpSameDaySlotsPerThousandPerDay = o.optional("gpSameDaySlotsPerThousandPerDay", .number(.range(0...1000)),
                                                       default: c.gpSameDaySlotsPerThousandPerDay)
        c.whenGPFull = o.optional("whenGPFull", .oneOf(ContactSettings.WhenGPFull.self), default: c.whenGPFull)
        c.gpParticipation = o.optional("gpParticipation", .number(.probability), default: c.gpParticipation)
        return c
    }

    static let doctorValues = ValueSpec<DoctorValues>.object(kind: "Trust") { o in
        notes(o)
        let d = DecisionSettings().trust
        let gp = o.optional("gp", .number(.probability), default: d.gp)
        let ooh = o.optional("outOfHours", .number(.probability), default: d.outOfHours)
        let ed = o.optional("emergencyDepartment", .number(.probability), default: d.emergencyDepartment)
        return DoctorValues(gp: gp, outOfHours: ooh, emergencyDepartment: ed)
    }

    static let decision = ValueSpec<DecisionSettings>.object(kind: "Decision") { o in
        notes(o)
        var d = DecisionSettings()
        d.trust = o.optional("trust", doctorValues, default: d.trust)
        d.partTimeCredibility = o.optional("partTimeCredibility", .number(.probability), default: d.partTimeCredibility)
        d.sharedITFactor = o.optional("sharedITFactor", .number(.range(0...10)), default: d.sharedITFactor)
        d.unclearResponsibilityFactor = o.optional("unclearResponsibilityFactor", .number(.range(0...10)),
                                                   default: d.unclearResponsibilityFactor)
        d.maximumResponseHours = o.optional("maximumResponseHours", .number(.range(0...168)), default: d.maximumResponseHours)
        d.gpKeepsAtHomeShare = o.optional("gpKeepsAtHomeShare", .number(.probability), default: d.gpKeepsAtHomeShare)
        d.responsePromise = o.optional("responsePromise", .oneOf(ResponsePromise.self), default: d.responsePromise)
        d.trustDynamics = o.optional("trustDynamics", trustDynamics)
        return d
    }

    // MARK: Acute teams and beds

    static let shift = ValueSpec<AcuteTeam.Shift>.object(kind: "Shift") { o in
        notes(o)
        let name = o.required("name", .nonEmptyString)
        let from = o.required("from", .number(in: 0...24))
        let to = o.required("to", .number(in: 0...24))
        let days = o.optional("days", CommonSpecs.weekdays, default: .all)
        let nurses = o.required("nurses", .integer(in: 0...10_000))
        guard let name, let from, let to, let nurses else { return nil }
        return AcuteTeam.Shift(name: name, hours: HourWindow(from: from, to: to), days: days, nurses: nurses)
    }

    static let forwardVisitation = ValueSpec<ForwardVisitation>.object(kind: "ForwardVisitation") { o in
        notes(o)
        let from = o.required("from", .number(in: 0...24))
        let to = o.required("to", .number(in: 0...24))
        let days = o.optional("days", CommonSpecs.weekdays, default: .all)
        let share = o.required("share", .number(.probability))
        guard let from, let to, let share else { return nil }
        return ForwardVisitation(hours: HourWindow(from: from, to: to), days: days, share: share)
    }

    static let followUp = ValueSpec<FollowUp>.object(kind: "FollowUp") { o in
        notes(o)
        let share = o.required("share", .number(.probability))
        let after = o.optional("afterHours", .number(.range(0...720)), default: 24)
        guard let share else { return nil }
        return FollowUp(share: share, afterHours: after)
    }

    static let earlyDischarge = ValueSpec<EarlyDischarge>.object(kind: "EarlyDischarge") { o in
        notes(o)
        let share = o.required("share", .number(.probability))
        let early = o.required("hoursEarly", .number(.range(0...720)))
        let visits = o.optional("visitsPerDay", .integer(in: 0...24), default: 2)
        guard let share, let early else { return nil }
        return EarlyDischarge(share: share, hoursEarly: early, visitsPerDay: visits)
    }

    static let acuteTeam = ValueSpec<AcuteTeam>.object(kind: "AcuteTeam") { o in
        notes(o)
        let name = o.required("name", .nonEmptyString)
        let municipalities = o.required("municipalities", .array(of: CommonSpecs.reference("municipalities", noun: "municipality"), minCount: 1))
        let shifts = o.required("shifts", .namedList(of: shift, minCount: 1))
        let caseload = o.required("maximumCaseload", .integer(in: 0...100_000))
        let response = o.optional("responseDelay", CommonSpecs.duration, default: .fixed(1))
        let visit = o.optional("visitDuration", CommonSpecs.duration, default: .fixed(0.75))
        let travel = o.optional("travelTime", CommonSpecs.duration, default: .fixed(1.0 / 3))
        let forward = o.optional("forwardVisitation", forwardVisitation)
        let follow = o.optional("followUp", followUp)
        let early = o.optional("earlyDischarge", earlyDischarge)
        let ward = o.optional("ward", wardReference)
        // An unknown ward is reported where it is written; the team is then left out.
        guard let name, let municipalities, let shifts, let caseload, ward != nil || (o.object["ward"]?.isNull ?? true) else { return nil }
        if shifts.count > 32 { o.error("a team has at most 32 shifts", at: "shifts"); return nil }
        var team = AcuteTeam(name: name, municipalities: municipalities, shifts: shifts, maximumCaseload: caseload,
                             responseDelay: response, visitDuration: visit, travelTime: travel, forwardVisitation: forward,
                             followUp: follow, earlyDischarge: early)
        team.ward = ward ?? Hospital.medicalWard
        return team
    }

    static let acuteBedUnit = ValueSpec<AcuteBedUnit>.object(kind: "AcuteBedUnit") { o in
        notes(o)
        let name = o.required("name", .nonEmptyString)
        let municipalities = o.required("municipalities", .array(of: CommonSpecs.reference("municipalities", noun: "municipality"), minCount: 1))
        let beds = o.required("beds", .integer(in: 0...100_000))
        let pooled = o.optional("pooledWith", CommonSpecs.reference("hospitals", noun: "hospital"))
        let wardRead = o.optional("ward", wardReference)
        let shares = o.optional("costShares", costShares, default: [])
        guard let name, let municipalities, let beds, wardRead != nil || (o.object["ward"]?.isNull ?? true) else { return nil }
        let ward = wardRead ?? Hospital.medicalWard
        if let pooled, ward != Hospital.medicalWard, !(o.context.names[wardsKey(pooled)] ?? []).contains(ward) {
            o.error("the unit pools with '\(pooled)', which has no ward '\(ward)'", at: "pooledWith")
        }
        var unit = AcuteBedUnit(name: name, municipalities: municipalities, beds: beds,
                                sharing: pooled.map { .pooled(hospital: $0) } ?? .partitioned)
        unit.ward = ward
        unit.costShares = shares
        return unit
    }

    // MARK: Discharge, readmission, coordination, behaviour

    static let discharge = ValueSpec<MunicipalDischarge>.object(kind: "Discharge") { o in
        notes(o)
        var d = MunicipalDischarge()
        d.notificationHours = o.optional("notificationHours", .number(.range(0...720)), default: d.notificationHours)
        d.notificationLeadHours = o.optional("notificationLeadHours", .number(.range(0...720)), default: d.notificationLeadHours)
        d.acceptHours = o.optional("acceptHours", CommonSpecs.hourWindow, default: d.acceptHours)
        d.acceptDays = o.optional("acceptDays", CommonSpecs.weekdays, default: d.acceptDays)
        d.homeCareStartsPerThousand65PerDay = o.optional("homeCareStartsPerThousand65PerDay", .number(.range(0...1000)),
                                                         default: d.homeCareStartsPerThousand65PerDay)
        d.temporaryBedsPerThousand65 = o.optional("temporaryBedsPerThousand65", .number(.range(0...1000)),
                                                  default: d.temporaryBedsPerThousand65)
        d.temporaryBedStay = o.optional("temporaryBedStay", CommonSpecs.duration, default: d.temporaryBedStay)
        if d.acceptHours.hours == 0 { o.error("the municipality must accept discharges in some hours", at: "acceptHours") }
        return d
    }

    static let readmission = ValueSpec<ReadmissionSettings>.object(kind: "Readmission") { o in
        notes(o)
        var r = ReadmissionSettings()
        r.windowDays = o.optional("windowDays", .number(.range(1...365)), default: r.windowDays)
        r.timeToReadmission = o.optional("timeToReadmission", CommonSpecs.duration, default: r.timeToReadmission)
        r.sharedITMultiplier = o.optional("sharedITMultiplier", .number(.range(0...10)), default: r.sharedITMultiplier)
        r.followUpMultiplier = o.optional("followUpMultiplier", .number(.range(0...10)), default: r.followUpMultiplier)
        r.delayedDischargeMultiplier = o.optional("delayedDischargeMultiplier", .number(.range(0...10)), default: r.delayedDischargeMultiplier)
        r.rushedDischargeMultiplier = o.optional("rushedDischargeMultiplier", .number(.range(0...10)), default: r.rushedDischargeMultiplier)
        r.afterCommunityCareMultiplier = o.optional("afterCommunityCareMultiplier", .number(.range(0...10)),
                                                    default: r.afterCommunityCareMultiplier)
        r.afterHomeMultiplier = o.optional("afterHomeMultiplier", .number(.range(0...10)), default: r.afterHomeMultiplier)
        r.afterEmergencyDepartmentMultiplier = o.optional("afterEmergencyDepartmentMultiplier", .number(.range(0...10)),
                                                          default: r.afterEmergencyDepartmentMultiplier)
        r.bandMultiplier = o.optional("bandMultiplier", bandRiskMultipliers, default: r.bandMultiplier)
        return r
    }

    static let coordination = ValueSpec<CoordinationSettings>.object(kind: "Coordination") { o in
        notes(o)
        var c = CoordinationSettings()
        c.sharedIT = o.optional("sharedIT", .bool, default: c.sharedIT)
        c.medicalResponsibility = o.optional("medicalResponsibility", .oneOf(CoordinationSettings.MedicalResponsibility.self),
                                             default: c.medicalResponsibility)
        c.greyZoneDelayHours = o.optional("greyZoneDelayHours", .number(.range(0...168)), default: c.greyZoneDelayHours)
        c.greyZoneVisitHours = o.optional("greyZoneVisitMinutes", .number(.range(0...600)), default: c.greyZoneVisitHours * 60) / 60
        return c
    }

    static let behaviour = ValueSpec<Behaviour>.object(kind: "Behaviour") { o in
        notes(o)
        var b = Behaviour()
        b.gpKeepAtHomeShift = o.optional("gpKeepAtHomeShift", .number(.range(-1...1)), default: b.gpKeepAtHomeShift)
        b.referralPropensityMultiplier = o.optional("referralPropensityMultiplier", .number(.range(0...10)),
                                                    default: b.referralPropensityMultiplier)
        b.hospitalAdmissionShift = o.optional("hospitalAdmissionShift", .number(.probability), default: b.hospitalAdmissionShift)
        b.lengthOfStayMultiplier = o.optional("lengthOfStayMultiplier", .number(.range(0.1...10)), default: b.lengthOfStayMultiplier)
        return b
    }
}
