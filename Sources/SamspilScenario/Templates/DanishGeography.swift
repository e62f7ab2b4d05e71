/// A Danish municipality as `samspil init` knows it: real 2024 population
/// (estimated age split), its region, the acute hospitals its citizens use
/// with their shares and the beds scaled to this municipality, and a 24/7
/// acute team's staffing scaled from Viborg's. The data are generated from
/// `Scenarios/denmark.json5` (see `DanishGeographyTables.swift`).
public struct DanishMunicipality: Sendable {
    public var name: String
    public var region: String
    /// Citizens per age band, in the order of `DanishGeography.ageBands`.
    public var population: [Int]
    public var catchment: [(hospital: String, share: Double, beds: Int)]
    public var nurses: (day: Int, evening: Int, night: Int)
    public var maximumCaseload: Int

    public var totalPopulation: Int { population.reduce(0, +) }
}

/// The national geography bundled with Samspil.
public enum DanishGeography {
    /// The municipality called `name`: exact, then ignoring case and the
    /// spellings of æ, ø and å (so "Aarhus", "aarhus" and "Århus" agree as far
    /// as Danish spelling allows); `nil` when none matches.
    /// - Complexity: O(municipalities).
    public static func municipality(named name: String) -> DanishMunicipality? {
        if let exact = municipalities.first(where: { $0.name == name }) { return exact }
        let key = folded(name)
        return municipalities.first { folded($0.name) == key }
    }

    /// The names closest to a misspelt `name`, for "did you mean".
    public static func suggestion(for name: String) -> String? {
        Suggestions.closest(to: folded(name), among: municipalities.map { folded($0.name) })
            .flatMap { match in municipalities.first { folded($0.name) == match }?.name }
    }

    /// Lower case with the Danish letters spelt out (æ→ae, ø→oe, å→aa) and the
    /// common suffix " kommune" dropped.
    static func folded(_ name: String) -> String {
        var s = ""
        for c in name.lowercased() {
            switch c {
            case "æ": s += "ae"
            case "ø": s += "oe"
            case "å": s += "aa"
            case "é": s += "e"
            default: s.append(c)
            }
        }
        if s.hasSuffix(" kommune") { s.removeLast(" kommune".count) }
        while s.last == " " { s.removeLast() }
        while s.first == " " { s.removeFirst() }
        return s
    }
}
