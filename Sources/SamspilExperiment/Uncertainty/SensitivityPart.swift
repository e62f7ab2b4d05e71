import Foundation
import SamspilScenario

/// One shard's share of a probabilistic sensitivity analysis (`--shard K/N`):
/// the evaluations it ran, keyed by index, sealed with the digest of the
/// experiment they belong to, so that a merge can refuse parts of different
/// analyses, missing or repeated evaluations and edited content.
public struct SensitivityPart: Codable, Sendable, Equatable {
    public struct Indexed: Codable, Sendable, Equatable {
        public var index: Int
        public var evaluation: ProbabilisticSensitivity.Evaluation
    }

    public var format = "samspil-uncertainty-part/1"
    /// SHA-256 of everything the shards of one analysis share.
    public var experimentDigest: String
    public var shard: String
    public var evaluationCount: Int
    public var draws: Int
    public var inputNames: [String]
    public var outcomeNames: [String]
    public var horizonDays: Double
    public var population: Double
    public var settings: [String: String]
    public var evaluations: [Indexed]
    /// SHA-256 of this part's evaluations, as written.
    public var contentDigest: String

    /// The digest of an analysis: scenarios as resolved, inputs, design and settings.
    public static func experimentDigest(_ analysis: ProbabilisticSensitivity, replications: Int, design: String,
                                        seed: UInt64, tool: String) -> String {
        var text = analysis.base.resolvedText + "\u{1F}" + analysis.scenario.resolvedText
        for input in analysis.draws.inputs { text += "\u{1F}\(input.path)|\(input.distribution)|\(input.isInteger)" }
        text += "\u{1F}\(analysis.draws.count)|\(replications)|\(design)|\(seed)|\(analysis.simulation.horizonDays)|\(analysis.simulation.warmupDays)|\(tool)"
        var h = SHA256()
        h.update(Array(text.utf8))
        return SHA256.hex(h.finalize())
    }

    static func contentDigest(_ evaluations: [Indexed]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var h = SHA256()
        h.update(Array(try encoder.encode(evaluations)))
        return SHA256.hex(h.finalize())
    }

    public init(experimentDigest: String, shard: String, evaluationCount: Int, draws: Int, inputNames: [String], outcomeNames: [String],
                horizonDays: Double, population: Double, settings: [String: String],
                evaluations: [Int: ProbabilisticSensitivity.Evaluation]) throws {
        self.experimentDigest = experimentDigest
        self.shard = shard
        self.evaluationCount = evaluationCount
        self.draws = draws
        self.inputNames = inputNames
        self.outcomeNames = outcomeNames
        self.horizonDays = horizonDays
        self.population = population
        self.settings = settings
        self.evaluations = evaluations.keys.sorted().map { Indexed(index: $0, evaluation: evaluations[$0]!) }
        contentDigest = try Self.contentDigest(self.evaluations)
    }

    public struct Problem: Error, CustomStringConvertible { public var description: String }

    /// The complete result of an analysis from its parts, or why not.
    public static func merge(_ parts: [SensitivityPart]) throws(Problem) -> (SensitivityReport) {
        guard let first = parts.first else { throw Problem(description: "nothing to merge") }
        var evaluations: [Int: ProbabilisticSensitivity.Evaluation] = [:]
        for part in parts {
            guard part.format == first.format else { throw Problem(description: "a part of format \(part.format) is not \(first.format)") }
            guard (try? contentDigest(part.evaluations)) == part.contentDigest else {
                throw Problem(description: "shard \(part.shard): its content does not match its digest (edited or damaged)")
            }
            guard part.experimentDigest == first.experimentDigest else {
                throw Problem(description: "shard \(part.shard) belongs to another analysis than shard \(first.shard) (other scenarios, inputs, draws, seed or settings)")
            }
            for e in part.evaluations {
                guard (0..<first.evaluationCount).contains(e.index) else {
                    throw Problem(description: "shard \(part.shard) holds evaluation \(e.index), outside 0..<\(first.evaluationCount)")
                }
                guard evaluations.updateValue(e.evaluation, forKey: e.index) == nil else {
                    throw Problem(description: "evaluation \(e.index) appears in more than one part")
                }
            }
        }
        let missing = (0..<first.evaluationCount).filter { evaluations[$0] == nil }
        guard missing.isEmpty else {
            throw Problem(description: "\(missing.count) of \(first.evaluationCount) evaluations are missing (e.g. \(missing.prefix(5).map(String.init).joined(separator: ", "))): a shard is missing")
        }
        let result = ProbabilisticSensitivity.assemble(evaluations, draws: first.draws, inputNames: first.inputNames,
                                                       outcomeNames: first.outcomeNames)
        return SensitivityReport(result, horizonDays: first.horizonDays, population: first.population)
    }
}
