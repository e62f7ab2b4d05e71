import SamspilEngine
import SamspilModel

/// Does the configured warm-up suffice? Runs the scenario from its initial
/// state with no warm-up over warm-up + horizon, averages daily occupancy over
/// the replications, and applies MSER-5 (``WarmupDiagnostic``) to that series.
public struct WarmupCheck: Sendable, Equatable {
    /// Days MSER-5 would discard from the start.
    public var suggestedDays: Int
    /// The configured warm-up, days.
    public var configuredDays: Double
    public var isReliable: Bool
    /// Daily mean occupancy from day 0, averaged over replications.
    public var dailyOccupancy: [Double]

    public var suffices: Bool { Double(suggestedDays) <= configuredDays }

    /// - Complexity: replications × (warm-up + horizon) days of simulation.
    public static func run(_ configuration: Configuration, replications: Int, jobs: Int) throws -> WarmupCheck {
        var scenario = configuration.adjustedForIncentives()
        let configured = scenario.simulation.warmupDays
        scenario.simulation.horizonDays += configured
        scenario.simulation.warmupDays = 0
        let compiled = try CompiledScenario(scenario)
        let results = ReplicationRunner.run(compiled, replications: Array(0..<replications), jobs: jobs,
                                            options: ReplicationOptions(recordTimeSeries: true)).compactMap { $0 }
        let series = results.compactMap { $0.timeSeries?.meanOccupancy }
        let days = series.map(\.count).min() ?? 0
        let daily = (0..<days).map { d in series.reduce(0) { $0 + $1[d] } / Double(series.count) }
        let diagnostic = WarmupDiagnostic(series: daily)
        return WarmupCheck(suggestedDays: diagnostic.truncatedObservations, configuredDays: configured,
                           isReliable: diagnostic.isReliable, dailyOccupancy: daily)
    }

    /// The verdict in a sentence.
    public var sentence: String {
        let configured = configuredDays.rounded() == configuredDays ? String(Int(configuredDays)) : String(configuredDays)
        var s = "MSER-5 on daily occupancy (from day 0, \(dailyOccupancy.count) days) would discard the first \(suggestedDays) day\(suggestedDays == 1 ? "" : "s"); "
        s += "the configured warm-up is \(configured) days: " + (suffices ? "it suffices." : "lengthen it to at least \(suggestedDays) days.")
        if !isReliable { s += " The minimum lies at the half-way limit: the run is too short or still trending, so the answer is not reliable; try a longer horizon." }
        return s
    }
}
