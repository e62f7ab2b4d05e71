import SamspilExperiment
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SamspilReport

/// Where a command writes (`--out DIR`, `--trace FILE`): checked before any
/// simulation, locked for the whole command, and published together at the
/// end — all or nothing, and nothing once a signal has arrived (see
/// ``Interruption``).
final class Destinations: @unchecked Sendable {
    let command: String
    let out: OutputDirectory?
    let trace: FileDestination?
    private var lock: OutputLock?
    private var cleanup: Int?
    /// Guards `stagedTrace`, which the signal handler's cleanup reads from another thread.
    private let stagedTraceLock = DispatchSemaphoreLock()
    private var stagedTraceValue: StagedFile?
    private var stagedTrace: StagedFile? {
        get { stagedTraceLock.locked { stagedTraceValue } }
        set { stagedTraceLock.locked { stagedTraceValue = newValue } }
    }

    /// Checks every destination in `args` (a bad one is a usage error, exit 2),
    /// installs the signal handlers and takes the output directory's lock (held
    /// by another run: a runtime failure, exit 1).
    init(_ args: ParsedArguments, command: String) throws {
        self.command = command
        if let path = args.value("--trace") {
            do { trace = try FileDestination.check(path) } catch {
                throw UsageError("--trace '\(path)': \(error)", command: command)
            }
        } else {
            trace = nil
        }
        if let path = args.value("--out") {
            guard !path.isEmpty else { throw UsageError("--out '': the path is empty", command: command) }
            let directory = OutputDirectory(URL(fileURLWithPath: path))
            do { try directory.checkDestination() } catch {
                throw UsageError("--out '\(path)': \(error)", command: command)
            }
            out = directory
        } else {
            out = nil
        }
        Interruption.shared.install()
        guard let out else { return }
        do {
            lock = try OutputLock.acquire(for: out.url)
        } catch let busy as OutputLock.Busy {
            throw RuntimeFailure(message: busy.description)
        } catch {
            throw RuntimeFailure(message: "cannot lock \(out.url.path): \(Self.reason(error))")
        }
        // A second signal exits at once: leave no lock file or staging behind.
        cleanup = Interruption.shared.addCleanup { [self] in
            stagedTrace?.discard()
            out.removeStaleStaging()
            lock?.release()
        }
    }

    /// Releases the lock (and removes the lock file).
    func release() {
        if let cleanup { Interruption.shared.removeCleanup(cleanup) }
        cleanup = nil
        lock?.release()
    }

    /// Writes `traceData` to the trace destination and `files` into the output
    /// directory. Everything is staged first; only if no signal has arrived is
    /// it published. Throws ``Interruption/Interrupted`` when one has.
    func publish(trace traceData: Data?, files: [OutputFile]) throws {
        if let trace, let traceData {
            do { stagedTrace = try trace.stage(traceData) } catch {
                throw RuntimeFailure(message: "cannot write the trace to \(trace.path): \(Self.reason(error))")
            }
        }
        defer {
            stagedTrace?.discard()
            stagedTrace = nil
        }
        var publishing = false
        defer {
            if publishing && Interruption.shared.endPublishing() {
                Console.write(2, "samspil \(command): the signal came while the results were being published; they are complete\n")
            }
        }
        let enterPublishing = {
            try Self.testPublishDelay()
            try Interruption.shared.beginPublishing()
            publishing = true
        }
        if let out {
            do {
                try out.commit(files, beforePublishing: enterPublishing)
            } catch let error as Interruption.Interrupted {
                throw error
            } catch {
                throw RuntimeFailure(message: "cannot write the results to \(out.url.path): \(Self.reason(error))")
            }
        } else {
            try enterPublishing()
        }
        if let staged = stagedTrace, let trace {
            do { try staged.publish() } catch {
                throw RuntimeFailure(message: "cannot write the trace to \(trace.path): \(Self.reason(error))")
            }
        }
    }

    /// Test hook: `SAMSPIL_TEST_PUBLISH_DELAY=SECONDS` waits, with everything
    /// staged, just before publishing, so a test can send a signal in that window.
    private static func testPublishDelay() throws {
        guard let text = ProcessInfo.processInfo.environment["SAMSPIL_TEST_PUBLISH_DELAY"],
              let seconds = Double(text), seconds > 0 else { return }
        Console.write(2, "samspil: test hook: publishing in \(text) s\n")
        // A signal may cut a sleep short: sleep until the deadline.
        let deadline = Date().addingTimeInterval(min(seconds, 60))
        while Date() < deadline { usleep(10_000) }
    }

    static func reason(_ error: Error) -> String {
        (error as? OutputDirectory.Failure)?.description ?? (error as? FileDestination.Problem)?.description
            ?? error.localizedDescription
    }
}
