import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line's contracts: strict number syntax, destinations checked
/// before any simulation, and `--trace` through links but never onto a device.
@Suite struct CommandLineContractTests {
    /// Enough replications that a run which started simulating would take minutes.
    static let long = ["-n", "100000", "-q"]

    @Test func numbersAreStrict() throws {
        let cases: [([String], String)] = [
            (["run", baseline, "--replications", "0x10"], "--replications takes a whole number from 1 to 1000000, got '0x10'"),
            (["run", baseline, "--replications", "+2"], "--replications takes a whole number from 1 to 1000000, got '+2'"),
            (["run", baseline, "--replications", ""], "--replications takes a whole number from 1 to 1000000, got ''"),
            (["run", baseline, "--seed", " 7"], "--seed takes a whole number from 0 to 999999999999, got ' 7'"),
            (["run", baseline, "--jobs", "1e2"], "--jobs takes a whole number from 1 to 4096, got '1e2'"),
            (["run", baseline, "--horizon-days", "0x10"], "--horizon-days takes a number from 1.0 to 36500.0, got '0x10'"),
            (["run", baseline, "--horizon-days", "+30"], "--horizon-days takes a number from 1.0 to 36500.0, got '+30'"),
            (["run", baseline, "--warmup-days", "inf"], "--warmup-days takes a number from 0.0 to 3650.0, got 'inf'"),
            (["run", baseline, "--warmup-days", "7."], "--warmup-days takes a number from 0.0 to 3650.0, got '7.'"),
            (["run", baseline, "--shard", "1//2", "--out", "x"], "--shard takes K/N with 1 ≤ K ≤ N, got '1//2'"),
            (["run", baseline, "--shard", "+1/2", "--out", "x"], "--shard takes K/N with 1 ≤ K ≤ N, got '+1/2'"),
            (["run", baseline, "--shard", "1/2/", "--out", "x"], "--shard takes K/N with 1 ≤ K ≤ N, got '1/2/'"),
            (["metrics", "extra"], "metrics takes no arguments, got 'extra'"),
        ]
        for (arguments, message) in cases {
            let r = try Samspil.run(arguments)
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains("samspil \(arguments[0]): error: \(message)\n"), "\(r)")
        }
        let plain = try Samspil.run(["run", baseline, "-n", "2", "--horizon-days", "30.5", "--warmup-days", "0", "-q"])
        #expect(plain.status == 0, "plain numbers still work: \(plain)")
    }

    @Test func mergeOfAMissingPathIsOneLine() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["merge", dir.path("missing"), "--out", dir.path("m")])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr == "samspil merge: error: \(dir.path("missing")) does not exist\n", "\(r)")
        try "{\"not\": 1}".write(toFile: dir.path("other.json"), atomically: true, encoding: .utf8)
        let foreign = try Samspil.run(["merge", dir.path("other.json"), "--out", dir.path("m")])
        #expect(foreign.status == 2, "\(foreign)")
        #expect(foreign.stderr.hasPrefix("samspil merge: error: \(dir.path("other.json")) is not a results.json samspil can read"),
                "\(foreign)")
        #expect(foreign.stderr.split(separator: "\n").count == 1, "one line: \(foreign)")
        #expect(dir.contents() == ["other.json"], "\(dir.contents())")
    }

    @Test func destinationsAreCheckedBeforeSimulating() throws {
        let dir = try TemporaryDirectory()
        try "x".write(toFile: dir.path("file"), atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--out", ""], "--out '': the path is empty"),
            (["--out", dir.path("file")], "--out '\(dir.path("file"))': '\(dir.path("file"))' exists and is not a directory"),
            (["--out", dir.path("file") + "/o"], "'\(dir.path("file"))' exists and is not a directory"),
            (["--trace", ""], "--trace '': the path is empty"),
            (["--trace", dir.path("none/t.csv")], "the directory '\(dir.path("none"))' does not exist"),
            (["--trace", dir.url.path], "is a directory, not a regular file"),
            (["--out", dir.path("o"), "--trace", dir.path("none/t.csv")], "does not exist"),
        ]
        for (options, message) in cases {
            let r = try Samspil.run(["run", baseline] + Self.long + options)
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains("samspil run: error: "), "\(r)")
            #expect(r.stderr.contains(message), "\(r)")
            #expect(r.seconds < 20, "refused before simulating: \(r)")
        }
        let compare = try Samspil.run(["compare", baseline, viborg] + Self.long + ["--out", dir.path("file")])
        #expect(compare.status == 2 && compare.seconds < 20, "\(compare)")
        #expect(dir.contents() == ["file"], "nothing written: \(dir.contents())")
        if getuid() != 0 {  // root may write anywhere
            let locked = dir.url.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
            chmod(locked.path, 0o500)
            defer { chmod(locked.path, 0o700) }
            let r = try Samspil.run(["run", baseline] + Self.long + ["--trace", locked.appendingPathComponent("t.csv").path])
            #expect(r.status == 2 && r.stderr.contains("is not writable"), "\(r)")
        }
    }

    @Test func traceWritesThroughASymbolicLink() throws {
        let dir = try TemporaryDirectory()
        try "old".write(toFile: dir.path("real.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.csv"), withDestinationPath: "real.csv")
        let r = try Samspil.run(["run", baseline, "-n", "1", "-q", "--trace", dir.path("link.csv")] + short)
        #expect(r.status == 0, "\(r)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("link.csv")) == "real.csv", "still a link")
        let text = try String(contentsOfFile: dir.path("real.csv"), encoding: .utf8)
        #expect(text.hasPrefix("time_hours,"), "the link's target holds the trace")
        #expect(dir.contents() == ["link.csv", "real.csv"], "no temporary file is left: \(dir.contents())")
    }

    @Test func traceRefusesFIFOsAndDevices() throws {
        let dir = try TemporaryDirectory()
        #expect(mkfifo(dir.path("fifo"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.path("to-null"), withDestinationPath: "/dev/null")
        for (path, kind) in [(dir.path("fifo"), "a FIFO"), ("/dev/null", "a device"), (dir.path("to-null"), "a device")] {
            let r = try Samspil.run(["run", baseline] + Self.long + ["--trace", path])
            #expect(r.status == 2, "\(r)")
            #expect(r.stderr.contains("is \(kind)"), "\(r)")
        }
        var info = stat()
        #expect(lstat(dir.path("fifo"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
        #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")
        #expect(lstat(dir.path("to-null"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link is still a link")
    }

    @Test func initOutFollowsTheSameRules() throws {
        let dir = try TemporaryDirectory()
        try "old".write(toFile: dir.path("real.json5"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.json5"), withDestinationPath: "real.json5")
        let linked = try Samspil.run(["init", "-m", "Skive", "--force", "--out", dir.path("link.json5")])
        #expect(linked.status == 0, "\(linked)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("link.json5")) == "real.json5")
        #expect(try String(contentsOfFile: dir.path("real.json5"), encoding: .utf8).hasPrefix("// Skive"))
        #expect(mkfifo(dir.path("fifo"), 0o644) == 0)
        let fifo = try Samspil.run(["init", "-m", "Skive", "--force", "--out", dir.path("fifo")])
        #expect(fifo.status == 2 && fifo.stderr.contains("is a FIFO (named pipe), not a regular file"), "\(fifo)")
        var info = stat()
        #expect(lstat(dir.path("fifo"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(dir.contents() == ["fifo", "link.json5", "real.json5"], "\(dir.contents())")
    }
}
