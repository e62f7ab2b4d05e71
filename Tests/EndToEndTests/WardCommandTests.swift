import Foundation
import Testing

/// Wards on the command line: a misspelt ward is refused with file, line,
/// column, path and a suggestion, exit 2; the psychiatric before/after
/// comparison writes rows per ward.
@Suite struct WardCommandTests {
    @Test func unknownWardIsAnInputError() throws {
        let dir = try TemporaryDirectory()
        let text = """
        {
          extends: "\(repositoryRoot.appendingPathComponent("Scenarios/silkeborg-shared-beds.json5").path)",
          acuteTeams: [{ name: "Psykiatriens Hus, døgnhjemmebehandling", ward: "psykiatric" }],
        }

        """
        try text.write(toFile: dir.path("bad.json5"), atomically: true, encoding: .utf8)
        let r = try Samspil.run(["validate", dir.path("bad.json5")])
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("bad.json5:3:72: error: acuteTeams[0].ward: no ward named 'psykiatric'; did you mean 'psychiatric'?"), "\(r)")
    }

    @Test func beforeAndAfterHasWardRows() throws {
        let dir = try TemporaryDirectory()
        let r = try Samspil.run(["compare", "Scenarios/silkeborg-before.json5", "Scenarios/silkeborg-shared-beds.json5",
                                 "--replications", "2", "--quiet", "--no-report", "--out", dir.path("out")] + short)
        #expect(r.status == 0, "\(r)")
        let csv = try String(contentsOfFile: dir.path("out/comparison.csv"), encoding: .utf8)
        #expect(csv.contains(",ward,Regionspsykiatrien Midt / psychiatric,admissions,"))
        #expect(csv.contains(",ward,Regionspsykiatrien Midt / medical,admissions,"))
    }
}
