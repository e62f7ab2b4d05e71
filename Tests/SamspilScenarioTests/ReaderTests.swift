import Testing
@testable import SamspilScenario

/// Reads `text` with the sample schema; returns the result and rendered diagnostics
/// as `line:column: path: message` strings.
func readSample(_ text: String) -> (SampleScenario?, [String]) {
    let diagnostics = DiagnosticCollector()
    guard let root = JSON5Parser().parse(text, file: "s.json5", diagnostics: diagnostics) else {
        return (nil, diagnostics.sorted.map(\.description))
    }
    let context = ReadContext(diagnostics: diagnostics)
    let scenario = context.read(root, as: SampleSchema.scenario)
    return (scenario, diagnostics.sorted.map { d in
        "\(d.location.map { "\($0.line):\($0.column)" } ?? "-"): \(d.fullMessage)"
    })
}

let validSample = """
    {
      name: "Fyn baseline",
      horizonDays: 365,
      hospitals: [
        {name: "OUH", medicalBeds: 400, kind: "emergency"},
        {name: "Svendborg", medicalBeds: 120, targetOccupancy: 0.9, lengthOfStayDays: 3.5},
      ],
      municipalities: [
        {name: "Odense", population: 210000,
         hourWeights: [1,1,1,1,1,1,2,3,4,4,4,4,4,4,4,4,3,3,2,2,2,1,1,1]},
      ],
    }
    """

@Suite("Reading layer")
struct ReaderTests {
    @Test("A valid document decodes, with defaults for absent optional keys")
    func validDocument() {
        let (scenario, diagnostics) = readSample(validSample)
        #expect(diagnostics.isEmpty)
        #expect(scenario?.name == "Fyn baseline")
        #expect(scenario?.seed == 1)
        #expect(scenario?.warmUp == true)
        #expect(scenario?.hospitals == [
            SampleHospital(name: "OUH", kind: .emergency, medicalBeds: 400, targetOccupancy: 0.85, lengthOfStayDays: 4),
            SampleHospital(name: "Svendborg", kind: .emergency, medicalBeds: 120, targetOccupancy: 0.9, lengthOfStayDays: 3.5),
        ])
        #expect(scenario?.municipalities.first?.hourWeights.count == 24)
    }

    @Test("Unknown keys are reported with the path and a 'did you mean' suggestion")
    func unknownKeys() {
        let (scenario, diagnostics) = readSample("""
            {
              name: "x", horizonDays: 1,
              hospitals: [{name: "A", medicalBed: 3}],
              Seed: 4,
              warm_up: false,
              colour: "blue",
            }
            """)
        #expect(scenario == nil)
        #expect(diagnostics == [
            "3:15: hospitals[0]: missing required key 'medicalBeds' (expected a non-negative integer)",
            "3:27: hospitals[0]: unknown key 'medicalBed' in Hospital; did you mean 'medicalBeds'?",
            "4:3: unknown key 'Seed' in Scenario; did you mean 'seed'?",
            "5:3: unknown key 'warm_up' in Scenario; did you mean 'warmUp'?",
            "6:3: unknown key 'colour' in Scenario",
        ])
    }

    @Test("An unknown key without a close match lists the accepted keys in a note")
    func unknownKeyNote() {
        let diagnostics = DiagnosticCollector()
        let context = ReadContext(diagnostics: diagnostics)
        _ = context.read(["name": "A", "medicalBeds": 1, "zzz": 1], as: SampleSchema.hospital)
        #expect(diagnostics.diagnostics.first?.notes.first?.message
            == "a Hospital accepts: kind, lengthOfStayDays, medicalBeds, name, targetOccupancy")
    }

    @Test("Type, range and enum errors carry the path and what was expected; all are reported at once")
    func typeAndRangeErrors() {
        let (scenario, diagnostics) = readSample("""
            {
              name: 12,
              seed: 2.5,
              horizonDays: -1,
              warmUp: "true",
              hospitals: [
                {name: "A", medicalBeds: "40", kind: "emergncy", targetOccupancy: 1.5},
                {name: "", medicalBeds: 1e400, lengthOfStayDays: NaN},
                "B",
              ],
              municipalities: [{name: "M", population: 0, hourWeights: [1, 2, 3]}],
            }
            """)
        #expect(scenario == nil)
        #expect(diagnostics == [
            "2:9: name: expected a string, found 12",
            "3:9: seed: expected an integer, found 2.5",
            "4:16: horizonDays: expected a positive number, found -1",
            #"5:11: warmUp: expected true or false, found the string "true"; remove the quotes"#,
            #"7:30: hospitals[0].medicalBeds: expected a non-negative integer, found the string "40"; remove the quotes to make it a number"#,
            #"7:42: hospitals[0].kind: expected one of "emergency", "elective", "psychiatric", found the string "emergncy"; did you mean "emergency"?"#,
            "7:71: hospitals[0].targetOccupancy: expected a probability (from 0 to 1), found 1.5",
            #"8:12: hospitals[1].name: expected a non-empty string, found the string """#,
            "8:29: hospitals[1].medicalBeds: expected a non-negative integer, found Infinity",
            "8:54: hospitals[1].lengthOfStayDays: expected a positive number, found NaN",
            "9:5: hospitals[2]: expected a Hospital object, found the string \"B\"",
            "11:44: municipalities[0].population: expected an integer from 1 to 10000000, found 0",
            "11:60: municipalities[0].hourWeights: expected exactly 24 elements, found 3",
        ])
    }

    @Test("Wrong container types")
    func containerTypes() {
        let (_, d1) = readSample("[1]")
        #expect(d1 == ["1:1: expected a Scenario object, found an array of 1 element"])
        let (_, d2) = readSample("{name: 'x', horizonDays: 1, hospitals: {}}")
        #expect(d2 == ["1:40: hospitals: expected an array of at least 1 element, each a Hospital object, found an empty object"])
        let (_, d3) = readSample("{name: 'x', horizonDays: 1, hospitals: []}")
        #expect(d3 == ["1:40: hospitals: expected at least 1 element, found 0"])
    }

    @Test("Missing required keys are reported at the object, listing what is expected")
    func missingKeys() {
        let (_, d) = readSample("{}")
        #expect(d == [
            "1:1: missing required key 'name' (expected a string)",
            "1:1: missing required key 'horizonDays' (expected a positive number)",
            "1:1: missing required key 'hospitals' (expected an array of at least 1 element, each a Hospital object)",
        ])
    }

    @Test("null means 'not set' for optional keys, and is an error for required ones")
    func nullHandling() {
        let (scenario, d) = readSample("{name: 'x', horizonDays: 1, seed: null, hospitals: [{name: 'A', medicalBeds: 1, kind: null}]}")
        #expect(d.isEmpty)
        #expect(scenario?.seed == 1 && scenario?.hospitals[0].kind == .emergency)
        let (_, d2) = readSample("{name: null, horizonDays: 1, hospitals: [{name: 'A', medicalBeds: 1}]}")
        #expect(d2 == ["1:8: name: expected a string, found null"])
    }

    @Test("Duplicate names in a named list")
    func duplicateNames() {
        let (_, d) = readSample("{name: 'x', horizonDays: 1, hospitals: [{name: 'A', medicalBeds: 1}, {name: 'A', medicalBeds: 2}]}")
        #expect(d == [#"1:70: hospitals[1]: duplicate name "A" in list; names must be unique"#])
    }

    @Test("Integers may be written 3, 3.0, 3e0 or 0x3; exact beyond 2^53")
    func integerForms() {
        let diagnostics = DiagnosticCollector()
        let context = ReadContext(diagnostics: diagnostics)
        let values = context.read(JSON5Parserless.array("[3, 3.0, 3e0, 0x3, 9007199254740993]"), as: .array(of: .integer()))
        #expect(values == [3, 3, 3, 3, 9_007_199_254_740_993])
    }

    @Test("Custom checks, maps and semantic errors at a key")
    func customChecks() {
        struct Window { var from: Int; var to: Int }
        let spec = ValueSpec<Window>.object(kind: "Window") { o in
            let from = o.required("from", .integer(in: 0...23))
            let to = o.required("to", .integer(in: 0...23))
            guard let from, let to else { return nil }
            if to <= from { o.error("'to' must be after 'from' (\(from))", at: "to"); return nil }
            return Window(from: from, to: to)
        }
        let diagnostics = DiagnosticCollector()
        let context = ReadContext(diagnostics: diagnostics)
        #expect(context.read(JSON5Parserless.array("{from: 8, to: 6}"), as: spec, path: [.key("window")]) == nil)
        #expect(diagnostics.diagnostics.map(\.fullMessage) == ["window.to: 'to' must be after 'from' (8)"])

        let even = ValueSpec<Int>.integer().validated { $0 % 2 == 0 ? nil : "expected an even number, found \($0)" }
        let labels = ValueSpec<Int>.integer().map { "#\($0)" }
        let d2 = DiagnosticCollector()
        #expect(ReadContext(diagnostics: d2).read(JSON5Parserless.array("[2, 3]"), as: .array(of: even)) == nil)
        #expect(d2.diagnostics.map(\.fullMessage) == ["[1]: expected an even number, found 3"])
        #expect(ReadContext().read(JSON5Parserless.array("[1, 2]"), as: .array(of: labels)) == ["#1", "#2"])
        let dict = ReadContext().read(JSON5Parserless.array("{Odense: 0.5, 'Fåborg-Midtfyn': 0.25}"), as: .dictionary(of: .number(.probability)))
        #expect(dict?.map(\.key) == ["Odense", "Fåborg-Midtfyn"] && dict?.map(\.value) == [0.5, 0.25])
    }

    @Test("Schema discovery records every kind and key without a document")
    func schemaDiscovery() {
        let schema = ReadContext.discoverSchema(of: SampleSchema.scenario)
        #expect(schema.kinds == ["Scenario", "Hospital", "Municipality"])
        #expect(schema.keys(of: "Hospital").map(\.name) == ["name", "kind", "medicalBeds", "targetOccupancy", "lengthOfStayDays"])
        #expect(schema.keys(of: "Hospital")[1].description == "kind (optional): one of \"emergency\", \"elective\", \"psychiatric\", default emergency")
        #expect(schema.keys(of: "Municipality")[2].defaultValue == "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]")
        #expect(schema.keys(of: "Scenario").filter(\.isRequired).map(\.name) == ["name", "horizonDays", "hospitals"])
    }

    @Test("Documentation check finds undocumented kinds and keys")
    func documentationCheck() {
        let schema = ReadContext.discoverSchema(of: SampleSchema.scenario)
        let markdown = """
            # Scenario format
            ## Scenario
            `name`, `seed`, `horizonDays`, `warmUp`, `hospitals`, `municipalities`.
            ## Hospital objects
            | key | meaning |
            |---|---|
            | `name` | |
            | `kind` | |
            | `medicalBeds` | |
            ### Occupancy
            `targetOccupancy`
            ## Other
            `lengthOfStayDays` is documented in the wrong section.
            """
        #expect(schema.undocumentedKeys(inMarkdown: markdown).map(\.description) == [
            "Hospital.lengthOfStayDays: key not mentioned (in backticks) in its section",
            "Municipality: no heading names this object kind",
        ])
    }
}

/// Parses test literals that are known to be valid.
enum JSON5Parserless {
    static func array(_ text: String) -> JSONValue {
        (try? JSON5Parser.parse(text)) ?? nil
    }
}
