import Foundation
import Testing
@testable import SamspilReport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The manifest of an output directory, the destination checks and the lock.
@Suite struct OutputOwnershipUnitTests {
    static func text(_ url: URL, _ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func aCommitReplacesTheWholeOwnedSetAndKeepsForeignFiles() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        try OutputDirectory(out).commit([OutputFile(name: "a.csv", text: "a"), OutputFile(name: "old.csv", text: "old")])
        #expect(try Self.text(out, OutputDirectory.manifestName).hasSuffix("a.csv\nold.csv\n"))
        try "mine".write(to: out.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        try OutputDirectory(out).commit([OutputFile(name: "a.csv", text: "a2"), OutputFile(name: "b.csv", text: "b")])
        #expect(listing(out) == ["a.csv", "b.csv", "notes.txt"])
        #expect(OutputDirectory(out).ownedNames() == ["a.csv", "b.csv"])
        #expect(try Self.text(out, "notes.txt") == "mine")
        #expect(listing(root) == ["run"])
    }

    @Test func theManifestNeverReachesOutsideOrRemovesLinks() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "precious".write(to: root.appendingPathComponent("outside.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("link").path, withDestinationPath: "../outside.txt")
        try "# header\n../outside.txt\nlink\n/etc/passwd\n".write(to: out.appendingPathComponent(OutputDirectory.manifestName),
                                                                   atomically: false, encoding: .utf8)
        #expect(OutputDirectory(out).ownedNames() == ["link"])
        try OutputDirectory(out).commit([OutputFile(name: "a.csv", text: "a")])
        #expect(listing(out) == ["a.csv", "link"], "a link of an owned name is not removed")
        #expect(try Self.text(root, "outside.txt") == "precious")
    }

    @Test func aDirectoryFromBeforeManifestsOwnsItsKnownFiles() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for name in ["results.json", "comparison.csv", "notes.txt"] {
            try name.write(to: out.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        #expect(OutputDirectory(out).ownedNames() == ["results.json", "comparison.csv"])
        try OutputDirectory(out).commit([OutputFile(name: "results.json", text: "{}")])
        #expect(listing(out) == ["notes.txt", "results.json"])

        // Without a results.json nothing is Samspil's.
        let plain = root.appendingPathComponent("plain")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try "x".write(to: plain.appendingPathComponent("summary.csv"), atomically: false, encoding: .utf8)
        #expect(OutputDirectory(plain).ownedNames().isEmpty)
    }

    @Test func aRefusalBeforePublishingLeavesEverythingAsItWas() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        #expect(throws: Boom.self) { try OutputDirectory(out).commit([OutputFile(name: "a", text: "a")], beforePublishing: { throw Boom() }) }
        #expect(listing(root).isEmpty)
        try OutputDirectory(out).commit([OutputFile(name: "a", text: "a")])
        #expect(throws: Boom.self) { try OutputDirectory(out).commit([OutputFile(name: "b", text: "b")], beforePublishing: { throw Boom() }) }
        #expect(listing(out) == ["a"])
        #expect(listing(root) == ["run"])
    }

    @Test func theManifestNameIsReserved() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: OutputDirectory.Failure.invalidFileName(OutputDirectory.manifestName)) {
            try OutputDirectory(root.appendingPathComponent("run")).commit([OutputFile(name: OutputDirectory.manifestName, text: "")])
        }
    }

    @Test func destinationChecks() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("file")
        try "x".write(to: file, atomically: false, encoding: .utf8)
        #expect(throws: OutputDirectory.Failure.notADirectory(file.path)) { try OutputDirectory(file).checkDestination() }
        #expect(throws: OutputDirectory.Failure.notADirectory(file.path)) {
            try OutputDirectory(file.appendingPathComponent("a/b")).checkDestination()
        }
        try OutputDirectory(root.appendingPathComponent("new/deeper")).checkDestination()
        try OutputDirectory(root).checkDestination()
        #expect(listing(root) == ["file"], "a check creates nothing")
    }

    @Test func theLockIsExclusiveAndRemovedOnRelease() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        let first = try OutputLock.acquire(for: out)
        #expect(listing(root) == [".run.samspil-lock"])
        // flock(2) locks belong to an open file, so a second open in this process conflicts too.
        let busy = #expect(throws: OutputLock.Busy.self) { try OutputLock.acquire(for: out) }
        #expect(busy?.holder == getpid())
        #expect(busy?.description.contains("is writing to \(out.path)") == true)
        first.release()
        #expect(listing(root).isEmpty)
        let second = try OutputLock.acquire(for: out)
        second.release()
    }

    @Test func aDirectoryReachedThroughALinkSharesItsLock() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("alias").path, withDestinationPath: "run")
        let held = try OutputLock.acquire(for: out)
        defer { held.release() }
        #expect(throws: OutputLock.Busy.self) { try OutputLock.acquire(for: root.appendingPathComponent("alias")) }
    }
}
