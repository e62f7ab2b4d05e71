/// The exact time-weighted distribution of an integer level (beds occupied,
/// nurses busy): how long the level spent at each value.
///
/// Because it stores time per level rather than samples, quantiles such as the
/// 95th-percentile occupancy are exact for the observation window. Memory grows
/// with the largest level reached, never with the number of events.
@frozen
public struct LevelHistogram: Sendable, Equatable, Codable {
    /// `timeAtLevel[k]` is the time spent at level `k`, up to the last change.
    @usableFromInline var _timeAtLevel: [Double]
    @inlinable public var timeAtLevel: [Double] { _timeAtLevel }
    @usableFromInline var _level: Int
    @inlinable public var level: Int { _level }
    @usableFromInline var _lastChange: Double
    @usableFromInline var _windowStart: Double
    @inlinable public var windowStart: Double { _windowStart }

    public init(level: Int = 0, at time: Double = 0) {
        precondition(level >= 0, "levels are non-negative")
        _timeAtLevel = Array(repeating: 0, count: level + 1)
        _level = level
        _lastChange = time
        _windowStart = time
    }

    /// Sets the level from `time` on.
    /// - Complexity: O(1) amortised.
    @inlinable @inline(__always)
    public mutating func set(_ newLevel: Int, at time: Double) {
        #if SAMSPIL_CHECK_INVARIANTS
        precondition(time >= _lastChange && newLevel >= 0)
        #endif
        _timeAtLevel[_level] += time - _lastChange
        _lastChange = time
        _level = newLevel
        if newLevel >= _timeAtLevel.count { _grow(to: newLevel) }
    }

    @usableFromInline
    mutating func _grow(to newLevel: Int) {
        _timeAtLevel.append(contentsOf: repeatElement(0, count: newLevel + 1 - _timeAtLevel.count))
    }

    /// Time spent at each level from the window start to `time`.
    public func durations(upTo time: Double) -> [Double] {
        var result = _timeAtLevel
        result[_level] += time - _lastChange
        return result
    }

    /// The smallest level `k` such that the level was ≤ `k` for at least a
    /// fraction `p` of the window ending at `time`, among levels actually
    /// occupied for some time.
    ///
    /// So `quantile(0)` is the lowest level occupied (not level 0 when the
    /// level never went that low) and `quantile(1)` equals ``maximum(upTo:)``.
    /// - Complexity: O(maximum level).
    public func quantile(_ p: Double, upTo time: Double) -> Int {
        precondition(p >= 0 && p <= 1, "quantile probability must be in 0...1")
        let d = durations(upTo: time)
        let total = d.reduce(0, +)
        guard total > 0 else { return _level }
        let highest = d.lastIndex(where: { $0 > 0 })!
        if p == 1 { return highest }
        var cumulative = 0.0
        for (k, t) in d.enumerated() where t > 0 {
            cumulative += t
            // A relative tolerance keeps floating-point noise from moving a quantile
            // that lands exactly on a boundary (e.g. p = 0.5 of two equal halves).
            if cumulative >= p * total * (1 - 1e-12) { return k }
        }
        return highest
    }

    /// Time-average level from the window start to `time`.
    public func mean(upTo time: Double) -> Double {
        let d = durations(upTo: time)
        let total = d.reduce(0, +)
        guard total > 0 else { return Double(_level) }
        var weighted = 0.0
        for (k, t) in d.enumerated() { weighted += Double(k) * t }
        return weighted / total
    }

    /// Highest level with non-zero time in the window (or the current level).
    public func maximum(upTo time: Double) -> Int {
        let d = durations(upTo: time)
        return d.lastIndex(where: { $0 > 0 }) ?? _level
    }

    /// Discards the history before `time`; the level carries over.
    public mutating func reset(at time: Double) {
        for i in _timeAtLevel.indices { _timeAtLevel[i] = 0 }
        _lastChange = time
        _windowStart = time
    }
}
