import Testing
@testable import SamspilEngine

@Suite("Random number generators and streams")
struct RandomTests {
    @Test("SplitMix64 matches the reference output for seed 1234567")
    func splitMixReference() {
        // Reference values from Vigna's splitmix64.c with x = 1234567.
        var g = SplitMix64(seed: 1234567)
        #expect(g.next() == 6457827717110365317)
        #expect(g.next() == 3203168211198807973)
        #expect(g.next() == 9817491932198370423)
    }

    @Test("xoshiro256** matches the reference implementation")
    func xoshiroReference() {
        // From the reference C code with s = {1, 2, 3, 4}.
        var g = Xoshiro256StarStar(state: 1, 2, 3, 4)
        #expect(g.next() == 11520)
        #expect(g.next() == 0)
        #expect(g.next() == 1509978240)
        #expect(g.next() == 1215971899390074240)
        // Seeded through SplitMix64 (seed 42), as Samspil seeds every stream.
        var h = Xoshiro256StarStar(seed: 42)
        #expect(h.next() == 1546998764402558742)
        #expect(h.next() == 6990951692964543102)
        #expect(h.next() == 12544586762248559009)
    }

    @Test("jump() advances by 2^128 as the reference does")
    func xoshiroJump() {
        var g = Xoshiro256StarStar(state: 1, 2, 3, 4)
        g.jump()
        #expect(g.next() == 13534147089533256664)
        #expect(g.next() == 7126240192422241655)
    }

    @Test("stream keys: deterministic, and every field changes the stream")
    func streamKeys() {
        let base = StreamKey(masterSeed: 7, replication: 3, purpose: StreamPurpose("severity"), entity: 11)
        #expect(base.seed == StreamKey(masterSeed: 7, replication: 3, purpose: StreamPurpose("severity"), entity: 11).seed)
        let variants = [
            StreamKey(masterSeed: 8, replication: 3, purpose: StreamPurpose("severity"), entity: 11),
            StreamKey(masterSeed: 7, replication: 4, purpose: StreamPurpose("severity"), entity: 11),
            StreamKey(masterSeed: 7, replication: 3, purpose: StreamPurpose("stay"), entity: 11),
            base.entity(12),
        ]
        var seeds = Set([base.seed])
        for v in variants { seeds.insert(v.seed) }
        #expect(seeds.count == 5)
        // Purposes hash by FNV-1a; pin one value so a change to the hash is noticed
        // (it would silently change every published result).
        #expect(StreamPurpose("a").rawValue == 0xAF63_DC4C_8601_EC8C)
        #expect(stableHash("a") == 0xAF63_DC4C_8601_EC8C)
    }

    @Test("neighbouring streams are uncorrelated")
    func streamIndependence() {
        // Correlation of the first 20,000 uniforms of entity k and k+1; under
        // independence it is ≈ N(0, 1/n), so |r| < 4.5/√n fails with p ≈ 7e-6.
        let n = 20_000
        for entity in [UInt64(0), 1, 1000] {
            var a = Xoshiro256StarStar(StreamKey(masterSeed: 1, replication: 0, purpose: StreamPurpose("x"), entity: entity))
            var b = Xoshiro256StarStar(StreamKey(masterSeed: 1, replication: 0, purpose: StreamPurpose("x"), entity: entity + 1))
            var sxy = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0
            for _ in 0..<n {
                let x = a.nextUnitDouble(), y = b.nextUnitDouble()
                sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y
            }
            let nn = Double(n)
            let r = (sxy - sx * sy / nn) / ((sxx - sx * sx / nn) * (syy - sy * sy / nn)).squareRoot()
            #expect(abs(r) < 4.5 / nn.squareRoot())
        }
    }

    @Test("unit doubles use 53 bits and stay in range")
    func unitDoubles() {
        var g = Xoshiro256StarStar(seed: 3)
        var lowBitSeen = false
        for _ in 0..<10_000 {
            let u = g.nextUnitDouble()
            #expect(u >= 0 && u < 1)
            let v = g.nextPositiveUnitDouble()
            #expect(v > 0 && v <= 1)
            // With 53 random bits, the last significand bit of u·2^53 is set half the time.
            if (u * 0x1p53).truncatingRemainder(dividingBy: 2) == 1 { lowBitSeen = true }
        }
        #expect(lowBitSeen)
        // The extremes map exactly.
        struct Constant: RandomNumberGenerator { var value: UInt64; mutating func next() -> UInt64 { value } }
        var zero = Constant(value: 0), ones = Constant(value: .max)
        #expect(zero.nextUnitDouble() == 0)
        #expect(ones.nextUnitDouble() == 1 - 0x1p-53)
        #expect(zero.nextPositiveUnitDouble() == 0x1p-53)
        #expect(ones.nextPositiveUnitDouble() == 1)
    }

    @Test("bounded integers are unbiased")
    func boundedIntegers() {
        // Chi-square with 6 degrees of freedom; 22.46 is the 0.999 quantile.
        var g = Xoshiro256StarStar(seed: 9)
        var counts = [Int](repeating: 0, count: 7)
        let n = 70_000
        for _ in 0..<n { counts[Int(g.nextInt(below: 7))] += 1 }
        let expected = Double(n) / 7
        let chi2 = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chi2 < 22.46)
    }
}
