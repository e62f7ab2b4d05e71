/// Hand-written `Codable` for the types that carry measured numbers, so that a
/// NaN or infinity is written as JSON `null` instead of making the encoder
/// throw (see ``ResultsJSON`` for the policy). For finite values the JSON is
/// exactly what the synthesised conformance would produce: same keys, absent
/// optional fields omitted.

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

private enum SeriesBandKeys: String, CodingKey { case name, unit, day, mean, low, high }

extension SeriesBand {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: SeriesBandKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name),
                  unit: try c.decode(String.self, forKey: .unit),
                  day: try c.decode([Int].self, forKey: .day),
                  mean: try c.decode([Double?].self, forKey: .mean).map { $0 ?? .nan },
                  low: try c.decode([Double?].self, forKey: .low).map { $0 ?? .nan },
                  high: try c.decode([Double?].self, forKey: .high).map { $0 ?? .nan })
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: SeriesBandKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        try c.encode(day, forKey: .day)
        try c.encode(mean.map(\.finiteOrNil), forKey: .mean)
        try c.encode(low.map(\.finiteOrNil), forKey: .low)
        try c.encode(high.map(\.finiteOrNil), forKey: .high)
    }
}

private enum ScenarioRunKeys: String, CodingKey {
    case label, scenarioName, resolvedScenario, metrics, replicationNumbers, values, estimates, series, replicationSeries
}

extension ScenarioRun {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ScenarioRunKeys.self)
        self.init(label: try c.decode(String.self, forKey: .label),
                  scenarioName: try c.decode(String.self, forKey: .scenarioName),
                  resolvedScenario: try c.decode(String.self, forKey: .resolvedScenario),
                  metrics: try c.decode([MetricInfo].self, forKey: .metrics),
                  replicationNumbers: try c.decode([Int].self, forKey: .replicationNumbers),
                  values: try c.decode([[Double?]].self, forKey: .values).map { $0.map { $0 ?? .nan } },
                  estimates: try c.decode([Estimate].self, forKey: .estimates),
                  series: try c.decode([SeriesBand].self, forKey: .series))
        replicationSeries = try c.decodeIfPresent([ReplicationSeries].self, forKey: .replicationSeries) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ScenarioRunKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(scenarioName, forKey: .scenarioName)
        try c.encode(resolvedScenario, forKey: .resolvedScenario)
        try c.encode(metrics, forKey: .metrics)
        try c.encode(replicationNumbers, forKey: .replicationNumbers)
        try c.encode(values.map { $0.map(\.finiteOrNil) }, forKey: .values)
        try c.encode(estimates, forKey: .estimates)
        try c.encode(series, forKey: .series)
        // Only partial (shard) documents carry per-replication series.
        if !replicationSeries.isEmpty { try c.encode(replicationSeries, forKey: .replicationSeries) }
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
