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

    public init(costs: Money = .zero, transfersIn: Money = .zero, transfersOut: Money = .zero) {
        self.costs = costs
        self.transfersIn = transfersIn
        self.transfersOut = transfersOut
    }
}

/// The priced result of one replication under one regime.
public struct CostResult: Sendable, Equatable {
    public var providerCosts: [Provider: Money] = [:]
    /// Each payer type's account: the sum of its entities' accounts.
    public var accounts: [AccountHolder: PayerAccount] = [:]
    public var transfers: [TransferKind: Money] = [:]
    /// Every named payer (municipalities, regions, the state, general practice
    /// per region, joint budgets), and its account, aligned.
    public var entities: [PayerEntity] = []
    public var entityAccounts: [PayerAccount] = []

    /// Costs of cooperation (``ImplementationItem``s), beside the providers' resource costs.
    public var implementationCost = Money.zero

    public var totalCost: Money { Provider.allCases.reduce(implementationCost) { $0 + (providerCosts[$1] ?? .zero) } }
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
    ///   - oneOffs: how one-off implementation sums enter; nil: annuitised over
    ///     each item's lifetime with the economics' discount schedule.
    public static func evaluate(_ economics: EconomicsSettings, scenario: Scenario, usage: UsageLedger, days: Double,
                                oneOffs: OneOffTreatment? = nil) -> CostResult {
        let rules = RegimeRules.rules(for: economics.regime, custom: economics.custom)
        let p = economics.prices
        let map = PayerEntities(scenario)
        let pooled = rules.pooledBudget
        var result = CostResult()
        var books = [PayerAccount](repeating: PayerAccount(), count: map.count)
        func bear(_ provider: Provider, _ amount: Money, on entity: Int) {
            result.providerCosts[provider, default: .zero] += amount
            books[entity].costs += amount
        }
        func transfer(_ kind: TransferKind, _ amount: Money, from a: Int, to b: Int) {
            guard amount != .zero else { return }
            result.transfers[kind, default: .zero] += amount
            // Within one budget a transfer cancels; it is recorded but moves nothing.
            guard a != b else { return }
            books[a].transfersOut += amount
            books[b].transfersIn += amount
        }
        let ages = usage.ageCount
        let regionOf = map.municipalityRegion
        /// Municipalities' shares of something they hold together (a team, a unit): by population.
        func byPopulation(_ amount: Money, _ municipalities: [Int]) -> [(Int, Money)] {
            Array(zip(municipalities, amount.split(municipalities.map { map.population[$0] })))
        }

        // Hospital: bed-days, capacity, overflow — the hospital's region.
        for h in 0..<usage.hospitalCount {
            let amount = Money.price(p.hospitalBedDay, times: usage.bedDays[h])
                + Money.price(p.hospitalBedCapacityDay, times: usage.availableBedDays[h])
                + Money.price(p.overflowBedHour, times: usage.overflowBedHours[h])
            bear(.hospitalBeds, amount, on: map.entity(.region, region: map.hospitalRegion[h], pooled: pooled))
        }
        // Emergency visits and ambulances are counted for the whole system; they
        // are booked to the hospitals' regions in proportion to admissions.
        let admissionWeights = usage.admissionsByHospital.map(Double.init)
        for (provider, amount) in [(Provider.emergencyDepartment, Money.price(p.emergencyDepartmentVisit, times: Double(usage.emergencyDepartmentVisits))),
                                   (.ambulance, Money.price(p.ambulanceTrip, times: Double(usage.ambulanceTrips)))] {
            for (h, part) in amount.split(admissionWeights).enumerated() {
                bear(provider, part, on: map.entity(.region, region: map.hospitalRegion[h], pooled: pooled))
            }
        }

        // Acute teams: nurse hours on duty by shift (staff cost money when idle),
        // consumables per visit, standing costs; shared by the team's municipalities.
        var shiftIndex = 0
        for (t, team) in scenario.acuteTeams.enumerated() {
            var cost = Money.zero
            for shift in team.shifts {
                let price = p.nurseHourByShift[shift.name] ?? p.defaultNurseHour
                cost += Money.price(price, times: usage.shiftNurseHours[shiftIndex])
                shiftIndex += 1
            }
            cost += Money.price(p.visitConsumables, times: Double(usage.teamVisits[t]))
            cost += Money.price(p.teamFixedPerYear, times: days / 365)
            for (m, part) in byPopulation(cost, map.municipalities(named: team.municipalities)) {
                bear(.acuteTeam, part, on: map.entity(rules.acuteTeamOperator, municipality: m, pooled: pooled))
            }
        }

        // Acute beds: standing capacity per unit. Temporary beds: days used per
        // municipality. Both split between region and municipality by the regime.
        func split(_ provider: Provider, _ amount: Money, regionShare: Double, among municipalities: [Int]) {
            let regionPart = Money(dkk: amount.dkk * regionShare)
            for (m, part) in byPopulation(regionPart, municipalities) {
                bear(provider, part, on: map.entity(.region, municipality: m, pooled: pooled))
            }
            for (m, part) in byPopulation(amount - regionPart, municipalities) {
                bear(provider, part, on: map.entity(.municipality, municipality: m, pooled: pooled))
            }
        }
        let unitMunicipalities = scenario.acuteBedUnits.map { map.municipalities(named: $0.municipalities) }
        for u in scenario.acuteBedUnits.indices {
            split(.acuteBeds, Money.price(p.acuteBedDay, times: usage.acuteBedCapacity[u] * days),
                  regionShare: scenario.acuteBedUnits[u].regionCostShare ?? rules.acuteBedRegionShare, among: unitMunicipalities[u])
        }
        for m in 0..<usage.municipalityCount {
            split(.temporaryBeds, Money.price(p.temporaryBedDay, times: usage.temporaryBedDays[m]),
                  regionShare: rules.temporaryBedRegionShare, among: [m])
        }

        // Pooled beds lent between the sectors are paid for by the borrower: the
        // hospital's region pays the acute-bed price for its patients' days in a
        // unit's beds (to the unit's municipalities), the unit's municipalities
        // pay the hospital's bed-day price for their acute patients in its beds.
        let municipalShareOfAcuteBeds = 1 - rules.acuteBedRegionShare
        for (u, unit) in scenario.acuteBedUnits.enumerated() {
            guard case .pooled(let hospital) = unit.sharing, let h = scenario.hospitals.firstIndex(where: { $0.name == hospital }) else { continue }
            let hospitalRegion = map.entity(.region, region: map.hospitalRegion[h], pooled: pooled)
            let lent = Money.price(p.acuteBedDay * municipalShareOfAcuteBeds, times: usage.hospitalPatientDaysInAcuteBeds[u])
            for (m, part) in byPopulation(lent, unitMunicipalities[u]) {
                transfer(.lentAcuteBeds, part, from: hospitalRegion, to: map.entity(.municipality, municipality: m, pooled: pooled))
            }
        }
        for h in 0..<usage.hospitalCount where usage.acutePatientDaysInHospitalBeds[h] > 0 {
            let borrowers = scenario.acuteBedUnits.indices.filter {
                if case .pooled(let name) = scenario.acuteBedUnits[$0].sharing { return name == scenario.hospitals[h].name }
                return false
            }.flatMap { unitMunicipalities[$0] }
            let borrowed = Money.price(p.hospitalBedDay * municipalShareOfAcuteBeds, times: usage.acutePatientDaysInHospitalBeds[h])
            for (m, part) in byPopulation(borrowed, borrowers) {
                transfer(.lentHospitalBeds, part, from: map.entity(.municipality, municipality: m, pooled: pooled),
                         to: map.entity(.region, region: map.hospitalRegion[h], pooled: pooled))
            }
        }

        // General practice (contracted per region): the resource is the GP's
        // time; the citizens' region pays fees by contract and capitation. The
        // out-of-hours service is general practice's on fees, or the region's own.
        let fees = economics.gpContract.fees(p)
        let regionRunsOutOfHours = economics.gpContract.outOfHoursOperator == .region
        for m in 0..<usage.municipalityCount {
            let r = regionOf[m]
            let range = (m * ages)..<((m + 1) * ages)
            let consultations = Double(usage.gpConsultations[range].reduce(0, +))
            let homeVisits = Double(usage.gpHomeVisits[range].reduce(0, +))
            let outOfHours = Double(usage.outOfHoursContacts[range].reduce(0, +))
            let gpCost = Money.price(p.gpConsultation, times: consultations) + Money.price(p.gpHomeVisit, times: homeVisits)
            let oohCost = Money.price(p.outOfHoursContact, times: outOfHours)
            let practice = map.entity(.generalPractice, region: r, pooled: pooled)
            let region = map.entity(.region, region: r, pooled: pooled)
            bear(.generalPractice, gpCost, on: practice)
            bear(.outOfHours, oohCost, on: regionRunsOutOfHours ? region : practice)
            let paid = Money.price(fees.consultation, times: consultations) + Money.price(fees.homeVisit, times: homeVisits)
                + (regionRunsOutOfHours ? .zero : Money.price(fees.outOfHours, times: outOfHours))
            transfer(.gpFees, paid, from: region, to: practice)
            transfer(.gpCapitation, Money.price(economics.gpCapitationPerCitizenYear, times: map.population[m] * days / 365),
                     from: region, to: practice)
        }

        // Admissions of a municipality's citizens: co-financing to its region,
        // state activity funding to the same region.
        for m in 0..<usage.municipalityCount {
            var coFinancing = Money.zero, activity = Money.zero
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
            let region = map.entity(.region, municipality: m, pooled: pooled)
            if rules.coFinancing {
                transfer(.coFinancing, coFinancing, from: map.entity(.municipality, municipality: m, pooled: pooled), to: region)
            }
            if rules.stateActivityFunding { transfer(.stateActivityFunding, activity, from: map.state, to: region) }
        }
        for r in 0..<map.regionCount {
            transfer(.blockGrant, Money.price(economics.regionBlockGrantPerYear, times: days / 365),
                     from: map.state, to: map.entity(.region, region: r, pooled: pooled))
        }

        // GP fee co-financing by age, municipality → its region.
        if rules.gpFeeCoFinancing {
            for m in 0..<usage.municipalityCount {
                var coFinanced = Money.zero
                for a in 0..<ages {
                    let share = economics.gpFeeCoFinancingShare[Swift.min(a, economics.gpFeeCoFinancingShare.count - 1)]
                    coFinanced += Money.price(share * fees.consultation, times: Double(usage.gpConsultations[m * ages + a]))
                        + Money.price(share * fees.outOfHours, times: Double(usage.outOfHoursContacts[m * ages + a]))
                        + Money.price(share * fees.homeVisit, times: Double(usage.gpHomeVisits[m * ages + a]))
                }
                transfer(.gpFeeCoFinancing, coFinanced, from: map.entity(.municipality, municipality: m, pooled: pooled),
                         to: map.entity(.region, municipality: m, pooled: pooled))
            }
        }

        // Delayed discharge: base tariff to the municipality's region; the state
        // surcharge, returned to every municipality by population.
        let rate = economics.delayedDischargeDailyRate
        let buckets = UsageLedger.maxDelayedDays + 1
        var surchargeTotal = Money.zero
        for m in 0..<usage.municipalityCount {
            var base = Money.zero, surcharge = Money.zero
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
            let municipality = map.entity(.municipality, municipality: m, pooled: pooled)
            if rules.delayedDischargePayment {
                transfer(.delayedDischarge, base, from: municipality, to: map.entity(.region, municipality: m, pooled: pooled))
            }
            if rules.stateSurcharge {
                transfer(.stateSurcharge, surcharge, from: municipality, to: map.state)
                surchargeTotal += surcharge
            }
        }
        for (m, part) in byPopulation(surchargeTotal, Array(0..<usage.municipalityCount)) {
            transfer(.surchargeReturned, part, from: map.state, to: map.entity(.municipality, municipality: m, pooled: pooled))
        }

        // Costs of cooperation: each item on exactly the payer it names.
        let oneOffs = oneOffs ?? .annuitised(economics.discountSchedule)
        for item in economics.implementation {
            let teams = item.teams.isEmpty ? Array(scenario.acuteTeams.indices)
                : item.teams.compactMap { name in scenario.acuteTeams.firstIndex { $0.name == name } }
            let amount = item.amount(days: days, episodes: teams.reduce(0) { $0 + usage.teamEpisodes[$1] }, oneOffs: oneOffs)
            result.implementationCost += amount
            books[map.entity(named: item.payer, pooled: pooled)].costs += amount
        }

        // Each payer type's account is the sum of its entities': exact, in øre.
        for holder in AccountHolder.allCases { result.accounts[holder] = PayerAccount() }
        for (e, entity) in map.entities.enumerated() {
            result.accounts[entity.level]!.costs += books[e].costs
            result.accounts[entity.level]!.transfersIn += books[e].transfersIn
            result.accounts[entity.level]!.transfersOut += books[e].transfersOut
        }
        result.entities = map.entities
        result.entityAccounts = books
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
