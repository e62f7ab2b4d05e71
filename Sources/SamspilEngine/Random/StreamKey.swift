/// The identity of one random stream: (master seed, replication, purpose, entity).
///
/// Every random number in a simulation is drawn from a stream named by what it is
/// *for*, not by when it happens to be drawn. Two scenarios compared with common
/// random numbers therefore give identical draws to identical things (the same
/// patient's severity, the same stay's length) even when their event sequences
/// diverge, and a scenario compared with itself differs by exactly zero.
///
/// The seed is a chain of SplitMix64 mixes over the four fields, so neighbouring
/// keys (replication 1 vs 2, entity 41 vs 42) give unrelated streams.
@frozen
public struct StreamKey: Hashable, Sendable {
    public var masterSeed: UInt64
    public var replication: UInt64
    public var purpose: StreamPurpose
    public var entity: UInt64

    @inlinable
    public init(masterSeed: UInt64, replication: Int, purpose: StreamPurpose, entity: UInt64 = 0) {
        self.masterSeed = masterSeed
        self.replication = UInt64(truncatingIfNeeded: replication)
        self.purpose = purpose
        self.entity = entity
    }

    /// The 64-bit seed of this stream.
    /// - Complexity: O(1): four multiply–xorshift rounds.
    @inlinable
    public var seed: UInt64 {
        var h = SplitMix64.mix(masterSeed ^ 0x5361_6D73_7069_6C00)   // "Samspil\0"
        h = SplitMix64.mix(h ^ (replication &* 0x9E37_79B9_7F4A_7C15))
        h = SplitMix64.mix(h ^ (purpose.rawValue &* 0xC2B2_AE3D_27D4_EB4F))
        h = SplitMix64.mix(h ^ (entity &* 0x1656_67B1_9E37_79F9))
        return h
    }

    /// The same key for a different entity.
    @inlinable
    public func entity(_ entity: UInt64) -> StreamKey {
        var copy = self
        copy.entity = entity
        return copy
    }
}

/// What a random stream is used for. Models define their purposes as named
/// constants; the raw value is part of the stream's identity, so changing it
/// changes results (deliberately: that is a model change).
@frozen
public struct StreamPurpose: Hashable, Sendable, RawRepresentable {
    public var rawValue: UInt64

    @inlinable
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// A purpose named by a string, hashed with 64-bit FNV-1a: stable across
    /// platforms and toolchains (unlike `Hasher`, which is randomly seeded).
    @inlinable
    public init(_ name: StaticString) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        name.withUTF8Buffer { bytes in
            for byte in bytes {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        rawValue = h
    }
}

/// Stable 64-bit FNV-1a hash of a string, for deriving stream entities from names
/// (a municipality, a patient group) so that reordering a scenario file does not
/// reshuffle its random numbers.
@inlinable
public func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        h ^= UInt64(byte)
        h = h &* 0x0000_0100_0000_01B3
    }
    return h
}
