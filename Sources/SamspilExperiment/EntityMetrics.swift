import SamspilReport

/// The rows every payer entity gets in the outputs (level and entity name in
/// their own columns): its account, line by line.
public enum EntityMetrics {
    public static let accountLines: [(name: String, description: String)] = [
        ("payer.costs", "resource costs this payer bears"),
        ("payer.transfersIn", "transfers this payer receives"),
        ("payer.transfersOut", "transfers this payer pays"),
        ("payer.net", "net burden of this payer: costs + paid − received"),
    ]

    /// The costs of cooperation (`economics.implementation`), all payers together.
    public static let implementation = MetricInfo(name: "cost.implementation", unit: "DKK",
                                                  description: "costs of cooperation: IT, training, leaders' and physicians' time, medicine supplied (economics.implementation)",
                                                  group: "costs by provider")
}
