import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output directory, so two runs never write into the
/// same `--out` at once (one would delete the other's staging directory, or
/// both would publish half of a result).
///
/// The lock is `flock(2)` on a hidden sibling file `.NAME.samspil-lock` (a
/// sibling, because the directory itself may not exist yet and is replaced by
/// a rename when it does not). The kernel releases the lock when the process
/// ends, however it ends, so a crashed run never blocks the next one; a lock
/// file left by a crash is simply reused. ``release()`` removes the file.
public final class OutputLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    private var descriptor: Int32

    /// Another process holds the lock.
    public struct Busy: Error, CustomStringConvertible {
        public var directory: String
        public var holder: Int32?
        public var description: String {
            "another samspil run\(holder.map { " (process \($0))" } ?? "") is writing to \(directory); "
                + "wait for it to finish or choose another --out"
        }
    }

    /// The lock file's location for `directory`.
    public static func lockFile(for directory: URL) -> URL {
        let directory = directory.standardizedFileURL
        return directory.deletingLastPathComponent().appendingPathComponent("." + directory.lastPathComponent + ".samspil-lock")
    }

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    /// Takes the lock for `directory` without waiting, creating the parent
    /// directory if needed. Throws ``Busy`` when another process holds it.
    ///
    /// - Complexity: O(1) system calls (a retry only when a holder removed the file meanwhile).
    public static func acquire(for directory: URL) throws -> OutputLock {
        try FileManager.default.createDirectory(at: directory.standardizedFileURL.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        // Two spellings of one directory (through a symbolic link) share one lock.
        let url = lockFile(for: directory.standardizedFileURL.resolvingSymlinksInPath())
        // A holder removes the file before it unlocks, so a lock taken on a file
        // that is no longer at the path is worthless: try again on the new file.
        for _ in 0..<100 {
            let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw OutputDirectory.Failure.io(operation: "create the lock file", path: url.path, errno: errno) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                let code = errno
                let holder = busy ? readHolder(fd) : nil
                close(fd)
                if busy { throw Busy(directory: directory.path, holder: holder) }
                throw OutputDirectory.Failure.io(operation: "lock", path: url.path, errno: code)
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(url.path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                let pid = Array("\(getpid())\n".utf8)
                _ = ftruncate(fd, 0)
                _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
                return OutputLock(url: url, descriptor: fd)
            }
            close(fd)
        }
        throw Busy(directory: directory.path, holder: nil)
    }

    /// The process id the holder wrote into the lock file, if readable.
    private static func readHolder(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Removes the lock file and releases the lock (idempotent).
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(url.path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
