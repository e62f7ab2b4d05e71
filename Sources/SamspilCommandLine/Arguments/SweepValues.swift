import Foundation
import SamspilReport
/// The values of a `sweep --set PATH=…`: ranges expanded, and a hint when a
/// bare word was meant as a string.
enum SweepValues {
    /// At most this many points from one range.
    static let maximumRangePoints = 1_000

    /// Expands every `FROM:TO:STEP` (numbers, STEP > 0, TO included within
    /// rounding) into its values; other values pass through unchanged.
    static func expand(_ values: [String], path: String) throws(UsageError) -> [String] {
        var result: [String] = []
        for value in values {
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, let from = NumberSyntax.decimal(String(parts[0])), let to = NumberSyntax.decimal(String(parts[1])),
                  let step = NumberSyntax.decimal(String(parts[2])) else {
                result.append(value)
                continue
            }
            guard step > 0, to >= from else {
                throw UsageError("--set \(path): the range \(value) needs FROM ≤ TO and a positive STEP", command: "sweep")
            }
            let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
            guard count <= maximumRangePoints else {
                throw UsageError("--set \(path): the range \(value) has \(count) points, more than \(maximumRangePoints)", command: "sweep")
            }
            // Each point computed from FROM (no accumulated rounding), printed shortest.
            let digits = [parts[0], parts[2]].map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }.max() ?? 0
            for k in 0..<count {
                let x = from + Double(k) * step
                result.append(digits == 0 ? String(Int(x.rounded())) : String(format: "%.\(digits)f", x))
            }
        }
        return result
    }

    /// A hint for a value that failed to parse: a bare word (`dk-2027`) is not
    /// a JSON5 value, but the same word in quotes is a string.
    static func quotingHint(_ text: String, path: String) -> String {
        let bare = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_./+".contains($0) } && text.first!.isLetter
        return bare ? "; to give a string, quote it: --set '\(path)=\"\(text)\"'" : ""
    }

    /// The grid point `text` names for `--base`: its label, or its values in
    /// parameter order separated by commas (`4` or `4,0.6`; spaces and quotes
    /// ignored); nil when no point matches.
    /// - Complexity: O(points × parameters).
    static func point(_ text: String, in sweep: SweepInfo, labels: [String]) -> Int? {
        func plain(_ s: String) -> String { s.filter { $0 != " " && $0 != "\"" && $0 != "'" } }
        let wanted = plain(text)
        if let i = labels.firstIndex(where: { plain($0) == wanted }) { return i }
        return sweep.points.firstIndex { point in
            plain(point.enumerated().map { sweep.parameters[$0.offset].values[$0.element] }.joined(separator: ",")) == wanted
        }
    }
}
