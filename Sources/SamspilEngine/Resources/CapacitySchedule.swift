/// A repeating step function of capacity over time: nurses per shift over a week,
/// beds open per weekday.
///
/// Defined by change points within one cycle (`period`, e.g. 168 hours for a
/// week). The model asks for the next change and schedules an event there, so a
/// schedule costs one event per change, not one per hour.
public struct CapacitySchedule: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// Offset within the cycle, `0 ..< period`.
        public var offset: Double
        /// Capacity from this offset until the next step.
        public var capacity: Int
        public init(offset: Double, capacity: Int) {
            self.offset = offset
            self.capacity = capacity
        }
    }

    public let period: Double
    /// Steps sorted by offset; the first starts at 0.
    public let steps: [Step]

    /// - Precondition: `period > 0`; offsets in `0 ..< period`; capacities ≥ 0.
    ///   An empty step list means capacity 0 throughout. Steps need not be sorted;
    ///   if none starts at offset 0, the last step of the cycle wraps around.
    public init(period: Double, steps: [Step]) {
        precondition(period > 0 && period.isFinite, "period must be positive")
        precondition(steps.allSatisfy { $0.offset >= 0 && $0.offset < period && $0.capacity >= 0 },
                     "steps must lie within the period and have non-negative capacity")
        self.period = period
        var sorted = steps.sorted { $0.offset < $1.offset }
        if let first = sorted.first, first.offset > 0, let last = sorted.last {
            sorted.insert(Step(offset: 0, capacity: last.capacity), at: 0)
        }
        if sorted.isEmpty { sorted = [Step(offset: 0, capacity: 0)] }
        // Merge equal consecutive capacities so no change event is a no-op.
        var merged: [Step] = []
        for step in sorted {
            if let previous = merged.last, previous.offset == step.offset { merged[merged.count - 1] = step; continue }
            if let previous = merged.last, previous.capacity == step.capacity { continue }
            merged.append(step)
        }
        self.steps = merged
    }

    /// A constant capacity.
    public static func constant(_ capacity: Int) -> CapacitySchedule {
        CapacitySchedule(period: 1, steps: [Step(offset: 0, capacity: capacity)])
    }

    @usableFromInline
    func _stepIndex(atOffset offset: Double) -> Int {
        var low = 0, high = steps.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if steps[mid].offset <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Capacity in force at time `t` (cycles start at time 0).
    /// - Complexity: O(log steps).
    public func capacity(at t: Double) -> Int {
        let offset = t - (t / period).rounded(.down) * period
        return steps[_stepIndex(atOffset: Swift.min(offset, period.nextDown))].capacity
    }

    /// The first time strictly after `t` at which the capacity changes, and the new
    /// capacity; `nil` when it never changes.
    public func nextChange(after t: Double) -> (time: Double, capacity: Int)? {
        guard steps.count > 1 else { return nil }
        var cycleStart = (t / period).rounded(.down) * period
        var index = _stepIndex(atOffset: Swift.min(t - cycleStart, period.nextDown))
        let current = steps[index].capacity
        // The step at offset 0 may repeat the cycle's last capacity (wrap-around);
        // skip such no-op boundaries.
        for _ in 0..<steps.count {
            index += 1
            if index == steps.count { index = 0; cycleStart += period }
            if steps[index].capacity != current { return (cycleStart + steps[index].offset, steps[index].capacity) }
        }
        return nil
    }
}
