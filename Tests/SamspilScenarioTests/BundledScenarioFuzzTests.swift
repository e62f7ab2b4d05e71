import Foundation
import Testing
import SamspilModel
@testable import SamspilScenario

/// The bundled scenarios, mutated thousands of times through the whole input
/// path — parse, `extends`, merge, schema, cross-references, compilation —
/// give either a scenario the model accepts or error messages. Never a crash,
/// never a hang.
@Suite("Robustness: mutated bundled scenarios")
struct BundledScenarioFuzzTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Extreme values to put where a number was.
    static let extremes = ["0", "-1", "-0", "1e308", "-1e308", "1e-320", "NaN", "Infinity", "-Infinity",
                           "9223372036854775807", "18446744073709551616", "0.5", "1.5", "1e9", "2147483648", "\"7\"", "null",
                           "[]", "{}", "true"]

    /// One mutation of a line-structured JSON5 text.
    static func mutate(_ text: String, _ rng: inout FuzzRNG) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return text }
        let i = rng.below(lines.count)
        switch rng.below(7) {
        case 0:  // delete a line (a key, a list element, a closing brace)
            lines.remove(at: i)
        case 1:  // duplicate a line (duplicated keys, duplicated list elements)
            lines.insert(lines[i], at: i)
        case 2:  // replace a number on the line with an extreme value
            let line = lines[i]
            if let range = line.range(of: #"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?"#, options: .regularExpression) {
                lines[i] = line.replacingCharacters(in: range, with: extremes[rng.below(extremes.count)])
            }
        case 3:  // truncate the document
            let all = lines.joined(separator: "\n")
            return String(all.prefix(rng.below(all.count + 1)))
        case 4:  // flip one byte
            var bytes = Array(lines[i].utf8)
            if !bytes.isEmpty { bytes[rng.below(bytes.count)] ^= UInt8(1 << rng.below(8)) }
            lines[i] = String(decoding: bytes, as: UTF8.self)
        case 5:  // swap two lines
            let j = rng.below(lines.count)
            lines.swapAt(i, j)
        default:  // rename a key on the line
            if let colon = lines[i].firstIndex(of: ":") {
                lines[i].insert("x", at: colon)
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("thousands of mutations of the bundled scenarios: a valid scenario or errors, never a crash",
          arguments: ["baseline.json5", "viborg-acute-team.json5", "silkeborg-shared-beds.json5", "randers-cluster.json5"])
    func mutations(_ name: String) throws {
        // Files the mutated one may extend, unmutated.
        var files: [String: String] = [:]
        for base in ["baseline.json5", "viborg-acute-team.json5", "silkeborg-before.json5"] { files[base] = try Self.text(base) }
        let original = try Self.text(name)
        var rng = FuzzRNG(state: stableSeed(name))
        var valid = 0, invalid = 0
        for _ in 0..<1_000 {
            var mutated = original
            for _ in 0..<(1 + rng.below(3)) { mutated = Self.mutate(mutated, &rng) }
            var all = files
            all["mutated.json5"] = mutated
            switch ScenarioLoader(documents: .inMemory(all)).load("mutated.json5") {
            case .success(let loaded):
                // What the loader accepts, the model must accept too.
                _ = try CompiledScenario(loaded.file.adjustedForIncentives())
                valid += 1
            case .failure(let error):
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { !$0.message.isEmpty })
                invalid += 1
            }
        }
        // Both outcomes occur: the mutations reach the schema, not only the parser.
        #expect(valid > 50 && invalid > 50, "valid \(valid), invalid \(invalid)")
    }

    func stableSeed(_ name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
