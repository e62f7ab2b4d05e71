/// Sebastiano Vigna's SplitMix64: a tiny, fast generator used here for one job —
/// turning arbitrary 64-bit seeds into well-mixed state for ``Xoshiro256StarStar``
/// and deriving stream seeds from ``StreamKey``.
///
/// Not used for sampling: its period (2⁶⁴) and equidistribution are weaker than
/// xoshiro's. The algorithm is fixed here, so its output never changes across
/// toolchains.
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    @inlinable
    public init(seed: UInt64) { state = seed }

    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijective avalanche mix of 64 bits.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}
