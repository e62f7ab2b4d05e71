import Testing
@testable import SamspilScenario

@Suite("JSON5 parser: accepted syntax")
struct JSON5SyntaxTests {
    @Test("Plain JSON")
    func plainJSON() {
        let v = value(#"{"a": 1, "b": [true, false, null], "c": "x", "d": -2.5e3, "e": {}}"#)
        #expect(v == ["a": 1, "b": [true, false, nil], "c": "x", "d": -2500.0, "e": [:]])
    }

    @Test("Comments, trailing commas, unquoted keys, single quotes")
    func json5Features() {
        let v = value("""
            // a planner's file
            {
              /* block
                 comment */ name: 'Odense', // trailing comment
              $weird_key2: "ok",
              list: [1, 2, 3,],
              'quoted key': "it's",
            }
            """)
        #expect(v == ["name": "Odense", "$weird_key2": "ok", "list": [1, 2, 3], "quoted key": "it's"])
    }

    @Test("Object keys keep their written order")
    func keyOrder() {
        let v = value("{z: 1, a: 2, m: 3}")
        #expect(v.objectValue?.keys == ["z", "a", "m"])
    }

    @Test("Number forms: hex, leading/trailing point, plus sign, exponents, Infinity, NaN")
    func numbers() {
        let v = value("[0x1F, -0XfF, .5, 5., +3, 1e3, 2.5E-2, Infinity, -Infinity, +Infinity, NaN, -0, 0]")
        let numbers = v.arrayValue!.map { $0.numberValue! }
        #expect(numbers[0] == JSONNumber(31) && numbers[0].integer == 31)
        #expect(numbers[1].integer == -255)
        #expect(numbers[2].value == 0.5 && numbers[2].integer == nil)
        #expect(numbers[3].value == 5 && numbers[3].integer == nil)
        #expect(numbers[4].integer == 3)
        #expect(numbers[5].value == 1000 && numbers[5].integer == nil)
        #expect(numbers[6].value == 0.025)
        #expect(numbers[7].value == .infinity && numbers[8].value == -.infinity && numbers[9].value == .infinity)
        #expect(numbers[10].value.isNaN)
        #expect(numbers[11].value == 0 && numbers[11].value.sign == .minus)
        #expect(numbers[12].integer == 0)
    }

    @Test("Big integers stay exact; huge literals become infinite (rejected later by readers)")
    func bigNumbers() {
        let v = value("[9007199254740993, 9223372036854775807, 123456789012345678901234567890, 1e400, -1e400, 0xFFFFFFFFFFFFFFFFFF]")
        let numbers = v.arrayValue!.map { $0.numberValue! }
        #expect(numbers[0].integer == 9_007_199_254_740_993)
        #expect(numbers[1].integer == Int.max)
        #expect(numbers[2].integer == nil && numbers[2].value == 1.2345678901234568e29)
        #expect(numbers[3].value == .infinity && numbers[4].value == -.infinity)
        #expect(numbers[5].value == 4.722366482869645e21)
    }

    @Test("String escapes, including surrogate pairs and \\x")
    func escapes() {
        let v = value(#"["a\"b\'c\\d\/e", "\b\f\n\r\t\v\0", "\u00e6\u00F8\u00e5", "\uD83D\uDE91", "\x41\xe6", 'say "hi"']"#)
        #expect(v == ["a\"b'c\\d/e", "\u{8}\u{C}\n\r\t\u{B}\0", "æøå", "🚑", "Aæ", "say \"hi\""])
    }

    @Test("Multi-line strings via backslash-newline (LF and CRLF)")
    func lineContinuation() {
        let v = value("{a: \"one \\\ntwo \\\r\nthree\", b: 1}")
        #expect(v == ["a": "one two three", "b": 1])
        #expect(v.objectValue!.member("b")!.keyLocation.line == 3)
    }

    @Test("Raw UTF-8 in strings and identifier keys; Unicode white space; BOM")
    func unicode() {
        let v = value("\u{FEFF}{\u{00A0}kommune:\u{3000}\"Næstved\", bæk: 'å', 'x': \"🚑\"}")
        #expect(v == ["kommune": "Næstved", "bæk": "å", "x": "🚑"])
    }

    @Test("Scalars at top level")
    func topLevelScalars() {
        #expect(value("42") == 42)
        #expect(value("  'x'  // c") == "x")
        #expect(value("null") == nil)
    }

    @Test("Every node knows its line and column (columns count characters, not bytes)")
    func locations() {
        let v = value("""
            {
              "navn": "Ærø",  "beds": 12,
            \t"list": [
                true
              ]
            }
            """)
        let o = v.objectValue!
        #expect(v.location.line == 1 && v.location.column == 1 && v.location.offset == 0)
        #expect(o.member("navn")!.keyLocation.description == "f.json5:2:3")
        #expect(o.member("navn")!.value.location.description == "f.json5:2:11")
        // "Ærø" is 5 bytes but 3 columns wide, so "beds" starts at column 19.
        #expect(o.member("beds")!.keyLocation.description == "f.json5:2:19")
        #expect(o.member("list")!.keyLocation.description == "f.json5:3:2")
        #expect(o["list"]!.arrayValue![0].location.description == "f.json5:4:5")
    }
}

@Suite("JSON5 parser: syntax errors")
struct JSON5ErrorTests {
    @Test("Missing comma between members (the planner's most common mistake)")
    func missingComma() {
        let text = """
            {
              "name": "Odense"
              "beds": 12
            }
            """
        #expect(syntaxError(text) == #"f.json5:3:3: expected ',' or '}' after object member, found '"beds"'"#)
    }

    @Test("Missing comma in array")
    func missingCommaArray() {
        #expect(syntaxError("[1, 2 3]") == "f.json5:1:7: expected ',' or ']' after array element, found '3'")
    }

    @Test("Missing colon")
    func missingColon() {
        #expect(syntaxError("{beds 12}") == "f.json5:1:7: expected ':' after key 'beds', found '12'")
    }

    @Test("Missing value")
    func missingValue() {
        #expect(syntaxError("{a: }") == "f.json5:1:5: expected a value, found '}'")
        #expect(syntaxError("[1,,2]") == "f.json5:1:4: expected a value, found ','")
    }

    @Test("Bad key")
    func badKey() {
        #expect(syntaxError("{1: 2}") == "f.json5:1:2: expected a key or '}' in object, found '1'")
        #expect(syntaxError("{a: 1,, }") == "f.json5:1:7: expected a key or '}' in object, found ','")
    }

    @Test("Unquoted strings and misspelt literals get a hint")
    func bareWords() {
        let (_, d1) = parse("{kind: emergency}")
        #expect(d1.first?.description == #"f.json5:1:8: error: expected a value, found 'emergency'; strings must be quoted: "emergency""#)
        let (_, d2) = parse("[ture]")
        #expect(d2.first?.description == "f.json5:1:2: error: expected a value, found 'ture'; did you mean 'true'?")
    }

    @Test("Unexpected end of file points at the unclosed container")
    func unexpectedEOF() {
        let (_, d) = parse("{\n  \"a\": [1, 2,\n")
        #expect(d.count == 1)
        #expect(d[0].description == """
            f.json5:3:1: error: expected a value, found end of file
            f.json5:2:8: note: the unclosed array starts here
            """)
        #expect(syntaxError("{\"a\": 1") == "f.json5:1:8: expected ',' or '}' after object member, found end of file")
    }

    @Test("Empty document and trailing garbage")
    func emptyAndTrailing() {
        #expect(syntaxError("  // nothing\n") == "f.json5:2:1: empty document; expected a value")
        #expect(syntaxError("{} }") == "f.json5:1:4: expected end of file after the document's value, found '}'")
        #expect(syntaxError("{}\n{}") == "f.json5:2:1: expected end of file after the document's value, found '{'")
    }

    @Test("Unterminated strings and comments")
    func unterminated() {
        #expect(syntaxError("{a: \"abc\n}") == #"f.json5:1:5: unterminated string: missing closing '"' before the end of the line"#)
        #expect(syntaxError("{a: 'abc") == #"f.json5:1:5: unterminated string: missing closing "'" before the end of the file"#)
        #expect(syntaxError("{a: 1 /* x\n\n") == "f.json5:1:7: unterminated block comment: missing '*/'")
        #expect(syntaxError("{a: 1 / 2}") == "f.json5:1:7: expected ',' or '}' after object member, found '/'")
    }

    @Test("Invalid escapes")
    func invalidEscapes() {
        #expect(syntaxError(#"["C:\data"]"#) == #"f.json5:1:5: invalid escape sequence '\d' in string; write a backslash as '\\'"#)
        #expect(syntaxError(#"["\u12G4"]"#) == #"f.json5:1:3: invalid escape sequence: '\u' must be followed by four hex digits"#)
        #expect(syntaxError(#"["\uD83D"]"#) == #"f.json5:1:3: invalid escape sequence '\uD83D': unpaired UTF-16 surrogate"#)
        #expect(syntaxError(#"["\uDE91"]"#) == #"f.json5:1:3: invalid escape sequence '\uDE91': unpaired UTF-16 surrogate"#)
        #expect(syntaxError(#"["\uD83D\u0041"]"#) == #"f.json5:1:3: invalid escape sequence '\uD83D': unpaired UTF-16 surrogate"#)
        #expect(syntaxError(#"["\x4"]"#) == #"f.json5:1:3: invalid escape sequence: '\x' must be followed by two hex digits"#)
        #expect(syntaxError(#"["\01"]"#) == #"f.json5:1:3: invalid escape sequence '\0' followed by a digit: octal escapes are not allowed"#)
    }

    @Test("Invalid numbers")
    func invalidNumbers() {
        #expect(syntaxError("[012]") == "f.json5:1:2: invalid number '012': leading zeros are not allowed")
        #expect(syntaxError("[1.2.3]") == "f.json5:1:2: invalid number '1.2.3'")
        #expect(syntaxError("[12abc]") == "f.json5:1:2: invalid number '12abc'")
        #expect(syntaxError("[1e]") == "f.json5:1:2: invalid number '1e': missing exponent digits")
        #expect(syntaxError("[0x]") == "f.json5:1:2: invalid number '0x': missing hex digits")
        #expect(syntaxError("[-]") == "f.json5:1:2: invalid number '-'")
        #expect(syntaxError("[.]") == "f.json5:1:2: invalid number '.'")
        #expect(syntaxError("[-Infinit]") == "f.json5:1:2: invalid number '-Infinit'")
    }

    @Test("Invalid UTF-8 and control characters")
    func invalidBytes() {
        func bytesError(_ bytes: [UInt8]) -> String {
            let diagnostics = DiagnosticCollector()
            let v = JSON5Parser().parse(bytes, file: "f.json5", diagnostics: diagnostics)
            #expect(v == nil)
            return diagnostics.sorted.map { "\($0.location!): \($0.fullMessage)" }.joined(separator: "\n")
        }
        // "ab<FF>" inside a string
        #expect(bytesError([0x5B, 0x22, 0x61, 0x62, 0xFF, 0x22, 0x5D])
            == "f.json5:1:5: invalid UTF-8 byte 0xFF; scenario files must be saved as UTF-8")
        // Latin-1 'ø' in a comment
        #expect(bytesError([0x2F, 0x2F, 0xF8, 0x0A, 0x31])
            == "f.json5:1:3: invalid UTF-8 byte 0xF8; scenario files must be saved as UTF-8")
        // overlong encoding of '/' and an encoded surrogate
        #expect(bytesError([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]).contains("invalid UTF-8 byte 0xC0"))
        #expect(bytesError([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D]).contains("invalid UTF-8 byte 0xED"))
        // a stray byte where a value should be
        #expect(bytesError([0x5B, 0xFE, 0x5D]) == "f.json5:1:2: expected a value, found invalid UTF-8 byte 0xFE")
        #expect(bytesError([0x5B, 0x01, 0x5D]) == "f.json5:1:2: expected a value, found control character U+0001")
        #expect(bytesError([0x5B, 0xC3, 0xB8, 0x5D]) == #"f.json5:1:2: expected a value, found 'ø'; strings must be quoted: "ø""#)
        #expect(bytesError([0x5B, 0xE2, 0x82, 0xAC, 0x5D]) == "f.json5:1:2: expected a value, found '€' (U+20AC)")
    }
}

@Suite("JSON5 parser: duplicate keys and depth")
struct JSON5StructureTests {
    @Test("Duplicate keys are errors with both locations; parsing goes on to find more")
    func duplicateKeys() {
        let text = """
            {
              "beds": 10,
              "hospitals": [{"name": "A", "beds": 1, "beds": 2}],
              "beds": 11
            }
            """
        let (v, d) = parse(text)
        #expect(v != nil)
        #expect(d.map(\.description) == [
            """
            f.json5:3:42: error: hospitals[0]: duplicate key 'beds' in object
            f.json5:3:31: note: 'beds' is first defined here
            """,
            """
            f.json5:4:3: error: duplicate key 'beds' in object
            f.json5:2:3: note: 'beds' is first defined here
            """,
        ])
        #expect(v?["beds"] == 10)  // the first definition is kept
    }

    @Test("Duplicate detection in large objects")
    func duplicateInLargeObject() {
        let members = (0..<100).map { "k\($0): \($0)" }.joined(separator: ", ")
        let (_, d) = parse("{\(members), k57: 1, k3: 2}")
        #expect(d.map(\.message) == ["duplicate key 'k57' in object", "duplicate key 'k3' in object"])
        #expect(d[0].notes[0].location?.column == 1 + "{".count + (0..<57).map { "k\($0): \($0), ".count }.reduce(0, +))
    }

    @Test("Nesting deeper than the limit is a clear error, not a stack overflow")
    func depthLimit() {
        let deep = String(repeating: "[", count: 100_000)
        // The path is shortened to its first and last four components.
        #expect(syntaxError(deep) == "f.json5:1:257: [0][0][0][0].…[0][0][0][0]: nesting is too deep: more than 256 levels of objects and arrays")
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(parse(ok).1.isEmpty)
        let (_, d) = parse("{a: {b: {c: 1}}}", maxDepth: 2)
        #expect(d.first.map { "\($0.location!): \($0.fullMessage)" } == "f.json5:1:9: a.b: nesting is too deep: more than 2 levels of objects and arrays")
    }
}

@Suite("JSON5 parser: number conversion")
struct JSON5NumberTests {
    @Test("Decimal literals convert exactly as the standard library does (fast and slow paths)")
    func decimalConversion() {
        var rng = FuzzRNG(state: 7)
        var literals: [String] = ["0.1", "0.2", "0.3", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308",
                                  "9007199254740993.0", "123456789012345.6", "1234567890123456.7", "0.000001", "1e22", "1e23",
                                  "8.589973e9", "3.14159", "2.718281828459045", "0.027777777777777776"]
        for _ in 0..<3_000 {
            let digits = 1 + rng.below(19)
            var text = String((0..<digits).map { _ in Character(String(rng.below(10))) })
            while text.count > 1 && text.first == "0" { text.removeFirst() }
            let point = rng.below(text.count + 1)
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            if text.first == "." { text = "0" + text }
            if text.last == "." { text += "0" }
            if rng.below(3) == 0 { text += "e\(rng.below(61) - 30)" }
            literals.append(text)
        }
        for literal in literals {
            let parsed = value(literal).numberValue?.value
            #expect(parsed == Double(literal), "\(literal)")
            #expect(value("-" + literal).numberValue?.value == -Double(literal)!, "-\(literal)")
        }
    }
}
