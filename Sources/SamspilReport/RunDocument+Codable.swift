/// Hand-written `Codable` for the types that carry measured numbers, so that a
/// NaN or infinity is written as JSON `null` instead of making the encoder
/// throw (see ``ResultsJSON`` for the policy). For finite values the JSON is
/// exactly what the synthesised conformance would produce: same keys, absent
/// optional fields omitted. Runs, series and the document itself are coded in
/// `ResultsJSONFormat.swift`.

private enum EstimateKeys: String, CodingKey { case n, mean, sd, ciLow, ciHigh }

extension Estimate {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: EstimateKeys.self)
        self.init(n: try c.decode(Int.self, forKey: .n),
                  mean: try c.decodeIfPresent(Double.self, forKey: .mean) ?? .nan,
                  sd: try c.decodeIfPresent(Double.self, forKey: .sd),
                  ciLow: try c.decodeIfPresent(Double.self, forKey: .ciLow),
                  ciHigh: try c.decodeIfPresent(Double.self, forKey: .ciHigh))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: EstimateKeys.self)
        try c.encode(n, forKey: .n)
        if mean.isFinite { try c.encode(mean, forKey: .mean) } else { try c.encodeNil(forKey: .mean) }
        try c.encodeIfPresent(sd.finite, forKey: .sd)
        try c.encodeIfPresent(ciLow.finite, forKey: .ciLow)
        try c.encodeIfPresent(ciHigh.finite, forKey: .ciHigh)
    }
}

extension Double {
    /// `self` if finite, else nil.
    var finiteOrNil: Double? { isFinite ? self : nil }
}

extension Optional where Wrapped == Double {
    /// The value if present and finite, else nil.
    var finite: Double? { flatMap(\.finiteOrNil) }
}
