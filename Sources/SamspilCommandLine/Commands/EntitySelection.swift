import SamspilExperiment
import SamspilReport
import SamspilScenario

/// Which entity rows `run` and `compare` print after the system table:
/// `--by LEVEL` (repeatable) and `--entity NAME`. The files carry every row
/// whatever is selected.
struct EntitySelection {
    static let options: [OptionSpec] = [
        OptionSpec("--by", value: "LEVEL", repeatable: true,
                   help: "Also print each entity's main rows at LEVEL: municipality, hospital, region, team, acuteBeds or payer (repeatable; the files carry every row)."),
        OptionSpec("--entity", value: "NAME", help: "Print only the rows of the entity NAME (a municipality, hospital, region, team, acute-bed unit or payer, as named in the scenario)."),
    ]

    /// The levels to print, in the order given; empty for none.
    var levels: [String]
    var entity: String?

    /// Reads and checks `--by` and `--entity` against the scenarios' entities,
    /// before anything runs: an unknown level or name is a usage error (exit 2)
    /// with the closest known one as a suggestion.
    /// - Complexity: O(configurations × entities).
    init(_ args: ParsedArguments, experiment: Experiment, command: String) throws(UsageError) {
        levels = []
        for level in args.all("--by") where !levels.contains(level) {
            guard EntityTable.levels.contains(level) else {
                let suggestion = Suggestions.closest(to: level, among: EntityTable.levels).map { ", did you mean \($0)?" } ?? ""
                throw UsageError("--by takes \(EntityTable.levels.joined(separator: ", ")); got '\(level)'\(suggestion)", command: command)
            }
            levels.append(level)
        }
        entity = args.value("--entity")
        guard let entity else { return }
        var names: [String] = []
        for configuration in experiment.configurations {
            let infos = ExperimentRunner.metricInfos(for: configuration.file.scenario, economics: configuration.file.economics)
            names += EntityTable.entityNames(infos).filter { !names.contains($0) }
        }
        guard names.contains(entity) else {
            let suggestion = Suggestions.closest(to: entity, among: names).map { ", did you mean '\($0)'?" } ?? ""
            throw UsageError("no entity named '\(entity)' in the scenario\(suggestion)", command: command)
        }
        // An entity alone shows its rows at every level it has.
        if levels.isEmpty { levels = EntityTable.levels }
    }

    /// The entity rows for the console, after the system table ("" when nothing is selected).
    func table(_ document: RunDocument, useColor: Bool) -> String {
        guard !levels.isEmpty else { return "" }
        return document.comparisons.isEmpty
            ? EntityTable.summary(document.runs[0], levels: levels, entity: entity, useColor: useColor)
            : EntityTable.comparison(document, levels: levels, entity: entity, useColor: useColor)
    }
}
