import Foundation

/// A budget over several years (the scenario's `budget` section): how the
/// population changes and how new services ramp up. Each budget year is one
/// simulated year of the scenario with that year's population and ramp-up.
public struct BudgetSettings: Sendable, Equatable {
    /// Budget years when `--years` is not given; 1: no budget.
    public var years = 1
    /// The calendar year of budget year 0, for labels only.
    public var startYear: Int?
    /// Population by age band and budget year, as a multiple of the scenario's
    /// (year 0): `populationIndex[band][year]`; the last value holds for later
    /// years. Empty: the population stays as it is.
    public var populationIndex: [[Double]] = []
    public var populationSource: String?
    /// New services (acute teams, acute beds) reach full uptake over this many
    /// years: in year y doctors refer to them with the share
    /// `rampUpStartShare + (1 − rampUpStartShare) · y / (rampUpYears − 1)` of
    /// their full propensity (1 from year `rampUpYears − 1` on). 1: full from the start.
    public var rampUpYears = 1
    public var rampUpStartShare = 1.0

    public init() {}

    /// The multiple of year 0's population of age band `band` in `year`.
    /// - Complexity: O(1).
    public func populationMultiplier(band: Int, year: Int) -> Double {
        guard band < populationIndex.count, let last = populationIndex[band].last else { return 1 }
        return year < populationIndex[band].count ? populationIndex[band][year] : last
    }

    /// The share of full uptake of new services in `year`.
    /// - Complexity: O(1).
    public func rampUpShare(year: Int) -> Double {
        guard rampUpYears > 1, year < rampUpYears - 1 else { return 1 }
        return rampUpStartShare + (1 - rampUpStartShare) * Double(year) / Double(rampUpYears - 1)
    }
}

/// A population projection bundled with the tool, by name.
public struct PopulationProjection: Sendable, Equatable {
    public var name: String
    /// The age bands it is given for.
    public var ageBands: [String]
    /// `index[band][year]`: population as a multiple of year 0.
    public var index: [[Double]]
    public var source: String

    /// Denmark, ten years: the 80+ from Danmarks Statistik's
    /// befolkningsfremskrivning 2020 (272,326 aged 80+ in 2020, 433,511
    /// expected in 2030, statistikbanken.dk table FRDK120), as the constant
    /// yearly growth between the two (4.77 %); under 65 and 65–79 illustrative
    /// (+0.1 % and +0.2 % a year: the whole population grows 3.8 % in the
    /// decade, most of it at 80+). For a real budget, put the municipality's
    /// own projection (statistikbanken.dk, table FRKM) in the scenario.
    public static let denmark2020 = PopulationProjection(
        name: "denmark-2020",
        ageBands: ["0-64", "65-79", "80+"],
        index: [
            (0..<11).map { (1.001 as Double).power($0) },
            (0..<11).map { (1.002 as Double).power($0) },
            (0..<11).map { (433_511.0 / 272_326.0).power(Double($0) / 10) },
        ],
        source: "80+: Danmarks Statistik, befolkningsfremskrivning 2020 (FRDK120: 272,326 in 2020, 433,511 in 2030), constant yearly growth between them; 0-64 (+0.1 % a year) and 65-79 (+0.2 % a year) illustrative")

    public static let bundled = [denmark2020]
}

extension Double {
    fileprivate func power(_ n: Int) -> Double { (0..<n).reduce(1) { r, _ in r * self } }
    fileprivate func power(_ x: Double) -> Double { exp(x * log(self)) }
}
