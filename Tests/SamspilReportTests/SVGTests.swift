import Testing
@testable import SamspilReport

@Suite struct NiceTicksTests {
    @Test func typicalRanges() {
        #expect(NiceTicks.ticks(0, 97) == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks.ticks(163.2, 214.9) == [160, 180, 200, 220])
        #expect(NiceTicks.ticks(163.2, 214.9, count: 8) == [160, 170, 180, 190, 200, 210, 220])
        #expect(NiceTicks.ticks(-3.2, 7.9) == [-5, 0, 5, 10])
        #expect(NiceTicks.ticks(0.1, 0.93) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.ticks(0, 412_000_000) == [0, 100_000_000, 200_000_000, 300_000_000, 400_000_000, 500_000_000])
    }

    @Test func ticksAreExactDecimals() {
        for t in NiceTicks.ticks(0, 0.7, count: 8) {
            #expect(NumberText.csv(t).count <= 3, "\(t)")
        }
    }

    @Test func negligibleOvershootPastZeroIsIgnored() {
        #expect(NiceTicks.ticks(-0.0099, 625) == [0, 200, 400, 600, 800])
        #expect(NiceTicks.ticks(-412e6, 0.02) == NiceTicks.ticks(-412e6, 0))
        #expect(NiceTicks.ticks(-50, 625).first! < 0)  // a real negative value keeps its step
    }

    @Test func degenerateInput() {
        let (d, step) = NiceTicks.domain(5, 5)
        #expect(d.contains(5) && d.lowerBound < 5 && d.upperBound > 5 && step > 0)
        #expect(NiceTicks.ticks(0, 0) == [-1, -0.5, 0, 0.5, 1])
        #expect(NiceTicks.ticks(.nan, 3) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.ticks(10, 0) == NiceTicks.ticks(0, 10))
    }

    @Test func domainCoversData() {
        for (lo, hi) in [(1.0, 2.0), (-1e6, 3e5), (0.001, 0.0013), (12_345, 98_765)] {
            let (d, step) = NiceTicks.domain(lo, hi)
            #expect(d.lowerBound <= lo && d.upperBound >= hi)
            let ticks = NiceTicks.ticks(in: d, step: step)
            #expect(ticks.count >= 3 && ticks.count <= 12, "\(lo)…\(hi): \(ticks)")
        }
    }

    @Test func labels() {
        #expect(NiceTicks.label(1_500_000, step: 500_000) == "1.5M")
        #expect(NiceTicks.label(400_000_000, step: 100_000_000) == "400M")
        #expect(NiceTicks.label(2e9, step: 1e9) == "2 bn")
        #expect(NiceTicks.label(12_000, step: 2_000) == "12,000")
        #expect(NiceTicks.label(0.25, step: 0.05) == "0.25")
        #expect(NiceTicks.label(-20, step: 10) == "−20")
        #expect(NiceTicks.label(0, step: 0.1) == "0")
        #expect(NiceTicks.label(0, step: 100_000_000) == "0")
    }
}

@Suite struct SVGCanvasTests {
    @Test func scaleMapsAndInverts() {
        let y = LinearScale(domain: 0...100, rangeStart: 300, rangeEnd: 50)
        #expect(y(0) == 300 && y(100) == 50 && y(50) == 175)
        #expect(LinearScale(domain: 3...3, rangeStart: 0, rangeEnd: 10)(3) == 5)
    }

    @Test func polylineBreaksAtGaps() {
        let d = SVGCanvas.polyline([(0, 0), (1, 1), (2, .nan), (3, 3), (4, 4)])
        #expect(d == "M0,0L1,1 M3,3L4,4")
        #expect(SVGCanvas.polyline([]) == "")
    }

    @Test func bandIsClosed() {
        let d = SVGCanvas.band(x: [0, 1, 2], upper: [1, 2, 3], lower: [0, 0, 0])
        #expect(d == "M0,1L1,2L2,3L2,0L1,0L0,0Z")
        #expect(SVGCanvas.band(x: [0], upper: [1], lower: [0]) == "")
    }

    @Test func textIsEscapedAndRectsNormalised() {
        var c = SVGCanvas(width: 10, height: 10)
        c.text("a < b & \"c\"", x: 1, y: 2)
        c.rect(x: 5, y: 5, width: -3, height: -2, fill: "#000")
        let svg = c.svg(id: "t", title: "T<", description: "D&")
        #expect(svg.contains(">a &lt; b &amp; &quot;c&quot;</text>"))
        #expect(svg.contains("<rect x=\"2\" y=\"3\" width=\"3\" height=\"2\""))
        #expect(svg.contains("<title id=\"t-title\">T&lt;</title>"))
        #expect(svg.contains("aria-labelledby=\"t-title t-desc\""))
    }

    @Test func chartsHaveTitlesAxesAndData() {
        let band = Charts.band(id: "b", title: "Occupancy", description: "d", xLabel: "Day", yLabel: "occupancy (patients)",
                               series: [.init(label: "A", color: Palette.color(0), x: [0, 1, 2], mean: [5, 6, 7],
                                              low: [4, 5, 6], high: [6, 7, 8])])
        #expect(band.contains("class=\"band\" d=\"M"))
        #expect(band.contains("class=\"line\" d=\"M"))
        #expect(band.contains(">Day</text>") && band.contains(">occupancy (patients)</text>"))
        let bars = Charts.horizontalBars(id: "h", title: "T", description: "d", panels: [
            .init(title: "p", valueLabel: "v", bars: [.init(label: "x", value: -3, low: -5, high: -1, color: "#000")])])
        #expect(bars.contains("<rect"))
        #expect(!bars.contains("width=\"-"))
        let grouped = Charts.groupedBars(id: "g", title: "T", description: "d", yLabel: "DKK", groups: ["region", "state"],
                                         series: [("A", "#111"), ("B", "#222")],
                                         values: [[.init(label: "a", value: 5, low: 4, high: 6, color: "#111"), nil],
                                                  [.init(label: "b", value: -2, low: nil, high: nil, color: "#111"), nil]])
        #expect(grouped.components(separatedBy: "<rect").count - 1 == 2 + 2)  // 2 bars + 2 legend swatches
        let lines = Charts.lines(id: "l", title: "T", description: "d", xLabel: "x", yLabel: "y",
                                 series: [.init(label: "", color: "#000", points: [.init(x: 1, y: 2, low: 1, high: 3),
                                                                                   .init(x: 2, y: 3, low: nil, high: nil)])],
                                 xCategories: ["low", "high"])
        #expect(lines.contains(">low</text>") && lines.contains("<circle"))
    }

    @Test func paletteCycles() {
        #expect(Palette.color(0) == "#0072B2")
        #expect(Palette.color(8) == Palette.color(0))
        #expect(Palette.color(-1) == Palette.series.last)
    }
}
