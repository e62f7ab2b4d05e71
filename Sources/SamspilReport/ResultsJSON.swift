import Foundation

/// `results.json`: the whole ``RunDocument``, pretty-printed with sorted keys so
/// two runs with the same seed give byte-identical files that diff cleanly.
///
/// ## Non-finite numbers
/// JSON has no NaN or infinity, and `JSONEncoder` throws on them by default,
/// which would lose a whole run's results over one undefined ratio. The policy:
///
/// - Measured numbers — ``Estimate`` fields, ``SeriesBand`` points and
///   per-replication values — are written as `null` when not
///   finite (their `Codable` conformance in `RunDocument+Codable.swift` does
///   this, so any `JSONEncoder` follows it). Optional fields (`sd`, `ciLow`,
///   `ciHigh`) decode `null` as nil, "not available"; required ones (`mean`,
///   series points, replication values) decode `null` as NaN. So infinities
///   come back as NaN: the document stays valid JSON that R, pandas and `jq`
///   read, at the cost of not distinguishing +∞ from −∞ from NaN.
/// - Any other `Double` (the experiment's warm-up, horizon and wall-clock
///   seconds) is a safety net case: it is written as the strings `"Infinity"`,
///   `"-Infinity"` or `"NaN"` and ``decode(_:)`` reads those back.
public enum ResultsJSON {
    /// The format version `results.json` carries in its `version` field:
    /// 2 since named objects replaced parallel arrays (see `ResultsJSONFormat.swift`).
    public static let formatVersion = 2

    /// The encoder used for `results.json`.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// The decoder matching ``makeEncoder()``.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    /// The UTF-8 bytes of `results.json`, ending with a newline.
    public static func encode(_ document: RunDocument) throws -> Data {
        var data = try makeEncoder().encode(document)
        data.append(0x0A)
        return data
    }

    /// Reads a `results.json` written by ``encode(_:)`` (or by any `JSONEncoder`).
    public static func decode(_ data: Data) throws -> RunDocument {
        try makeDecoder().decode(RunDocument.self, from: data)
    }
}
