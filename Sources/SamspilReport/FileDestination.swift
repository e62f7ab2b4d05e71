import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A single output file (such as `--trace FILE`), checked before any work and
/// replaced atomically after it.
///
/// - A symbolic link is followed: the file it points to receives the new
///   contents and the link stays a link.
/// - A FIFO, device, socket or directory is refused (``Problem``): such a
///   destination is never replaced by a regular file.
/// - The new contents are written to a hidden temporary file next to the final
///   target and renamed over it, so a reader sees the old file or the complete
///   new one.
public struct FileDestination: Sendable, Equatable {
    /// The path as given.
    public let path: String
    /// The path written: `path` with symbolic links followed.
    public let target: String

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case emptyPath
        case notARegularFile(path: String, kind: String)
        case missingDirectory(String)
        case unwritableDirectory(String)
        case tooManyLinks(String)

        public var description: String {
            switch self {
            case .emptyPath: "the path is empty"
            case .notARegularFile(let path, let kind): "'\(path)' is \(kind), not a regular file; give a file path"
            case .missingDirectory(let d): "the directory '\(d)' does not exist"
            case .unwritableDirectory(let d): "the directory '\(d)' is not writable"
            case .tooManyLinks(let p): "'\(p)' has too many levels of symbolic links"
            }
        }
    }

    /// Checks that `path` can receive a regular file (see the type's rules).
    ///
    /// - Complexity: O(number of symbolic links followed), at most 40.
    public static func check(_ path: String) throws(Problem) -> FileDestination {
        guard !path.isEmpty else { throw .emptyPath }
        var target = path
        var info = stat()
        var links = 0
        while lstat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            links += 1
            guard links <= 40, let next = try? FileManager.default.destinationOfSymbolicLink(atPath: target) else {
                throw .tooManyLinks(path)
            }
            target = next.hasPrefix("/") ? next : (directory(of: target) as NSString).appendingPathComponent(next)
        }
        if lstat(target, &info) == 0, let kind = kind(info.st_mode) { throw .notARegularFile(path: path, kind: kind) }
        let parent = directory(of: target)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(parent)
        }
        guard access(parent, W_OK | X_OK) == 0 else { throw .unwritableDirectory(parent) }
        return FileDestination(path: path, target: target)
    }

    private init(path: String, target: String) {
        self.path = path
        self.target = target
    }

    /// What a file of mode `mode` is, when it is not a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    static func directory(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Writes `data` to a temporary file beside the target; ``StagedFile/publish()``
    /// moves it into place, ``StagedFile/discard()`` removes it.
    public func stage(_ data: Data) throws -> StagedFile {
        let name = "." + (target as NSString).lastPathComponent + ".partial-" + UUID().uuidString
        let temporary = (Self.directory(of: target) as NSString).appendingPathComponent(name)
        do {
            try OutputDirectory.writeDurably(data, to: temporary)
            // Keep the permissions of the file being replaced.
            var info = stat()
            if stat(target, &info) == 0 { _ = chmod(temporary, info.st_mode & 0o7777) }
        } catch {
            unlink(temporary)
            throw error
        }
        return StagedFile(temporary: temporary, target: target)
    }
}

/// A file written next to its destination, not yet in place.
public struct StagedFile: Sendable {
    let temporary: String
    let target: String

    /// Renames the staged file over its target (atomic).
    public func publish() throws {
        try OutputDirectory.rename(temporary, target)
        OutputDirectory.syncDirectory(FileDestination.directory(of: target))
    }

    /// Removes the staged file.
    public func discard() { unlink(temporary) }
}
