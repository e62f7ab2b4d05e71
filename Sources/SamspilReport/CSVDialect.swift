/// How a CSV file is written.
///
/// - `standard`: RFC 4180 — comma-separated, dot decimals, shortest
///   round-trip numbers (`1e-05`). What R, pandas and every scripting tool
///   read without options.
/// - `excel`: what Excel reads with a Danish (or most continental) regional
///   setting when a file is double-clicked — semicolon-separated, decimal
///   comma, no scientific notation, and a UTF-8 byte-order mark so æ, ø and å
///   are not garbled. The digits are the same as `standard`'s, so nothing is
///   rounded.
public enum CSVDialect: String, Sendable, CaseIterable {
    case standard
    case excel

    /// What a file starts with: Excel's byte-order mark, or nothing.
    public var start: String { self == .excel ? "\u{FEFF}" : "" }

    /// One record, quoted and separated as the dialect writes it, with its CRLF.
    /// - Complexity: O(characters).
    public func line(_ record: [String]) -> String {
        switch self {
        case .standard: record.map(CSVTable.quote).joined(separator: ",") + "\r\n"
        case .excel: record.map { CSVTable.quoteForExcel(NumberText.excel($0) ?? $0) }.joined(separator: ";") + "\r\n"
        }
    }
}

extension CSVTable {
    /// The table's text in `dialect`.
    /// - Complexity: O(total characters).
    public func text(_ dialect: CSVDialect) -> String {
        var out = dialect.start
        out.reserveCapacity(64 * (rows.count + 1))
        for record in [header] + rows { out += dialect.line(record) }
        return out
    }

    /// `field` quoted if it holds the separator, a quote or a line break.
    static func quoteForExcel(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == ";" || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension NumberText {
    /// A number written by `csv(_:)` rewritten for Excel with a decimal comma:
    /// the exponent expanded (`1.5e-05` → `0,000015`), the point made a comma.
    /// `nil` when `text` is not such a number (labels, `NaN`, `Inf`), which
    /// then stays as it is.
    /// - Complexity: O(digits + |exponent|).
    public static func excel(_ text: String) -> String? {
        guard let parts = _decimalParts(text) else { return nil }
        // Place the decimal point `exponent` digits to the right of its current position.
        var digits = parts.integer + parts.fraction
        var point = parts.integer.count + parts.exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var integer = String(digits.prefix(point))
        var fraction = String(digits.dropFirst(point))
        while integer.count > 1 && integer.first == "0" { integer.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        let sign = parts.negative ? "-" : ""
        return fraction.isEmpty ? sign + integer : sign + integer + "," + fraction
    }

    /// Sign, integer digits, fraction digits and exponent of `-?D+(.D+)?(e[+-]?D+)?`.
    static func _decimalParts(_ text: String) -> (negative: Bool, integer: String, fraction: String, exponent: Int)? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        guard !integer.isEmpty else { return nil }
        rest = rest.dropFirst(integer.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return nil }
            rest = rest.dropFirst(fraction.count)
        }
        var exponent = 0
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            var sign = 1
            if rest.first == "-" { sign = -1; rest = rest.dropFirst() } else if rest.first == "+" { rest = rest.dropFirst() }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 4, let e = Int(digits) else { return nil }
            exponent = sign * e
            rest = rest.dropFirst(digits.count)
        }
        guard rest.isEmpty else { return nil }
        return (negative, String(integer), String(fraction), exponent)
    }
}
