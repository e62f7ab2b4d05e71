import SamspilModel

// Wards: the names a group, team or acute-bed unit may refer to, and the
// check that every hospital a group can be sent to has the group's ward.
extension ScenarioSchema {
    /// `medical`, then the `name` of every ward of every hospital, as written.
    static func rawWardNames(_ hospitals: JSONValue?) -> [String] {
        var names = [Hospital.medicalWard]
        for hospital in hospitals?.arrayValue ?? [] {
            for name in rawNames(hospital["wards"]) where !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// Context key under which the catchment hospitals lacking `ward` are noted.
    static func lackingKey(_ ward: String) -> String { "hospitalsWithoutWard:" + ward }
    /// Context key under which a hospital's wards other than `medical` are noted.
    static func wardsKey(_ hospital: String) -> String { "wardsOf:" + hospital }

    /// Notes, for each ward, the hospitals some municipality's catchment sends
    /// patients to that lack it: a group of that ward would have no bed there.
    /// - Complexity: O(wards × catchment entries).
    static func noteHospitalsWithoutWards(_ o: ObjectReader, hospitals: [Hospital], municipalities: [Municipality]) {
        let catchment = Set(municipalities.flatMap { $0.catchment.map(\.hospital) })
        for hospital in hospitals { o.context.names[wardsKey(hospital.name)] = hospital.wards.map(\.name) }
        for ward in o.context.names["wards"] ?? [] where ward != Hospital.medicalWard {
            o.context.names[lackingKey(ward)] = hospitals
                .filter { catchment.contains($0.name) && !$0.wards.contains { $0.name == ward } }
                .map(\.name)
        }
    }

    /// A patient group's `ward`: a ward some hospital has, and every hospital
    /// of the catchments has.
    static let groupWard = ValueSpec<String>(expected: "the name of a ward (\"medical\" or one a hospital lists in its wards)") { reader in
        guard let name = reader.read(wardReference) else { return nil }
        if let lacking = reader.context.names[lackingKey(name)], let first = lacking.first {
            reader.error("hospital '\(first)' receives patients by a municipality's catchment but has no ward '\(name)'",
                         suggestion: "add a ward '\(name)' to \(lacking.map { "'\($0)'" }.joined(separator: ", "))")
            return nil
        }
        return name
    }

    /// The name of a ward: `medical` or a ward some hospital lists.
    static let wardReference = CommonSpecs.reference("wards", noun: "ward")

    /// An acute-bed unit's `costShares`: `{"municipality": 0.6, "region": 0.4}`, summing to 1.
    static let costShares = ValueSpec<[(key: String, value: Double)]>.dictionary(of: .number(.probability))
        .validated { entries in
            if let bad = entries.first(where: { !AcuteBedUnit.costSharePayers.contains($0.key) }) {
                return "unknown payer '\(bad.key)': the payers are \(AcuteBedUnit.costSharePayers.joined(separator: " and "))"
            }
            let total = entries.reduce(0) { $0 + $1.value }
            return abs(total - 1) > 1e-6 ? "cost shares must sum to 1, they sum to \(total)" : nil
        }
        .map { $0.map { AcuteBedUnit.CostShare(payer: $0.key, share: $0.value) } }
}
