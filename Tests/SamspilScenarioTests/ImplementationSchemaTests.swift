import Testing
@testable import SamspilScenario
import SamspilEconomics
import SamspilModel

/// `economics.implementation` and `economics.gpContract` as written in a scenario file.
@Suite("Scenario files: costs of cooperation and GP contract")
struct ImplementationSchemaTests {
    let errors = ScenarioErrorTests()

    func scenario(economics: String) -> String {
        ScenarioErrorTests.base.replacingOccurrences(of: "discharge: { notificationHours: 48 },",
                                                     with: "discharge: { notificationHours: 48 },\n  economics: \(economics),")
    }

    @Test("typed items multiply out to one-off, yearly and per-episode amounts on the named payer")
    func reads() throws {
        let text = scenario(economics: """
        { discountRatePercent: 0,
          gpContract: { consultationFeeDkk: 150, homeVisitFeeDkk: 450, outOfHoursOperator: "region", source: "illustrative" },
          implementation: [
            { name: "training", kind: "training", payer: { level: "municipality", name: "M" }, staff: 400, hoursPerStaff: 3, hourlyDkk: 350, lifetimeYears: 4 },
            { name: "IT", kind: "itSystem", payer: { level: "region", name: "R" }, oneOffDkk: 1000, staff: 400, perStaffPerYearDkk: 20 },
            { name: "leaders", kind: "coordination", payer: { level: "jointBudget", name: "R" }, leaders: 4, hoursPerLeaderPerYear: 50, hourlyDkk: 600 },
            { name: "physicians", kind: "medicalResponsibility", payer: { level: "region", name: "R" }, hoursPerTeamEpisode: 0.5, hourlyDkk: 900 },
            { name: "IV", kind: "medicine", payer: { level: "state" }, perTeamEpisodeDkk: 300, source: "illustrative" },
          ] }
        """)
        let file = try ScenarioLoader(documents: .inMemory(["s.json5": text])).load("s.json5").get().file
        let e = file.economics
        #expect(e.discountRatePercent == 0)
        #expect(e.gpContract.consultationFee == 150 && e.gpContract.homeVisitFee == 450 && e.gpContract.outOfHoursFee == nil)
        #expect(e.gpContract.outOfHoursOperator == .region)
        let items = e.implementation
        #expect(items.map(\.oneOff) == [420_000, 1_000, 0, 0, 0])
        #expect(items.map(\.perYear) == [0, 8_000, 120_000, 0, 0])
        #expect(items.map(\.perTeamEpisode) == [0, 0, 0, 450, 300])
        #expect(items.map(\.payer) == [PayerEntity(level: .municipality, name: "M"), PayerEntity(level: .region, name: "R"),
                                       PayerEntity(level: .jointBudget, name: "R"), PayerEntity(level: .region, name: "R"),
                                       PayerEntity(level: .state, name: "the state")])
        #expect(items[0].lifetimeYears == 4 && items[1].lifetimeYears == 5)
        #expect(items[4].source == "illustrative")
    }

    @Test("a missing factor, an unknown payer or a kind without its quantities: an error at its path")
    func errorsAtPath() {
        var d = errors.only(scenario(economics: """
        { implementation: [{ name: "t", kind: "training", payer: { level: "municipality", name: "M" }, staff: 10, hoursPerStaff: 3 }] }
        """))
        #expect(d?.path?.description == "economics.implementation[0]")
        #expect(d?.message.contains("needs 'hourlyDkk'") == true)
        d = errors.only(scenario(economics: """
        { implementation: [{ name: "t", kind: "other", payer: { level: "municipality", name: "N" }, perYearDkk: 1 }] }
        """))
        #expect(d?.path?.description == "economics.implementation[0].payer.name")
        #expect(d?.suggestion == "did you mean 'M'?")
        d = errors.only(scenario(economics: """
        { implementation: [{ name: "t", kind: "medicine", payer: { level: "state" }, perYearDkk: 1 }] }
        """))
        #expect(d?.message.contains("a medicine item is priced by 'perTeamEpisodeDkk'") == true)
        d = errors.only(scenario(economics: """
        { implementation: [{ name: "t", kind: "medicine", payer: { level: "state" }, perTeamEpisodeDkk: 1, teams: ["X"] }] }
        """))
        #expect(d?.path?.description == "economics.implementation[0].teams[0]")
        d = errors.only(scenario(economics: "{ gpContract: { outOfHoursOperator: \"state\" } }"))
        #expect(d?.path?.description == "economics.gpContract.outOfHoursOperator")
    }
}

/// The `budget` section.
@Suite("Scenario files: budget")
struct BudgetSchemaTests {
    let errors = ScenarioErrorTests()

    func scenario(_ budget: String) -> String {
        ScenarioErrorTests.base.replacingOccurrences(of: "discharge: { notificationHours: 48 },",
                                                     with: "discharge: { notificationHours: 48 },\n  budget: \(budget),")
    }

    @Test func readsAProjectionAndARampUp() throws {
        let text = scenario("{ years: 10, startYear: 2026, population: { projection: \"denmark-2020\" }, rampUp: { years: 3, startShare: 0.4 } }")
        let b = try ScenarioLoader(documents: .inMemory(["s.json5": text])).load("s.json5").get().file.budget
        #expect(b.years == 10 && b.startYear == 2026 && b.rampUpYears == 3 && b.rampUpStartShare == 0.4)
        #expect(b.populationIndex == PopulationProjection.denmark2020.index)
        #expect(b.populationSource == PopulationProjection.denmark2020.source)
        let own = scenario("{ population: { index: { \"0-64\": [1], \"65-79\": [1, 1.01], \"80+\": [1, 1.05, 1.1] }, source: \"FRKM\" } }")
        let c = try ScenarioLoader(documents: .inMemory(["s.json5": own])).load("s.json5").get().file.budget
        #expect(c.populationMultiplier(band: 2, year: 2) == 1.1 && c.populationSource == "FRKM" && c.years == 1)
    }

    @Test func errorsAtPath() {
        var d = errors.only(scenario("{ population: { index: { \"0-64\": [1], \"65-79\": [1], \"80+\": [1.02, 1.05] } } }"))
        #expect(d?.path?.description == "budget.population.index")
        #expect(d?.message.contains("starts at 1") == true)
        d = errors.only(scenario("{ population: {} }"))
        #expect(d?.message.contains("give either 'projection'") == true)
        d = errors.only(scenario("{ population: { projection: \"sweden\" } }"))
        #expect(d?.path?.description == "budget.population.projection")
        d = errors.only(scenario("{ rampUp: { years: 3 } }"))
        #expect(d?.message.contains("startShare") == true)
        d = errors.only(scenario("{ years: 0 }"))
        #expect(d?.path?.description == "budget.years")
        // A bundled projection for other age bands than the scenario's.
        let otherBands = scenario("{ population: { projection: \"denmark-2020\" } }")
            .replacingOccurrences(of: "name: \"t\",", with: "name: \"t\", ageBands: [\"all\"],")
            .replacingOccurrences(of: "{ \"0-64\": 1000, \"65-79\": 100, \"80+\": 10 }", with: "{ all: 1110 }")
        d = errors.only(otherBands)
        #expect(d?.message.contains("this scenario's are all") == true)
    }
}
