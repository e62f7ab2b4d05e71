import Dispatch
import SamspilEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs replications on several threads. Each replication is independent and
/// draws only from streams keyed by its number, and results are stored by
/// replication number, so the output is bit-identical for any number of jobs.
public enum ReplicationRunner {
    /// Runs `replications` of `model` on `jobs` threads.
    /// - Parameters:
    ///   - progress: called (from worker threads, serialised) after each replication
    ///     with the number completed.
    ///   - shouldStop: polled before each replication; when it returns true no
    ///     new replication starts (those running finish).
    /// - Returns: results in replication order; `nil` where a replication did
    ///   not run because of `shouldStop`.
    public static func run(_ model: CompiledScenario, replications: [Int], jobs: Int,
                           options: ReplicationOptions = ReplicationOptions(),
                           progress: (@Sendable (Int) -> Void)? = nil,
                           shouldStop: (@Sendable () -> Bool)? = nil) -> [ReplicationResult?] {
        let box = ResultBox(count: replications.count)
        let workers = Swift.max(1, Swift.min(jobs, replications.count))
        // Dedicated threads with a generous stack, not the dispatch pool: a
        // replication is long, CPU-bound work that must not block Swift
        // concurrency's cooperative threads, and dispatch worker stacks are small.
        WorkerThreads.run(count: workers) {
            while let index = box.claim() {
                if shouldStop?() == true { continue }
                let result = PatientFlowModel.run(model, replication: replications[index], options: options)
                let done = box.store(result, at: index)
                progress?(done)
            }
        }
        return box.results
    }
}

/// Work distribution and result slots shared by the workers.
final class ResultBox: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var next = 0
    private var completed = 0
    private(set) var results: [ReplicationResult?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard next < results.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: ReplicationResult, at index: Int) -> Int {
        lock.wait()
        defer { lock.signal() }
        results[index] = result
        completed += 1
        return completed
    }
}

/// Runs `body` on `count` new threads (8 MiB stacks) and waits for all of them.
enum WorkerThreads {
    static let stackSize = 8 << 20

    final class Job: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    static func run(count: Int, _ body: @escaping @Sendable () -> Void) {
        #if canImport(Darwin)
        typealias Handle = pthread_t?
        #else
        typealias Handle = pthread_t
        #endif
        var threads: [Handle] = []
        for _ in 0..<count {
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            pthread_attr_setstacksize(&attributes, stackSize)
            let job = Unmanaged.passRetained(Job(body)).toOpaque()
            #if canImport(Darwin)
            var thread: pthread_t?
            #else
            var thread = pthread_t()
            #endif
            let status = pthread_create(&thread, &attributes, { argument in
                #if canImport(Darwin)
                let pointer = argument
                #else
                let pointer = argument!
                #endif
                Unmanaged<Job>.fromOpaque(pointer).takeRetainedValue().body()
                return nil
            }, job)
            pthread_attr_destroy(&attributes)
            if status == 0 {
                threads.append(thread)
            } else {
                // No thread could be made: do the work on this one.
                Unmanaged<Job>.fromOpaque(job).takeRetainedValue().body()
            }
        }
        #if canImport(Darwin)
        for thread in threads { if let thread { pthread_join(thread, nil) } }
        #else
        for thread in threads { pthread_join(thread, nil) }
        #endif
    }
}
