import Foundation
import SamspilReport
import SamspilScenario

/// `samspil init`: a ready, commented scenario for any Danish municipality.
enum InitCommand {
    static let command = Command(
        name: "init", summary: "Write a ready scenario for a Danish municipality.",
        usage: "samspil init --municipality NAME [--team none|daytime|24/7] [--out FILE] [--force]",
        discussion: """
        Writes a scenario for one of the 98 Danish municipalities from the bundled
        national geography: the real 2024 population by age band, the acute
        hospitals its citizens use, medical beds scaled to its citizens (an
        assumption, stated in the file), and the calibrated baseline parameter
        set with its sources. With --team it adds a municipal acute team staffed
        like Viborg's, scaled by the population 65+. The file validates and runs
        as written; edit it to match local figures.

        Without --out the scenario goes to standard output. `--list` prints the
        municipalities' names.
        """,
        options: [
            OptionSpec("--municipality", short: "-m", value: "NAME", help: "The municipality (e.g. Skive; case and æ/ø/å spelling do not matter)."),
            OptionSpec("--team", value: "KIND", help: "none (default), daytime (07–23) or 24/7."),
            OptionSpec("--out", short: "-o", value: "FILE", help: "Write the scenario to FILE instead of standard output."),
            OptionSpec("--force", help: "Replace FILE if it exists."),
            OptionSpec("--list", help: "List the municipalities and exit."),
        ],
        examples: [
            "samspil init --municipality Skive --out skive.json5",
            "samspil init -m Skive --team 24/7 --out skive-24-7.json5",
            "samspil compare skive.json5 skive-24-7.json5",
        ],
        run: { args, console in
            guard args.positional.isEmpty else {
                throw UsageError("unexpected argument '\(args.positional[0])' (give the municipality with --municipality)", command: "init")
            }
            if args.flag("--list") {
                for m in DanishGeography.municipalities {
                    console.out("\(m.name.padding(18))\(m.region.padding(20))\(MunicipalityScenario.thousands(m.totalPopulation))\n")
                }
                return 0
            }
            guard let name = args.value("--municipality") else {
                throw UsageError("give the municipality with --municipality NAME (`samspil init --list` lists them)", command: "init")
            }
            guard let municipality = DanishGeography.municipality(named: name) else {
                let hint = DanishGeography.suggestion(for: name).map { ", did you mean '\($0)'?" } ?? " (`samspil init --list` lists them)"
                throw UsageError("no Danish municipality called '\(name)'\(hint)", command: "init")
            }
            var team = MunicipalityScenario.Team.none
            if let kind = args.value("--team") {
                guard let t = MunicipalityScenario.Team(rawValue: kind) ?? (kind == "24-7" || kind == "247" ? .roundTheClock : nil) else {
                    throw UsageError("--team takes none, daytime or 24/7, got '\(kind)'", command: "init")
                }
                team = t
            }
            let scenario = MunicipalityScenario(municipality: municipality, team: team)
            var words = ["samspil", "init", "--municipality", municipality.name]
            if team != .none { words += ["--team", team.rawValue] }
            let text = scenario.text(commandLine: words.joined(separator: " "))
            guard let path = args.value("--out") else {
                console.out(text)
                return 0
            }
            guard !path.isEmpty else { throw UsageError("--out needs a file name", command: "init") }
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    throw UsageError("--out \(path) is a directory; give a file name such as \(path)/\(scenario.suggestedFileName)", command: "init")
                }
                if !args.flag("--force") {
                    throw UsageError("\(path) exists; add --force to replace it", command: "init")
                }
            }
            // Like --trace: through a symbolic link, never onto a FIFO or device.
            let destination: FileDestination
            do { destination = try FileDestination.check(url.path) } catch {
                throw UsageError("--out '\(path)': \(error)", command: "init")
            }
            do {
                try destination.stage(Data(text.utf8)).publish()
            } catch {
                throw RuntimeFailure(message: "cannot write \(path): \(Destinations.reason(error))")
            }
            console.err("wrote \(path) (\(municipality.name), \(MunicipalityScenario.thousands(municipality.totalPopulation)) citizens, team: \(team.rawValue))\n")
            return 0
        })
}
