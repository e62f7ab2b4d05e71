import SamspilExperiment
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Ctrl-C (SIGINT) and SIGTERM: the run stops and writes nothing, exit code
/// 128 + the signal number (130, 143).
///
/// The first signal stops starting replications; those under way finish, and
/// the command then returns without writing (the command checks
/// ``isRequested`` after the simulation and again, through
/// ``beginPublishing()``, at the one moment outputs are published). A second
/// signal exits at once, removing what ``addCleanup(_:)`` registered (the
/// lock file, a staging directory).
///
/// Publishing (a few renames) is the point of no return: a signal that
/// arrives after ``beginPublishing()`` succeeded is too late to undo the
/// result; the run completes, says so and exits 0.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()
    private let lock = DispatchSemaphoreLock()
    private var signalNumber: Int32?
    private var publishing = false
    private var sources: [DispatchSourceSignal] = []
    private var cleanups: [Int: () -> Void] = [:]
    private var nextCleanup = 0

    /// Thrown when a signal stopped the command before it published anything.
    struct Interrupted: Error {
        var exitCode: Int32
    }

    var isRequested: Bool { lock.locked { signalNumber != nil } }

    /// 128 + the first signal's number (130 for SIGINT, 143 for SIGTERM).
    var exitCode: Int32 { lock.locked { 128 + (signalNumber ?? SIGINT) } }

    /// Installs the handlers once per process; safe to call from any thread.
    func install() {
        lock.locked {
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [self] in received(number) }
                source.resume()
                sources.append(source)
            }
        }
    }

    private func received(_ number: Int32) {
        let (again, cleanups, lateForPublish) = lock.locked { () -> (Bool, [() -> Void], Bool) in
            defer { if signalNumber == nil { signalNumber = number } }
            return (signalNumber != nil, Array(self.cleanups.values), publishing)
        }
        if lateForPublish { return }  // the renames take milliseconds; let them finish
        if again {
            for cleanup in cleanups { cleanup() }
            _exit(128 + number)
        }
        let name = number == SIGTERM ? "terminated" : "interrupted"
        let hint = number == SIGINT ? "Ctrl-C again" : "signal again"
        Console.write(2, "\nsamspil: \(name) — stopping after the replications under way; nothing will be written (\(hint) to quit now)\n")
    }

    /// Enters the publishing phase, or throws ``Interrupted`` when a signal
    /// came first. After this, signals no longer stop the command.
    func beginPublishing() throws(Interrupted) {
        let first = lock.locked { () -> Int32? in
            if signalNumber == nil { publishing = true }
            return signalNumber
        }
        if let first { throw Interrupted(exitCode: 128 + first) }
    }

    /// Leaves the publishing phase; true when a signal arrived during it.
    @discardableResult
    func endPublishing() -> Bool {
        lock.locked {
            publishing = false
            return signalNumber != nil
        }
    }

    /// Registers work for an immediate exit on a second signal; returns a token for ``removeCleanup(_:)``.
    func addCleanup(_ body: @escaping () -> Void) -> Int {
        lock.locked {
            nextCleanup += 1
            cleanups[nextCleanup] = body
            return nextCleanup
        }
    }

    func removeCleanup(_ token: Int) {
        lock.locked { cleanups[token] = nil }
    }
}
