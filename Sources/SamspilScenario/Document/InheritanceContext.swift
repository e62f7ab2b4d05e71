/// Messages about a scenario built from several files: an error in a base
/// file names the file the user ran as well, and very deep JSON paths are
/// shortened so the message stays one readable line.
///
///     deep.json5:3:5: error: simulation.replications: expected … (in base deep.json5, extended by mine.json5)
public enum InheritanceContext {
    /// `diagnostics` with a note of the `extends` chain appended to each whose
    /// file is a base. `chain` is the files read: the one the user gave first,
    /// then its base, and so on (``ScenarioDocument/files``).
    ///
    /// - Complexity: O(diagnostics × chain length).
    public static func annotate(_ diagnostics: [Diagnostic], chain: [String]) -> [Diagnostic] {
        guard chain.count > 1 else { return diagnostics }
        return diagnostics.map { diagnostic in
            guard let file = diagnostic.file, let level = chain.firstIndex(of: file), level > 0 else { return diagnostic }
            var annotated = diagnostic
            annotated.message += " (" + description(level: level, chain: chain) + ")"
            return annotated
        }
    }

    /// "in base deep.json5, extended by mine.json5", or with a longer chain
    /// "in base deep.json5, extended by mid.json5, which mine.json5 extends".
    static func description(level: Int, chain: [String]) -> String {
        var text = "in base \(chain[level]), extended by \(chain[level - 1])"
        if level > 1 {
            let between = level > 2 ? " (through \(level - 2) more)" : ""
            text += ", which \(chain[0]) extends\(between)"
        }
        return text
    }
}

extension JSONPath {
    /// Components kept at each end of an abbreviated path.
    public static let abbreviationEnds = 4

    /// The path, with the middle of a very deep one (more than 9 components)
    /// replaced by "…": `a.b.c.d.….w.x.y.z`.
    ///
    /// - Complexity: O(components).
    public var abbreviatedDescription: String {
        let ends = Self.abbreviationEnds
        guard components.count > 2 * ends + 1 else { return description }
        let tail = Array(components.suffix(ends))
        var separator = ""
        if case .key(let key) = tail[0], Self.isPlainIdentifier(key) { separator = "." }
        return JSONPath(Array(components.prefix(ends))).description + ".…" + separator + JSONPath(tail).description
    }
}
