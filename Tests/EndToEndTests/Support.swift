import Foundation
import SamspilReport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The package's root directory (this file is Tests/EndToEndTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `samspil` executable.
///
/// `swift test` builds every product, executables included, into the same
/// products directory as the test bundle (`.build/<triple>/debug/`), so the
/// binary is looked for next to the bundle first. `SAMSPIL_EXECUTABLE`
/// overrides the search.
let samspilExecutable: URL? = {
    let fm = FileManager.default
    var candidates: [URL] = []
    if let path = ProcessInfo.processInfo.environment["SAMSPIL_EXECUTABLE"], !path.isEmpty {
        candidates.append(URL(fileURLWithPath: path))
    }
    let bundle = Bundle.main.bundleURL
    candidates += [bundle.appendingPathComponent("samspil"),
                   bundle.deletingLastPathComponent().appendingPathComponent("samspil"),
                   // macOS: .build/debug/SamspilPackageTests.xctest/Contents/MacOS
                   bundle.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samspil")]
    if let argument0 = CommandLine.arguments.first {
        candidates.append(URL(fileURLWithPath: argument0).deletingLastPathComponent().appendingPathComponent("samspil"))
    }
    candidates.append(repositoryRoot.appendingPathComponent(".build/debug/samspil"))
    return candidates.first { fm.isExecutableFile(atPath: $0.path) }
}()

/// What one invocation of `samspil` did.
struct Invocation: CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    /// The process ended by a signal it did not handle (not an exit code).
    var killedBySignal: Bool
    var stdout: String
    var stderr: String
    var seconds: Double

    var description: String {
        "samspil \(arguments.joined(separator: " ")) → \(killedBySignal ? "signal " : "exit ")\(status) in \(String(format: "%.2f", seconds)) s\n"
            + "stdout: \(stdout.prefix(2000))\nstderr: \(stderr.prefix(2000))"
    }
}

enum Samspil {
    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the samspil executable was not found next to the test bundle (\(Bundle.main.bundleURL.path)); build it with `swift build --product samspil` or set SAMSPIL_EXECUTABLE" }
    }

    /// Starts `samspil arguments` in the repository root with standard output and
    /// error going to files in `scratch`; `whileRunning` may signal it.
    static func run(_ arguments: [String], in directory: URL = repositoryRoot, environment extra: [String: String] = [:],
                    whileRunning: ((Process, _ stderrFile: URL) throws -> Void)? = nil) throws -> Invocation {
        guard let executable = samspilExecutable else { throw NotBuilt() }
        let scratch = try TemporaryDirectory()
        let outURL = scratch.url.appendingPathComponent("stdout"), errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        do {
            try whileRunning?(process, errURL)
        } catch {
            process.terminate()
            process.waitUntilExit()
            throw error
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        return Invocation(arguments: arguments, status: process.terminationStatus,
                          killedBySignal: process.terminationReason == .uncaughtSignal,
                          stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
                          seconds: seconds)
    }
}

/// A fresh directory, removed with everything in it when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("samspil-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        url = base.resolvingSymlinksInPath()
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Names directly inside the directory, hidden ones included, sorted;
    /// without an output directory's `.samspil-manifest` (see ``allContents(_:)``).
    func contents(_ name: String? = nil) -> [String] {
        allContents(name).filter { $0 != OutputDirectory.manifestName }
    }

    /// Names directly inside the directory, hidden ones and the manifest included, sorted.
    func allContents(_ name: String? = nil) -> [String] {
        let path = name.map(self.path) ?? url.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Short experiment settings for fast runs in a debug build.
let short = ["--horizon-days", "60", "--warmup-days", "7"]
let baseline = "Scenarios/baseline.json5"
let viborg = "Scenarios/viborg-acute-team.json5"

/// A CSV file as header and rows (fails the test if it does not parse).
struct CSVFile {
    var header: [String]
    var rows: [[String]]

    init(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let records = try #require(CSVTable.parse(text), "\(path) is not valid CSV", sourceLocation: sourceLocation)
        header = try #require(records.first, "\(path) is empty", sourceLocation: sourceLocation)
        rows = Array(records.dropFirst())
        for (i, row) in rows.enumerated() {
            #expect(row.count == header.count, "\(path) row \(i + 1) has \(row.count) fields, the header \(header.count)",
                    sourceLocation: sourceLocation)
        }
    }

    /// The column named `name` (fails the test if absent).
    func column(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String] {
        let i = try #require(header.firstIndex(of: name), "no column \(name) in \(header)", sourceLocation: sourceLocation)
        return rows.map { $0[i] }
    }
}

func readResults(_ directory: String) throws -> RunDocument {
    try ResultsJSON.decode(Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("results.json")))
}

/// A document without what legitimately differs between equal results: the
/// tool's command line and machine, the wall-clock time and the number of jobs.
func reproducible(_ document: RunDocument) -> RunDocument {
    var d = document
    d.tool = ToolInfo(name: "", version: "", machine: "", commandLine: [])
    d.experiment.runSeconds = 0
    d.experiment.jobs = 0
    return d
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
