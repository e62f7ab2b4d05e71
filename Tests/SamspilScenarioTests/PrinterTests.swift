import Testing
@testable import SamspilScenario

@Suite("Pretty printer")
struct PrinterTests {
    @Test("Indented output with stable key order and inline scalar arrays")
    func layout() {
        let v = value("""
            {b: 1, a: {z: [], y: {}, x: [1, 2.5, true, null, "s"]}, c: [{n: 1}, [2]], d: "q\\"\\n\\u0001\\u2028ø"}
            """)
        #expect(JSONPrinter().print(v) == #"""
            {
              "b": 1,
              "a": {
                "z": [],
                "y": {},
                "x": [1, 2.5, true, null, "s"]
              },
              "c": [
                {
                  "n": 1
                },
                [2]
              ],
              "d": "q\"\n\u0001\u2028ø"
            }

            """#)
    }

    @Test("Numbers print so they round-trip")
    func numbers() {
        let v = value("[1, -0, 0.1, 1e-7, 1e21, 123456789012345678, 9007199254740993, 2.5e-308, 1.7976931348623157e308, Infinity, -Infinity, NaN, 0x10, 5.]")
        #expect(JSONPrinter().print(v) == """
            [
              1,
              -0.0,
              0.1,
              1e-07,
              1e+21,
              123456789012345678,
              9007199254740993,
              2.5e-308,
              1.7976931348623157e+308,
              Infinity,
              -Infinity,
              NaN,
              16,
              5.0
            ]

            """)
        #expect(value(JSONPrinter().print(v)) == v)
    }

    @Test("Long scalar arrays wrap; origins can be annotated")
    func wrapAndAnnotate() {
        let long: JSONValue = .init(.array((0..<40).map { JSONValue(integerLiteral: $0) }))
        #expect(JSONPrinter().print(long).split(separator: "\n").count == 42)
        let v = value("{\n  a: 1,\n  b: [1, 2],\n}")
        #expect(JSONPrinter(annotateOrigins: true).print(v) == """
            {
              "a": 1,  // f.json5:2
              "b": [1, 2]  // f.json5:3
            }

            """)
    }

    @Test("parse(print(x)) == x for the sample documents and merged trees")
    func roundTrip() {
        for text in FuzzTests.samples {
            let original = value(text)
            let printed = JSONPrinter().print(original)
            #expect(value(printed) == original)
            #expect(JSONPrinter(indent: 0, maxLineWidth: 0).print(value(printed)) == JSONPrinter(indent: 0, maxLineWidth: 0).print(original))
        }
        let (document, _) = load(["b.json5": baseline, "w.json5": "{extends: 'b.json5', hospitals: [{name: 'OUH', medicalBeds: 1}]}"], "w.json5")
        #expect(value(JSONPrinter().print(document!.root)) == document!.root)
    }

    @Test("Strings with every kind of character round-trip")
    func stringRoundTrip() {
        var scalars: [Unicode.Scalar] = (0..<0x80).compactMap(Unicode.Scalar.init)
        scalars += ["æ", "ø", "å", "\u{2028}", "\u{2029}", "\u{FEFF}", "🚑", "\u{10FFFF}"]
        let text = String(String.UnicodeScalarView(scalars))
        let v: JSONValue = [text: [.init(stringLiteral: text)]]
        #expect(value(JSONPrinter().print(v)) == v)
    }
}
