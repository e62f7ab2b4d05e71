import Testing
@testable import SamspilReport

@Suite struct CSVTests {
    @Test func quotingFollowsRFC4180() {
        #expect(CSVTable.quote("plain") == "plain")
        #expect(CSVTable.quote("a,b") == "\"a,b\"")
        #expect(CSVTable.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.quote("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.quote("") == "")
        var t = CSVTable(header: ["a", "b"])
        t.append(["x,y", "q\"r"])
        #expect(t.text == "a,b\r\n\"x,y\",\"q\"\"r\"\r\n")
    }

    @Test func parseRoundTripsAwkwardFields() throws {
        let rows = [["a", "b,c", "d\"e", "multi\r\nline", "", "æøå"], ["1", "2", "3", "4", "5", "6"]]
        var t = CSVTable(header: ["h1", "h2", "h3", "h4", "h5", "h6"])
        for r in rows { t.append(r) }
        let parsed = try #require(CSVTable.parse(t.text))
        #expect(parsed == [t.header] + rows)
        #expect(CSVTable.parse("\"unterminated") == nil)
        #expect(CSVTable.parse("\"a\"b,c") == nil)
    }

    @Test func columnSets() {
        let doc = Fixtures.compare()
        #expect(ResultsCSV.summary(doc).header == ["scenario", "metric", "unit", "mean", "sd", "ci_low", "ci_high", "n"])
        #expect(ResultsCSV.replications(doc).header == ["scenario", "replication"] + Fixtures.metrics.map(\.name))
        #expect(ResultsCSV.timeseries(doc).header == ["scenario", "series", "day", "mean", "ci_low", "ci_high"])
        #expect(ResultsCSV.comparison(doc).header
                == ["base", "scenario", "metric", "unit", "difference", "ci_low", "ci_high", "n", "significant"])
        let sweep = Fixtures.sweep()
        #expect(ResultsCSV.sweep(sweep).header
                == ["acuteTeam.capacity", "acuteTeam.hours", "metric", "unit", "mean", "ci_low", "ci_high", "n"])
        #expect(ResultsCSV.files(for: doc).map(\.name)
                == ["summary.csv", "replications.csv", "timeseries.csv", "comparison.csv"])
        #expect(ResultsCSV.files(for: sweep).map(\.name).contains("sweep.csv"))
        #expect(ResultsCSV.files(for: Fixtures.single()).map(\.name)
                == ["summary.csv", "replications.csv", "timeseries.csv"])
    }

    @Test func rowCounts() {
        let doc = Fixtures.compare()
        let m = Fixtures.metrics.count
        #expect(ResultsCSV.summary(doc).rows.count == 3 * m)
        #expect(ResultsCSV.replications(doc).rows.count == 3 * 10)
        #expect(ResultsCSV.comparison(doc).rows.count == 2 * m)
        #expect(ResultsCSV.timeseries(doc).rows.count == 120 + 2 * 240)
        #expect(ResultsCSV.sweep(Fixtures.sweep()).rows.count == 6 * m)
        let sweepRows = ResultsCSV.sweep(Fixtures.sweep()).rows
        #expect(sweepRows.last?.prefix(2) == ["8", "24/7"])
    }

    @Test func summaryParsesBackToTheNumbers() throws {
        var doc = Fixtures.compare()
        doc.runs[0].estimates[1] = Estimate(n: 1, mean: 0.1 + 0.2, sd: nil, ciLow: nil, ciHigh: nil)
        let parsed = try #require(CSVTable.parse(ResultsCSV.summary(doc).text))
        #expect(parsed.count == 1 + doc.runs.count * Fixtures.metrics.count)
        var i = 1
        for run in doc.runs {
            for (metric, e) in zip(run.metrics, run.estimates) {
                let row = parsed[i]; i += 1
                #expect(row[0] == run.label && row[1] == metric.name && row[2] == metric.unit)
                #expect(Double(row[3]) == e.mean)
                #expect(e.sd == nil ? row[4].isEmpty : Double(row[4]) == e.sd)
                #expect(e.ciLow == nil ? row[5].isEmpty : Double(row[5]) == e.ciLow)
                #expect(e.ciHigh == nil ? row[6].isEmpty : Double(row[6]) == e.ciHigh)
                #expect(Int(row[7]) == e.n)
            }
        }
        // The label with a comma and quotes survives.
        #expect(parsed.contains { $0[0] == "Viborg, \"udvidet\" <model>" })
    }

    @Test func replicationsAreWideAndComplete() throws {
        let doc = Fixtures.compare()
        let parsed = try #require(CSVTable.parse(ResultsCSV.replications(doc).text))
        #expect(parsed[1][0] == "baseline" && parsed[1][1] == "1")
        #expect(Double(parsed[1][2]) == doc.runs[0].values[0][0])
        #expect(parsed.allSatisfy { $0.count == 2 + Fixtures.metrics.count })
    }

    @Test func comparisonSignificance() throws {
        let doc = Fixtures.compare()
        let rows = ResultsCSV.comparison(doc).rows
        let admissions = try #require(rows.first { $0[1] == "acute team" && $0[2] == "admissions" })
        #expect(admissions[8] == "true")
        #expect(Double(admissions[4])! < 0)
        let state = try #require(rows.first { $0[2] == "payer.state.costs" })
        #expect(state[8] == "false")
        #expect(Estimate(n: 1, mean: 1, sd: nil, ciLow: nil, ciHigh: nil).ciExcludesZero == nil)
    }
}
