/// "Who pays, who saves" in words: the payers whose net burden changed
/// significantly between two runs, largest first — the result that cooperation
/// between sectors usually leaves invisible.
public enum WhoPays {
    /// For example "the municipality pays 10.2M DKK more, the region 1.80M DKK more;
    /// the state saves 1.30M DKK".
    /// `nil` when no payer's net changed significantly.
    public static func sentence(_ comparison: Comparison, base: ScenarioRun, language: ReportLanguage = .english) -> String? {
        var pays: [(String, Double)] = []
        var saves: [(String, Double)] = []
        // By name when the run has payer entities; by payer type otherwise.
        let byName = base.metrics.contains { $0.level != nil && $0.name == "payer.net" }
        for (m, metric) in base.metrics.enumerated() {
            let name: String
            if byName {
                guard metric.name == "payer.net", let level = metric.level, let entity = metric.entity else { continue }
                name = displayEntity(level: level, name: entity, language: language)
            } else {
                guard PayerMetricID(metric.id)?.kind == .net else { continue }
                name = display(metric.group.hasPrefix("payer: ") ? String(metric.group.dropFirst(7)) : metric.name, language)
            }
            guard m < comparison.differences.count else { continue }
            let d = comparison.differences[m]
            guard d.ciExcludesZero == true, d.mean != 0 else { continue }
            if d.mean > 0 { pays.append((name, d.mean)) } else { saves.append((name, -d.mean)) }
        }
        guard !pays.isEmpty || !saves.isEmpty else { return nil }
        func list(_ items: [(String, Double)], first: Phrase, then: Phrase) -> String {
            items.sorted { $0.1 > $1.1 }.enumerated()
                .map { ($0.offset == 0 ? first : then)(language, $0.element.0, language.number(NumberText.display($0.element.1))) }
                .joined(separator: ", ")
        }
        var parts: [String] = []
        if !pays.isEmpty { parts.append(list(pays, first: .paysMore, then: .alsoMore)) }
        if !saves.isEmpty { parts.append(list(saves, first: .saves, then: .alsoSaves)) }
        return parts.joined(separator: "; ") + Phrase.whoPaysQualifier(language)
    }

    /// A named payer in words: "Viborg municipality", "Region Midtjylland",
    /// "general practice in Region Midtjylland", "the state".
    public static func displayEntity(level: String, name: String, language: ReportLanguage = .english) -> String {
        switch level {
        case "municipality": return name.lowercased().contains("kommune") ? name : Phrase.namedMunicipality(language, name)
        case "state": return name == "the state" ? Phrase.theState(language) : name
        case "region": return name
        case "generalPractice": return Phrase.namedGeneralPractice(language, name)
        case "jointBudget": return Phrase.namedJointBudget(language, name)
        default: return "\(name) (\(level))"
        }
    }

    static func display(_ payer: String, _ language: ReportLanguage) -> String {
        switch payer {
        case "generalPractice": return Phrase.generalPractice(language)
        case "jointBudget": return Phrase.theJointBudget(language)
        case "region": return Phrase.theRegion(language)
        case "municipality": return Phrase.theMunicipality(language)
        case "state": return Phrase.theState(language)
        default: return "the " + payer
        }
    }
}
