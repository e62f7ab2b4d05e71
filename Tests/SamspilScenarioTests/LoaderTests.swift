#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import SamspilScenario

func load(_ files: [String: String], _ path: String) -> (ScenarioDocument?, [String]) {
    let diagnostics = DiagnosticCollector()
    let document = ScenarioDocumentLoader.inMemory(files).load(path, diagnostics: diagnostics)
    return (document, diagnostics.sorted.map(\.description))
}

let baseline = """
    {
      name: "baseline",
      horizonDays: 365,
      settings: {seed: 1, warmUp: {days: 30, enabled: true}, weights: [1, 2, 3]},
      hospitals: [
        {name: "OUH", medicalBeds: 400, wards: {cardio: 40, neuro: 30}},
        {name: "Svendborg", medicalBeds: 120},
        {name: "Nyborg", medicalBeds: 60},
      ],
    }
    """

@Suite("extends: inheritance and deep merge")
struct LoaderTests {
    @Test("Objects merge key by key; scalars and arrays are replaced; extends is removed")
    func deepMerge() {
        let (document, diagnostics) = load([
            "scenarios/baseline.json5": baseline,
            "scenarios/whatif.json5": """
                {
                  extends: "baseline.json5",
                  name: "what-if",
                  settings: {warmUp: {days: 60}, weights: [9], extra: true},
                }
                """,
        ], "scenarios/whatif.json5")
        #expect(diagnostics.isEmpty)
        let root = document!.root
        #expect(root["extends"] == nil)
        #expect(root["name"] == "what-if")
        #expect(root["horizonDays"] == 365)
        #expect(root["settings"] == ["seed": 1, "warmUp": ["days": 60, "enabled": true], "weights": [9], "extra": true])
        #expect(document!.files == ["scenarios/whatif.json5", "scenarios/baseline.json5"])
        // Locations point at the file and line where each value was written.
        #expect(root["name"]!.location.description == "scenarios/whatif.json5:3:9")
        #expect(root["horizonDays"]!.location.description == "scenarios/baseline.json5:3:16")
        #expect(root["settings"]!["warmUp"]!["days"]!.location.description == "scenarios/whatif.json5:4:29")
        #expect(root["settings"]!["warmUp"]!["enabled"]!.location.description == "scenarios/baseline.json5:4:51")
        #expect(root.objectValue!.keys == ["name", "horizonDays", "settings", "hospitals"])
    }

    @Test("Named lists merge by name: override, append, remove")
    func namedListMerge() {
        let (document, diagnostics) = load([
            "baseline.json5": baseline,
            "whatif.json5": """
                {
                  extends: "baseline.json5",
                  hospitals: [
                    {name: "Nyborg", "$remove": true},
                    {name: "OUH", medicalBeds: 450, wards: {neuro: 35}},
                    {name: "Aabenraa", medicalBeds: 90},
                  ],
                }
                """,
        ], "whatif.json5")
        #expect(diagnostics.isEmpty)
        #expect(document?.root["hospitals"] == [
            ["name": "OUH", "medicalBeds": 450, "wards": ["cardio": 40, "neuro": 35]],
            ["name": "Svendborg", "medicalBeds": 120],
            ["name": "Aabenraa", "medicalBeds": 90],
        ])
        let ouh = document!.root["hospitals"]!.arrayValue![0]
        #expect(ouh["wards"]!["cardio"]!.location.file == "baseline.json5")
        #expect(ouh["wards"]!["neuro"]!.location.file == "whatif.json5")
    }

    @Test("$replace replaces wholesale; an empty list replaces; null resets")
    func replaceDirective() {
        let (document, diagnostics) = load([
            "baseline.json5": baseline,
            "whatif.json5": """
                {
                  extends: "./baseline.json5",
                  hospitals: {"$replace": [{name: "Only", medicalBeds: 1}]},
                  settings: {"$replace": {seed: 7}},
                  horizonDays: null,
                }
                """,
        ], "whatif.json5")
        #expect(diagnostics.isEmpty)
        #expect(document?.root["hospitals"] == [["name": "Only", "medicalBeds": 1]])
        #expect(document?.root["settings"] == ["seed": 7])
        #expect(document?.root["horizonDays"] == nil as JSONValue)

        let (d2, _) = load(["b.json5": baseline, "w.json5": "{extends: 'b.json5', hospitals: []}"], "w.json5")
        #expect(d2?.root["hospitals"] == [])
    }

    @Test("Chains of three files merge in order")
    func chains() {
        let (document, diagnostics) = load([
            "a.json5": "{x: 1, y: 1, z: 1}",
            "sub/b.json5": "{extends: '../a.json5', y: 2, z: 2}",
            "sub/deeper/c.json5": "{extends: '../b.json5', z: 3}",
        ], "sub/deeper/c.json5")
        #expect(diagnostics.isEmpty)
        #expect(document?.root == ["x": 1, "y": 2, "z": 3])
        #expect(document?.files == ["sub/deeper/c.json5", "sub/b.json5", "a.json5"])
    }

    @Test("Directive errors: removing a missing name, bad $remove, $replace with other keys, misplaced $remove")
    func directiveErrors() {
        let (_, diagnostics) = load([
            "baseline.json5": baseline,
            "whatif.json5": """
                {
                  extends: "baseline.json5",
                  hospitals: [{name: "Nyborgg", "$remove": true}, {name: "OUH", "$remove": "yes"}, {name: "OUH"}],
                  settings: {"$replace": {}, seed: 2},
                  other: {"$remove": true},
                }
                """,
        ], "whatif.json5")
        #expect(diagnostics == [
            """
            whatif.json5:3:22: error: hospitals[0]: cannot remove "Nyborgg": the base list has no element with that name; did you mean "Nyborg"?
            """,
            #"whatif.json5:3:76: error: hospitals[1].$remove: expected true or false, found the string "yes""#,
            """
            whatif.json5:3:91: error: hospitals[2]: duplicate name "OUH" in list; each element may be overridden only once
            whatif.json5:3:58: note: first used here
            """,
            "whatif.json5:4:14: error: settings: '$replace' must be the only key in its object; the other keys are ignored",
            "whatif.json5:5:11: error: other: '$remove' can only delete an element of a named list inherited from a base scenario",
        ])
    }

    @Test("A cycle is an error listing the chain")
    func cycle() {
        let (document, diagnostics) = load([
            "a.json5": "{extends: 'b.json5'}",
            "b.json5": "{\n  extends: 'dir/../a.json5'}",
        ], "a.json5")
        #expect(document == nil)
        #expect(diagnostics == ["b.json5:2:12: error: extends: 'extends' forms a cycle: a.json5 → b.json5 → a.json5 (in base b.json5, extended by a.json5)"])
        let (_, self1) = load(["a.json5": "{extends: 'a.json5'}"], "a.json5")
        #expect(self1 == ["a.json5:1:11: error: extends: 'extends' forms a cycle: a.json5 → a.json5"])
    }

    @Test("A missing base is reported at the extends key; a missing top file without location")
    func missingBase() {
        let (document, diagnostics) = load(["w.json5": "{\n  extends: 'baseline.json5', x: 1}"], "w.json5")
        #expect(document == nil)
        #expect(diagnostics == ["w.json5:2:12: error: extends: cannot read base scenario 'baseline.json5' (named in w.json5): no such file"])
        let (_, d2) = load([:], "nope.json5")
        #expect(d2 == ["nope.json5: error: cannot read scenario file: no such file"])
        let (_, d3) = load(["w.json5": "{extends: 3}"], "w.json5")
        #expect(d3 == ["w.json5:1:11: error: extends: expected the path of the base scenario (a string), found 3"])
        let (_, d4) = load(["w.json5": "[1]"], "w.json5")
        #expect(d4 == ["w.json5:1:1: error: expected a scenario object, found an array of 1 element"])
    }

    @Test("A syntax error in a base is reported in the base file")
    func syntaxErrorInBase() {
        let (document, diagnostics) = load(["b.json5": "{x: 1 y: 2}", "w.json5": "{extends: 'b.json5'}"], "w.json5")
        #expect(document == nil)
        #expect(diagnostics == ["b.json5:1:7: error: expected ',' or '}' after object member, found 'y' (in base b.json5, extended by w.json5)"])
    }

    @Test("Relative paths resolve against each file's directory on disk")
    func onDisk() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.path + "/samspil-scenario-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? manager.removeItem(atPath: root) }
        try manager.createDirectory(atPath: root + "/base/common", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/whatif", withIntermediateDirectories: true)
        func write(_ path: String, _ text: String) throws {
            #expect(manager.createFile(atPath: root + "/" + path, contents: Data(text.utf8)))
        }
        try write("base/common/defaults.json5", "{seed: 1, horizonDays: 365}")
        try write("base/baseline.json5", "{extends: 'common/defaults.json5', name: 'baseline'}")
        try write("whatif/beds.json5", "// more beds\n{extends: '../base/baseline.json5', seed: 2}")

        let diagnostics = DiagnosticCollector()
        let document = ScenarioDocumentLoader().load(root + "/whatif/beds.json5", diagnostics: diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.render())")
        #expect(document?.root == ["seed": 2, "horizonDays": 365, "name": "baseline"])
        #expect(document?.files.map { String($0.dropFirst(root.count)) }
            == ["/whatif/beds.json5", "/base/baseline.json5", "/base/common/defaults.json5"])

        let d2 = DiagnosticCollector()
        _ = ScenarioDocumentLoader().load(root + "/whatif", diagnostics: d2)
        #expect(d2.diagnostics.first?.message == "cannot read scenario file: the file cannot be read (is it a directory, or not readable?)")
    }

    @Test("Path resolution is lexical")
    func paths() {
        #expect(ScenarioPath.normalize("./a//b/../c.json5") == "a/c.json5")
        #expect(ScenarioPath.normalize("../x/../../y") == "../../y")
        #expect(ScenarioPath.normalize("/../a") == "/a")
        #expect(ScenarioPath.resolve("b.json5", relativeTo: "a.json5") == "b.json5")
        #expect(ScenarioPath.resolve("../b.json5", relativeTo: "/s/w/a.json5") == "/s/b.json5")
        #expect(ScenarioPath.resolve("/abs/b.json5", relativeTo: "s/a.json5") == "/abs/b.json5")
    }
}
