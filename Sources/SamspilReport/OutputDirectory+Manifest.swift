import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ownership of an output directory's files (the manifest) and the checks a
/// destination must pass before any work is done.
extension OutputDirectory {
    static let manifestHeader = "# Files samspil wrote here; the next run into this directory replaces them. Other files are left alone."

    /// The manifest's bytes for `names`.
    static func manifest(_ names: [String]) -> Data {
        Data(([manifestHeader] + names.sorted()).map { $0 + "\n" }.joined().utf8)
    }

    /// The names a manifest lists (plain names only: a hand-edited `../x` is ignored).
    static func names(inManifest text: String) -> Set<String> {
        Set(text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("#") && isPlainName($0) })
    }

    /// The files of the previous result in the directory: the manifest's list,
    /// or, without a manifest, the ``legacyOwnedNames`` present next to a `results.json`.
    ///
    /// - Complexity: O(size of the manifest).
    public func ownedNames() -> Set<String> {
        let fm = FileManager.default
        if let data = fm.contents(atPath: url.appendingPathComponent(Self.manifestName).path) {
            return Self.names(inManifest: String(decoding: data, as: UTF8.self))
        }
        guard fm.fileExists(atPath: url.appendingPathComponent("results.json").path) else { return [] }
        return legacyOwnedNames.filter { fm.fileExists(atPath: url.appendingPathComponent($0).path) }
    }

    /// Publishes the staged files into the existing directory and removes the
    /// previous result's files that the new one lacks.
    ///
    /// Order matters for a crash half-way: first a manifest naming both sets (so
    /// no stale file is ever orphaned as a "foreign" file), then the new files
    /// one atomic rename each, then the stale files, then the final manifest.
    func replaceOwnedFiles(with names: [String], from staging: URL) throws {
        let stale = ownedNames().subtracting(names)
        let manifestPath = url.appendingPathComponent(Self.manifestName).path
        if !stale.isEmpty {
            let interim = staging.appendingPathComponent(Self.manifestName + ".interim").path
            try Self.writeDurably(Self.manifest(names + stale), to: interim)
            try Self.rename(interim, manifestPath)
        }
        for name in names {
            try Self.rename(staging.appendingPathComponent(name).path, url.appendingPathComponent(name).path)
        }
        for name in stale {
            // Only regular files: a link or directory of the same name is not ours to remove.
            var info = stat()
            let path = url.appendingPathComponent(name).path
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(path) }
        }
        try Self.rename(staging.appendingPathComponent(Self.manifestName).path, manifestPath)
        Self.syncDirectory(url.path)
    }

    /// Checks, before any work, that a result could be committed here: the path
    /// is not empty, is a directory or does not exist yet, every existing
    /// ancestor is a directory, and the places written are writable. Creates nothing.
    ///
    /// - Complexity: O(depth of the path) file-system look-ups.
    public func checkDestination() throws(Failure) {
        guard !url.path.isEmpty, url.path != "/" else { throw .invalidFileName(url.path) }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notADirectory(url.path) }
            guard access(url.path, W_OK | X_OK) == 0 else { throw .io(operation: "write into", path: url.path, errno: EACCES) }
        }
        var ancestor = url.deletingLastPathComponent()
        while true {
            if fm.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw .notADirectory(ancestor.path) }
                guard access(ancestor.path, W_OK | X_OK) == 0 else {
                    throw .io(operation: "write into", path: ancestor.path, errno: EACCES)
                }
                return
            }
            if ancestor.path == "/" || ancestor.path.isEmpty { return }
            ancestor.deleteLastPathComponent()
        }
    }
}
