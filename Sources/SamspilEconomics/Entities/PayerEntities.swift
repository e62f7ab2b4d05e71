import SamspilModel

/// A named payer: a municipality, a region, the state, general practice in a
/// region (contracted per region), or a region's joint budget under a pooled
/// regime. `level` names the kind as outputs write it.
public struct PayerEntity: Hashable, Sendable, Codable, CustomStringConvertible {
    public var level: AccountHolder
    public var name: String
    public init(level: AccountHolder, name: String) {
        self.level = level
        self.name = name
    }
    public var description: String { "\(level.rawValue) \(name)" }
}

/// The payer entities of a scenario and how its municipalities, hospitals,
/// teams and acute-bed units map onto them. Indices are positions in
/// ``entities``; every lookup is an array index (built once per pricing).
public struct PayerEntities: Sendable, Equatable {
    /// Municipalities in scenario order, then regions, the state, general
    /// practice per region, and a joint budget per region.
    public let entities: [PayerEntity]
    let municipalityRegion: [Int]
    let hospitalRegion: [Int]
    let population: [Double]
    let regionCount: Int

    /// The name the state and every entity of a kind without a scenario name carry.
    public static let stateName = "the state"

    public init(_ scenario: Scenario) {
        let regions = scenario.regions.map(\.name)
        let regionIndex = { (name: String) in regions.firstIndex(of: name) ?? 0 }
        regionCount = regions.count
        municipalityRegion = scenario.municipalities.map { regionIndex($0.region) }
        hospitalRegion = scenario.hospitals.map { regionIndex($0.region) }
        population = scenario.municipalities.map { $0.population.reduce(0, +) }
        entities = scenario.municipalities.map { PayerEntity(level: .municipality, name: $0.name) }
            + regions.map { PayerEntity(level: .region, name: $0) }
            + [PayerEntity(level: .state, name: Self.stateName)]
            + regions.map { PayerEntity(level: .generalPractice, name: $0) }
            + regions.map { PayerEntity(level: .jointBudget, name: $0) }
    }

    public var count: Int { entities.count }
    var municipalityCount: Int { municipalityRegion.count }

    func municipality(_ m: Int) -> Int { m }
    func region(_ r: Int) -> Int { municipalityCount + r }
    var state: Int { municipalityCount + regionCount }
    func generalPractice(_ r: Int) -> Int { municipalityCount + regionCount + 1 + r }
    func jointBudget(_ r: Int) -> Int { municipalityCount + 2 * regionCount + 1 + r }

    /// The entity that bears what `payer` bears for municipality `m` (its
    /// region for regional payers), with regions and municipalities merged
    /// into the region's joint budget under a pooled regime.
    func entity(_ payer: Payer, municipality m: Int, pooled: Bool) -> Int {
        entity(payer, region: municipalityRegion[m], municipality: m, pooled: pooled)
    }

    func entity(_ payer: Payer, region r: Int, municipality m: Int? = nil, pooled: Bool) -> Int {
        switch payer {
        case .region: return pooled ? jointBudget(r) : region(r)
        case .municipality:
            guard let m else { preconditionFailure("a municipal cost needs its municipality") }
            return pooled ? jointBudget(municipalityRegion[m]) : municipality(m)
        case .generalPractice: return generalPractice(r)
        case .state: return state
        }
    }

    /// The entity a named payer is (a municipality or region goes to its
    /// region's joint budget under a pooled regime, as every other cost).
    /// Validation refuses names that do not exist.
    /// - Complexity: O(entities).
    func entity(named payer: PayerEntity, pooled: Bool) -> Int {
        guard let e = entities.firstIndex(of: payer) else { preconditionFailure("no payer \(payer)") }
        guard pooled else { return e }
        switch payer.level {
        case .municipality: return jointBudget(municipalityRegion[e])
        case .region: return jointBudget(e - municipalityCount)
        default: return e
        }
    }

    /// Indices of the named municipalities (unknown names are skipped: validation refuses them).
    func municipalities(named names: [String]) -> [Int] {
        names.compactMap { name in entities.prefix(municipalityCount).firstIndex { $0.name == name } }
    }
}

extension Money {
    /// `self` split in proportion to `weights`, exact to the øre: the parts add
    /// up to `self` (largest remainder; ties to the earlier part). Equal parts
    /// when every weight is zero.
    /// - Complexity: O(parts · log parts).
    public func split(_ weights: [Double]) -> [Money] {
        guard !weights.isEmpty else { return [] }
        let total = weights.reduce(0, +)
        let shares = total > 0 ? weights.map { $0 / total } : weights.map { _ in 1 / Double(weights.count) }
        var parts = shares.map { Money(ore: Int64((Double(ore) * $0).rounded(.towardZero))) }
        var left = ore - parts.reduce(0) { $0 + $1.ore }
        let step: Int64 = left >= 0 ? 1 : -1
        let order = shares.indices.sorted {
            let a = abs(Double(ore) * shares[$0]) - Double(abs(parts[$0].ore))
            let b = abs(Double(ore) * shares[$1]) - Double(abs(parts[$1].ore))
            return a != b ? a > b : $0 < $1
        }
        var k = 0
        while left != 0 {
            parts[order[k % order.count]].ore += step
            left -= step
            k += 1
        }
        return parts
    }
}
