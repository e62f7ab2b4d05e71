/// A ready, commented scenario file for one Danish municipality: its real
/// population, its catchment hospitals with beds scaled to its citizens, the
/// calibrated baseline parameter set (copied verbatim, comments and sources
/// included), and optionally an acute team.
///
/// This is what `samspil init` writes. Every assumption the file makes is
/// stated in its header and in the `source` notes of the values it sets.
public struct MunicipalityScenario: Sendable {
    /// The acute team to include.
    public enum Team: String, Sendable, CaseIterable {
        /// No acute team: the "before" picture.
        case none
        /// Day and evening shifts, 07–23 (as Viborg's team).
        case daytime
        /// Day, evening and night shifts (the national standard since 2023).
        case roundTheClock = "24/7"
    }

    public var municipality: DanishMunicipality
    public var team: Team

    public init(municipality: DanishMunicipality, team: Team = .none) {
        self.municipality = municipality
        self.team = team
    }

    /// A file name for the scenario: the municipality's name in lower case, ASCII, with the team option.
    public var suggestedFileName: String {
        var slug = DanishGeography.folded(municipality.name).map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        switch team {
        case .none: break
        case .daytime: slug += "-daytime-team"
        case .roundTheClock: slug += "-24-7-team"
        }
        return slug + ".json5"
    }

    /// The scenario file's text (JSON5).
    /// - Parameter commandLine: the command that made it, quoted in the header.
    public func text(commandLine: String) -> String {
        var out = header(commandLine: commandLine)
        out += "{\n"
        out += "  name: \(quoted(suggestedFileName.replacingSuffix(".json5", with: ""))),\n"
        out += "  description: \(quoted(description)),\n\n"
        for (key, text) in Self.baselineSections {
            out += text
            if key == "ageBands" {
                out += "\n" + geography() + "\n"
            } else {
                out += "\n"
            }
        }
        if team != .none { out += acuteTeam() }
        out += "}\n"
        return out
    }

    var description: String {
        let people = Self.thousands(municipality.totalPopulation)
        switch team {
        case .none: return "\(municipality.name) (\(people) citizens) and its acute hospitals; no acute team; calibrated baseline parameters."
        case .daytime: return "\(municipality.name) (\(people) citizens) with a 07–23 municipal acute team; calibrated baseline parameters."
        case .roundTheClock: return "\(municipality.name) (\(people) citizens) with a 24/7 municipal acute team; calibrated baseline parameters."
        }
    }

    func header(commandLine: String) -> String {
        let m = municipality
        let hospitals = m.catchment.map { "\($0.hospital) (\(Self.percent($0.share)) of admissions, \($0.beds) beds)" }
            .joined(separator: "; ")
        return """
        // \(m.name) — made by `\(commandLine)`.
        //
        // REAL        \(m.name)'s citizens on 1 January 2024 (Statistics Denmark, FOLK1AM): \(Self.thousands(m.totalPopulation)).
        // ESTIMATED   the split into age bands (by municipality type, raked to the national totals).
        // ASSUMED     the acute hospitals and their shares (regional acute-hospital areas, illustrative):
        //             \(hospitals).
        //             Beds: the share of each hospital's medical beds this municipality's citizens use,
        //             scaled from the baseline's 81 beds for Viborg's citizens (≈90 % mean occupancy with
        //             no acute team) in proportion to expected bed-days. Check them against your own
        //             figures: occupancy drives overcrowding and delayed discharges.
        // CALIBRATED  patient groups, demand profile, GP contact, doctors' trust, discharge rules,
        //             readmission and coordination: the baseline's parameter set (docs/calibration.md),
        //             copied below with its sources.\(teamHeader)
        //
        // Run it:     samspil run \(suggestedFileName)
        // Explain it: samspil validate \(suggestedFileName)   and   samspil show \(suggestedFileName) --origins

        """
    }

    var teamHeader: String {
        switch team {
        case .none:
            return "\n// TEAM        none. Make a variant with `--team 24/7` or `--team daytime` and compare the two."
        case .daytime, .roundTheClock:
            return "\n// TEAM        illustrative: Viborg's team (4 day / 3 evening nurses for ≈95,000 citizens) scaled by\n"
                + "//             the population 65+; response, visit and travel times as Viborg's."
        }
    }

    func geography() -> String {
        let m = municipality
        var regions = [m.region]
        for c in m.catchment {
            let r = DanishGeography.hospitalRegions[c.hospital] ?? m.region
            if !regions.contains(r) { regions.append(r) }
        }
        var out = "  regions: [\(regions.map { "{ name: \(quoted($0)) }" }.joined(separator: ", "))],\n\n"
        out += "  // ASSUMED: this municipality's share of each hospital's medical beds (see the header).\n"
        out += "  hospitals: [\n"
        for c in m.catchment {
            let region = DanishGeography.hospitalRegions[c.hospital] ?? m.region
            out += "    {\n"
            out += "      name: \(quoted(c.hospital)),\n"
            out += "      region: \(quoted(region)),\n"
            out += "      medicalBeds: \(c.beds),\n"
            out += "      source: \"assumption: the beds \(m.name)'s citizens use, scaled from the baseline (81 beds for Viborg at ≈90 % occupancy) by expected bed-days\",\n"
            out += "      dischargeHours: { from: 8, to: 20 },\n"
            out += "    },\n"
        }
        out += "  ],\n\n"
        let population = zip(DanishGeography.ageBands, m.population).map { "\(quoted($0)): \($1)" }.joined(separator: ", ")
        let shares = m.catchment.map { "\(quoted($0.hospital)): \(Self.number($0.share))" }.joined(separator: ", ")
        out += "  municipalities: [\n"
        out += "    {\n"
        out += "      name: \(quoted(m.name)),\n"
        out += "      region: \(quoted(m.region)),\n"
        out += "      population: { \(population) },\n"
        out += "      source: \"Statistics Denmark FOLK1AM 1 January 2024 (total real; age split estimated); catchment shares illustrative\",\n"
        out += "      hospitals: { \(shares) },\n"
        out += "    },\n"
        out += "  ],\n"
        return out
    }

    func acuteTeam() -> String {
        let m = municipality
        var shifts = [("day", 7, 15, m.nurses.day), ("evening", 15, 23, m.nurses.evening)]
        if team == .roundTheClock { shifts.append(("night", 23, 7, m.nurses.night)) }
        var out = "  acuteTeams: [\n"
        out += "    {\n"
        out += "      name: \(quoted("\(m.name) akutteam")),\n"
        out += "      municipalities: [\(quoted(m.name))],\n"
        out += "      source: \"illustrative: Viborg's team scaled by the population 65+\(team == .roundTheClock ? ", plus night cover (the 2023 national standard, docs/domain.md §4.15)" : "")\",\n"
        out += "      shifts: [\n"
        for (name, from, to, nurses) in shifts {
            out += "        { name: \"\(name)\", from: \(from), to: \(to), nurses: \(nurses) },\n"
        }
        out += "      ],\n"
        out += "      maximumCaseload: \(m.maximumCaseload),\n"
        out += "      responseDelay: { lognormal: { meanHours: 1.5, sdHours: 1 } },   // \"within a few hours\" (docs/domain.md §4.15)\n"
        out += "      visitDuration: { lognormal: { meanMinutes: 40, sdMinutes: 15 } },\n"
        out += "      travelTime: { lognormal: { meanMinutes: 20, sdMinutes: 10 } },\n"
        out += "    },\n"
        out += "  ],\n"
        return out
    }

    func quoted(_ s: String) -> String {
        var out = "\""
        for c in s {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(c)
            }
        }
        return out + "\""
    }

    public static func thousands(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
