@testable import SamspilScenario

// A miniature scenario schema written the way the real schema code will be:
// read every key first, then combine.

enum HospitalKind: String, CaseIterable {
    case emergency, elective, psychiatric
}

struct SampleHospital: Equatable {
    var name: String
    var kind: HospitalKind
    var medicalBeds: Int
    var targetOccupancy: Double
    var lengthOfStayDays: Double
}

struct SampleMunicipality: Equatable {
    var name: String
    var population: Int
    var hourWeights: [Double]
}

struct SampleScenario: Equatable {
    var name: String
    var seed: Int
    var horizonDays: Double
    var warmUp: Bool
    var hospitals: [SampleHospital]
    var municipalities: [SampleMunicipality]
}

enum SampleSchema {
    static let hospital = ValueSpec<SampleHospital>.object(kind: "Hospital") { o in
        let name = o.required("name", .nonEmptyString)
        let kind = o.optional("kind", .oneOf(HospitalKind.self), default: .emergency)
        let beds = o.required("medicalBeds", .integer(.nonNegative))
        let occupancy = o.optional("targetOccupancy", .number(.probability), default: 0.85)
        let stay = o.optional("lengthOfStayDays", .number(.positive), default: 4)
        guard let name, let beds else { return nil }
        return SampleHospital(name: name, kind: kind, medicalBeds: beds, targetOccupancy: occupancy, lengthOfStayDays: stay)
    }

    static let municipality = ValueSpec<SampleMunicipality>.object(kind: "Municipality") { o in
        let name = o.required("name", .nonEmptyString)
        let population = o.required("population", .integer(in: 1...10_000_000))
        let weights = o.optional("hourWeights", .array(of: .number(.nonNegative), count: 24),
                                 default: Array(repeating: 1, count: 24))
        guard let name, let population else { return nil }
        return SampleMunicipality(name: name, population: population, hourWeights: weights)
    }

    static let scenario = ValueSpec<SampleScenario>.object(kind: "Scenario") { o in
        let name = o.required("name", .string)
        let seed = o.optional("seed", .integer(), default: 1)
        let horizon = o.required("horizonDays", .number(.positive))
        let warmUp = o.optional("warmUp", .bool, default: true)
        let hospitals = o.required("hospitals", .namedList(of: hospital, minCount: 1))
        let municipalities = o.optional("municipalities", .array(of: municipality), default: [])
        guard let name, let horizon, let hospitals else { return nil }
        return SampleScenario(name: name, seed: seed, horizonDays: horizon, warmUp: warmUp,
                              hospitals: hospitals, municipalities: municipalities)
    }

}
