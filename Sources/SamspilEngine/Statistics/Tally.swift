/// Streaming mean, variance, minimum and maximum of observations (Welford 1962).
///
/// Constant memory whatever the number of observations; numerically stable where
/// the naive sum-of-squares formula cancels catastrophically. Two tallies merge
/// exactly (Chan, Golub & LeVeque 1979), which lets parallel partial results be
/// combined.
@frozen
public struct Tally: Sendable, Equatable, Codable {
    @usableFromInline var _count: Int
    @inlinable public var count: Int { _count }
    @usableFromInline var _mean: Double
    @inlinable public var mean: Double { _mean }
    /// Sum of squared deviations from the mean (M2).
    @usableFromInline var _m2: Double
    @usableFromInline var _minimum: Double
    @inlinable public var minimum: Double { _minimum }
    @usableFromInline var _maximum: Double
    @inlinable public var maximum: Double { _maximum }

    @inlinable
    public init() {
        _count = 0
        _mean = 0
        _m2 = 0
        _minimum = .infinity
        _maximum = -.infinity
    }

    /// - Complexity: O(1).
    @inlinable
    public mutating func record(_ value: Double) {
        _count &+= 1
        let delta = value - _mean
        _mean += delta / Double(_count)
        _m2 += delta * (value - _mean)
        if value < _minimum { _minimum = value }
        if value > _maximum { _maximum = value }
    }

    /// Sum of the observations.
    @inlinable public var sum: Double { _mean * Double(_count) }

    /// Sample variance (n − 1 denominator); 0 for fewer than two observations.
    @inlinable public var variance: Double { _count > 1 ? _m2 / Double(_count - 1) : 0 }

    /// Sample standard deviation.
    @inlinable public var standardDeviation: Double { variance.squareRoot() }

    /// Combines two tallies as if every observation had been recorded in one.
    public mutating func merge(_ other: Tally) {
        guard other._count > 0 else { return }
        guard _count > 0 else { self = other; return }
        let n = Double(_count + other._count)
        let delta = other._mean - _mean
        _mean += delta * Double(other._count) / n
        _m2 += other._m2 + delta * delta * Double(_count) * Double(other._count) / n
        _count += other._count
        _minimum = Swift.min(_minimum, other._minimum)
        _maximum = Swift.max(_maximum, other._maximum)
    }

    /// Forgets every observation (for the end of a warm-up period).
    @inlinable public mutating func reset() { self = Tally() }
}

// Coding writes the minimum and maximum only when there are observations: an
// empty tally holds ±infinity there, which `JSONEncoder` refuses to encode by
// default, so the synthesized conformance made an empty tally unwritable.
extension Tally {
    enum CodingKeys: String, CodingKey { case _count, _mean, _m2, _minimum, _maximum }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        _count = try container.decode(Int.self, forKey: ._count)
        _mean = try container.decode(Double.self, forKey: ._mean)
        _m2 = try container.decode(Double.self, forKey: ._m2)
        _minimum = try container.decodeIfPresent(Double.self, forKey: ._minimum) ?? .infinity
        _maximum = try container.decodeIfPresent(Double.self, forKey: ._maximum) ?? -.infinity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(_count, forKey: ._count)
        try container.encode(_mean, forKey: ._mean)
        try container.encode(_m2, forKey: ._m2)
        if _count > 0 {
            try container.encode(_minimum, forKey: ._minimum)
            try container.encode(_maximum, forKey: ._maximum)
        }
    }
}
