import Dispatch
import SamspilEngine

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
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
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
