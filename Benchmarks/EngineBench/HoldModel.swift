import SamspilEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distribution of the hold model's time increments.
enum HoldIncrement: CaseIterable, CustomStringConvertible {
    /// Exponential with mean 1: the classic hold model.
    case exponential
    /// Uniform on (0, 2), mean 1.
    case uniform
    /// Bimodal, after Rönngren & Ayani (1997): with probability 0.9 uniform on
    /// (0, 0.95238), otherwise uniform on (0, 9.95238); many short and a few long
    /// increments, which stresses bucket-width estimation.
    case bimodal

    var description: String {
        switch self {
        case .exponential: "exp(1)"
        case .uniform: "unif(0,2)"
        case .bimodal: "bimodal"
        }
    }

    @inline(__always)
    func sample(_ rng: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .exponential:
            return -log(rng.nextPositiveUnitDouble())
        case .uniform:
            return 2 * rng.nextPositiveUnitDouble()
        case .bimodal:
            let u = rng.nextPositiveUnitDouble()
            return rng.nextUnitDouble() < 0.9 ? 0.95238 * u : 9.95238 * u
        }
    }
}

struct HoldResult {
    /// Hold operations (one pop plus one insert) per second of thread CPU time.
    var eventsPerSecond: Double
    /// The same per second of wall-clock time (lower when other processes
    /// compete for the cores).
    var eventsPerWallSecond: Double
    /// Depends on every popped event, so the work cannot be optimised away.
    var checksum: UInt64
}

@inline(__always)
func seconds(_ clock: clockid_t) -> Double {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// The classic hold model (Jones 1986): fill the calendar with `pending` events at
/// times Exp(1), run `pending` untimed hold operations to approach the steady
/// state, then time `operations` hold operations: pop the first event and insert
/// one at its time plus an increment.
///
/// Generic so that every calendar runs the same code; call it with a concrete
/// type so the optimiser specialises it.
@inline(never)
func holdModel<C: EventCalendar>(_ calendar: inout C, pending: Int, operations: Int,
                                 increment: HoldIncrement, seed: UInt64) -> HoldResult {
    calendar.removeAll()
    var rng = Xoshiro256StarStar(seed: seed)
    var sequence: UInt64 = 0
    for _ in 0..<pending {
        let time = -log(rng.nextPositiveUnitDouble())
        calendar.insert(Event(time: time, priority: .normal, sequence: sequence, kind: 1))
        sequence &+= 1
    }
    var checksum: UInt64 = 0
    @inline(__always)
    func hold(_ calendar: inout C) {
        let first = calendar.popFirst()!
        checksum = (checksum &* 31) &+ first._order
        let time = first.time + increment.sample(&rng)
        calendar.insert(Event(time: time, priority: .normal, sequence: sequence, kind: 1))
        sequence &+= 1
    }
    for _ in 0..<pending { hold(&calendar) }
    let wallStart = seconds(CLOCK_MONOTONIC)
    let cpuStart = seconds(CLOCK_THREAD_CPUTIME_ID)
    for _ in 0..<operations { hold(&calendar) }
    let cpu = seconds(CLOCK_THREAD_CPUTIME_ID) - cpuStart
    let wall = seconds(CLOCK_MONOTONIC) - wallStart
    precondition(calendar.count == pending)
    return HoldResult(eventsPerSecond: Double(operations) / cpu,
                      eventsPerWallSecond: Double(operations) / wall, checksum: checksum)
}

/// The sorted per-trial rates of the last ``holdMedian`` call.
nonisolated(unsafe) var lastTrialRates: [Double] = []

/// Median events/s over `trials` runs of the hold model, plus a combined checksum.
func holdMedian<C: EventCalendar>(_ type: C.Type, pending: Int, operations: Int,
                                  increment: HoldIncrement, trials: Int) -> HoldResult {
    var calendar = C()
    var rates: [Double] = []
    var wallRates: [Double] = []
    var checksum: UInt64 = 0
    for trial in 0..<trials {
        let r = holdModel(&calendar, pending: pending, operations: operations,
                          increment: increment, seed: 0x5EED &+ UInt64(trial))
        rates.append(r.eventsPerSecond)
        wallRates.append(r.eventsPerWallSecond)
        checksum ^= r.checksum
    }
    rates.sort()
    wallRates.sort()
    lastTrialRates = rates
    return HoldResult(eventsPerSecond: rates[rates.count / 2],
                      eventsPerWallSecond: wallRates[wallRates.count / 2], checksum: checksum)
}

private func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

private func formatRate(_ r: Double) -> String {
    let m = (r / 1e4).rounded() / 100
    var s = "\(m)"
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < 2 { s += String(repeating: "0", count: 2 - decimals) }
    }
    return s
}

/// Prints the hold-model tables: calendar × pending-set size, in million hold
/// operations per second (median of `trials`), once per second of thread CPU
/// time and once per second of wall-clock time, for each increment distribution.
///
/// With the defaults (exponential increments, 3 trials, M = max(5N, 2·10⁶)
/// timed operations after N untimed ones) the whole run takes about 45 s.
func runHoldBenchmarks(sizes: [Int] = [100, 10_000, 100_000, 1_000_000],
                       increments: [HoldIncrement] = [.exponential],
                       trials: Int = 3,
                       operations: (Int) -> Int = { n in max(5 * n, 2_000_000) }) {
    typealias Runner = (Int, Int, HoldIncrement, Int) -> HoldResult
    let calendars: [(String, Runner)] = [
        ("binary heap", { holdMedian(BinaryHeapCalendar.self, pending: $0, operations: $1, increment: $2, trials: $3) }),
        ("4-ary heap", { holdMedian(QuaternaryHeapCalendar.self, pending: $0, operations: $1, increment: $2, trials: $3) }),
        ("radix heap", { holdMedian(RadixHeapCalendar.self, pending: $0, operations: $1, increment: $2, trials: $3) }),
        ("ladder queue", { holdMedian(LadderQueueCalendar.self, pending: $0, operations: $1, increment: $2, trials: $3) }),
    ]
    var disagreements = 0
    for increment in increments {
        var checksums: [Int: UInt64] = [:]
        var cpuLines: [String] = []
        var wallLines: [String] = []
        for (name, run) in calendars {
            var cpuLine = pad(name, 14)
            var wallLine = pad(name, 14)
            for n in sizes {
                let r = run(n, operations(n), increment, trials)
                // Every calendar pops the same events in the same order.
                if let expected = checksums[n], expected != r.checksum { disagreements += 1 }
                checksums[n] = r.checksum
                cpuLine += pad(formatRate(r.eventsPerSecond), 12)
                wallLine += pad(formatRate(r.eventsPerWallSecond), 12)
            }
            cpuLines.append(cpuLine)
            wallLines.append(wallLine)
        }
        var header = pad("calendar", 14)
        for n in sizes { header += pad("N=\(n)", 12) }
        for (clock, lines) in [("thread CPU time", cpuLines), ("wall-clock time", wallLines)] {
            print("Hold model, increment \(increment): million hold operations per second of \(clock) (median of \(trials))")
            print(header)
            for line in lines { print(line) }
            print("")
        }
    }
    print(disagreements == 0 ? "pop-order checksums agree across calendars"
                             : "WARNING: \(disagreements) pop-order checksum disagreements")
}
