import SamspilExperiment
/// The number syntax options accept: plain decimal, nothing more.
///
/// Swift's `Int(_:)` and `Double(_:)` accept more than a person means on a
/// command line (`+2`, `0x10`, `1e3`, `inf`), and a K/N split at every `/`
/// read `1//2` as 1/2. A typo must be an error, never a different number, so:
///
/// - integer: an optional `-`, then ASCII digits (`42`, `-3`, `007`);
/// - decimal: an integer, optionally followed by `.` and digits (`0.5`, `365`);
///
/// no sign `+`, spaces, exponents, hexadecimal, `inf` or `nan`.
enum NumberSyntax {
    /// `text` as an integer in the syntax above, or nil (also when it does not fit in `Int`).
    static func integer(_ text: String) -> Int? {
        guard isInteger(Substring(text)) else { return nil }
        return Int(text)
    }

    /// `text` as a finite decimal in the syntax above, or nil.
    static func decimal(_ text: String) -> Double? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard isInteger(parts[0]) else { return nil }
        if parts.count == 2, parts[1].isEmpty || !parts[1].utf8.allSatisfy(isDigit) { return nil }
        return Double(text).flatMap { $0.isFinite ? $0 : nil }
    }

    /// `K/N` with both whole numbers in the syntax above and 1 ≤ K ≤ N.
    static func shard(_ text: String) -> Shard? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = integer(String(parts[0])), let n = integer(String(parts[1])),
              n >= 1, (1...n).contains(k) else { return nil }
        return Shard(index: k, count: n)
    }

    private static func isInteger(_ text: Substring) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : text
        return !digits.isEmpty && digits.utf8.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
