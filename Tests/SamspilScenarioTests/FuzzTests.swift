import Testing
@testable import SamspilScenario

/// SplitMix64 (Vigna), inline so the fuzz test depends on nothing else.
struct FuzzRNG {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n (n > 0); the tiny modulo bias does not matter here.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

@Suite("Robustness: mutated documents never crash or hang")
struct FuzzTests {
    static let samples: [String] = [
        validSample,
        baseline,
        """
        // What-if: more beds at OUH, Nyborg closed.
        {
          extends: "baseline.json5",
          name: 'what-if: "more beds"',
          hospitals: [
            {name: "OUH", medicalBeds: 450, /* was 400 */},
            {name: "Nyborg", "$remove": true},
            {name: "Ærø", medicalBeds: 0x1F, targetOccupancy: .85, lengthOfStayDays: 2.},
          ],
          settings: {"$replace": {seed: +7, weights: [1e-3, -0, Infinity, NaN]}},
          notes: "line one \\
        line two \\u00e6\\uD83D\\uDE91 \\x41",
        }
        """,
        """
        {"municipalities": [{"name": "Odense", "population": 210000, "hourWeights": [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 1, 1, 1, 1, 0.5, 0.5]}, {"name": "Kerteminde", "population": 24000}], "name": "x", "horizonDays": 30, "hospitals": [{"name": "OUH", "medicalBeds": 400}], "deep": [[[[{"a": [[{"b": {}}]]}]]]]}
        """,
    ]

    static let tokens: [[UInt8]] = [
        "//", "/*", "*/", "\"", "'", "\\", "\\u", "\\uD800", ",", ":", "{", "}", "[", "]", ",,", "\n", "\r", "\r\n",
        "1e999999", "-1e999999", "1e-999999", "123456789012345678901234567890", "0x" + String(repeating: "F", count: 40),
        "1" + String(repeating: "0", count: 400), "NaN", "-Infinity", "Infinity", ".", "-", "+", "0x", "1e", "01",
        "\"$remove\": true", "\"$replace\": 1", "extends: 'baseline.json5'", "extends: 'x.json5'", "null", "true",
        "\u{FEFF}", "\u{2028}", "\u{00A0}", "ø", "🚑", "name: 'OUH'",
    ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00], [0x01]]

    static func mutate(_ input: [UInt8], _ rng: inout FuzzRNG) -> [UInt8] {
        var bytes = input
        let rounds = 1 + rng.below(3)
        for _ in 0..<rounds {
            let n = bytes.count
            switch rng.below(11) {
            case 0 where n > 0:  // flip a bit
                bytes[rng.below(n)] ^= UInt8(1 << rng.below(8))
            case 1 where n > 0:  // random byte
                bytes[rng.below(n)] = UInt8(truncatingIfNeeded: rng.next())
            case 2:  // truncate
                bytes.removeLast(n == 0 ? 0 : rng.below(n))
            case 3 where n > 0:  // delete a range
                let start = rng.below(n)
                bytes.removeSubrange(start..<min(n, start + 1 + rng.below(24)))
            case 4, 5:  // duplicate or delete a line (usually a key line)
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
                guard lines.count > 1 else { continue }
                var copy = lines
                let k = rng.below(lines.count)
                if rng.below(2) == 0 { copy.insert(lines[k], at: k) } else { copy.remove(at: k) }
                bytes = Array(copy.joined(separator: [0x0A]))
            case 6:  // insert a token
                bytes.insert(contentsOf: tokens[rng.below(tokens.count)], at: rng.below(n + 1))
            case 7:  // replace a number with an extreme one
                guard let start = bytes.indices.filter({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }).randomElement(using: &rng)
                else { continue }
                var end = start
                while end < bytes.count && bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
                let extremes = ["1e308", "1e309", "-1e400", "9223372036854775808", "-9223372036854775809", "4.9e-324", "0.0", "-0", "1" + String(repeating: "9", count: 30)]
                bytes.replaceSubrange(start..<end, with: Array(extremes[rng.below(extremes.count)].utf8))
            case 8:  // deep nesting
                let depth = [100, 255, 256, 257, 5000][rng.below(5)]
                let opener: [UInt8] = rng.below(2) == 0 ? Array("[".utf8) : Array("{a:".utf8)
                bytes.insert(contentsOf: Array(repeating: opener, count: depth).joined(), at: rng.below(n + 1))
            case 9 where n > 1:  // splice: move a chunk elsewhere
                let start = rng.below(n)
                let chunk = Array(bytes[start..<min(n, start + 1 + rng.below(64))])
                bytes.insert(contentsOf: chunk, at: rng.below(n + 1))
            default:  // swap two bytes
                guard n > 1 else { continue }
                bytes.swapAt(rng.below(n), rng.below(n))
            }
        }
        return bytes
    }

    @Test("5,000 mutations: every result is a value or diagnostics")
    func mutations() {
        var rng = FuzzRNG(state: 0x5A45_5350_494C)
        let sampleBytes = Self.samples.map { Array($0.utf8) }
        var parsed = 0, failed = 0
        let clock = ContinuousClock()
        let start = clock.now
        for iteration in 0..<5_000 {
            let mutated = Self.mutate(sampleBytes[rng.below(sampleBytes.count)], &rng)
            let diagnostics = DiagnosticCollector()
            let value = JSON5Parser().parse(mutated, file: "m.json5", diagnostics: diagnostics)
            if let value {
                parsed += 1
                // Reading never crashes either, and reports problems rather than guessing.
                let context = ReadContext(diagnostics: diagnostics)
                _ = context.read(value, as: SampleSchema.scenario)
                // Printing round-trips whatever parsed.
                let printed = JSONPrinter().print(value)
                let reparsed = try? JSON5Parser.parse(printed)
                #expect(reparsed == value, "iteration \(iteration)")
            } else {
                failed += 1
                // One syntax error (the last diagnostic; duplicate keys found before it
                // may precede it), every one with a sane position.
                #expect(diagnostics.errorCount >= 1, "iteration \(iteration)")
                for diagnostic in diagnostics.diagnostics {
                    let location = diagnostic.location
                    #expect(location.map { $0.line >= 1 && $0.column >= 1 && $0.offset <= mutated.count } == true,
                            "iteration \(iteration)")
                }
            }
            #expect(value != nil || diagnostics.hasErrors)
            _ = diagnostics.render()
        }
        #expect(parsed > 100 && failed > 1_000, "parsed \(parsed), failed \(failed)")
        #expect(clock.now - start < .seconds(30))
    }

    @Test("1,000 mutated inheritance chains: loading and merging never crash")
    func mutatedChains() {
        var rng = FuzzRNG(state: 42)
        let base = Array(baseline.utf8)
        let whatIf = Array(Self.samples[2].utf8)
        for _ in 0..<1_000 {
            var files: [String: String] = [
                "baseline.json5": String(decoding: rng.below(2) == 0 ? Self.mutate(base, &rng) : base, as: UTF8.self),
                "whatif.json5": String(decoding: Self.mutate(whatIf, &rng), as: UTF8.self),
            ]
            if rng.below(4) == 0 { files["x.json5"] = "{extends: 'whatif.json5'}" }
            let diagnostics = DiagnosticCollector()
            let document = ScenarioDocumentLoader.inMemory(files).load("whatif.json5", diagnostics: diagnostics)
            if let document {
                _ = ReadContext(diagnostics: diagnostics).read(document.root, as: SampleSchema.scenario)
                _ = JSONPrinter().print(document.root)
            }
            #expect(document != nil || diagnostics.hasErrors)
        }
    }
}

extension FuzzRNG: RandomNumberGenerator {}
