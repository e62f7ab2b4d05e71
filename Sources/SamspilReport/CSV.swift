/// A minimal RFC 4180 writer (and, for tests and `samspil merge`, reader).
///
/// Fields containing a comma, a double quote, CR or LF are quoted, and quotes
/// inside are doubled. Records end with CRLF as the RFC prescribes; every
/// mainstream reader (R, pandas, Excel, LibreOffice) accepts it. Numbers are
/// formatted by ``NumberText/csv(_:)-(Double)`` so they never depend on the locale.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// Appends a record; its field count must match the header's.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields, header has \(header.count)")
        rows.append(row)
    }

    /// The RFC 4180 text of the table, header first.
    /// - Complexity: O(total characters).
    public var text: String {
        var out = ""
        out.reserveCapacity(64 * (rows.count + 1))
        for record in [header] + rows { out += CSVDialect.standard.line(record) }
        return out
    }

    /// `field` quoted if RFC 4180 requires it.
    public static func quote(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    /// Parses RFC 4180 text (quoted fields may hold commas, quotes and line
    /// breaks; both CRLF and LF end records). Returns nil for malformed input
    /// such as an unterminated quote or text after a closing quote.
    ///
    /// - Complexity: O(characters).
    public static func parse(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var fieldStarted = false
        for ch in text {
            if inQuotes {
                if ch == "\"" { inQuotes = false; afterQuote = true } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"":
                if afterQuote { field.append("\""); inQuotes = true; afterQuote = false }
                else if field.isEmpty && !fieldStarted { inQuotes = true; fieldStarted = true }
                else { return nil }
            case ",":
                record.append(field); field = ""; afterQuote = false; fieldStarted = false
            case "\n", "\r\n", "\r":
                record.append(field); records.append(record)
                record = []; field = ""; afterQuote = false; fieldStarted = false
            default:
                if afterQuote { return nil }
                field.append(ch); fieldStarted = true
            }
        }
        if inQuotes { return nil }
        if !field.isEmpty || !record.isEmpty || afterQuote || fieldStarted {
            record.append(field); records.append(record)
        }
        return records
    }
}

extension String {
    /// Replaces every occurrence of `target` (FoundationEssentials-free, so the
    /// writer works in any context).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}
