import Foundation
import Testing
@testable import SamspilEconomics

@Suite struct DiscountingTests {
    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

    @Test func factorsMatchAHandComputation() {
        let s = DiscountSchedule.danishCentralGovernment
        #expect(s.factor(year: 0) == 1)
        #expect(close(s.factor(year: 1), 1 / 1.035))
        #expect(close(s.factor(year: 10), pow(1.035, -10)))
        #expect(close(s.factor(year: 35), pow(1.035, -35)))
        // Year 36 is the first at 2.5 %.
        #expect(close(s.factor(year: 40), pow(1.035, -35) * pow(1.025, -5)))
        #expect(close(s.factor(year: 75), pow(1.035, -35) * pow(1.025, -35) * pow(1.015, -5)))
        #expect(s.ratePercent(year: 36) == 2.5 && s.ratePercent(year: 35) == 3.5 && s.ratePercent(year: 71) == 1.5)
    }

    @Test func presentValueOfABudget() {
        // 1 M DKK a year for three years at 3.5 %: 1 + 1/1.035 + 1/1.035².
        let pv = DiscountSchedule.constant(3.5).presentValue([1e6, 1e6, 1e6])
        #expect(close(pv, 1e6 * (1 + 1 / 1.035 + 1 / (1.035 * 1.035))))
        #expect(DiscountSchedule.constant(0).presentValue([1, 2, 3]) == 6)
        #expect(DiscountSchedule.danishCentralGovernment.presentValue([]) == 0)
    }

    @Test func paybackYear() {
        // An investment of 10 in year 0, then savings of 4 a year: cumulative 10, 6, 2, −2.
        #expect(Payback.year(netChanges: [10, -4, -4, -4, -4]) == 3)
        #expect(Payback.year(netChanges: [-1, -1]) == 0)
        #expect(Payback.year(netChanges: [5, -1, -1]) == nil)
        // Dipping below zero and back above does not count.
        #expect(Payback.year(netChanges: [2, -3, 4, -5]) == 3)
        #expect(Payback.year(netChanges: []) == nil)
    }
}

@Suite("Budget: payback, ramp-up and population index by hand")
struct BudgetArithmeticTests {
    @Test func trackerStreamsThePaybackYear() {
        // Hand-made series: the streaming tracker agrees with the whole-series answer, year by year.
        for series in [[10, -4, -4, -4, -4], [-1, -1], [5, -1, -1], [2, -3, 4, -5], [0, 0, 0], [1e6, -3e5, -3e5, -3e5, -3e5]] as [[Double]] {
            var t = Payback.Tracker()
            for (y, change) in series.enumerated() {
                t.add(change)
                #expect(t.year == Payback.year(netChanges: Array(series[...y])), "\(series) at year \(y)")
            }
        }
        // 1,000,000 once, then 300,000 a year saved: cumulative 1.0, 0.7, 0.4, 0.1, −0.2 M → year 4.
        #expect(Payback.year(netChanges: [1e6, -3e5, -3e5, -3e5, -3e5]) == 4)
        // Discounted at 3.5 %, the savings are worth less: 1e6 − 3e5 Σ_{y=1…4} 1.035^−y = −101,909 → still year 4;
        // with three years of savings it is not paid back.
        let changes: [Double] = [1e6, -3e5, -3e5, -3e5, -3e5]
        let discounted: [Double] = changes.enumerated().map { $1 * DiscountSchedule.danishCentralGovernment.factor(year: $0) }
        let factors: Double = 1 / 1.035 + pow(1.035, -2) + pow(1.035, -3) + pow(1.035, -4)
        let byHand: Double = 1e6 - 3e5 * factors
        #expect(abs(discounted.reduce(0, +) - byHand) < 1e-6)
        #expect(Payback.year(netChanges: discounted) == 4)
        #expect(Payback.year(netChanges: Array(discounted.prefix(4))) == nil)
    }

    @Test func rampUpAndPopulation() {
        var b = BudgetSettings()
        #expect(b.rampUpShare(year: 0) == 1 && b.populationMultiplier(band: 2, year: 5) == 1)
        b.rampUpYears = 3
        b.rampUpStartShare = 0.5
        #expect([0, 1, 2, 3].map(b.rampUpShare) == [0.5, 0.75, 1, 1])
        b.populationIndex = [[1, 1.1], [1]]
        #expect(b.populationMultiplier(band: 0, year: 1) == 1.1 && b.populationMultiplier(band: 0, year: 7) == 1.1)
        #expect(b.populationMultiplier(band: 1, year: 3) == 1 && b.populationMultiplier(band: 2, year: 3) == 1)
        // The bundled projection: the 80+ reach Danmarks Statistik's 2030 figure in year 10.
        let p = PopulationProjection.denmark2020
        #expect(abs(p.index[2][10] * 272_326 - 433_511) < 0.01)
        #expect(p.index.allSatisfy { $0[0] == 1 && $0.count == 11 })
    }
}
