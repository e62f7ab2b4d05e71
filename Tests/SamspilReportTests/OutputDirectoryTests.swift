import Foundation
import Testing
@testable import SamspilReport

struct Boom: Error {}

/// A fresh empty scratch folder per test.
func scratch(_ name: String = #function) throws -> URL {
    let clean = Markup.identifier(name)
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("samspil-report-tests-\(getpid())-\(clean)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The names in a folder, hidden ones included, except an output directory's manifest.
func listing(_ url: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0 != OutputDirectory.manifestName }.sorted()
}

@Suite struct OutputDirectoryTests {
    @Test func writesEverythingIntoANewDirectory() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run1")
        let urls = try ReportOutput.write(Fixtures.compare(), to: out)
        #expect(listing(out) == ["comparison.csv", "replications.csv", "report.html", "results.json", "summary.csv",
                                 "timeseries.csv"])
        #expect(urls.count == 6)
        #expect(listing(root) == ["run1"])  // no staging left behind
        let json = try Data(contentsOf: out.appendingPathComponent("results.json"))
        #expect(try ResultsJSON.decode(json) == Fixtures.compare())
    }

    @Test func failureMidwayLeavesNothing() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        let files = [OutputFile(name: "a.csv", text: "a\r\n"),
                     OutputFile(name: "b.csv", contents: { throw Boom() }),
                     OutputFile(name: "c.csv", text: "c\r\n")]
        #expect(throws: Boom.self) { try OutputDirectory(out).commit(files) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(listing(root).isEmpty)
    }

    @Test func failureNeverClobbersExistingCompleteFiles() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        try OutputDirectory(out).commit([OutputFile(name: "a.csv", text: "old a"), OutputFile(name: "b.csv", text: "old b")])
        #expect(throws: Boom.self) {
            try OutputDirectory(out).commit([OutputFile(name: "a.csv", text: "new a"),
                                             OutputFile(name: "b.csv", contents: { throw Boom() })])
        }
        #expect(try String(contentsOf: out.appendingPathComponent("a.csv"), encoding: .utf8) == "old a")
        #expect(try String(contentsOf: out.appendingPathComponent("b.csv"), encoding: .utf8) == "old b")
        #expect(listing(root) == ["run"])
        // A later successful run replaces both, and keeps unrelated files.
        try "keep".write(to: out.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        try OutputDirectory(out).commit([OutputFile(name: "a.csv", text: "new a"), OutputFile(name: "b.csv", text: "new b")])
        #expect(try String(contentsOf: out.appendingPathComponent("b.csv"), encoding: .utf8) == "new b")
        #expect(listing(out) == ["a.csv", "b.csv", "notes.txt"])
    }

    @Test func staleStagingFromAnInterruptedRunIsCleared() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        let stale = root.appendingPathComponent(".run.partial-dead")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try "half".write(to: stale.appendingPathComponent("summary.csv"), atomically: false, encoding: .utf8)
        let unrelated = root.appendingPathComponent(".other.partial-x")
        try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
        try OutputDirectory(out).commit([OutputFile(name: "a.csv", text: "a")])
        #expect(listing(root) == [".other.partial-x", "run"])
    }

    @Test func rejectsUnsafeOrDuplicateNames() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        for bad in ["../x", "a/b", "", ".."] {
            #expect(throws: OutputDirectory.Failure.invalidFileName(bad)) {
                try OutputDirectory(out).commit([OutputFile(name: bad, text: "")])
            }
        }
        #expect(throws: OutputDirectory.Failure.duplicateFileName("a")) {
            try OutputDirectory(out).commit([OutputFile(name: "a", text: ""), OutputFile(name: "a", text: "")])
        }
        #expect(listing(root).isEmpty)
    }

    @Test func refusesAFileWhereTheDirectoryShouldBe() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("run")
        try "x".write(to: out, atomically: false, encoding: .utf8)
        #expect(throws: OutputDirectory.Failure.notADirectory(out.path)) {
            try OutputDirectory(out).commit([OutputFile(name: "a", text: "")])
        }
    }
}
