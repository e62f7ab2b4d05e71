#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A scenario file with its `extends` chain resolved and merged.
public struct ScenarioDocument: Sendable {
    /// The merged document, without `extends`. Each node keeps the location
    /// (file, line, column) where its value was written.
    public var root: JSONValue
    /// The files read: the one given to the loader first, then its base, and so on.
    public var files: [String]

    public init(root: JSONValue, files: [String]) {
        self.root = root
        self.files = files
    }

    /// The fully resolved scenario as indented JSON (what `samspil show FILE`
    /// prints). With `annotateOrigins`, each member is followed by a
    /// `// file:line` comment naming where its value was written (JSON5 output).
    public func resolvedText(annotateOrigins: Bool = false) -> String {
        JSONPrinter(annotateOrigins: annotateOrigins).print(root)
    }
}

/// Why a file could not be read.
public struct FileReadError: Error, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Loads a scenario file, follows its `"extends"` chain and deep-merges it
/// (see ``DocumentMerge``), reporting every problem to a collector.
///
///     let diagnostics = DiagnosticCollector()
///     let document = ScenarioDocumentLoader().load("scenarios/whatif.json5", diagnostics: diagnostics)
///     if diagnostics.hasErrors { print(diagnostics.render()) }
///
/// `extends` must be a string at the top level of the document: a path
/// relative to the directory of the file that contains it (or absolute).
public struct ScenarioDocumentLoader: Sendable {
    public static let extendsKey = "extends"

    public var parser: JSON5Parser
    /// Longest allowed `extends` chain.
    public var maxInheritanceDepth: Int
    /// Reads a file's bytes; replaceable for tests (see ``inMemory(_:)``).
    public var readFile: @Sendable (String) throws(FileReadError) -> [UInt8]

    public init(
        parser: JSON5Parser = JSON5Parser(), maxInheritanceDepth: Int = 32,
        readFile: @escaping @Sendable (String) throws(FileReadError) -> [UInt8] = { (path: String) throws(FileReadError) in
            try ScenarioDocumentLoader.readFromDisk(path)
        }
    ) {
        self.parser = parser
        self.maxInheritanceDepth = maxInheritanceDepth
        self.readFile = readFile
    }

    /// A loader over in-memory files (path → contents), for tests and tools.
    public static func inMemory(_ files: [String: String]) -> ScenarioDocumentLoader {
        let bytes = Dictionary(
            files.map { (ScenarioPath.normalize($0.key), Array($0.value.utf8)) }, uniquingKeysWith: { first, _ in first })
        return ScenarioDocumentLoader { (path: String) throws(FileReadError) -> [UInt8] in
            guard let contents = bytes[ScenarioPath.normalize(path)] else { throw FileReadError("no such file") }
            return contents
        }
    }

    /// Largest scenario file accepted by ``readFromDisk(_:)``.
    public static let maxFileSize = 64 << 20

    public static func readFromDisk(_ path: String) throws(FileReadError) -> [UInt8] {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { throw FileReadError("no such file") }
        guard let data = manager.contents(atPath: path) else {
            throw FileReadError("the file cannot be read (is it a directory, or not readable?)")
        }
        guard data.count <= maxFileSize else {
            throw FileReadError("the file is larger than \(maxFileSize >> 20) MB")
        }
        return [UInt8](data)
    }

    /// Loads `path` and its bases. Returns the merged document, or `nil` if no
    /// document could be built (unreadable file, syntax error, cycle, …). A
    /// document may be returned together with errors (e.g. duplicate keys), so
    /// always check `diagnostics.hasErrors`.
    /// Problems in a base file also name the file that was given (see ``InheritanceContext``).
    public func load(_ path: String, diagnostics: DiagnosticCollector) -> ScenarioDocument? {
        let before = diagnostics.diagnostics.count
        var files: [String] = []
        let document = load(path, diagnostics: diagnostics, files: &files)
        let all = diagnostics.drain()
        for diagnostic in all[..<before] + InheritanceContext.annotate(Array(all[before...]), chain: files) {
            diagnostics.report(diagnostic)
        }
        return document
    }

    private func load(_ path: String, diagnostics: DiagnosticCollector, files: inout [String]) -> ScenarioDocument? {
        var layers: [JSONValue] = []  // the given file first
        var current = ScenarioPath.normalize(path)
        var extendsLocation: SourceLocation? = nil  // where the current file was named

        while true {
            if let cycleStart = files.firstIndex(of: current) {
                let chain = (files[cycleStart...] + [current]).joined(separator: " → ")
                diagnostics.error("'extends' forms a cycle: \(chain)", at: extendsLocation, path: [.key(Self.extendsKey)])
                return nil
            }
            if files.count > maxInheritanceDepth {
                diagnostics.error(
                    "too many levels of 'extends' (more than \(maxInheritanceDepth))", at: extendsLocation,
                    path: [.key(Self.extendsKey)])
                return nil
            }
            let bytes: [UInt8]
            do {
                bytes = try readFile(current)
            } catch {
                if let extendsLocation, let referrer = files.last {
                    diagnostics.error(
                        "cannot read base scenario '\(current)' (named in \(referrer)): \(error.reason)",
                        at: extendsLocation, path: [.key(Self.extendsKey)])
                } else {
                    diagnostics.report(Diagnostic(.error, "cannot read scenario file: \(error.reason)", at: nil, file: current))
                }
                return nil
            }
            files.append(current)
            guard let root = parser.parse(bytes, file: current, diagnostics: diagnostics) else { return nil }
            guard var object = root.objectValue else {
                diagnostics.error("expected a scenario object, found \(root.foundDescription)", at: root.location)
                return nil
            }
            guard let extends = object.member(Self.extendsKey) else {
                layers.append(root)
                break
            }
            object[Self.extendsKey] = nil
            layers.append(JSONValue(.object(object), at: root.location))
            guard let base = extends.value.stringValue, !base.isEmpty else {
                diagnostics.error(
                    "expected the path of the base scenario (a string), found \(extends.value.foundDescription)",
                    at: extends.value.location, path: [.key(Self.extendsKey)])
                return nil
            }
            current = ScenarioPath.resolve(base, relativeTo: current)
            extendsLocation = extends.value.location
        }

        var merged = DocumentMerge.normalize(layers.removeLast(), diagnostics: diagnostics)
        while let layer = layers.popLast() {
            merged = DocumentMerge.merge(base: merged, override: layer, diagnostics: diagnostics)
        }
        return ScenarioDocument(root: merged, files: files)
    }
}

/// Lexical path handling for `extends` (no file-system access, `/` separators).
public enum ScenarioPath {
    /// Removes `.` components, folds `a/..`, collapses repeated `/`.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == ".." && absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The directory part of `path` ("" for a bare file name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `reference` resolved against the directory of `file`.
    public static func resolve(_ reference: String, relativeTo file: String) -> String {
        if reference.hasPrefix("/") { return normalize(reference) }
        let directory = directory(of: file)
        return normalize(directory.isEmpty ? reference : directory + "/" + reference)
    }
}
