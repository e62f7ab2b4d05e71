import SamspilEngine

/// Nanoseconds per exponential sample by method: inversion, the ziggurat, and
/// the `Distribution` enum.
func runSamplingBenchmark(samples: Int = 20_000_000) {
    func time(_ name: String, _ body: (inout Xoshiro256StarStar) -> Double) {
        var g = Xoshiro256StarStar(seed: 1)
        var sum = 0.0
        let start = monotonicSeconds()
        for _ in 0..<samples { sum += body(&g) }
        let ns = (monotonicSeconds() - start) / Double(samples) * 1e9
        print("  \(name + String(repeating: " ", count: max(0, 34 - name.count))) \(format(ns, 2)) ns/sample   (mean \(format(sum / Double(samples), 4)))")
    }
    print("exponential(mean 1), \(samples) samples:")
    time("inversion  -log(U)") { -log($0.nextPositiveUnitDouble()) }
    time("Ziggurat.exponential") { Ziggurat.exponential(using: &$0) }
    let d = Distribution.exponential(mean: 1)
    time("Distribution.exponential") { d.sample(using: &$0) }
    let l = Distribution.lognormal(mean: 1, sd: 0.5)
    time("Distribution.lognormal") { l.sample(using: &$0) }
}
