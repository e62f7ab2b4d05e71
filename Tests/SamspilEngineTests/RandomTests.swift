import Testing
@testable import SamspilEngine

@Suite("Random number generators")
struct RandomTests {
    @Test("SplitMix64 matches the reference output for seed 1234567")
    func splitMixReference() {
        // Reference values from Vigna's splitmix64.c with x = 1234567.
        var g = SplitMix64(seed: 1234567)
        #expect(g.next() == 6457827717110365317)
        #expect(g.next() == 3203168211198807973)
        #expect(g.next() == 9817491932198370423)
    }
}
