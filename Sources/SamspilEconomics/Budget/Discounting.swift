import Foundation

/// Discounting of yearly amounts to present value.
///
/// The Danish Ministry of Finance recommends a declining real social discount
/// rate for public appraisals: 3.5 % a year in years 0–35, 2.5 % in years
/// 36–70 and 1.5 % beyond (Finansministeriet, *Dokumentationsnotat – den
/// samfundsøkonomiske diskonteringsrente*, 7 January 2021; it replaced the
/// 4 / 3 / 2 % of 2013). Year 0 is the first budget year and is not
/// discounted; an amount in year y is multiplied by
///
///     D(y) = Π_{t=1…y} 1 / (1 + r(t)),
///
/// so the rate of each period applies to the years within it, as the
/// guidance prescribes for projects that span more than one period.
public struct DiscountSchedule: Sendable, Equatable {
    /// Consecutive periods: the rate applies from `fromYear` until the next period starts.
    public var periods: [(fromYear: Int, ratePercent: Double)]

    public static func == (a: Self, b: Self) -> Bool {
        a.periods.count == b.periods.count
            && zip(a.periods, b.periods).allSatisfy { $0.fromYear == $1.fromYear && $0.ratePercent == $1.ratePercent }
    }

    /// The Danish central-government schedule (2021): 3.5 %, 2.5 % from year 36, 1.5 % from year 71.
    public static let danishCentralGovernment = DiscountSchedule(periods: [(0, 3.5), (36, 2.5), (71, 1.5)])

    /// One constant rate for every year (0 for no discounting).
    public static func constant(_ ratePercent: Double) -> DiscountSchedule {
        DiscountSchedule(periods: [(0, ratePercent)])
    }

    public init(periods: [(fromYear: Int, ratePercent: Double)]) {
        precondition(!periods.isEmpty && periods[0].fromYear == 0, "the first period starts in year 0")
        precondition(zip(periods, periods.dropFirst()).allSatisfy { $0.fromYear < $1.fromYear }, "periods in order")
        precondition(periods.allSatisfy { $0.ratePercent > -100 }, "a rate above −100 %")
        self.periods = periods
    }

    /// The rate applying to year `year`, in percent.
    public func ratePercent(year: Int) -> Double {
        periods.last { $0.fromYear <= year }!.ratePercent
    }

    /// D(year): the present value of 1 paid in `year` (year 0 → 1).
    /// - Complexity: O(year).
    public func factor(year: Int) -> Double {
        precondition(year >= 0, "years count from 0")
        var d = 1.0
        if year > 0 { for t in 1...year { d /= 1 + ratePercent(year: t) / 100 } }
        return d
    }

    /// Σ_y amounts[y] · D(y).
    /// - Complexity: O(years).
    public func presentValue(_ amounts: [Double]) -> Double {
        var total = 0.0, d = 1.0
        for (year, amount) in amounts.enumerated() {
            if year > 0 { d /= 1 + ratePercent(year: year) / 100 }
            total += amount * d
        }
        return total
    }
}

/// When an investment pays for itself for one party.
public enum Payback {
    /// The first year (0-based) from which the cumulative change in a party's
    /// net burden is ≤ 0 and stays so to the end of the horizon: from then on
    /// the party is no worse off than without the change. `nil` when that never
    /// happens within the horizon; 0 when the party gains from the start.
    ///
    /// Pass discounted amounts for a discounted payback year.
    /// - Complexity: O(years).
    public static func year(netChanges: [Double]) -> Int? {
        var tracker = Tracker()
        for change in netChanges { tracker.add(change) }
        return tracker.year
    }

    /// The payback year, one year at a time: a budget streams its years
    /// through it and keeps nothing per year.
    public struct Tracker: Sendable, Equatable {
        public private(set) var cumulative = 0.0
        public private(set) var years = 0
        /// The payback year so far (nil: not paid back at the latest year).
        public private(set) var year: Int?
        public init() {}

        /// - Complexity: O(1).
        public mutating func add(_ change: Double) {
            cumulative += change
            if cumulative <= 0 {
                if year == nil { year = years }
            } else {
                year = nil
            }
            years += 1
        }
    }
}
