import Foundation
import Testing
@testable import SamspilReport

@Suite struct JSONTests {
    @Test(arguments: ["compare", "single", "sweep"])
    func roundTrip(kind: String) throws {
        let doc = kind == "compare" ? Fixtures.compare() : kind == "single" ? Fixtures.single() : Fixtures.sweep()
        let data = try ResultsJSON.encode(doc)
        #expect(try ResultsJSON.decode(data) == doc)
        // Any plain decoder reads it too.
        #expect(try JSONDecoder().decode(RunDocument.self, from: data) == doc)
        // Deterministic and sorted.
        #expect(try ResultsJSON.encode(doc) == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        let command = try #require(text.range(of: "\"command\""))
        let runs = try #require(text.range(of: "\"runs\""))
        #expect(command.lowerBound < runs.lowerBound)
    }

    @Test func nonFiniteNumbersDoNotBreakEncoding() throws {
        var doc = Fixtures.single()
        doc.runs[0].estimates[0] = Estimate(n: 3, mean: .nan, sd: .infinity, ciLow: -.infinity, ciHigh: .nan)
        doc.runs[0].values[0][0] = .infinity
        doc.runs[0].series[0].mean[0] = .nan
        doc.experiment.runSeconds = .infinity
        let data = try ResultsJSON.encode(doc)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"mean\" : null"))
        #expect(text.contains("\"runSeconds\" : \"Infinity\""))
        // Valid JSON for any reader.
        _ = try JSONSerialization.jsonObject(with: data)
        let back = try ResultsJSON.decode(data)
        let e = back.runs[0].estimates[0]
        #expect(e.mean.isNaN && e.sd == nil && e.ciLow == nil && e.ciHigh == nil && e.n == 3)
        #expect(back.runs[0].values[0][0].isNaN)
        #expect(back.runs[0].series[0].mean[0].isNaN)
        #expect(back.experiment.runSeconds == .infinity)
        #expect(back.runs[0].estimates[1] == doc.runs[0].estimates[1])
    }

    @Test func absentOptionalsAreOmittedLikeSynthesisedCodable() throws {
        let e = Estimate(n: 1, mean: 2, sd: nil, ciLow: nil, ciHigh: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(e), as: UTF8.self) == "{\"mean\":2,\"n\":1}")
    }
}
