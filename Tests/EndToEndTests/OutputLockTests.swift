import Foundation
import Testing

/// Two runs into one `--out`: the second is refused (exit 1) while the first
/// holds the directory's lock, and the first still publishes a complete result.
@Suite(.serialized) struct OutputLockTests {
    @Test func aSecondRunIntoTheSameDirectoryIsRefused() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("D")
        var second: Invocation?
        // The first run waits, everything staged and the lock held, before publishing.
        let first = try Samspil.run(["run", baseline, "-n", "2", "--seed", "1", "-q", "--out", out] + short,
                                    environment: ["SAMSPIL_TEST_PUBLISH_DELAY": "4"]) { _, stderr in
            #expect(InterruptionTests.wait(for: "test hook: publishing", in: stderr, timeout: 60))
            #expect(dir.allContents().contains(".D.samspil-lock"), "\(dir.allContents())")
            second = try Samspil.run(["run", baseline, "-n", "2", "--seed", "2", "-q", "--out", out] + short)
        }
        let refused = try #require(second)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("samspil run: error: another samspil run (process "), "\(refused)")
        #expect(refused.stderr.contains("is writing to \(out); wait for it to finish or choose another --out"), "\(refused)")
        #expect(first.status == 0, "\(first)")
        #expect(try readResults(out).experiment.seed == 1, "the first run's complete result")
        #expect(dir.allContents() == ["D"], "the lock file is removed: \(dir.allContents())")

        let later = try Samspil.run(["run", baseline, "-n", "2", "--seed", "3", "-q", "--out", out] + short)
        #expect(later.status == 0, "the lock is free again: \(later)")
        #expect(try readResults(out).experiment.seed == 3)
    }
}
