/// Rows per municipality, hospital, region, team, acute-bed unit or payer on
/// the terminal: what `--by LEVEL` and `--entity NAME` print after the
/// system table. The console shows each level's main metrics; the files
/// always carry every row.
public enum EntityTable {
    /// The levels `--by` takes, in the order they print.
    public static let levels = ["municipality", "hospital", "region", "team", "acuteBeds", "payer"]

    /// The main metrics of each level, in the order they print.
    static let mainMetrics: [String: [String]] = [
        "municipality": ["episodes", "admissions", "avoidedAdmissions", "readmissions", "teamEpisodes", "acuteBedEpisodes",
                         "bedDays", "delayedDischargeDays", "resourceCost", "payer.net"],
        "hospital": ["admissions", "meanOccupancy", "p95Occupancy", "overcrowdingPatients2300", "overflowBedHours",
                     "meanLengthOfStay", "bedDays"],
        "region": ["admissions", "bedDays", "meanOccupancy", "overcrowdingPatients2300", "episodes", "avoidedAdmissions",
                   "payer.net"],
        "team": ["teamEpisodes", "teamRefusals", "teamUtilisation", "teamResponseMeanHours", "teamEscalations"],
        "acuteBeds": ["acuteBedEpisodes", "acuteBedRefusals", "acuteBedOccupancy", "acuteBedDays"],
        "payer": ["payer.costs", "payer.transfersIn", "payer.transfersOut", "payer.net"],
    ]

    /// Every entity name in `metrics`, once, in order (for `--entity` and its "did you mean").
    /// - Complexity: O(metrics).
    public static func entityNames(_ metrics: [MetricInfo]) -> [String] {
        var seen = Set<String>()
        return metrics.compactMap(\.entity).filter { seen.insert($0).inserted }
    }

    /// The indices of `level`'s main rows in `metrics`, entity by entity, only
    /// `entity`'s when one is given. Payer rows are every payer account, at
    /// whatever level the payer is (municipality, region, state, …).
    /// - Complexity: O(metrics).
    static func rows(_ metrics: [MetricInfo], level: String, entity: String?) -> [Int] {
        let wanted = mainMetrics[level] ?? []
        var byEntity: [String: [Int]] = [:]
        var order: [String] = []
        for (i, m) in metrics.enumerated() {
            guard let name = m.entity, let rowLevel = m.level, entity == nil || name == entity else { continue }
            let inLevel = level == "payer" ? m.name.hasPrefix("payer.") : rowLevel == level && wanted.contains(m.name)
            guard inLevel else { continue }
            let key = level == "payer" ? rowLevel + "\u{0}" + name : name
            if byEntity[key] == nil { order.append(key) }
            byEntity[key, default: []].append(i)
        }
        return order.flatMap { key in byEntity[key]!.sorted { wanted.firstIndex(of: metrics[$0].name)! < wanted.firstIndex(of: metrics[$1].name)! } }
    }

    /// The entity column: the name, with its level for payer rows (a region's
    /// name is also its general practice's and its joint budget's).
    static func entityLabel(_ m: MetricInfo, level: String) -> String {
        level == "payer" ? "\(m.level ?? ""): \(m.entity ?? "")" : m.entity ?? ""
    }

    /// Entity, metric, unit, mean and 95 % CI of a run's rows at each of `levels`.
    /// - Complexity: O(levels × metrics).
    public static func summary(_ run: ScenarioRun, levels: [String], entity: String?, useColor: Bool, width: Int = 100) -> String {
        let style = TerminalTable.Style(enabled: useColor)
        var out = ""
        for level in levels {
            let indices = rows(run.metrics, level: level, entity: entity)
            guard !indices.isEmpty else { continue }
            var previous: String?
            let cells: [[String]] = indices.map { i in
                let m = run.metrics[i], e = run.estimates[i], name = entityLabel(m, level: level)
                let numbers = NumberText.displayGroup([e.mean, e.ciLow, e.ciHigh])
                let ci = e.ciLow != nil && e.ciHigh != nil ? numbers[1] + " – " + numbers[2] : "–"
                defer { previous = name }
                return [name == previous ? "" : name, m.name, m.unit, numbers[0], ci]
            }
            let layout = TerminalTable.Layout(header: ["Entity", "Metric", "Unit", "Mean", "95 % CI"], rows: cells,
                                              rightAligned: [false, false, false, true, true], width: width)
            out += "\n" + style.bold("\(run.label) by \(level)") + "\n"
            out += layout.render(style: style, styledColumns: [], rowStyle: { _ in nil })
        }
        return out
    }

    /// Base, scenario and paired difference with 95 % CI of every comparison's
    /// rows at each of `levels`; `*` when the interval excludes zero. Rows
    /// only the scenario has (a team the base lacks) show the scenario's mean
    /// alone. The default width leaves room for an entity's full name beside the numbers.
    /// - Complexity: O(comparisons × levels × metrics).
    public static func comparison(_ document: RunDocument, levels: [String], entity: String?, useColor: Bool,
                                  width: Int = 120) -> String {
        let style = TerminalTable.Style(enabled: useColor)
        var out = ""
        for comparison in document.comparisons {
            guard let base = document.run(labelled: comparison.baseLabel) ?? document.runs.first else { continue }
            let scenario = document.run(labelled: comparison.label)
            let baseIndex = Dictionary(base.metrics.enumerated().map { ($1.key, $0) }) { a, _ in a }
            let scenarioIndex = scenario.map { run in Dictionary(run.metrics.enumerated().map { ($1.key, $0) }) { a, _ in a } } ?? [:]
            for level in levels {
                // (row, base index, scenario index)
                var lines = rows(base.metrics, level: level, entity: entity).filter { $0 < comparison.differences.count }
                    .map { (base.metrics[$0], Optional($0), scenarioIndex[base.metrics[$0].key]) }
                if let scenario {
                    lines += rows(scenario.metrics, level: level, entity: entity).filter { baseIndex[scenario.metrics[$0].key] == nil }
                        .map { (scenario.metrics[$0], nil, Optional($0)) }
                }
                guard !lines.isEmpty else { continue }
                var previous: String?
                var tones: [TerminalTable.Tone?] = []
                let cells: [[String]] = lines.map { m, b, s in
                    let name = entityLabel(m, level: level)
                    defer { previous = name }
                    let means = NumberText.displayGroup([b.map { base.estimates[$0].mean }, s.map { scenario!.estimates[$0].mean }])
                    let head = [name == previous ? "" : name, m.name, m.unit, b == nil ? "" : means[0], s == nil ? "" : means[1]]
                    guard let b else {
                        tones.append(nil)
                        return head + ["", "–", ""]
                    }
                    let d = comparison.differences[b]
                    let diffs = NumberText.displayGroup([d.mean, d.ciLow, d.ciHigh])
                    let ci = d.ciLow != nil && d.ciHigh != nil ? diffs[1] + " – " + diffs[2] : "–"
                    let significant = d.ciExcludesZero == true
                    tones.append(significant ? TerminalTable.tone(metric: toneID(m), difference: d.mean) : nil)
                    return head + [TerminalTable.signed(diffs[0], d.mean), ci, significant ? "*" : ""]
                }
                let layout = TerminalTable.Layout(header: ["Entity", "Metric", "Unit", "Base", "Scenario", "Difference", "95 % CI", ""],
                                                  rows: cells, rightAligned: [false, false, false, true, true, true, true, false],
                                                  width: width)
                out += "\n" + style.bold("\(comparison.label) vs \(comparison.baseLabel) by \(level)") + "\n"
                out += layout.render(style: style, styledColumns: [5, 6, 7], rowStyle: { tones[$0] })
            }
        }
        return out
    }

    /// The identity whose desirable direction an entity's row shares: its
    /// payer account lines read as a payer's (`payer.<level>.net`).
    static func toneID(_ m: MetricInfo) -> MetricID {
        guard m.name.hasPrefix("payer."), let level = m.level else { return MetricID(m.name) }
        return MetricID("payer.\(level)." + m.name.dropFirst("payer.".count))
    }
}
