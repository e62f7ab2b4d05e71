/// "Did you mean …?" suggestions for misspelt keys and enum values.
public enum Suggestions {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Comparison ignores case, `_` and `-` (so `medical_beds` and `MedicalBeds`
    /// both suggest `medicalBeds`) and uses the optimal-string-alignment
    /// Damerau–Levenshtein distance (a transposition costs 1). A candidate
    /// qualifies if its distance is at most a third of the longer length
    /// (at least 1, at most 3). Ties go to the earlier candidate.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = normalized(word)
        guard !target.isEmpty, target.count <= 200 else { return nil }
        var best: (candidate: String, distance: Int)? = nil
        for candidate in candidates where candidate != word {
            let other = normalized(candidate)
            guard other.count <= 200 else { continue }
            let limit = min(3, max(1, max(target.count, other.count) / 3))
            guard abs(target.count - other.count) <= limit else { continue }
            let d = distance(target, other)
            if d <= limit && (best == nil || d < best!.distance) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// Optimal-string-alignment distance between two scalar arrays.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var previous2 = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: width)
        for x in 1...a.count {
            row[0] = x
            for y in 1...b.count {
                let cost = a[x - 1] == b[y - 1] ? 0 : 1
                var value = min(previous[y] + 1, row[y - 1] + 1, previous[y - 1] + cost)
                if x > 1 && y > 1 && a[x - 1] == b[y - 2] && a[x - 2] == b[y - 1] {
                    value = min(value, previous2[y - 2] + 1)
                }
                row[y] = value
            }
            swap(&previous2, &previous)
            swap(&previous, &row)
        }
        return previous[b.count]
    }

    static func normalized(_ word: String) -> [Unicode.Scalar] {
        word.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " }
    }
}
