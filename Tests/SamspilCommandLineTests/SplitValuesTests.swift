import Testing
@testable import SamspilCommandLine

/// Splitting `--set PATH=V1,V2` values: the command line's part of a sweep.
@Suite struct SplitValuesTests {
    @Test func plainNumbers() {
        #expect(SweepCommand.splitValues("2,4,6") == ["2", "4", "6"])
        #expect(SweepCommand.splitValues("0.3") == ["0.3"])
    }

    @Test func trimsSpacesAndDropsEmptyParts() {
        #expect(SweepCommand.splitValues(" 1 , 2 ,,3, ") == ["1", "2", "3"])
        #expect(SweepCommand.splitValues("") == [])
        #expect(SweepCommand.splitValues(",") == [])
    }

    @Test func commasInsideQuotesDoNotSplit() {
        #expect(SweepCommand.splitValues(#""a,b","c""#) == [#""a,b""#, #""c""#])
        #expect(SweepCommand.splitValues(#"'x,y',z"#) == [#"'x,y'"#, "z"])
        // A double quote inside single quotes does not end them.
        #expect(SweepCommand.splitValues(#"'a"b,c',d"#) == [#"'a"b,c'"#, "d"])
        #expect(SweepCommand.splitValues(#""dk-2007-2026","dk-2027""#) == [#""dk-2007-2026""#, #""dk-2027""#])
    }

    @Test func commasInsideBracketsAndBracesDoNotSplit() {
        #expect(SweepCommand.splitValues("[1,2],[3,[4,5]],6") == ["[1,2]", "[3,[4,5]]", "6"])
        #expect(SweepCommand.splitValues("{a:1,b:2},{a:3}") == ["{a:1,b:2}", "{a:3}"])
        #expect(SweepCommand.splitValues(#"["a,]"],1"#) == [#"["a,]"]"#, "1"])
    }
}
