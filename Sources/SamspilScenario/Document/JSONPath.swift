/// The path from a document's root to a value, e.g. `hospitals[2].medicalBeds`.
///
/// Keys that are plain identifiers render with a dot; other keys render in
/// brackets with quotes (`mix["age 65+"]`). The root path renders as `(root)`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    @inlinable
    public init(_ components: [Component] = []) { self.components = components }

    public init(arrayLiteral elements: Component...) { self.components = elements }

    public static let root = JSONPath()

    public var isRoot: Bool { components.isEmpty }

    @inlinable
    public func appending(key: String) -> JSONPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    @inlinable
    public func appending(index: Int) -> JSONPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    public var description: String {
        if components.isEmpty { return "(root)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if JSONPath.isPlainIdentifier(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "["
                    text += JSONPrinter.quoted(key)
                    text += "]"
                }
            }
        }
        return text
    }

    /// `[A-Za-z_$][A-Za-z0-9_$]*`: keys that need no quotes in a path (or in JSON5).
    public static func isPlainIdentifier(_ key: String) -> Bool {
        var first = true
        for byte in key.utf8 {
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x24
            let isDigit = byte >= 0x30 && byte <= 0x39
            if !(isLetter || (!first && isDigit)) { return false }
            first = false
        }
        return !first
    }
}
