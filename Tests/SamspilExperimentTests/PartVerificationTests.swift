import Foundation
import SamspilReport
import Testing
@testable import SamspilExperiment

/// `merge` verifies that parts are intact shards of one experiment and refuses
/// anything else with a message (issue 10, items 3 and 6): each of these merged
/// with exit 0, or trapped, before.
@Suite struct PartVerificationTests {
    static func parts(of count: Int = 2) throws -> [RunDocument] {
        try MergingTests.parts("run", [try MergingTests.baseline()], of: count)
    }

    func problem(_ parts: [RunDocument], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        MergingTests().problem(parts, sourceLocation: sourceLocation)
    }

    @Test func partialResultsAreSealed() throws {
        let parts = try Self.parts()
        for part in parts {
            let seal = try #require(part.seal)
            #expect(seal.contentDigest.count == 64 && seal.experimentDigest.count == 64)
        }
        #expect(parts[0].seal?.experimentDigest == parts[1].seal?.experimentDigest, "shards of one experiment share its digest")
        #expect(try ResultsJSON.decode(ResultsJSON.encode(parts[0])) == parts[0], "the seal survives results.json")
        #expect(try Merging.merge(parts).seal == nil, "a merged result is complete, not a part")
    }

    @Test func editedValuesAreRefused() throws {
        var part = try Self.parts()[1]
        part.runs[0].values[0][0] += 1
        #expect(problem([try Self.parts()[0], part]) == "shard 2/2 has been changed since it was written (its content digest does not match)")
        var series = try Self.parts()[1]
        series.runs[0].replicationSeries[0].values[0][3] = 0
        #expect(problem([try Self.parts()[0], series]).contains("content digest does not match"))
    }

    @Test func unsealedPartsAreRefused() throws {
        var part = try Self.parts()[1]
        part.seal = nil
        #expect(problem([try Self.parts()[0], part]) == "shard 2/2 has no content digest (written by an older samspil?); run the shard again")
    }

    @Test(arguments: [[0, 0, 0], [0, 99, 4], [1, 3, 5], [0, 2]])
    func replicationsOtherThanTheShardsAreRefused(_ numbers: [Int]) throws {
        let parts = try Self.parts()
        #expect(parts[0].runs[0].replicationNumbers == [0, 2, 4, 6])
        let claimed = try MergingTests.resealed(parts[0]) {
            $0.runs[0].replicationNumbers = numbers
            $0.runs[0].values = Array($0.runs[0].values.prefix(numbers.count))
            for s in $0.runs[0].replicationSeries.indices {
                $0.runs[0].replicationSeries[s].values = Array($0.runs[0].replicationSeries[s].values.prefix(numbers.count))
            }
        }
        #expect(problem([claimed, parts[1]]).hasPrefix("shard 1/2 of 'baseline' is not the shard it claims to be"))
    }

    @Test func aValuesRowOneShortIsRefused() throws {
        let parts = try Self.parts()
        let short = try MergingTests.resealed(parts[1]) { $0.runs[0].values[1].removeLast() }
        #expect(problem([parts[0], short]) == "'baseline' in shard 2/2: replication 3 has \(parts[1].runs[0].metrics.count - 1) values for \(parts[1].runs[0].metrics.count) metrics")
        let missingRow = try MergingTests.resealed(parts[1]) { $0.runs[0].values.removeLast() }
        #expect(problem([parts[0], missingRow]) == "'baseline' in shard 2/2 has 2 value rows for 3 replications")
    }

    @Test func anEmptySeriesListIsRefused() throws {
        let parts = try Self.parts()
        let empty = try MergingTests.resealed(parts[1]) { $0.runs[0].replicationSeries = [] }
        #expect(problem([parts[0], empty]).hasPrefix("'baseline' in shard 2/2 should carry the daily series occupancy, teamCaseload, overflow"))
        let shortDay = try MergingTests.resealed(parts[1]) { $0.runs[0].replicationSeries[2].values[0].removeLast() }
        #expect(problem([parts[0], shortDay]) == "'baseline' in shard 2/2: the daily series 'overflow' does not have one value per day for every replication")
    }

    @Test func aNullValueIsRefused() throws {
        let parts = try Self.parts()
        // `null` in results.json decodes as NaN.
        let null = try MergingTests.resealed(parts[1]) { $0.runs[0].values[0][5] = .nan }
        #expect(problem([parts[0], null]) == "'baseline' in shard 2/2: replication 1 has a null or non-finite value")
        let nullDay = try MergingTests.resealed(parts[1]) { $0.runs[0].replicationSeries[0].values[2][0] = .nan }
        #expect(problem([parts[0], nullDay]) == "'baseline' in shard 2/2: the daily series 'occupancy' has a null or non-finite value")
    }

    @Test func unreadablePartsGetOneLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("samspil-part-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("results.json")
        var text = String(decoding: try ResultsJSON.encode(try Self.parts()[1]), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"replications\" : [\n        1,", with: "\"replications\" : [\n        null,")
        try Data(text.utf8).write(to: file)
        do {
            _ = try Merging.readPart(directory.path)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message.hasSuffix("is not a results.json samspil can read (a value is missing or null at runs[0].replications[0])"))
            #expect(!error.message.contains("\n"))
        }
        #expect(throws: Merging.Problem.self) { try Merging.readPart(directory.appendingPathComponent("absent").path) }
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func millionAs() {
        #expect(SHA256.hex(repeatElement(UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

extension SHA256Tests {
    @Test func piecesGiveTheDigestOfTheWhole() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for cuts in [[0], [1, 63, 64], [63, 128, 129], [500, 999]] {
            var hasher = SHA256()
            var start = 0
            for cut in cuts + [bytes.count] {
                hasher.update(bytes[start..<cut])
                start = cut
            }
            #expect(hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() == SHA256.hex(bytes), "\(cuts)")
        }
        #expect(SHA256.hex(AnySequence(bytes)) == SHA256.hex(bytes), "a non-contiguous sequence")
    }
}
