import Testing
@testable import SamspilCommandLine

@Suite("sweep --set values: ranges and quoting hints")
struct SweepValuesTests {
    @Test func rangesExpandWithTheirEndpoint() throws {
        #expect(try SweepValues.expand(["2:6:2"], path: "p") == ["2", "4", "6"])
        #expect(try SweepValues.expand(["0.1:0.3:0.1"], path: "p") == ["0.1", "0.2", "0.3"])
        #expect(try SweepValues.expand(["1", "5:7:1", "\"a:b:c\""], path: "p") == ["1", "5", "6", "7", "\"a:b:c\""])
        #expect(throws: UsageError.self) { try SweepValues.expand(["3:1:1"], path: "p") }
        #expect(throws: UsageError.self) { try SweepValues.expand(["0:1:0"], path: "p") }
        #expect(throws: UsageError.self) { try SweepValues.expand(["0:100000:1"], path: "p") }
    }

    @Test func bareWordsGetAQuotingHint() {
        #expect(SweepValues.quotingHint("dk-2027", path: "economics.regime") == "; to give a string, quote it: --set 'economics.regime=\"dk-2027\"'")
        #expect(SweepValues.quotingHint("{", path: "p").isEmpty)
    }
}
