import Foundation
import Testing
@testable import SamspilReport

/// `--csv excel`: files that Excel with Danish settings opens as numbers.
@Suite struct CSVDialectTests {
    /// A reader configured as Danish Excel: semicolon separator, decimal
    /// comma, no thousands separator, a UTF-8 byte-order mark skipped.
    static func danishExcelRead(_ text: String) -> [[String]]? {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() } else { return nil }
        var records: [[String]] = []
        var record: [String] = [], field = "", inQuotes = false, afterQuote = false
        for ch in body {
            if inQuotes {
                if ch == "\"" { inQuotes = false; afterQuote = true } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"": if afterQuote { field.append("\""); inQuotes = true; afterQuote = false } else { inQuotes = true }
            case ";": record.append(field); field = ""; afterQuote = false
            case "\r\n", "\n": record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            default: field.append(ch)
            }
        }
        return records
    }

    /// A Danish number cell: digits with one decimal comma; nil otherwise.
    static func danishNumber(_ cell: String) -> Double? {
        guard !cell.contains("."), !cell.contains("e"), !cell.contains("E") else { return nil }
        return Double(cell.replacingAll(",", with: "."))
    }

    @Test func numbersExpandAndUseADecimalComma() {
        #expect(NumberText.excel("1.5e-05") == "0,000015")
        #expect(NumberText.excel("-2.5e+20") == "-250000000000000000000")
        #expect(NumberText.excel("1e-07") == "0,0000001")
        #expect(NumberText.excel("3.25") == "3,25")
        #expect(NumberText.excel("-0.5") == "-0,5")
        #expect(NumberText.excel("42") == "42")
        #expect(NumberText.excel("1.2345e3") == "1234,5")
        #expect(NumberText.excel("NaN") == nil)
        #expect(NumberText.excel("baseline") == nil)
        #expect(NumberText.excel("2.") == nil)
    }

    @Test func roundTripsThroughADanishExcelReader() throws {
        let values: [Double] = [0, 1, -1, 0.1, 1.0 / 3, 2.5e-7, -9.87654321e-12, 123_456_789.125, 6.02214076e23,
                                -0.000_012_5, 49_446.123, 1e15, 98_765.000_1]
        var table = CSVTable(header: ["scenario", "metric", "mean"])
        for (i, v) in values.enumerated() { table.append(["Århus; nord", "m\(i)", NumberText.csv(v)]) }
        let text = table.text(.excel)
        #expect(text.hasPrefix("\u{FEFF}scenario;metric;mean\r\n"))
        #expect(!text.contains("e-") && !text.contains("e+"))
        let rows = try #require(Self.danishExcelRead(text))
        #expect(rows.count == values.count + 1)
        for (row, v) in zip(rows.dropFirst(), values) {
            #expect(row[0] == "Århus; nord")
            #expect(Self.danishNumber(row[2]) == v, "\(row[2]) should read back as \(v)")
        }
        #expect(table.text(.standard) == table.text)
    }
}

/// Every CSV a comparison writes, in the excel dialect, read back by the
/// Danish-Excel reader: the same table, every number cell equal to the
/// standard file's number.
@Suite struct CSVDialectFileTests {
    @Test func everyResultFileRoundTripsThroughDanishExcel() throws {
        let document = Fixtures.compare()
        let standard = Dictionary(uniqueKeysWithValues: ResultsCSV.files(for: document).map { ($0.name, $0.text) })
        for (name, text) in ResultsCSV.files(for: document, dialect: .excel) {
            let excel = try #require(CSVDialectTests.danishExcelRead(text), "\(name) lacks the byte-order mark")
            let original = try #require(standard[name])
            let plain = try #require(CSVTable.parse(original))
            #expect(excel.count == plain.count, "\(name)")
            for (e, p) in zip(excel, plain) {
                #expect(e.count == p.count, "\(name)")
                for (cell, written) in zip(e, p) {
                    if let x = Double(written), x.isFinite {
                        #expect(CSVDialectTests.danishNumber(cell) == x, "\(name): \(cell) vs \(written)")
                    } else {
                        #expect(cell == written, "\(name)")
                    }
                }
            }
        }
    }
}

/// `replications.csv` is written in pieces; the pieces make exactly the table's text.
@Suite struct StreamedReplicationsTests {
    @Test func piecesMakeTheWholeTextInEveryDialect() throws {
        let document = Fixtures.compare()
        for dialect in CSVDialect.allCases {
            let file = ResultsCSV.replicationsFile(document, dialect: dialect)
            #expect(file.name == "replications.csv")
            #expect(try file.contents() == Data(ResultsCSV.replications(document).text(dialect).utf8))
        }
        let names = ReportOutput.files(for: document, html: false).map(\.name)
        #expect(names == ["results.json"] + ResultsCSV.fileNames(for: document))
    }
}
