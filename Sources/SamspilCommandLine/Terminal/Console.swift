#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SamspilExperiment

/// Standard output, standard error and what kind of terminal they are.
public struct Console: Sendable {
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    public var environment: [String: String]

    public static var current: Console {
        Console(stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1,
                environment: ProcessInfo.processInfo.environment)
    }

    /// Colour only on a terminal and only when `NO_COLOR` is unset or empty (no-color.org).
    public func useColor(forStderr: Bool) -> Bool {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return !noColor && (forStderr ? stderrIsTerminal : stdoutIsTerminal) && environment["TERM"] != "dumb"
    }

    public func out(_ text: String) { Self.write(1, text) }
    public func err(_ text: String) { Self.write(2, text) }

    static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
        bytes.removeAll()
    }
}

/// A one-line progress bar on standard error: replications done, elapsed time
/// and the estimated time left. Drawn only on a terminal; `\r` redraws it.
final class ProgressBar: @unchecked Sendable {
    private let console: Console
    private let enabled: Bool
    private let start = Date()
    private let lock = DispatchSemaphoreLock()
    private var lastDraw = Date.distantPast
    private let label: String

    init(console: Console, enabled: Bool, label: String) {
        self.console = console
        self.enabled = enabled && console.stderrIsTerminal
        self.label = label
    }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        lock.locked {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let elapsed = now.timeIntervalSince(start)
            let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
            let width = 28
            let filled = total > 0 ? width * done / total : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            console.err("\r\(label) \(bar) \(done)/\(total) replications  \(Self.clock(elapsed)) elapsed  ETA \(Self.clock(eta))  ")
        }
    }

    func finish() {
        guard enabled else { return }
        console.err("\r\u{1B}[2K")
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m" : (s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s")
    }
}
