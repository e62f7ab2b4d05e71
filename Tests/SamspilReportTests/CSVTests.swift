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
        #expect(ResultsCSV.summary(doc).header == ["scenario", "level", "entity", "metric", "unit", "mean", "sd", "ci_low", "ci_high", "n"])
        #expect(ResultsCSV.replications(doc).header == ["scenario", "replication", "level", "entity", "metric", "value"])
        #expect(ResultsCSV.timeseries(doc).header == ["scenario", "series", "day", "mean", "ci_low", "ci_high"])
        #expect(ResultsCSV.comparison(doc).header
                == ["base", "scenario", "level", "entity", "metric", "unit", "difference_mean", "difference_sd", "difference_ci_low", "difference_ci_high", "n", "significant"])
        let sweep = Fixtures.sweep()
        #expect(ResultsCSV.sweep(sweep).header
                == ["acuteTeam.capacity", "acuteTeam.hours", "scenario", "level", "entity", "metric", "unit", "mean", "sd", "ci_low", "ci_high",
                    "n", "base", "difference_mean", "difference_sd", "difference_ci_low", "difference_ci_high", "significant"])
        #expect(ResultsCSV.comparison(sweep).header.prefix(3) == ["acuteTeam.capacity", "acuteTeam.hours", "base"])
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
        #expect(ResultsCSV.replications(doc).rows.count == 3 * 10 * m)
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
                #expect(row[0] == run.label && row[1] == "system" && row[2] == "" && row[3] == metric.name && row[4] == metric.unit)
                #expect(Double(row[5]) == e.mean)
                #expect(e.sd == nil ? row[6].isEmpty : Double(row[6]) == e.sd)
                #expect(e.ciLow == nil ? row[7].isEmpty : Double(row[7]) == e.ciLow)
                #expect(e.ciHigh == nil ? row[8].isEmpty : Double(row[8]) == e.ciHigh)
                #expect(Int(row[9]) == e.n)
            }
        }
        // The label with a comma and quotes survives.
        #expect(parsed.contains { $0[0] == "Viborg, \"udvidet\" <model>" })
    }

    @Test func replicationsAreLongAndComplete() throws {
        let doc = Fixtures.compare()
        let parsed = try #require(CSVTable.parse(ResultsCSV.replications(doc).text))
        #expect(parsed[1] == ["baseline", "1", "system", "", Fixtures.metrics[0].name, NumberText.csv(doc.runs[0].values[0][0])])
        #expect(parsed.allSatisfy { $0.count == 6 })
    }

    @Test func entityRowsCarryTheirLevelAndName() throws {
        var doc = Fixtures.compare()
        for r in doc.runs.indices {
            doc.runs[r].metrics.append(MetricInfo(name: "payer.net", unit: "DKK", description: "", group: "payer by name",
                                                  level: "municipality", entity: "Viborg"))
            for k in doc.runs[r].values.indices { doc.runs[r].values[k].append(100) }
            doc.runs[r].estimates.append(Estimate(n: 10, mean: 100, sd: 0, ciLow: 100, ciHigh: 100))
        }
        let row = try #require(ResultsCSV.summary(doc).rows.last)
        #expect(row.prefix(5) == ["Viborg, \"udvidet\" <model>", "municipality", "Viborg", "payer.net", "DKK"])
        let long = try #require(ResultsCSV.replications(doc).rows.last)
        #expect(long.suffix(4) == ["municipality", "Viborg", "payer.net", "100"])
    }

    @Test func comparisonSignificance() throws {
        let doc = Fixtures.compare()
        let rows = ResultsCSV.comparison(doc).rows
        let admissions = try #require(rows.first { $0[1] == "acute team" && $0[4] == "admissions" })
        #expect(admissions[11] == "true")
        #expect(Double(admissions[6])! < 0)
        let state = try #require(rows.first { $0[4] == "payer.state.costs" })
        #expect(state[11] == "false")
        #expect(Estimate(n: 1, mean: 1, sd: nil, ciLow: nil, ciHigh: nil).ciExcludesZero == nil)
    }
}
