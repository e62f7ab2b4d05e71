/// The time-average of a piecewise-constant quantity: occupancy, queue length,
/// nurses busy.
///
/// Records the integral of the level over time, so the mean over any observation
/// window is exact (not sampled), plus the time-weighted second moment for the
/// variance. ``reset(at:)`` starts a new window at the current level, which is
/// how a warm-up period is discarded.
@frozen
public struct TimeWeightedLevel: Sendable, Equatable, Codable {
    /// The current level.
    @usableFromInline var _level: Double
    @inlinable public var level: Double { _level }
    /// Start of the observation window.
    @usableFromInline var _windowStart: Double
    @inlinable public var windowStart: Double { _windowStart }
    @usableFromInline var _lastChange: Double
    /// ∫ level dt over the window up to the last change.
    @usableFromInline var _integral: Double
    @inlinable public var integral: Double { _integral }
    /// ∫ level² dt over the window up to the last change.
    @usableFromInline var _integralOfSquares: Double
    @inlinable public var integralOfSquares: Double { _integralOfSquares }
    @usableFromInline var _maximum: Double
    @inlinable public var maximum: Double { _maximum }

    @inlinable
    public init(level: Double = 0, at time: Double = 0) {
        _level = level
        _windowStart = time
        _lastChange = time
        _integral = 0
        _integralOfSquares = 0
        _maximum = level
    }

    /// Sets the level from `time` on.
    /// - Precondition: `time` is not earlier than the previous change.
    /// - Complexity: O(1).
    @inlinable
    public mutating func set(_ newLevel: Double, at time: Double) {
        #if SAMSPIL_CHECK_INVARIANTS
        precondition(time >= _lastChange, "time-weighted levels only move forward in time")
        #endif
        let dt = time - _lastChange
        _integral += _level * dt
        _integralOfSquares += _level * _level * dt
        _lastChange = time
        _level = newLevel
        if newLevel > _maximum { _maximum = newLevel }
    }

    /// Adds `delta` to the level at `time`.
    @inlinable
    public mutating func add(_ delta: Double, at time: Double) { set(_level + delta, at: time) }

    /// ∫ level dt from the window start to `time`.
    @inlinable
    public func integral(upTo time: Double) -> Double { _integral + _level * (time - _lastChange) }

    /// Time-average of the level from the window start to `time`.
    @inlinable
    public func mean(upTo time: Double) -> Double {
        let span = time - _windowStart
        return span > 0 ? integral(upTo: time) / span : _level
    }

    /// Time-weighted variance of the level from the window start to `time`.
    public func variance(upTo time: Double) -> Double {
        let span = time - _windowStart
        guard span > 0 else { return 0 }
        let m = mean(upTo: time)
        let m2 = (_integralOfSquares + _level * _level * (time - _lastChange)) / span
        return Swift.max(0, m2 - m * m)
    }

    /// Discards the history before `time`; the level carries over.
    @inlinable
    public mutating func reset(at time: Double) {
        self = TimeWeightedLevel(level: _level, at: time)
    }
}
