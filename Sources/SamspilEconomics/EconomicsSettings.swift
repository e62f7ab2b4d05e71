import SamspilModel

/// Who pays: the four payers of the Danish health system.
public enum Payer: String, Sendable, CaseIterable, Codable {
    case region
    case municipality
    case generalPractice
    case state
}

/// The incentive regime: who operates each service, who bears each cost, and
/// which money moves between payers.
public enum RegimeName: String, Sendable, CaseIterable, Codable {
    /// 2007–2026: activity-based hospital funding, municipal co-financing of
    /// admissions and GP fees, stepped delayed-discharge payments.
    case dk2007_2026 = "dk-2007-2026"
    /// The 2027 reform: no co-financing; acute nursing and 70 % of temporary
    /// beds operated and paid by the regions.
    case dk2027 = "dk-2027"
    /// One pool for region and municipality: transfers between them cancel.
    case sharedBudget = "shared-budget"
    /// Every rule set explicitly (`economics.custom`).
    case custom
}

/// The rules a regime resolves to; `custom` sets them directly.
public struct RegimeRules: Sendable, Equatable {
    /// Municipal co-financing of admissions (share of DRG by age, capped).
    public var coFinancing = true
    /// Municipal co-financing of GP and out-of-hours fees.
    public var gpFeeCoFinancing = true
    /// The municipality pays the region for delayed-discharge days.
    public var delayedDischargePayment = true
    /// The state surcharge on delayed-discharge days (×2 on days 1–2, ×3 from
    /// day 3), returned to the region's municipalities.
    public var stateSurcharge = true
    /// The state pays regions an activity-based share of the DRG tariff per admission.
    public var stateActivityFunding = true
    /// Who operates (and pays for) the acute teams.
    public var acuteTeamOperator: Payer = .municipality
    /// Share of acute-bed costs borne by the region (acute beds are temporary
    /// places; the 2027 reform moves 70 % of those to the regions).
    public var acuteBedRegionShare: Double = 0
    /// Share of temporary-bed costs borne by the region.
    public var temporaryBedRegionShare: Double = 0
    /// Region and municipality share one budget (their costs are pooled and no
    /// money moves between them).
    public var pooledBudget = false

    public init() {}

    public static func rules(for regime: RegimeName, custom: RegimeRules) -> RegimeRules {
        var r = RegimeRules()
        switch regime {
        case .dk2007_2026:
            break
        case .dk2027:
            r.coFinancing = false
            r.gpFeeCoFinancing = false
            r.acuteTeamOperator = .region
            r.temporaryBedRegionShare = 0.7
            r.acuteBedRegionShare = 0.7
        case .sharedBudget:
            r.coFinancing = false
            r.gpFeeCoFinancing = false
            r.delayedDischargePayment = false
            r.stateSurcharge = false
            r.pooledBudget = true
        case .custom:
            r = custom
        }
        return r
    }
}

/// Unit prices of resources (DKK, 2024 level unless noted).
public struct Prices: Sendable, Equatable {
    /// Hospital medical bed-day used: care, medicine, food (docs/domain.md §4.12 gives
    /// ≈4,000–8,000 per bed-day in all, unconfirmed; with the capacity cost
    /// below, a bed-day at 90 % occupancy costs ≈5,300).
    public var hospitalBedDay: Double = 2_000
    /// Hospital medical bed per day it is open, used or not: staff and
    /// buildings. This is what closing beds saves.
    public var hospitalBedCapacityDay: Double = 3_000
    /// Extra cost of an overflow (corridor) bed-hour.
    public var overflowBedHour: Double = 50
    public var emergencyDepartmentVisit: Double = 2_500
    public var ambulanceTrip: Double = 3_500
    /// Nurse hour on duty by shift name; `defaultNurseHour` for names not listed.
    public var nurseHourByShift: [String: Double] = ["day": 450, "evening": 550, "night": 650]
    public var defaultNurseHour: Double = 450
    /// Consumables per acute-team visit (IV medicine, equipment).
    public var visitConsumables: Double = 150
    /// Standing cost of an acute team per year beyond nurse hours (management, cars).
    public var teamFixedPerYear: Double = 0
    /// Acute bed per day of capacity (a standing bed costs money when empty).
    /// docs/domain.md §4.11: ≈1,920 DKK/day for an acute/temporary bed (Ballerup 2019).
    public var acuteBedDay: Double = 1_920
    /// Temporary bed per day used.
    public var temporaryBedDay: Double = 1_920
    /// GP acute consultation (fee).
    public var gpConsultation: Double = 400
    /// Out-of-hours doctor contact (fee).
    public var outOfHoursContact: Double = 500
    /// GP home visit (fee), for borderline patients the GP keeps at home.
    public var gpHomeVisit: Double = 800
    public init() {}
}

/// All economic parameters of a scenario.
public struct EconomicsSettings: Sendable, Equatable {
    public var regime: RegimeName = .dk2007_2026
    /// The rules used when `regime` is `custom`.
    public var custom = RegimeRules()
    public var prices = Prices()
    /// DRG tariff per admission by patient group; `defaultDrgTariff` for groups not listed.
    public var drgTariff: [String: Double] = [:]
    public var defaultDrgTariff: Double = 30_000
    /// Municipal co-financing as a share of the DRG tariff, per age band
    /// (docs/domain.md §4.8: 20–56 % by age; the split by band is illustrative).
    public var coFinancingShare: [Double] = [0.20, 0.40, 0.56]
    /// Cap on co-financing per admission (docs/domain.md §4.8: ≈31,029 DKK per regional episode).
    public var coFinancingCap: Double = 31_029
    /// Municipal co-financing of GP and out-of-hours fees, per age band (docs/domain.md §4.8: 7–18 %).
    public var gpFeeCoFinancingShare: [Double] = [0.07, 0.12, 0.18]
    /// Delayed-discharge tariff per day (docs/domain.md §4.7: 1,976 DKK at 2016 prices, Act 1737/2016).
    public var delayedDischargeDailyRate: Double = 1_976
    /// State activity funding per admission as a share of the DRG tariff.
    public var stateActivityShare: Double = 0.2
    /// GP capitation per citizen per year, paid by the region.
    public var gpCapitationPerCitizenYear: Double = 450
    /// State block grant to each region per year (a constant: it moves levels, not differences).
    public var regionBlockGrantPerYear: Double = 0
    /// Behavioural responses to the incentives (neutral by default).
    public var behaviour = BehaviourCoefficients()
    /// Fees general practice receives per service, and who runs out-of-hours.
    public var gpContract = GeneralPracticeContract()
    /// What cooperation itself costs, by named payer.
    public var implementation: [ImplementationItem] = []
    /// One real discount rate for every year (percent); nil: the Danish
    /// central-government schedule (``DiscountSchedule/danishCentralGovernment``).
    public var discountRatePercent: Double?
    public init() {}

    /// The schedule budgets and annuities discount with.
    public var discountSchedule: DiscountSchedule {
        discountRatePercent.map(DiscountSchedule.constant) ?? .danishCentralGovernment
    }
}

/// How strongly decisions respond to incentives. All zero (neutral) by
/// default; each is an assumption to explore, not a fact.
public struct BehaviourCoefficients: Sendable, Equatable {
    /// GP home-visit fee (DKK per borderline patient kept at home) …
    public var gpHomeVisitFee: Double = 0
    /// … and the added share of borderline patients kept at home per 1,000 DKK of that fee.
    public var gpKeepAtHomePerThousandDkk: Double = 0
    /// Added share of borderline emergency patients admitted (forward
    /// visitation declined) per unit of the hospital's activity-funding share.
    public var admissionPerActivityShare: Double = 0
    /// Relative change of hospital stays per unit of the activity-funding share.
    public var lengthOfStayPerActivityShare: Double = 0
    /// Relative change of referral effort to the team and acute beds per unit of
    /// the average co-financing share the municipality would otherwise pay.
    public var referralPerCoFinancingShare: Double = 0
    public init() {}

    public var isNeutral: Bool {
        (gpHomeVisitFee == 0 || gpKeepAtHomePerThousandDkk == 0) && admissionPerActivityShare == 0
            && lengthOfStayPerActivityShare == 0 && referralPerCoFinancingShare == 0
    }
}
