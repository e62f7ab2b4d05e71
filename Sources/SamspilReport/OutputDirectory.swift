import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of a run's output: its name inside the output directory and a
/// closure producing its bytes.
///
/// Contents are produced lazily, while writing, so that a failure rendering
/// the last file (the HTML report, say) still aborts the whole set before
/// anything is published.
public struct OutputFile: Sendable {
    public var name: String
    /// Renders the file piece by piece: calls `emit` with each piece in order.
    /// A large file (`replications.csv`) is then never held whole in memory.
    public var write: @Sendable (_ emit: (Data) throws -> Void) throws -> Void

    public init(name: String, contents: @escaping @Sendable () throws -> Data) {
        self.name = name
        self.write = { emit in try emit(try contents()) }
    }

    public init(name: String, text: String) {
        self.name = name
        self.write = { emit in try emit(Data(text.utf8)) }
    }

    /// A file written in pieces (see ``write``).
    public init(name: String, pieces: @escaping @Sendable (_ emit: (Data) throws -> Void) throws -> Void) {
        self.name = name
        self.write = pieces
    }

    /// The whole file at once (for tests and small files).
    /// - Complexity: O(size of the file).
    public func contents() throws -> Data {
        var data = Data()
        try write { data.append($0) }
        return data
    }
}

/// Writes a run's files all-or-nothing.
///
/// Every file is first written (and flushed to disk) into a private staging
/// directory next to the destination — a sibling, so it is on the same file
/// system and `rename(2)` is atomic. Only when all of them were written is
/// anything moved into place:
///
/// - If the destination does not exist, the staging directory is renamed to
///   it in one atomic step: readers see either nothing or the complete set.
/// - If it exists (re-running into the same folder), each file is renamed over
///   its old version. Each rename is atomic, so no reader ever sees a
///   half-written file and a complete old file is only ever replaced by a
///   complete new one; a crash *during* this short phase can leave a mix of
///   complete old and complete new files, never a truncated one.
///
/// The directory holds exactly one result: Samspil records the files it wrote
/// in a manifest, `.samspil-manifest`, and a later commit replaces that whole
/// set — files of the previous result that the new one does not have (a
/// `comparison.csv` after a `compare`, when the new run is a `run`) are
/// removed. Files Samspil did not write are left alone. A directory without a
/// manifest (written by an older version) is treated as owning the
/// ``legacyOwnedNames`` it contains when it holds a `results.json`.
///
/// If producing or writing any file fails, the staging directory is removed
/// and the destination is untouched. A process killed while staging leaves
/// only a hidden `.NAME.partial-…` sibling, which ``removeStaleStaging()``
/// (called by ``commit(_:)``) clears on the next run.
public struct OutputDirectory: Sendable {
    public let url: URL
    /// Names owned in a directory that has no manifest but a `results.json`.
    public var legacyOwnedNames: Set<String>

    /// The manifest: the names of the files Samspil wrote, one a line.
    public static let manifestName = ".samspil-manifest"

    public init(_ url: URL, legacyOwnedNames: Set<String> = ReportOutput.knownFileNames) {
        self.url = url.standardizedFileURL
        self.legacyOwnedNames = legacyOwnedNames
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case invalidFileName(String)
        case duplicateFileName(String)
        case notADirectory(String)
        case io(operation: String, path: String, errno: Int32)

        public var description: String {
            switch self {
            case .invalidFileName(let n): "invalid output file name '\(n)' (plain names only, no '/' or '..')"
            case .duplicateFileName(let n): "output file '\(n)' given twice"
            case .notADirectory(let p): "'\(p)' exists and is not a directory"
            case .io(let op, let path, let e): "\(op) '\(path)': \(String(cString: strerror(e)))"
            }
        }
    }

    /// The prefix of staging directories for this destination.
    var stagingPrefix: String { "." + url.lastPathComponent + ".partial-" }

    /// Writes `files` into the directory, all or nothing (see the type's
    /// documentation). Returns the URLs of the published files.
    ///
    /// - Complexity: O(total bytes) plus one `fsync` per file.
    @discardableResult
    public func commit(_ files: [OutputFile], beforePublishing: () throws -> Void = {}) throws -> [URL] {
        var seen = Set<String>()
        for file in files {
            guard Self.isPlainName(file.name), file.name != Self.manifestName else { throw Failure.invalidFileName(file.name) }
            guard seen.insert(file.name).inserted else { throw Failure.duplicateFileName(file.name) }
        }
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            // Name the regular file in the way rather than Foundation's generic error.
            var ancestor = parent.standardizedFileURL
            while ancestor.path != "/" && !ancestor.path.isEmpty {
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                    if !isDirectory.boolValue { throw Failure.notADirectory(ancestor.path) }
                    break
                }
                ancestor.deleteLastPathComponent()
            }
            throw error
        }
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue { throw Failure.notADirectory(url.path) }
        removeStaleStaging()

        let staging = parent.appendingPathComponent(stagingPrefix + UUID().uuidString, isDirectory: true)
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        var published = false
        defer { if !published { try? fm.removeItem(at: staging) } }

        for file in files {
            try Self.writeDurably(file, to: staging.appendingPathComponent(file.name).path)
        }
        let names = files.map(\.name)
        try Self.writeDurably(Self.manifest(names), to: staging.appendingPathComponent(Self.manifestName).path)
        try beforePublishing()

        if !exists {
            try Self.rename(staging.path, url.path)
            published = true
            Self.syncDirectory(parent.path)
        } else {
            try replaceOwnedFiles(with: names, from: staging)
        }
        return files.map { url.appendingPathComponent($0.name) }
    }

    /// Removes staging directories left behind by interrupted runs for this
    /// destination.
    public func removeStaleStaging() {
        let fm = FileManager.default
        let parent = url.deletingLastPathComponent()
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Whether `name` is a single path component that cannot escape the directory.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }

    static func writeDurably(_ data: Data, to path: String) throws {
        try writeDurably(OutputFile(name: "", contents: { data }), to: path)
    }

    /// Creates `path` and writes `file` into it piece by piece, then flushes it to disk.
    static func writeDurably(_ file: OutputFile, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure.io(operation: "create", path: path, errno: errno) }
        defer { close(fd) }
        try file.write { data in
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw Failure.io(operation: "write", path: path, errno: errno)
                    }
                    offset += n
                }
            }
        }
        guard fsync(fd) == 0 else { throw Failure.io(operation: "fsync", path: path, errno: errno) }
    }

    static func rename(_ from: String, _ to: String) throws {
        #if canImport(Glibc)
        let result = Glibc.rename(from, to)
        #elseif canImport(Musl)
        let result = Musl.rename(from, to)
        #else
        let result = Darwin.rename(from, to)
        #endif
        guard result == 0 else { throw Failure.io(operation: "rename to", path: to, errno: errno) }
    }

    /// Makes the renames themselves durable (best effort).
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
