import Foundation
import Testing
@testable import SamspilReport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A single output file: links are written through, special files refused.
@Suite struct FileDestinationTests {
    func write(_ text: String, to path: String) throws {
        let staged = try FileDestination.check(path).stage(Data(text.utf8))
        try staged.publish()
    }

    @Test func aPlainFileIsCreatedThenReplaced() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("t.csv").path
        try write("one", to: path)
        try write("two", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        #expect(listing(root) == ["t.csv"])
    }

    @Test func symbolicLinksAreFollowedAndKept() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "old".write(to: root.appendingPathComponent("sub/real.csv"), atomically: false, encoding: .utf8)
        chmod(root.appendingPathComponent("sub/real.csv").path, 0o600)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/hop").path, withDestinationPath: "real.csv")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "sub/hop")
        let destination = try FileDestination.check(root.appendingPathComponent("link").path)
        #expect(destination.target == root.appendingPathComponent("sub/real.csv").path)
        try write("new", to: root.appendingPathComponent("link").path)
        #expect(try fm.destinationOfSymbolicLink(atPath: root.appendingPathComponent("link").path) == "sub/hop")
        #expect(try String(contentsOfFile: root.appendingPathComponent("sub/real.csv").path, encoding: .utf8) == "new")
        #expect(try fm.attributesOfItem(atPath: root.appendingPathComponent("sub/real.csv").path)[.posixPermissions] as? Int == 0o600,
                "the replaced file keeps its permissions")
        #expect(listing(root.appendingPathComponent("sub")) == ["hop", "real.csv"], "no temporary file is left")

        // A dangling link creates its target.
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("dangling").path, withDestinationPath: "created.csv")
        try write("x", to: root.appendingPathComponent("dangling").path)
        #expect(try String(contentsOfFile: root.appendingPathComponent("created.csv").path, encoding: .utf8) == "x")
    }

    @Test func specialFilesAndBadPathsAreRefused() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: "loop")
        let cases: [(String, FileDestination.Problem)] = [
            ("", .emptyPath),
            (fifo, .notARegularFile(path: fifo, kind: "a FIFO (named pipe)")),
            ("/dev/null", .notARegularFile(path: "/dev/null", kind: "a device")),
            (root.path, .notARegularFile(path: root.path, kind: "a directory")),
            (root.appendingPathComponent("none/t.csv").path, .missingDirectory(root.appendingPathComponent("none").path)),
            (root.appendingPathComponent("loop").path, .tooManyLinks(root.appendingPathComponent("loop").path)),
        ]
        for (path, problem) in cases {
            #expect(throws: problem) { try FileDestination.check(path) }
        }
        #expect(listing(root) == ["fifo", "loop"])
    }

    @Test func aDiscardedStagedFileLeavesNothing() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let staged = try FileDestination.check(root.appendingPathComponent("t.csv").path).stage(Data("x".utf8))
        #expect(listing(root).count == 1)
        staged.discard()
        #expect(listing(root).isEmpty)
    }
}
