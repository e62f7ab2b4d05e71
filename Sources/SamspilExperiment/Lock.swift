import Dispatch

/// A mutual-exclusion lock for the few counters shared between worker threads.
package final class DispatchSemaphoreLock: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    package init() {}
    package func locked<T>(_ body: () throws -> T) rethrows -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return try body()
    }
}
