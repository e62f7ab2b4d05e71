import SamspilEngine
#if canImport(Glibc)
import Glibc
#endif

/// M/M/c on the engine, with the same parameters other simulators take, so the
/// numbers can be compared like for like.
struct MMcOptions {
    var servers = 10
    var arrivalRate = 9.0
    var serviceRate = 1.0
    var customers = 1_000_000
    var warmup = 0
    var seed: UInt64 = 1
    var calendar = "ladder"
    var repeats = 5
}

func runMMc(_ o: MMcOptions) {
    func once<C: EventCalendar>(_ type: C.Type) -> (Double, QueueingStation.Result) {
        let configuration = QueueingStation.Configuration(
            servers: o.servers, arrivalRate: o.arrivalRate, serviceRate: o.serviceRate,
            warmupCustomers: o.warmup, customers: o.customers, seed: o.seed)
        let start = monotonicSeconds()
        let result = QueueingStation.run(configuration, calendar: type)
        return (monotonicSeconds() - start, result)
    }
    var times: [Double] = []
    var last: QueueingStation.Result?
    for _ in 0..<o.repeats {
        let (t, r): (Double, QueueingStation.Result)
        switch o.calendar {
        case "binary": (t, r) = once(BinaryHeapCalendar.self)
        case "quaternary": (t, r) = once(QuaternaryHeapCalendar.self)
        case "ladder": (t, r) = once(LadderQueueCalendar.self)
        case "radix": (t, r) = once(RadixHeapCalendar.self)
        default: fail("unknown calendar '\(o.calendar)' (binary, quaternary, radix, ladder)")
        }
        times.append(t)
        last = r
    }
    guard let r = last else { return }
    let t = median(times)
    let a = o.arrivalRate / o.serviceRate
    print("M/M/\(o.servers)  λ=\(o.arrivalRate) μ=\(o.serviceRate)  customers=\(o.customers) seed=\(o.seed) calendar=\(o.calendar)")
    print("  wall time (median of \(o.repeats)): \(format(t, 4)) s")
    print("  customers/s: \(format(Double(o.customers) / t / 1e6, 2)) M    events/s: \(format(Double(r.events) / t / 1e6, 2)) M")
    print("  mean wait in queue: \(format(r.waitInQueue.mean, 4))    P(wait): \(format(r.probabilityOfWaiting, 4))")
    if a < Double(o.servers) {
        let wq = QueueingFormulas.meanWaitInQueue(servers: o.servers, arrivalRate: o.arrivalRate, serviceRate: o.serviceRate)
        let pw = QueueingFormulas.erlangC(servers: o.servers, offeredLoad: a)
        print("  Erlang C:           \(format(wq, 4))    P(wait): \(format(pw, 4))")
    }
}
