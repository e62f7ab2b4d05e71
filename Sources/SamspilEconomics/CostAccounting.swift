import SamspilModel

/// The providers whose resource costs are counted.
public enum Provider: String, Sendable, CaseIterable, Codable {
    case hospitalBeds, emergencyDepartment, ambulance, acuteTeam, acuteBeds, temporaryBeds, generalPractice, outOfHours
}

/// Money that moves between payers (it is not a resource cost).
public enum TransferKind: String, Sendable, CaseIterable, Codable {
    /// Municipality → region, per admission: share of the DRG tariff by age, capped.
    case coFinancing
    /// Municipality → region: share of GP and out-of-hours fees by age.
    case gpFeeCoFinancing
    /// Municipality → region: base tariff per delayed-discharge day.
    case delayedDischarge
    /// Municipality → state: surcharge on delayed-discharge days (days 1–2 ×2, day 3 on ×3, minus the base).
    case stateSurcharge
    /// State → the region's municipalities: the surcharge returned (by population).
    case surchargeReturned
    /// State → region: activity funding per admission.
    case stateActivityFunding
    /// State → region: block grant.
    case blockGrant
    /// Region → general practice: fees for GP consultations and out-of-hours contacts.
    case gpFees
    /// Region → general practice: capitation per citizen.
    case gpCapitation
    /// Region → the acute-bed operator: days its patients spent in lent acute beds.
    case lentAcuteBeds
    /// Acute-bed operator → region: days acute-bed patients spent in lent hospital beds.
    case lentHospitalBeds
}

/// A payer's account for one replication.
public struct PayerAccount: Sendable, Equatable {
    /// Resource costs of the services this payer operates or pays directly.
    public var costs = Money.zero
    public var transfersIn = Money.zero
    public var transfersOut = Money.zero
    /// What the payer bears in the end: costs + transfers paid − transfers received.
    public var net: Money { costs + transfersOut - transfersIn }
}

/// The priced result of one replication under one regime.
public struct CostResult: Sendable, Equatable {
    public var providerCosts: [Provider: Money] = [:]
    public var accounts: [AccountHolder: PayerAccount] = [:]
    public var transfers: [TransferKind: Money] = [:]

    public var totalCost: Money { Provider.allCases.reduce(.zero) { $0 + (providerCosts[$1] ?? .zero) } }
    /// Σ transfers received − Σ transfers paid over all payers: always zero.
    public var transferBalance: Money {
        accounts.values.reduce(.zero) { $0 + $1.transfersIn - $1.transfersOut }
    }
}

/// A payer, or the joint budget that replaces region and municipality under a pooled regime.
public enum AccountHolder: String, Sendable, CaseIterable, Codable {
    case region, municipality, generalPractice, state, jointBudget
}

/// Prices a replication's resource use and books costs and transfers to payers.
public enum CostAccounting {
    /// - Parameters:
    ///   - usage: the replication's resource use (measurement window only).
    ///   - days: length of the measurement window in days.
    public static func evaluate(_ economics: EconomicsSettings, scenario: Scenario, usage: UsageLedger, days: Double) -> CostResult {
        let rules = RegimeRules.rules(for: economics.regime, custom: economics.custom)
        let p = economics.prices
        var result = CostResult()
        for holder in AccountHolder.allCases { result.accounts[holder] = PayerAccount() }
        func holder(_ payer: Payer) -> AccountHolder {
            if rules.pooledBudget && (payer == .region || payer == .municipality) { return .jointBudget }
            return AccountHolder(rawValue: payer.rawValue)!
        }
        func bear(_ provider: Provider, _ amount: Money, by payer: Payer) {
            result.providerCosts[provider, default: .zero] += amount
            result.accounts[holder(payer)]!.costs += amount
        }
        func transfer(_ kind: TransferKind, _ amount: Money, from: Payer, to: Payer) {
            guard amount != .zero else { return }
            let a = holder(from), b = holder(to)
            result.transfers[kind, default: .zero] += amount
            // Within one budget a transfer cancels; it is recorded but moves nothing.
            guard a != b else { return }
            result.accounts[a]!.transfersOut += amount
            result.accounts[b]!.transfersIn += amount
        }
        let ages = usage.ageCount

        // Hospital: bed-days, overflow, emergency visits, ambulance — the region.
        bear(.hospitalBeds, Money.price(p.hospitalBedDay, times: usage.bedDays.reduce(0, +))
             + Money.price(p.hospitalBedCapacityDay, times: usage.availableBedDays.reduce(0, +))
             + Money.price(p.overflowBedHour, times: usage.overflowBedHours.reduce(0, +)), by: .region)
        bear(.emergencyDepartment, Money.price(p.emergencyDepartmentVisit, times: Double(usage.emergencyDepartmentVisits)), by: .region)
        bear(.ambulance, Money.price(p.ambulanceTrip, times: Double(usage.ambulanceTrips)), by: .region)

        // Acute teams: nurse hours on duty by shift (staff cost money when idle),
        // consumables per visit, standing costs.
        var teamCost = Money.zero
        var shiftIndex = 0
        for (t, team) in scenario.acuteTeams.enumerated() {
            for shift in team.shifts {
                let price = p.nurseHourByShift[shift.name] ?? p.defaultNurseHour
                teamCost += Money.price(price, times: usage.shiftNurseHours[shiftIndex])
                shiftIndex += 1
            }
            teamCost += Money.price(p.visitConsumables, times: Double(usage.teamVisits[t]))
            teamCost += Money.price(p.teamFixedPerYear, times: days / 365)
        }
        bear(.acuteTeam, teamCost, by: rules.acuteTeamOperator)

        // Acute beds: standing capacity. Temporary beds: days used. Both split by regime.
        func split(_ provider: Provider, _ amount: Money, regionShare: Double) {
            let regionPart = Money(dkk: amount.dkk * regionShare)
            bear(provider, regionPart, by: .region)
            bear(provider, amount - regionPart, by: .municipality)
        }
        split(.acuteBeds, Money.price(p.acuteBedDay, times: usage.acuteBedCapacity.reduce(0, +) * days),
              regionShare: rules.acuteBedRegionShare)
        split(.temporaryBeds, Money.price(p.temporaryBedDay, times: usage.temporaryBedDays.reduce(0, +)),
              regionShare: rules.temporaryBedRegionShare)

        // Pooled beds lent between the sectors are paid for by the borrower: the
        // region pays the acute-bed price for its patients' days in acute beds
        // (to the municipal share of the unit), the municipality pays the
        // hospital's bed-day price for its acute patients in hospital beds.
        let municipalShareOfAcuteBeds = 1 - rules.acuteBedRegionShare
        transfer(.lentAcuteBeds, Money.price(p.acuteBedDay * municipalShareOfAcuteBeds,
                                             times: usage.hospitalPatientDaysInAcuteBeds.reduce(0, +)),
                 from: .region, to: .municipality)
        transfer(.lentHospitalBeds, Money.price(p.hospitalBedDay * municipalShareOfAcuteBeds,
                                                times: usage.acutePatientDaysInHospitalBeds.reduce(0, +)),
                 from: .municipality, to: .region)

        // General practice: the resource is the GP's time; the region pays fees and capitation.
        let gpCount = usage.gpConsultations.reduce(0, +)
        let oohCount = usage.outOfHoursContacts.reduce(0, +)
        let gpCost = Money.price(p.gpConsultation, times: Double(gpCount))
            + Money.price(p.gpHomeVisit, times: Double(usage.gpHomeVisits.reduce(0, +)))
        let oohCost = Money.price(p.outOfHoursContact, times: Double(oohCount))
        bear(.generalPractice, gpCost, by: .generalPractice)
        bear(.outOfHours, oohCost, by: .generalPractice)
        transfer(.gpFees, gpCost + oohCost, from: .region, to: .generalPractice)
        let citizens = scenario.municipalities.reduce(0.0) { $0 + $1.population.reduce(0, +) }
        transfer(.gpCapitation, Money.price(economics.gpCapitationPerCitizenYear, times: citizens * days / 365),
                 from: .region, to: .generalPractice)

        // Admissions: municipal co-financing and state activity funding.
        var coFinancing = Money.zero
        var activity = Money.zero
        for m in 0..<usage.municipalityCount {
            for (g, group) in scenario.patientGroups.enumerated() {
                let tariff = economics.drgTariff[group.name] ?? economics.defaultDrgTariff
                for a in 0..<ages {
                    let n = usage.admissions[(m * usage.groupCount + g) * ages + a]
                    guard n > 0 else { continue }
                    let share = economics.coFinancingShare[Swift.min(a, economics.coFinancingShare.count - 1)]
                    coFinancing += Money.price(Swift.min(share * tariff, economics.coFinancingCap), times: Double(n))
                    activity += Money.price(economics.stateActivityShare * tariff, times: Double(n))
                }
            }
        }
        if rules.coFinancing { transfer(.coFinancing, coFinancing, from: .municipality, to: .region) }
        if rules.stateActivityFunding { transfer(.stateActivityFunding, activity, from: .state, to: .region) }
        transfer(.blockGrant, Money.price(economics.regionBlockGrantPerYear * Double(scenario.regions.count), times: days / 365),
                 from: .state, to: .region)

        // GP fee co-financing by age.
        if rules.gpFeeCoFinancing {
            var fees = Money.zero
            for m in 0..<usage.municipalityCount {
                for a in 0..<ages {
                    let share = economics.gpFeeCoFinancingShare[Swift.min(a, economics.gpFeeCoFinancingShare.count - 1)]
                    let count = Double(usage.gpConsultations[m * ages + a])
                    let ooh = Double(usage.outOfHoursContacts[m * ages + a])
                    let visits = Double(usage.gpHomeVisits[m * ages + a])
                    fees += Money.price(share * p.gpConsultation, times: count) + Money.price(share * p.outOfHoursContact, times: ooh)
                        + Money.price(share * p.gpHomeVisit, times: visits)
                }
            }
            transfer(.gpFeeCoFinancing, fees, from: .municipality, to: .region)
        }

        // Delayed discharge: base tariff to the region; state surcharge, returned.
        let rate = economics.delayedDischargeDailyRate
        var base = Money.zero, surcharge = Money.zero
        let buckets = UsageLedger.maxDelayedDays + 1
        for m in 0..<usage.municipalityCount {
            for d in 1..<buckets {
                let stays = usage.delayedDischarges[m * buckets + d]
                guard stays > 0 else { continue }
                if d < UsageLedger.maxDelayedDays {
                    base += Money.price(rate * Double(d), times: Double(stays))
                    surcharge += Money.price(rate * DelayedDischarge.surchargeDays(d), times: Double(stays))
                } else {
                    // The last bucket holds long stays; their exact day total is kept.
                    let totalDays = Double(usage.delayedDaysBeyondMaximum[m])
                    base += Money.price(rate, times: totalDays)
                    // Each long stay: 1 + 1 surcharge days on days 1–2, 2 per day after.
                    surcharge += Money.price(rate, times: 2 * (totalDays - 2 * Double(stays)) + 2 * Double(stays))
                }
            }
        }
        if rules.delayedDischargePayment { transfer(.delayedDischarge, base, from: .municipality, to: .region) }
        if rules.stateSurcharge {
            transfer(.stateSurcharge, surcharge, from: .municipality, to: .state)
            transfer(.surchargeReturned, surcharge, from: .state, to: .municipality)
        }
        return result
    }
}

/// The stepped delayed-discharge payment (Act 1737/2016): the municipality
/// pays the base tariff on every day; the state surcharge doubles days 1–2 and
/// triples every day from day 3.
public enum DelayedDischarge {
    /// Surcharge days (in units of the base tariff) for a stay of `days` delayed days.
    public static func surchargeDays(_ days: Int) -> Double {
        Double(Swift.min(days, 2)) + 2 * Double(Swift.max(0, days - 2))
    }

    /// Total the municipality pays for one stay of `days` delayed days (base + surcharge).
    public static func municipalPayment(days: Int, rate: Double) -> Double {
        rate * (Double(days) + surchargeDays(days))
    }
}
