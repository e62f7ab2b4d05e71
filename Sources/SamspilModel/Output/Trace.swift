/// A step of an episode's pathway, for the audit trace.
public enum TraceStep: UInt8, Sendable, CaseIterable {
    case arrival, admission, discharge, readmission, teamStart, teamEnd, escalation, acuteBedStart, acuteBedEnd, outcome
}

/// One flat record per episode step (as Ciw does): what happened, when, to whom.
public struct TraceRecord: Sendable, Equatable {
    public var time: Double
    /// The episode's identity (stable across scenarios with common random numbers).
    public var episode: UInt64
    public var step: TraceStep
    public var municipality: UInt16
    public var hospital: UInt16
    public var group: UInt8
    public var age: UInt8
    public var band: UInt8
    public var route: UInt8
    /// Step-specific detail (the outcome metric for `.outcome`).
    public var detail: UInt16
}

/// Quantities computed two independent ways, and counters that must stay zero:
/// what the invariant tests check on every scenario.
public struct InvariantCheck: Sendable, Equatable {
    /// Σ over hospital stays of their hours inside the window.
    public var bedHoursByStays: Double
    /// ∫ occupancy dt over the window.
    public var bedHoursByOccupancy: Double
    /// Grants beyond capacity (nurses, temporary beds) and acute-bed overfills.
    public var capacityViolations: Int
}
