import Foundation
import Testing

/// docs/guides/experiments.md shows exactly the code of `experimentsGuideExample`
/// (so it compiles), and that code runs and says what the guide says it does.
@Suite struct GuideExampleTests {
    static func block(between begin: String, and end: String, in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains(begin) }),
              let stop = lines[(start + 1)...].firstIndex(where: { $0.contains(end) }) else { return [] }
        return lines[(start + 1)..<stop].map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func theGuideShowsTheCompiledExample() throws {
        let guide = try String(contentsOf: repositoryRoot().appendingPathComponent("docs/guides/experiments.md"), encoding: .utf8)
        let source = try String(contentsOf: repositoryRoot().appendingPathComponent("Tests/SamspilExperimentTests/GuideExample.swift"),
                                encoding: .utf8)
        let shown = Self.block(between: "```swift", and: "```", in: guide).filter { !$0.hasPrefix("import ") && !$0.isEmpty }
        let compiled = Self.block(between: "// BEGIN guide example", and: "// END guide example", in: source).filter { !$0.isEmpty }
        #expect(!compiled.isEmpty)
        #expect(shown == compiled, "docs/guides/experiments.md and GuideExample.swift differ")
    }

    @Test func theExampleRuns() throws {
        // The example's paths are relative to the repository, where `swift test` runs.
        try #require(FileManager.default.currentDirectoryPath == repositoryRoot().path, "run `swift test` in the repository root")
        var printed: [String] = []
        try experimentsGuideExample { printed.append($0) }
        #expect(printed.count == 5, "\(printed)")
        #expect(printed[0].hasPrefix("admissions with the team: "))
        #expect(printed[2] == "merged equals single: true")
        #expect(printed[3].hasPrefix("decision.trust.gp=0.3: "))
    }
}
