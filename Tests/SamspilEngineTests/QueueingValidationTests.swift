import Testing
@testable import SamspilEngine

/// The engine against closed-form queueing theory.
///
/// Each check runs R independent replications (streams differ by replication
/// number), and asserts that the theoretical value lies inside the replication
/// mean's Student-t confidence interval at 99.9 %: a correct engine fails a given
/// check with probability 0.001 (and, the seeds being fixed, either always or
/// never). To show the checks have power, each also asserts the interval is
/// narrow — its half-width below a few percent of the theoretical value — so an
/// error of that size would be detected.
@Suite("Validation against queueing theory")
struct QueueingValidationTests {
    static let confidence = 0.999

    /// Runs `replications` of the station and returns each replication's result.
    func replicate(_ configuration: QueueingStation.Configuration, replications: Int) -> [QueueingStation.Result] {
        (0..<replications).map { r in
            var c = configuration
            c.replication = r
            return QueueingStation.run(c, calendar: QuaternaryHeapCalendar.self)
        }
    }

    /// Asserts `theory` lies in the CI of `values` and the CI is narrower than `relativePrecision`.
    func expectAgrees(_ values: [Double], with theory: Double, relativePrecision: Double,
                      _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let summary = ReplicationSummary(values, confidenceLevel: Self.confidence)
        guard let interval = summary.confidenceInterval, let halfWidth = summary.halfWidth else {
            Issue.record("no confidence interval for \(what)", sourceLocation: sourceLocation)
            return
        }
        #expect(interval.contains(theory),
                "\(what): theory \(theory) outside the 99.9 % CI \(interval) (mean \(summary.mean ?? .nan))",
                sourceLocation: sourceLocation)
        #expect(halfWidth < relativePrecision * abs(theory),
                "\(what): CI half-width \(halfWidth) too wide to test \(theory) to \(relativePrecision)",
                sourceLocation: sourceLocation)
    }

    @Test("M/M/1 at ρ = 0.8: Wq = 4, Lq = 3.2, P(wait) = 0.8, utilisation 0.8")
    func mm1() {
        let c = QueueingStation.Configuration(servers: 1, arrivalRate: 0.8, serviceRate: 1,
                                              warmupCustomers: 2_000, customers: 40_000, seed: 101)
        let runs = replicate(c, replications: 30)
        expectAgrees(runs.map(\.waitInQueue.mean), with: 4.0, relativePrecision: 0.08, "Wq")
        expectAgrees(runs.map(\.meanQueueLength), with: 3.2, relativePrecision: 0.08, "Lq")
        expectAgrees(runs.map(\.probabilityOfWaiting), with: 0.8, relativePrecision: 0.01, "P(wait)")
        expectAgrees(runs.map(\.meanBusy), with: 0.8, relativePrecision: 0.01, "utilisation")
    }

    @Test("M/M/5 (λ = 4, μ = 1): Erlang C waiting probability and mean wait")
    func mmcErlangC() {
        let c = QueueingStation.Configuration(servers: 5, arrivalRate: 4, serviceRate: 1,
                                              warmupCustomers: 2_000, customers: 40_000, seed: 202)
        let runs = replicate(c, replications: 30)
        let pWait = QueueingFormulas.erlangC(servers: 5, offeredLoad: 4)
        let wq = QueueingFormulas.meanWaitInQueue(servers: 5, arrivalRate: 4, serviceRate: 1)
        #expect(abs(pWait - 0.5541) < 1e-4)          // tabulated value
        expectAgrees(runs.map(\.probabilityOfWaiting), with: pWait, relativePrecision: 0.03, "P(wait)")
        expectAgrees(runs.map(\.waitInQueue.mean), with: wq, relativePrecision: 0.06, "Wq")
        expectAgrees(runs.map(\.meanBusy), with: 4, relativePrecision: 0.01, "busy servers")
    }

    @Test("M/M/10/10 (a = 8): Erlang B blocking probability")
    func erlangB() {
        let c = QueueingStation.Configuration(servers: 10, arrivalRate: 8, serviceRate: 1, discipline: .loss,
                                              warmupCustomers: 1_000, customers: 40_000, seed: 303)
        let runs = replicate(c, replications: 30)
        let b = QueueingFormulas.erlangB(servers: 10, offeredLoad: 8)
        #expect(abs(b - 0.12166) < 1e-5)             // tabulated value
        expectAgrees(runs.map(\.blockingProbability), with: b, relativePrecision: 0.05, "blocking")
        // Carried load = a(1 − B).
        expectAgrees(runs.map(\.meanBusy), with: 8 * (1 - b), relativePrecision: 0.01, "carried load")
    }

    @Test("M/M/∞ (λ = 20, μ = 1): occupancy is Poisson with mean 20 and variance 20")
    func infiniteServer() {
        let c = QueueingStation.Configuration(servers: Int.max, arrivalRate: 20, serviceRate: 1,
                                              warmupCustomers: 500, customers: 40_000, seed: 404)
        let runs = replicate(c, replications: 30)
        func variance(_ r: QueueingStation.Result) -> Double {
            let end = r.busyDistribution.windowStart + r.measurementTime
            let d = r.busyDistribution.durations(upTo: end)
            let total = d.reduce(0, +)
            let mean = zip(d.indices, d).reduce(0.0) { $0 + Double($1.0) * $1.1 } / total
            return zip(d.indices, d).reduce(0.0) { $0 + (Double($1.0) - mean) * (Double($1.0) - mean) * $1.1 } / total
        }
        expectAgrees(runs.map(\.meanBusy), with: 20, relativePrecision: 0.01, "mean occupancy")
        expectAgrees(runs.map(variance), with: 20, relativePrecision: 0.05, "occupancy variance")
        // P(N = 20) of Poisson(20) ≈ 0.08884, from the exact time-weighted distribution.
        let p20 = runs.map { r -> Double in
            let d = r.busyDistribution.durations(upTo: r.busyDistribution.windowStart + r.measurementTime)
            return d.count > 20 ? d[20] / d.reduce(0, +) : 0
        }
        expectAgrees(p20, with: 0.0888353173, relativePrecision: 0.04, "P(N = 20)")
    }

    @Test("Little's law holds for the queue and the servers of every run")
    func littlesLaw() {
        for (servers, lambda) in [(1, 0.8), (5, 4.0), (3, 1.5)] {
            let c = QueueingStation.Configuration(servers: servers, arrivalRate: lambda, serviceRate: 1,
                                                  warmupCustomers: 1_000, customers: 30_000, seed: 505)
            let runs = replicate(c, replications: 20)
            // L − λW, per replication, with λ and W measured in the same run: its
            // expectation is 0; boundary effects are O(1/T).
            let queueGap = runs.map { $0.meanQueueLength - $0.arrivalRateObserved * $0.waitInQueue.mean }
            let summary = ReplicationSummary(queueGap, confidenceLevel: Self.confidence)
            #expect(summary.confidenceInterval!.contains(0), "Lq − λWq = \(summary.mean!) for c = \(servers)")
            // Servers: L = λ·E[S] with E[S] = 1.
            let serverGap = runs.map { $0.meanBusy - $0.arrivalRateObserved * 1.0 }
            let s2 = ReplicationSummary(serverGap, confidenceLevel: Self.confidence)
            #expect(s2.confidenceInterval!.contains(0), "L − λE[S] = \(s2.mean!) for c = \(servers)")
        }
    }

    @Test("same seed gives bit-identical results on every calendar; another seed does not")
    func reproducibility() {
        let c = QueueingStation.Configuration(servers: 3, arrivalRate: 2.5, serviceRate: 1, customers: 20_000, seed: 7)
        let a = QueueingStation.run(c, calendar: BinaryHeapCalendar.self)
        let b = QueueingStation.run(c, calendar: QuaternaryHeapCalendar.self)
        let r = QueueingStation.run(c, calendar: RadixHeapCalendar.self)
        let again = QueueingStation.run(c, calendar: RadixHeapCalendar.self)
        for x in [b, r, again] {
            #expect(x.waitInQueue == a.waitInQueue)
            #expect(x.meanQueueLength.bitPattern == a.meanQueueLength.bitPattern)
            #expect(x.busyDistribution == a.busyDistribution)
            #expect(x.events == a.events)
        }
        var other = c
        other.seed = 8
        #expect(QueueingStation.run(other).waitInQueue != a.waitInQueue)
    }
}
