/// xoshiro256** 1.0 (Blackman & Vigna, 2018): the generator behind every random
/// number in Samspil.
///
/// Period 2²⁵⁶ − 1, 4-dimensionally equidistributed, passes BigCrush; about one
/// nanosecond per 64-bit output. Seeding goes through ``SplitMix64`` so that even
/// poor seeds (0, 1, 2, …) start from well-mixed states. Streams for replications,
/// purposes and entities are derived with ``StreamKey``; `jump()` is provided for
/// callers who prefer non-overlapping substreams of one sequence.
///
/// The algorithm is written out here rather than taken from the standard library,
/// whose default generator and sampling algorithms may change between releases:
/// Samspil promises bit-identical results for the same scenario and seed.
@frozen
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var _s0: UInt64
    @usableFromInline var _s1: UInt64
    @usableFromInline var _s2: UInt64
    @usableFromInline var _s3: UInt64

    /// Seeds the four state words from SplitMix64 started at `seed`.
    @inlinable
    public init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        _s0 = sm.next()
        _s1 = sm.next()
        _s2 = sm.next()
        _s3 = sm.next()
        // SplitMix64 is a bijection of a counter, so four consecutive outputs are
        // never all zero; the all-zero state (xoshiro's only fixed point) is unreachable.
    }

    /// A generator with exactly this state (for reproducing reference vectors).
    /// - Precondition: the state is not all zero.
    @inlinable
    public init(state s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        precondition(s0 | s1 | s2 | s3 != 0, "the all-zero state is a fixed point")
        _s0 = s0; _s1 = s1; _s2 = s2; _s3 = s3
    }

    /// The generator for one independent stream; see ``StreamKey``.
    @inlinable
    public init(_ key: StreamKey) { self.init(seed: key.seed) }

    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (_s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = _s1 &<< 17
        _s2 ^= _s0
        _s3 ^= _s1
        _s1 ^= _s2
        _s0 ^= _s3
        _s2 ^= t
        _s3 = _s3.rotatedLeft(by: 45)
        return result
    }

    /// Advances the state by 2¹²⁸ steps: 2¹²⁸ non-overlapping substreams.
    public mutating func jump() {
        let table: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C,
                               0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var s0: UInt64 = 0, s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0
        for word in table {
            for bit in 0..<UInt64(64) {
                if word & (1 &<< bit) != 0 {
                    s0 ^= _s0; s1 ^= _s1; s2 ^= _s2; s3 ^= _s3
                }
                _ = next()
            }
        }
        _s0 = s0; _s1 = s1; _s2 = s2; _s3 = s3
    }
}

extension UInt64 {
    @inlinable
    @inline(__always)
    func rotatedLeft(by k: UInt64) -> UInt64 { (self &<< k) | (self &>> (64 &- k)) }
}
