// The JSON5 parser's lexical layer: strings and escapes, whitespace and
// comments, UTF-8 decoding, and the error messages that describe what was found.
extension JSON5ParserCore {
    // MARK: Strings

    mutating func parseString(quote: UInt8) throws(JSON5SyntaxError) -> String {
        let startLocation = here()
        i += 1
        // Fast path: printable ASCII up to the closing quote.
        var j = i
        while j < end {
            let c = buf[j]
            if c == quote || c == cBackslash || c >= 0x80 || c == cLF || c == cCR { break }
            j += 1
        }
        if j < end && buf[j] == quote {
            let s = String(decoding: UnsafeBufferPointer(rebasing: buf[i..<j]), as: UTF8.self)
            i = j + 1
            return s
        }
        var out = [UInt8](buf[i..<j])
        i = j
        let quoteText = quote == cQuote ? "'\"'" : "\"'\""
        while true {
            guard i < end else {
                throw fail("unterminated string: missing closing \(quoteText) before the end of the file", at: startLocation)
            }
            let c = buf[i]
            if c == quote {
                i += 1
                break
            }
            if c == cBackslash {
                try parseEscape(into: &out, stringStart: startLocation)
            } else if c == cLF || c == cCR {
                throw fail(
                    "unterminated string: missing closing \(quoteText) before the end of the line", at: startLocation,
                    notes: [Diagnostic.Note("to continue a string on the next line, end the line with a backslash")])
            } else if c < 0x80 {
                out.append(c)
                i += 1
            } else {
                guard let (_, length) = decodeScalar(at: i) else { throw invalidUTF8() }
                out.append(contentsOf: buf[i..<(i + length)])
                i += length
                lineExtra += length - 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func parseEscape(into out: inout [UInt8], stringStart: SourceLocation) throws(JSON5SyntaxError) {
        let escapeLocation = here()
        i += 1
        guard i < end else {
            throw fail("unterminated string: missing closing quote before the end of the file", at: stringStart)
        }
        let e = buf[i]
        switch e {
        case cQuote, cApostrophe, cBackslash, cSlash: out.append(e); i += 1
        case 0x62: out.append(0x08); i += 1  // \b
        case 0x66: out.append(0x0C); i += 1  // \f
        case 0x6E: out.append(cLF); i += 1  // \n
        case 0x72: out.append(cCR); i += 1  // \r
        case 0x74: out.append(cTab); i += 1  // \t
        case 0x76: out.append(cVT); i += 1  // \v
        case c0:
            if isDigit(byte(at: i + 1)) {
                throw fail("invalid escape sequence '\\0' followed by a digit: octal escapes are not allowed", at: escapeLocation)
            }
            out.append(0)
            i += 1
        case 0x78:  // \xHH
            guard let h = hexValue(byte(at: i + 1)), let l = hexValue(byte(at: i + 2)) else {
                throw fail("invalid escape sequence: '\\x' must be followed by two hex digits", at: escapeLocation)
            }
            i += 3
            Unicode.UTF8.encode(Unicode.Scalar(UInt8(h * 16 + l))) { out.append($0) }
        case 0x75:  // \uXXXX
            i += 1
            let unit = try readHex4(escapeLocation)
            var scalarValue = unit
            if unit >= 0xD800 && unit <= 0xDBFF {
                let lowLocation = here()
                guard byte(at: i) == cBackslash && byte(at: i + 1) == 0x75 else {
                    throw fail(unpairedSurrogate(unit), at: escapeLocation)
                }
                i += 2
                let low = try readHex4(lowLocation)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw fail(unpairedSurrogate(unit), at: escapeLocation) }
                scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                throw fail(unpairedSurrogate(unit), at: escapeLocation)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw fail(unpairedSurrogate(unit), at: escapeLocation) }
            Unicode.UTF8.encode(scalar) { out.append($0) }
        case cLF, cCR:  // line continuation
            consumeLineBreak()
        default:
            if e == 0xE2 && byte(at: i + 1) == 0x80 && (byte(at: i + 2) == 0xA8 || byte(at: i + 2) == 0xA9) {
                i += 3  // U+2028 / U+2029 line continuation
                lineExtra += 2
                return
            }
            throw fail("invalid escape sequence '\\\(describeByte(at: i))' in string", at: escapeLocation,
                       suggestion: "write a backslash as '\\\\'")
        }
    }

    mutating func readHex4(_ escapeLocation: SourceLocation) throws(JSON5SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 {
            guard let d = hexValue(byte(at: i + k)) else {
                throw fail("invalid escape sequence: '\\u' must be followed by four hex digits", at: escapeLocation)
            }
            value = value * 16 + d
        }
        i += 4
        return value
    }

    func unpairedSurrogate(_ unit: UInt32) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return "invalid escape sequence '\\u\(hex)': unpaired UTF-16 surrogate"
    }

    // MARK: Whitespace and comments

    mutating func skipTrivia() throws(JSON5SyntaxError) {
        while i < end {
            let b = buf[i]
            switch b {
            case cSpace, cTab, cVT, cFF:
                i += 1
            case cLF, cCR:
                consumeLineBreak()
            case cSlash:
                let next = byte(at: i + 1)
                if next == cSlash {
                    i += 2
                    while i < end {
                        let c = buf[i]
                        if c == cLF || c == cCR { break }
                        if c < 0x80 { i += 1; continue }
                        guard let (_, length) = decodeScalar(at: i) else { throw invalidUTF8() }
                        i += length
                        lineExtra += length - 1
                    }
                } else if next == cStar {
                    let start = here()
                    i += 2
                    var closed = false
                    while i < end {
                        let c = buf[i]
                        if c == cStar && byte(at: i + 1) == cSlash {
                            i += 2
                            closed = true
                            break
                        } else if c == cLF || c == cCR {
                            consumeLineBreak()
                        } else if c < 0x80 {
                            i += 1
                        } else {
                            guard let (_, length) = decodeScalar(at: i) else { throw invalidUTF8() }
                            i += length
                            lineExtra += length - 1
                        }
                    }
                    if !closed { throw fail("unterminated block comment: missing '*/'", at: start) }
                } else {
                    return
                }
            default:
                guard b >= 0x80, let (scalar, length) = decodeScalar(at: i), isUnicodeSpace(scalar) else { return }
                i += length
                lineExtra += length - 1
            }
        }
    }

    /// JSON5 white space beyond ASCII: category Zs, U+2028/U+2029 and the BOM.
    func isUnicodeSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    // MARK: UTF-8

    /// Decodes one well-formed UTF-8 scalar at `j` (rejecting overlong forms,
    /// surrogates and values above U+10FFFF); `nil` if the bytes are not valid UTF-8.
    func decodeScalar(at j: Int) -> (UInt32, Int)? {
        guard j < end else { return nil }
        let b0 = buf[j]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        @inline(__always) func continuation(_ k: Int) -> UInt32? {
            let b = byte(at: j + k)
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 < 0xC2 { return nil }
        if b0 < 0xE0 {
            guard let c1 = continuation(1) else { return nil }
            return ((UInt32(b0 & 0x1F) << 6) | c1, 2)
        }
        if b0 < 0xF0 {
            guard let c1 = continuation(1), let c2 = continuation(2) else { return nil }
            let value = (UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2
            if value < 0x800 || (value >= 0xD800 && value <= 0xDFFF) { return nil }
            return (value, 3)
        }
        if b0 < 0xF5 {
            guard let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) else { return nil }
            let value = (UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3
            if value < 0x10000 || value > 0x10FFFF { return nil }
            return (value, 4)
        }
        return nil
    }

    func invalidUTF8() -> JSON5SyntaxError {
        fail("invalid UTF-8 byte 0x\(hex2(current)); scenario files must be saved as UTF-8", at: here())
    }

    // MARK: Errors

    func hex2(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    /// The character at `j` for messages: printable ASCII as is, others as U+XXXX.
    func describeByte(at j: Int) -> String {
        guard j < end else { return "" }
        let b = buf[j]
        if b >= 0x21 && b < 0x7F { return String(UnicodeScalar(b)) }
        if b < 0x80 { return "U+00" + hex2(b) }
        if let (scalar, _) = decodeScalar(at: j), let s = Unicode.Scalar(scalar) { return String(s) }
        return "0x" + hex2(b)
    }

    /// Describes the token at the current position: `'"beds"'`, `'12'`, `'}'`,
    /// `end of file`, `control character U+0001`, `invalid UTF-8 byte 0xFF`.
    func found() -> String {
        guard i < end else { return "end of file" }
        let b = buf[i]
        var j = i
        if b == cQuote || b == cApostrophe {
            j += 1
            while j < end && buf[j] != b && buf[j] != cLF && buf[j] != cCR && j - i < 64 {
                if buf[j] == cBackslash { j += 1 }
                j += 1
            }
            if j < end && buf[j] == b { j += 1 }
            return "'" + snippet(i, min(j, end)) + "'"
        }
        if isIdentifierPartASCII(b) || b == cMinus || b == cPlus || b == cDot {
            while j < end && j - i < 40 && (isIdentifierPartASCII(buf[j]) || buf[j] == cDot || buf[j] == cMinus || buf[j] == cPlus) {
                j += 1
            }
            if j == i { j += 1 }
            return "'" + snippet(i, j) + "'"
        }
        if b < 0x20 || b == 0x7F { return "control character U+00" + hex2(b) }
        if b < 0x80 { return "'" + String(UnicodeScalar(b)) + "'" }
        if let (scalar, _) = decodeScalar(at: i), let s = Unicode.Scalar(scalar) {
            let hex = String(scalar, radix: 16, uppercase: true)
            return "'\(s)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
        }
        return "invalid UTF-8 byte 0x" + hex2(b)
    }

    func snippet(_ from: Int, _ to: Int) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: buf[from..<to]), as: UTF8.self)
        let scalars = text.unicodeScalars
        if scalars.count <= 40 { return text }
        return String(String.UnicodeScalarView(scalars.prefix(37))) + "..."
    }

    func fail(
        _ message: String, at location: SourceLocation, path: JSONPath? = nil,
        suggestion: String? = nil, notes: [Diagnostic.Note] = []
    ) -> JSON5SyntaxError {
        var notes = notes
        if i >= end, let open = frames.last {
            notes.append(Diagnostic.Note("the unclosed \(open.isObject ? "object" : "array") starts here", at: open.location))
        }
        return JSON5SyntaxError(diagnostic: Diagnostic(
            .error, message, at: location, path: path, suggestion: suggestion, notes: notes))
    }
}
