/// "Who pays, who saves" in words: the payers whose net burden changed
/// significantly between two runs, largest first — the result that cooperation
/// between sectors usually leaves invisible.
public enum WhoPays {
    /// For example "the municipality pays 10.2M DKK more, the region 1.80M DKK more;
    /// the state saves 1.30M DKK".
    /// `nil` when no payer's net changed significantly.
    public static func sentence(_ comparison: Comparison, base: ScenarioRun) -> String? {
        var pays: [(String, Double)] = []
        var saves: [(String, Double)] = []
        // By name when the run has payer entities; by payer type otherwise.
        let byName = base.metrics.contains { $0.level != nil && $0.name == "payer.net" }
        for (m, metric) in base.metrics.enumerated() {
            let name: String
            if byName {
                guard metric.name == "payer.net", let level = metric.level, let entity = metric.entity else { continue }
                name = displayEntity(level: level, name: entity)
            } else {
                guard PayerMetricID(metric.id)?.kind == .net else { continue }
                name = display(metric.group.hasPrefix("payer: ") ? String(metric.group.dropFirst(7)) : metric.name)
            }
            guard m < comparison.differences.count else { continue }
            let d = comparison.differences[m]
            guard d.ciExcludesZero == true, d.mean != 0 else { continue }
            if d.mean > 0 { pays.append((name, d.mean)) } else { saves.append((name, -d.mean)) }
        }
        guard !pays.isEmpty || !saves.isEmpty else { return nil }
        func list(_ items: [(String, Double)], verb: String, suffix: String) -> String {
            items.sorted { $0.1 > $1.1 }.enumerated()
                .map { "\($0.element.0) \($0.offset == 0 ? verb + " " : "")\(NumberText.display($0.element.1)) DKK\(suffix)" }
                .joined(separator: ", ")
        }
        var parts: [String] = []
        if !pays.isEmpty { parts.append(list(pays, verb: "pays", suffix: " more")) }
        if !saves.isEmpty { parts.append(list(saves, verb: "saves", suffix: "")) }
        return parts.joined(separator: "; ") + " (net burden over the measured period; only differences whose 95 % CI excludes 0)."
    }

    /// A named payer in words: "Viborg municipality", "Region Midtjylland",
    /// "general practice in Region Midtjylland", "the state".
    public static func displayEntity(level: String, name: String) -> String {
        switch level {
        case "municipality": return name.lowercased().contains("kommune") ? name : "\(name) municipality"
        case "region", "state": return name
        case "generalPractice": return "general practice in \(name)"
        case "jointBudget": return "the joint budget of \(name)"
        default: return "\(name) (\(level))"
        }
    }

    static func display(_ payer: String) -> String {
        switch payer {
        case "generalPractice": return "general practice"
        case "jointBudget": return "the joint budget"
        default: return "the " + payer
        }
    }
}
