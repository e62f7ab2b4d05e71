/// A hand-written JSON5 parser over UTF-8 bytes that records the location of
/// every node and reports syntax errors with file, line, column, what was found
/// and what was expected.
///
/// Accepted syntax (see docs/guides/scenario-documents.md):
/// - `//` line and `/* */` block comments, trailing commas in objects and arrays;
/// - unquoted identifier keys (`beds: 3`), single- or double-quoted strings with
///   escapes `\" \' \\ \/ \b \f \n \r \t \v \0 \xHH \uXXXX` (surrogate pairs
///   combine), and backslash-newline line continuations;
/// - hex integers (`0x1F`), leading/trailing decimal points (`.5`, `5.`), an
///   explicit `+`, `Infinity`, `-Infinity` and `NaN` (the reading layer rejects
///   non-finite numbers later, with a path).
///
/// Deliberately stricter than JSON5: duplicate keys in one object are errors
/// (with both locations), unknown escapes such as `\d` are errors (they are
/// almost always a Windows path or a typo), and nesting is limited to
/// `Options.maxDepth` levels. Invalid UTF-8 is an error. The parser is
/// iterative, so no input can overflow the stack, and it never traps.
public struct JSON5Parser: Sendable {
    public struct Options: Sendable {
        /// Maximum nesting of objects and arrays.
        public var maxDepth: Int

        public init(maxDepth: Int = 256) {
            self.maxDepth = maxDepth
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Parses `bytes` (the UTF-8 contents of `file`). Returns the document, or
    /// `nil` after reporting a syntax error. Duplicate keys are reported as
    /// errors but do not stop parsing: the first occurrence is kept and a value
    /// is still returned, so callers must check `diagnostics.hasErrors`.
    public func parse(_ bytes: [UInt8], file: String, diagnostics: DiagnosticCollector) -> JSONValue? {
        bytes.withUnsafeBufferPointer { buffer in
            var core = JSON5ParserCore(
                buffer: buffer, file: file, maxDepth: max(1, options.maxDepth), diagnostics: diagnostics)
            do throws(JSON5SyntaxError) {
                return try core.parseDocument()
            } catch {
                diagnostics.report(error.diagnostic)
                return nil
            }
        }
    }

    /// Parses `text`, reporting into `diagnostics`.
    public func parse(_ text: String, file: String = "<input>", diagnostics: DiagnosticCollector) -> JSONValue? {
        parse(Array(text.utf8), file: file, diagnostics: diagnostics)
    }

    /// Convenience: parses `text` and throws all diagnostics if there was any error.
    public static func parse(_ text: String, file: String = "<input>") throws(DiagnosticError) -> JSONValue {
        let diagnostics = DiagnosticCollector()
        let value = JSON5Parser().parse(text, file: file, diagnostics: diagnostics)
        if let value, !diagnostics.hasErrors { return value }
        throw DiagnosticError(diagnostics.sorted)
    }
}

struct JSON5SyntaxError: Error {
    var diagnostic: Diagnostic
}

// ASCII bytes used by the parser.
let cTab: UInt8 = 0x09, cLF: UInt8 = 0x0A, cVT: UInt8 = 0x0B, cFF: UInt8 = 0x0C, cCR: UInt8 = 0x0D
let cSpace: UInt8 = 0x20, cQuote: UInt8 = 0x22, cDollar: UInt8 = 0x24, cApostrophe: UInt8 = 0x27
let cStar: UInt8 = 0x2A, cPlus: UInt8 = 0x2B, cComma: UInt8 = 0x2C, cMinus: UInt8 = 0x2D
let cDot: UInt8 = 0x2E, cSlash: UInt8 = 0x2F, c0: UInt8 = 0x30, c9: UInt8 = 0x39
let cColon: UInt8 = 0x3A, cLBracket: UInt8 = 0x5B, cBackslash: UInt8 = 0x5C, cRBracket: UInt8 = 0x5D
let cUnderscore: UInt8 = 0x5F, cLBrace: UInt8 = 0x7B, cRBrace: UInt8 = 0x7D

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- c0 < 10 }
@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
@inline(__always) func isIdentifierStartASCII(_ b: UInt8) -> Bool {
    isASCIILetter(b) || b == cUnderscore || b == cDollar
}
@inline(__always) func isIdentifierPartASCII(_ b: UInt8) -> Bool {
    isIdentifierStartASCII(b) || isDigit(b)
}
@inline(__always) func hexValue(_ b: UInt8) -> UInt32? {
    if isDigit(b) { return UInt32(b - c0) }
    let lower = b | 0x20
    if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
    return nil
}

struct JSON5ParserCore {
    struct Frame {
        var isObject: Bool
        var location: SourceLocation
        /// The children parsed so far (moved out, not copied, when the container closes).
        var elements: [JSONValue] = []
        var members: [JSONMember] = []
        /// Children attached so far (for paths).
        var count = 0
        /// The key whose value is being parsed (objects).
        var key = ""
        var keyLocation = SourceLocation.synthesized
        /// Keys seen, once the object is large enough that linear scans get slow.
        var keySet: Set<String>? = nil
    }

    let buf: UnsafeBufferPointer<UInt8>
    let end: Int
    let file: String
    let maxDepth: Int
    let diagnostics: DiagnosticCollector

    var i = 0
    var line = 1
    var lineStart = 0
    /// UTF-8 continuation bytes between `lineStart` and `i`, so that columns count scalars.
    var lineExtra = 0

    var frames: [Frame] = []

    init(buffer: UnsafeBufferPointer<UInt8>, file: String, maxDepth: Int, diagnostics: DiagnosticCollector) {
        self.buf = buffer
        self.end = buffer.count
        self.file = file
        self.maxDepth = maxDepth
        self.diagnostics = diagnostics
    }

    // MARK: Positions

    @inline(__always) var current: UInt8 { i < end ? buf[i] : 0 }

    @inline(__always) func byte(at j: Int) -> UInt8 { j < end ? buf[j] : 0 }

    @inline(__always) func here() -> SourceLocation {
        SourceLocation(file: file, line: line, column: i - lineStart - lineExtra + 1, offset: i)
    }

    /// Call after consuming a line terminator.
    @inline(__always) mutating func newline() {
        line += 1
        lineStart = i
        lineExtra = 0
    }

    /// Consumes the line break at `i` — LF, CR or CRLF, counted as one — and
    /// starts a new line.
    @inline(__always) mutating func consumeLineBreak() {
        let wasCR = current == cCR
        i += 1
        if wasCR && current == cLF { i += 1 }
        newline()
    }

    // MARK: Document

    mutating func parseDocument() throws(JSON5SyntaxError) -> JSONValue {
        if end >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
            i = 3  // byte-order mark
            lineExtra = 2
        }
        try skipTrivia()
        if i >= end { throw fail("empty document; expected a value", at: here()) }

        parseValue: while true {
            try skipTrivia()
            var value: JSONValue
            let b = current
            if b == cLBrace || b == cLBracket {
                let isObject = b == cLBrace
                if frames.count >= maxDepth {
                    throw fail(
                        "nesting is too deep: more than \(maxDepth) levels of objects and arrays",
                        at: here(), path: currentPath())
                }
                frames.append(Frame(isObject: isObject, location: here()))
                i += 1
                try skipTrivia()
                if current == (isObject ? cRBrace : cRBracket) {
                    i += 1
                    value = closeFrame()
                } else {
                    if isObject { try parseKey() }
                    continue parseValue
                }
            } else {
                value = try parseScalar()
            }

            // Attach the value to its container, then expect ',' or the closer.
            while true {
                guard !frames.isEmpty else {
                    try skipTrivia()
                    if i < end {
                        throw fail("expected end of file after the document's value, found \(found())", at: here())
                    }
                    return value
                }
                let top = frames.count - 1
                let isObject = frames[top].isObject
                if isObject { attachMember(value) } else { frames[top].elements.append(value) }
                frames[top].count += 1
                try skipTrivia()
                let closer = isObject ? cRBrace : cRBracket
                let c = current
                if c == cComma {
                    i += 1
                    try skipTrivia()
                    if current == closer {
                        i += 1
                        value = closeFrame()
                        continue
                    }
                    if isObject { try parseKey() }
                    continue parseValue
                } else if c == closer {
                    i += 1
                    value = closeFrame()
                    continue
                } else {
                    let what = isObject ? "expected ',' or '}' after object member" : "expected ',' or ']' after array element"
                    throw fail("\(what), found \(found())", at: here())
                }
            }
        }
    }

    mutating func closeFrame() -> JSONValue {
        let frame = frames.removeLast()
        if frame.isObject {
            return JSONValue(.object(JSONObject(frame.members)), at: frame.location)
        } else {
            return JSONValue(.array(frame.elements), at: frame.location)
        }
    }

    mutating func attachMember(_ value: JSONValue) {
        let top = frames.count - 1
        let key = frames[top].key
        var duplicate = false
        if frames[top].keySet != nil {
            duplicate = !frames[top].keySet!.insert(key).inserted
        } else {
            duplicate = frames[top].members.contains { $0.key == key }
            if !duplicate && frames[top].members.count >= 15 {
                var set = Set<String>(minimumCapacity: 32)
                for m in frames[top].members { set.insert(m.key) }
                set.insert(key)
                frames[top].keySet = set
            }
        }
        if duplicate {
            let first = frames[top].members.first { $0.key == key }
            var objectPath = JSONPath()
            for k in 0..<top { objectPath.components.append(childComponent(of: k)) }
            diagnostics.error(
                "duplicate key '\(key)' in object",
                at: frames[top].keyLocation, path: objectPath,
                notes: first.map { [Diagnostic.Note("'\(key)' is first defined here", at: $0.keyLocation)] } ?? [])
            return
        }
        frames[top].members.append(JSONMember(key: key, keyLocation: frames[top].keyLocation, value: value))
    }

    func childComponent(of k: Int) -> JSONPath.Component {
        frames[k].isObject ? .key(frames[k].key) : .index(frames[k].count)
    }

    /// The path of the value about to be parsed.
    func currentPath() -> JSONPath {
        JSONPath(frames.indices.map(childComponent(of:)))
    }

    // MARK: Keys

    /// Parses `key :` (trivia already skipped) and stores the key in the top frame.
    mutating func parseKey() throws(JSON5SyntaxError) {
        let location = here()
        let b = current
        let key: String
        if b == cQuote || b == cApostrophe {
            key = try parseString(quote: b)
        } else if let identifier = try parseIdentifier() {
            key = identifier
        } else {
            throw fail("expected a key or '}' in object, found \(found())", at: location)
        }
        try skipTrivia()
        guard current == cColon else {
            throw fail("expected ':' after key '\(key)', found \(found())", at: here())
        }
        i += 1
        let top = frames.count - 1
        frames[top].key = key
        frames[top].keyLocation = location
    }

    /// An identifier (`[A-Za-z_$]` or a non-ASCII letter, then also digits), or
    /// `nil` without consuming anything if there is none here.
    mutating func parseIdentifier() throws(JSON5SyntaxError) -> String? {
        let start = i
        let startExtra = lineExtra
        while i < end {
            let b = buf[i]
            if b < 0x80 {
                if isIdentifierStartASCII(b) || (i > start && isDigit(b)) { i += 1; continue }
                break
            }
            guard let (scalar, length) = decodeScalar(at: i),
                let s = Unicode.Scalar(scalar), s.properties.isAlphabetic
            else { break }
            i += length
            lineExtra += length - 1
        }
        if i == start {
            lineExtra = startExtra
            return nil
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)
    }

    // MARK: Scalars

    mutating func parseScalar() throws(JSON5SyntaxError) -> JSONValue {
        let location = here()
        let b = current
        if b == cQuote || b == cApostrophe {
            return JSONValue(.string(try parseString(quote: b)), at: location)
        }
        if isDigit(b) || b == cMinus || b == cPlus || b == cDot {
            return JSONValue(.number(try parseNumber()), at: location)
        }
        if i < end, let word = try parseIdentifier() {
            switch word {
            case "true": return JSONValue(.bool(true), at: location)
            case "false": return JSONValue(.bool(false), at: location)
            case "null": return JSONValue(.null, at: location)
            case "Infinity": return JSONValue(.number(JSONNumber(Double.infinity)), at: location)
            case "NaN": return JSONValue(.number(JSONNumber(Double.nan)), at: location)
            default:
                let suggestion: String
                if let close = Suggestions.closest(to: word, among: ["true", "false", "null", "Infinity", "NaN"]) {
                    suggestion = "did you mean '\(close)'?"
                } else {
                    suggestion = "strings must be quoted: \(JSONPrinter.quoted(word))"
                }
                throw fail("expected a value, found '\(word)'", at: location, suggestion: suggestion)
            }
        }
        throw fail("expected a value, found \(found())", at: location)
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    mutating func parseNumber() throws(JSON5SyntaxError) -> JSONNumber {
        let location = here()
        let tokenStart = i
        var negative = false
        if current == cMinus || current == cPlus {
            negative = current == cMinus
            i += 1
        }
        let sign: Double = negative ? -1 : 1

        if isASCIILetter(current) {
            let wordStart = i
            while i < end && isIdentifierPartASCII(buf[i]) { i += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: buf[wordStart..<i]), as: UTF8.self)
            if word == "Infinity" { return try finishNumber(JSONNumber(sign * .infinity), tokenStart, location) }
            if word == "NaN" { return try finishNumber(JSONNumber(Double.nan), tokenStart, location) }
            throw invalidNumber(from: tokenStart, at: location)
        }

        if current == c0 && (byte(at: i + 1) | 0x20) == 0x78 {  // 0x / 0X
            i += 2
            let digitsStart = i
            var exact: UInt64 = 0
            var overflowed = false
            var approximate = 0.0
            while i < end, let d = hexValue(buf[i]) {
                if !overflowed {
                    let (shifted, o1) = exact.multipliedReportingOverflow(by: 16)
                    let (sum, o2) = shifted.addingReportingOverflow(UInt64(d))
                    if o1 || o2 { overflowed = true; approximate = Double(exact) * 16 + Double(d) } else { exact = sum }
                } else {
                    approximate = approximate * 16 + Double(d)
                }
                i += 1
            }
            if i == digitsStart { throw invalidNumber(from: tokenStart, at: location, reason: "missing hex digits") }
            if overflowed { return try finishNumber(JSONNumber(sign * approximate), tokenStart, location) }
            if exact <= UInt64(Int.max) {
                let magnitude = Int(exact)
                if negative && magnitude == 0 { return try finishNumber(JSONNumber(-0.0), tokenStart, location) }
                return try finishNumber(JSONNumber(negative ? -magnitude : magnitude), tokenStart, location)
            }
            return try finishNumber(JSONNumber(sign * Double(exact)), tokenStart, location)
        }

        let intStart = i
        while i < end && isDigit(buf[i]) { i += 1 }
        let intDigits = i - intStart
        var fracStart = i, fracDigits = 0, hasDot = false
        if current == cDot {
            hasDot = true
            i += 1
            fracStart = i
            while i < end && isDigit(buf[i]) { i += 1 }
            fracDigits = i - fracStart
        }
        if intDigits + fracDigits == 0 { throw invalidNumber(from: tokenStart, at: location) }
        var expStart = i, hasExponent = false
        if (current | 0x20) == 0x65 {  // e / E
            hasExponent = true
            i += 1
            expStart = i
            if current == cPlus || current == cMinus { i += 1 }
            let expDigitsStart = i
            while i < end && isDigit(buf[i]) { i += 1 }
            if i == expDigitsStart { throw invalidNumber(from: tokenStart, at: location, reason: "missing exponent digits") }
        }
        if intDigits > 1 && buf[intStart] == c0 {
            throw invalidNumber(from: tokenStart, at: location, reason: "leading zeros are not allowed")
        }

        if !hasDot && !hasExponent && intDigits <= 18 {
            var magnitude = 0
            for j in intStart..<i { magnitude = magnitude &* 10 &+ Int(buf[j] &- c0) }
            if negative && magnitude == 0 { return try finishNumber(JSONNumber(-0.0), tokenStart, location) }
            return try finishNumber(JSONNumber(negative ? -magnitude : magnitude), tokenStart, location)
        }

        // Clinger's fast path: up to 15 significant digits and a small power of ten are
        // exact doubles, so one multiplication or division rounds correctly.
        if intDigits + fracDigits <= 15 {
            var mantissa = 0
            for j in intStart..<(intStart + intDigits) { mantissa = mantissa &* 10 &+ Int(buf[j] &- c0) }
            for j in fracStart..<(fracStart + fracDigits) { mantissa = mantissa &* 10 &+ Int(buf[j] &- c0) }
            var exponent = 0
            if hasExponent {
                var k = expStart
                let expNegative = buf[k] == cMinus
                if buf[k] == cMinus || buf[k] == cPlus { k += 1 }
                while k < i && exponent < 10_000 { exponent = exponent * 10 + Int(buf[k] &- c0); k += 1 }
                if expNegative { exponent = -exponent }
            }
            exponent -= fracDigits
            if exponent >= -22 && exponent <= 22 {
                let scale = JSON5ParserCore.powersOfTen[abs(exponent)]
                let magnitude = exponent < 0 ? Double(mantissa) / scale : Double(mantissa) * scale
                return try finishNumber(JSONNumber(negative ? -magnitude : magnitude), tokenStart, location)
            }
        }

        // General case: normalise to "int.frac[e±exp]" (so ".5" and "5." parse) and let
        // the standard library round correctly.
        var text: [UInt8] = []
        text.reserveCapacity(i - tokenStart + 3)
        if negative { text.append(cMinus) }
        if intDigits == 0 { text.append(c0) } else { text.append(contentsOf: buf[intStart..<(intStart + intDigits)]) }
        text.append(cDot)
        if fracDigits == 0 { text.append(c0) } else { text.append(contentsOf: buf[fracStart..<(fracStart + fracDigits)]) }
        if hasExponent {
            text.append(0x65)
            text.append(contentsOf: buf[expStart..<i])
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)) else {
            throw invalidNumber(from: tokenStart, at: location)
        }
        var integer: Int? = nil
        if !hasDot && !hasExponent {  // a long integer literal: keep it exact if it fits
            integer = Int(String(decoding: UnsafeBufferPointer(rebasing: buf[tokenStart..<i]), as: UTF8.self))
        }
        return try finishNumber(JSONNumber(value: value, integer: integer), tokenStart, location)
    }

    /// Rejects numbers glued to letters or digits (`12abc`, `1.2.3`, `0x1G`).
    mutating func finishNumber(
        _ number: JSONNumber, _ tokenStart: Int, _ location: SourceLocation
    ) throws(JSON5SyntaxError) -> JSONNumber {
        let b = current
        if i < end && (isIdentifierPartASCII(b) || b == cDot || b >= 0x80) {
            throw invalidNumber(from: tokenStart, at: location)
        }
        return number
    }

    func invalidNumber(from start: Int, at location: SourceLocation, reason: String? = nil) -> JSON5SyntaxError {
        var j = start
        while j < end && j - start < 40 {
            let b = buf[j]
            guard isIdentifierPartASCII(b) || b == cDot || b == cPlus || b == cMinus else { break }
            j += 1
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<max(j, min(start + 1, end))]), as: UTF8.self)
        return fail("invalid number '\(text)'" + (reason.map { ": \($0)" } ?? ""), at: location)
    }
}
