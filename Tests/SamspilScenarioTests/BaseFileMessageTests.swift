import Testing
@testable import SamspilScenario

/// An error in a base file names the file the user ran too, and a very deep
/// JSON path is shortened.
@Suite struct BaseFileMessageTests {
    static let files = [
        "deep.json5": ScenarioErrorTests.base.replacingOccurrences(of: "medicalBeds: 10", with: "medicalBeds: -1"),
        "mine.json5": "{ extends: \"deep.json5\", name: \"mine\" }",
        "top.json5": "{ extends: \"mine.json5\" }",
        "far.json5": "{ extends: \"top.json5\" }",
        "broken.json5": "{ name: \"x\", regions: [ }",
        "user.json5": "{ extends: \"broken.json5\" }",
    ]

    func messages(_ path: String) -> [String] {
        switch ScenarioLoader(documents: .inMemory(Self.files)).load(path) {
        case .success: return []
        case .failure(let error): return error.diagnostics.map(\.description)
        }
    }

    @Test func aSchemaErrorInABaseNamesBothFiles() {
        #expect(messages("mine.json5") == [
            "deep.json5:4:54: error: hospitals[0].medicalBeds: expected an integer from 0 to 100000, found -1 (in base deep.json5, extended by mine.json5)",
        ])
        #expect(messages("top.json5").first?.hasSuffix("(in base deep.json5, extended by mine.json5, which top.json5 extends)") == true,
                "\(messages("top.json5"))")
        #expect(messages("far.json5").first?.hasSuffix("which far.json5 extends (through 1 more))") == true, "\(messages("far.json5"))")
        #expect(messages("deep.json5").first?.hasSuffix("found -1") == true, "no note for the file itself")
    }

    @Test func aSyntaxErrorInABaseNamesBothFiles() {
        let all = messages("user.json5")
        #expect(all.count == 1 && all[0].hasPrefix("broken.json5:1:"), "\(all)")
        #expect(all.first?.hasSuffix("(in base broken.json5, extended by user.json5)") == true, "\(all)")
    }

    @Test func deepPathsAreShortened() {
        let shallow: JSONPath = [.key("a"), .index(2), .key("b")]
        #expect(shallow.abbreviatedDescription == "a[2].b")
        let deep = JSONPath((0..<40).map { $0 % 2 == 0 ? .key("k\($0)") : .index($0) })
        #expect(deep.abbreviatedDescription == "k0[1].k2[3].….k36[37].k38[39]")
        let diagnostic = Diagnostic(.error, "too deep", at: nil, path: deep, file: "f.json5")
        #expect(diagnostic.description == "f.json5: error: k0[1].k2[3].….k36[37].k38[39]: too deep")
        let nine = JSONPath((0..<9).map { .key("k\($0)") })
        #expect(nine.abbreviatedDescription == nine.description, "up to nine components are shown in full")
    }
}
