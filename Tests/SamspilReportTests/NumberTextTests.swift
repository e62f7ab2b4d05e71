import Testing
@testable import SamspilReport

@Suite struct NumberTextTests {
    @Test func csvIsShortestAndRoundTrips() {
        #expect(NumberText.csv(0.1) == "0.1")
        #expect(NumberText.csv(0.1 + 0.2) == "0.30000000000000004")  // the true value, not hidden
        #expect(NumberText.csv(3.0) == "3")
        #expect(NumberText.csv(-0.0) == "0")
        #expect(NumberText.csv(-42.0) == "-42")
        #expect(NumberText.csv(412_000_000.0) == "412000000")
        #expect(NumberText.csv(Double?.none) == "")
        #expect(NumberText.csv(Double.nan) == "NaN")
        #expect(NumberText.csv(-Double.infinity) == "-Inf")
        for v in [1e-5, 123.456, 1.0 / 3.0, 9.007199254740993e15, 1e300, -2.5e-300, 187.4 * 0.94, 0.015] {
            #expect(Double(NumberText.csv(v)) == v, "\(v)")
            #expect(!NumberText.csv(v).contains(","))
        }
    }

    @Test func displayUsesSignificantDigitsAndSeparators() {
        #expect(NumberText.display(12_345.6) == "12,346")
        #expect(NumberText.display(1_234_567) == "1.23M")
        #expect(NumberText.display(-398_902_130) == "−399M")
        #expect(NumberText.display(2.5e9) == "2.50bn")
        #expect(NumberText.display(999_999) == "999,999")
        #expect(NumberText.display(187.44) == "187")
        #expect(NumberText.display(18.744) == "18.7")
        #expect(NumberText.display(0.012345) == "0.0123")
        #expect(NumberText.display(-2.5) == "−2.50")
        #expect(NumberText.display(0) == "0")
        #expect(NumberText.display(3.2e-7) == "3.20e-07")
        #expect(NumberText.display(.infinity) == "∞")
    }

    @Test func groupSharesDecimals() {
        #expect(NumberText.displayGroup([18.744, 17.1, 20.35]) == ["18.7", "17.1", "20.4"])
        #expect(NumberText.displayGroup([4_812.2, 4_790.55, nil]) == ["4,812", "4,791", "–"])
        #expect(NumberText.displayGroup([-20_627_567, -24_627_096, -16_628_038]) == ["−20.6M", "−24.6M", "−16.6M"])
        #expect(NumberText.displayGroup([398_902_130, 378_274_563]) == ["399M", "378M"])
    }

    @Test func fixedRoundsAndGroups() {
        #expect(NumberText.fixed(1_234.5, fractionDigits: 0) == "1,235")
        #expect(NumberText.fixed(-0.004, fractionDigits: 2) == "0.00")
        #expect(NumberText.fixed(0.05, fractionDigits: 1) == "0.1")
        #expect(NumberText.fixed(1_000_000, fractionDigits: 0, separator: "") == "1000000")
    }

    @Test func coordinates() {
        #expect(NumberText.coordinate(12.5) == "12.5")
        #expect(NumberText.coordinate(300) == "300")
        #expect(NumberText.coordinate(-3.456) == "-3.46")
        #expect(NumberText.coordinate(0.004) == "0")
        #expect(NumberText.coordinate(1.05) == "1.05")
        #expect(NumberText.coordinate(.nan) == "0")
    }
}
