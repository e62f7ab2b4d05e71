import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C: the first SIGINT stops starting replications and writes nothing
/// (exit 130); a second one quits at once.
@Suite(.serialized) struct InterruptionTests {
    /// Waits until `file` contains `text` (or `timeout` passes).
    static func wait(for text: String, in file: URL, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOf: file, encoding: .utf8), s.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Runs `arguments`, sending SIGINT after `delay` seconds (and again, once the
    /// first was acknowledged, if `twice`). A process killed before it installed
    /// its handler (a slow start on a busy machine) is retried with a longer delay.
    static func interrupted(_ arguments: [String], delay: Double, twice: Bool = false, signal: Int32 = SIGINT) throws -> Invocation {
        var delay = delay
        for _ in 0..<3 {
            let r = try Samspil.run(arguments) { process, stderr in
                usleep(useconds_t(delay * 1_000_000))
                kill(process.processIdentifier, signal)
                if twice {
                    #expect(wait(for: "again to quit now", in: stderr, timeout: 10), "the first signal is acknowledged")
                    kill(process.processIdentifier, signal)
                }
            }
            if !(r.killedBySignal && r.status == signal) { return r }
            delay *= 3
        }
        throw CancellationError()
    }

    @Test func interruptedRunWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let trace = dir.path("trace.csv")
        let r = try Self.interrupted(["run", baseline, "--replications", "2000", "--jobs", "1", "--out", out, "--trace", trace],
                                     delay: 0.5)
        #expect(!r.killedBySignal && r.status == 130, "\(r)")
        #expect(r.stderr.contains("interrupted"), "\(r)")
        #expect(r.stderr.contains("samspil run: interrupted after "), "\(r)")
        #expect(r.stderr.contains(" of 2000 replications; no output was written"), "\(r)")
        #expect(r.seconds < 30, "it stopped long before 2000 replications: \(r)")
        #expect(!FileManager.default.fileExists(atPath: out), "no output directory")
        #expect(!FileManager.default.fileExists(atPath: trace), "no trace")
        #expect(dir.contents().isEmpty, "no staging directory or partial file is left: \(dir.contents())")
        #expect(r.stdout.isEmpty, "no table: \(r)")
    }

    @Test func interruptedCompareWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let r = try Self.interrupted(["compare", baseline, viborg, "--replications", "1000", "--jobs", "2", "--out", dir.path("c")],
                                     delay: 0.5)
        #expect(!r.killedBySignal && r.status == 130, "\(r)")
        #expect(r.stderr.contains("samspil compare: interrupted after "), "\(r)")
        #expect(dir.contents().isEmpty, "\(dir.contents())")
    }

    @Test func secondInterruptQuitsAtOnce() throws {
        // Four national years take seconds in a debug build; the second SIGINT
        // must not wait for the replication under way to finish.
        let dir = try TemporaryDirectory()
        let r = try Self.interrupted(["run", "Scenarios/denmark.json5", "--replications", "50", "--jobs", "1",
                                      "--horizon-days", "1460", "--out", dir.path("d")], delay: 0.7, twice: true)
        #expect(!r.killedBySignal && r.status == 130, "\(r)")
        #expect(!r.stderr.contains("interrupted after"), "it did not wait to finish the replication: \(r)")
        #expect(dir.contents().isEmpty, "\(dir.contents())")
    }

    @Test func sigtermIsLikeSIGINTWithExitCode143() throws {
        let dir = try TemporaryDirectory()
        let r = try Self.interrupted(["run", baseline, "--replications", "2000", "--jobs", "1", "--out", dir.path("o")],
                                     delay: 0.5, signal: SIGTERM)
        #expect(!r.killedBySignal && r.status == 143, "\(r)")
        #expect(r.stderr.contains("samspil: terminated"), "\(r)")
        #expect(r.stderr.contains("no output was written"), "\(r)")
        #expect(dir.allContents().isEmpty, "\(dir.allContents())")
    }

    @Test func interruptWhenEveryReplicationIsUnderWayWritesNothing() throws {
        // One replication, already running when the signal comes: it finishes,
        // and still nothing is written. Four national years take about 3 s in
        // a debug build (the model is optimised there, see Package.swift).
        let dir = try TemporaryDirectory()
        let r = try Self.interrupted(["run", "Scenarios/denmark.json5", "-n", "1", "--jobs", "1", "--horizon-days", "1460",
                                      "--out", dir.path("o")], delay: 1.5)
        #expect(!r.killedBySignal && r.status == 130, "\(r)")
        #expect(r.stderr.contains("no output was written"), "\(r)")
        #expect(dir.allContents().isEmpty, "\(dir.allContents())")
    }

    @Test func interruptDuringTheTraceRerunWritesNothing() throws {
        let dir = try TemporaryDirectory()
        // The rerun that records the trace takes most of the ≈ 5 s (120 days, debug build).
        let r = try Self.interrupted(["run", "Scenarios/denmark.json5", "-n", "1", "--jobs", "1", "--horizon-days", "120",
                                      "--warmup-days", "7", "--trace", dir.path("t.csv"), "--out", dir.path("o")], delay: 2.5)
        #expect(!r.killedBySignal && r.status == 130, "\(r)")
        #expect(dir.allContents().isEmpty, "\(dir.allContents())")
    }

    @Test func interruptWhileOutputsAreWrittenWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("o")
        let before = try Samspil.run(["run", baseline, "-n", "2", "--seed", "1", "-q", "--out", out] + short)
        #expect(before.status == 0, "\(before)")
        try "keep".write(toFile: dir.path("o/notes.txt"), atomically: true, encoding: .utf8)
        let listing = dir.allContents("o")
        for signal in [SIGINT, SIGTERM] {
            // Everything is rendered and staged; the hook holds the run just before publishing.
            let r = try Samspil.run(["compare", baseline, viborg, "-n", "2", "--seed", "2", "--out", out,
                                     "--trace", dir.path("t.csv")] + short,
                                    environment: ["SAMSPIL_TEST_PUBLISH_DELAY": "4"]) { process, stderr in
                #expect(Self.wait(for: "test hook: publishing", in: stderr, timeout: 60))
                kill(process.processIdentifier, signal)
            }
            #expect(!r.killedBySignal && r.status == 128 + signal, "\(r)")
            #expect(r.stderr.contains("samspil compare: interrupted; no output was written"), "\(r)")
            #expect(dir.allContents() == ["o"], "no trace, staging directory or lock file: \(dir.allContents())")
            #expect(dir.allContents("o") == listing, "the previous result is untouched")
            #expect(try readResults(out).experiment.seed == 1)
        }
    }
}
