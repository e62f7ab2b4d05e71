/// Prints a `JSONValue` as indented JSON text: keys in document order, numbers
/// in their shortest round-tripping form, non-ASCII characters as is.
///
/// The output is standard JSON except for non-finite numbers, which print as
/// the JSON5 literals `Infinity`, `-Infinity` and `NaN` (a resolved scenario
/// never contains them; the reading layer rejects them). Parsing the output
/// gives back an equal document: `parse(print(x)) == x`.
public struct JSONPrinter: Sendable {
    /// Spaces per level.
    public var indent: Int
    /// Arrays of numbers, booleans and nulls (and short strings) are printed on
    /// one line when that line stays within this width, so 24 hour weights take
    /// one line rather than 24.
    public var maxLineWidth: Int
    /// Append `// file:line` after each object member whose value came from a
    /// file, so `samspil show` tells where every setting was written.
    public var annotateOrigins: Bool

    public init(indent: Int = 2, maxLineWidth: Int = 100, annotateOrigins: Bool = false) {
        self.indent = max(0, indent)
        self.maxLineWidth = maxLineWidth
        self.annotateOrigins = annotateOrigins
    }

    public func print(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(value, level: 0, column: 0, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal for `text`, with `"`, `\` and control characters
    /// (and U+2028/U+2029) escaped.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        appendQuoted(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendQuoted(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: [0x5C, 0x22])
            case "\\": out.append(contentsOf: [0x5C, 0x5C])
            case "\n": out.append(contentsOf: [0x5C, 0x6E])
            case "\r": out.append(contentsOf: [0x5C, 0x72])
            case "\t": out.append(contentsOf: [0x5C, 0x74])
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out.append(contentsOf: "\\u\(String(repeating: "0", count: 4 - hex.count))\(hex)".utf8)
                } else {
                    Unicode.UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(0x22)
    }

    private func newline(_ level: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: level * indent))
    }

    private func write(_ value: JSONValue, level: Int, column: Int, into out: inout [UInt8]) {
        switch value.kind {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.description.utf8)
        case .string(let s): JSONPrinter.appendQuoted(s, into: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else if let inline = inlineArray(elements), column + inline.count <= maxLineWidth {
                out.append(contentsOf: inline)
            } else {
                out.append(0x5B)
                for (k, element) in elements.enumerated() {
                    newline(level + 1, into: &out)
                    write(element, level: level + 1, column: (level + 1) * indent, into: &out)
                    if k + 1 < elements.count { out.append(0x2C) }
                }
                newline(level, into: &out)
                out.append(0x5D)
            }
        case .object(let object):
            if object.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(0x7B)
            for (k, member) in object.members.enumerated() {
                newline(level + 1, into: &out)
                let keyStart = out.count
                JSONPrinter.appendQuoted(member.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                let column = (level + 1) * indent + (out.count - keyStart)
                write(member.value, level: level + 1, column: column, into: &out)
                if k + 1 < object.members.count { out.append(0x2C) }
                if annotateOrigins && !member.keyLocation.isSynthesized {
                    out.append(contentsOf: "  // \(member.keyLocation.file):\(member.keyLocation.line)".utf8)
                }
            }
            newline(level, into: &out)
            out.append(0x7D)
        }
    }

    /// `[1, 2.5, true]` if every element is a scalar, else `nil`.
    private func inlineArray(_ elements: [JSONValue]) -> [UInt8]? {
        var out: [UInt8] = [0x5B]
        for (k, element) in elements.enumerated() {
            if k > 0 { out.append(contentsOf: ", ".utf8) }
            switch element.kind {
            case .array, .object: return nil
            case .string(let s) where s.utf8.count > 24: return nil
            default: write(element, level: 0, column: 0, into: &out)
            }
            if out.count > maxLineWidth { return nil }
        }
        out.append(0x5D)
        return out
    }
}
