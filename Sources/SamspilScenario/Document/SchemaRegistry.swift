/// Records, per object kind ("Scenario", "Hospital", …), every key the reading
/// code accepts, whether it is required, what it expects and its default.
///
/// It is filled as a side effect of reading (each `ObjectReader` records the
/// keys it is asked for), and can be filled completely without any document by
/// ``ReadContext/discoverSchema(of:)``, which runs the reading code in a
/// dry-run mode. A documentation test then checks that every accepted key is
/// described in `docs/scenario-format.md`:
///
///     let schema = ReadContext.discoverSchema(of: Scenario.spec)
///     let missing = schema.undocumentedKeys(inMarkdown: try String(contentsOfFile: "docs/scenario-format.md"))
///     #expect(missing.isEmpty, "\(missing)")
public final class SchemaRegistry {
    public struct Key: Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var isRequired: Bool
        /// What the key expects, as used in error messages ("a non-negative number").
        public var expected: String
        /// The default for optional keys, when one was given.
        public var defaultValue: String?

        public var description: String {
            "\(name) (\(isRequired ? "required" : "optional")): \(expected)" + (defaultValue.map { ", default \($0)" } ?? "")
        }
    }

    /// A key the reader accepts that the documentation does not mention.
    public struct UndocumentedKey: Sendable, Equatable, CustomStringConvertible {
        public var kind: String
        public var key: String?
        public var reason: String
        public var description: String { "\(kind)\(key.map { ".\($0)" } ?? ""): \(reason)" }
    }

    public private(set) var kinds: [String] = []
    private var keysByKind: [String: [Key]] = [:]

    public init() {}

    public func keys(of kind: String) -> [Key] { keysByKind[kind] ?? [] }

    public func registerKind(_ kind: String) {
        if keysByKind[kind] == nil {
            keysByKind[kind] = []
            kinds.append(kind)
        }
    }

    /// Records `key` for `kind` (the first record of a key wins).
    public func record(kind: String, key: Key) {
        registerKind(kind)
        if !keysByKind[kind]!.contains(where: { $0.name == key.name }) {
            keysByKind[kind]!.append(key)
        }
    }

    /// Every kind and key not documented in `markdown`. A kind is documented by
    /// a heading that contains its name as a word (`### Hospital`); each of its
    /// keys must appear in backticks (`` `medicalBeds` ``) in that heading's
    /// section (up to the next heading of the same or a higher level).
    public func undocumentedKeys(inMarkdown markdown: String) -> [UndocumentedKey] {
        var result: [UndocumentedKey] = []
        for kind in kinds {
            guard let text = section(of: kind, inMarkdown: markdown) else {
                result.append(UndocumentedKey(kind: kind, key: nil, reason: "no heading names this object kind"))
                continue
            }
            for key in keys(of: kind) where !text.contains("`\(key.name)`") {
                result.append(UndocumentedKey(kind: kind, key: key.name, reason: "key not mentioned (in backticks) in its section"))
            }
        }
        return result
    }

    /// The section of `markdown` that documents `kind`: under the first heading
    /// that names it as a word, up to the next heading of the same or a higher
    /// level (with `subsections: false`, up to the next heading of any level).
    /// - Complexity: O(length of `markdown`).
    public func section(of kind: String, inMarkdown markdown: String, subsections: Bool = true) -> String? {
        struct Section { var level: Int; var title: String; var body: String }
        var sections: [Section] = []
        var inFence = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                sections.append(Section(level: level, title: String(line.dropFirst(level)), body: ""))
            } else if !sections.isEmpty {
                sections[sections.count - 1].body += line + "\n"
            }
        }
        guard let start = sections.firstIndex(where: { section in
            section.title.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).contains { $0 == kind }
        }) else { return nil }
        var text = sections[start].body
        var k = start + 1
        while subsections && k < sections.count && sections[k].level > sections[start].level {
            text += sections[k].title + "\n" + sections[k].body
            k += 1
        }
        return text
    }
}
