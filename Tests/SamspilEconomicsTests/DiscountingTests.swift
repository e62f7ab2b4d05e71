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
