/// The report's chart types, drawn with ``SVGCanvas``: each returns one
/// complete, self-contained `<svg>` element.
///
/// Every chart has a visible title, axis labels with units, a `<title>` and
/// `<desc>` for screen readers, and uses the Okabe–Ito palette. Charts take
/// plain arrays, not ``RunDocument``, so they are reusable and testable in
/// isolation; `HTMLReport` decides what to plot.
public enum Charts {
    /// Common chart width (px). The page scales charts down on narrow screens.
    public static let width = 760.0

    // MARK: Line with band

    /// One line with its shaded 95 % band.
    public struct BandSeries: Sendable {
        public var label: String
        public var color: String
        public var x: [Double]
        public var mean: [Double]
        public var low: [Double]
        public var high: [Double]
        public init(label: String, color: String, x: [Double], mean: [Double], low: [Double], high: [Double]) {
            self.label = label; self.color = color; self.x = x; self.mean = mean; self.low = low; self.high = high
        }
    }

    /// Lines with shaded confidence bands over a numeric x axis (time in days).
    /// - Complexity: O(total points).
    public static func band(id: String, title: String, description: String, xLabel: String, yLabel: String,
                            series: [BandSeries], height: Double = 380) -> String {
        var c = SVGCanvas(width: width, height: height)
        let top = header(&c, title: title, legend: series.map { ($0.label, $0.color) })
        let xs = series.flatMap(\.x).filter(\.isFinite)
        let ys = series.flatMap { $0.low + $0.high + $0.mean }.filter(\.isFinite)
        let (yDomain, yStep) = NiceTicks.domain(ys.min() ?? 0, ys.max() ?? 1)
        let yTicks = NiceTicks.ticks(in: yDomain, step: yStep)
        let left = leftMargin(yTicks, step: yStep)
        let plot = (left: left, right: width - 20, top: top, bottom: height - 50)
        let y = LinearScale(domain: yDomain, rangeStart: plot.bottom, rangeEnd: plot.top)
        let xRange = (xs.min() ?? 0)...(xs.max() ?? 1)
        let x = LinearScale(domain: xRange, rangeStart: plot.left, rangeEnd: plot.right)
        let (_, xStep) = NiceTicks.domain(xRange.lowerBound, xRange.upperBound, count: 8)
        c.yAxis(scale: y, ticks: yTicks, step: yStep, left: plot.left, right: plot.right, label: yLabel, labelX: 16)
        c.xAxis(scale: x, ticks: NiceTicks.ticks(in: xRange, step: xStep).map { ($0, NiceTicks.label($0, step: xStep)) },
                y: plot.bottom, label: xLabel, labelY: height - 12)
        for s in series {
            let px = s.x.map { x($0) }
            c.path(SVGCanvas.band(x: px, upper: s.high.map { y($0) }, lower: s.low.map { y($0) }),
                   fill: s.color, fillOpacity: 0.18, className: "band")
        }
        for s in series {
            let points = zip(s.x, s.mean).map { (x: x($0.0), y: y($0.1)) }
            c.path(SVGCanvas.polyline(points), stroke: s.color, strokeWidth: 2, className: "line")
        }
        return c.svg(id: id, title: title, description: description)
    }

    // MARK: Horizontal bars with whiskers

    /// One bar: a value with an optional 95 % interval.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var low: Double?
        public var high: Double?
        public var color: String
        /// Drawn paler (e.g. a difference whose interval includes zero).
        public var faded: Bool
        public init(label: String, value: Double, low: Double?, high: Double?, color: String, faded: Bool = false) {
            self.label = label; self.value = value; self.low = low; self.high = high; self.color = color; self.faded = faded
        }
        var tooltip: String {
            var t = "\(label): \(NumberText.display(value))"
            if let low, let high { t += " (95 % CI \(NumberText.display(low)) to \(NumberText.display(high)))" }
            return t
        }
    }

    /// A titled group of horizontal bars sharing one value axis.
    public struct Panel: Sendable {
        public var title: String
        public var valueLabel: String
        public var bars: [Bar]
        public init(title: String, valueLabel: String, bars: [Bar]) {
            self.title = title; self.valueLabel = valueLabel; self.bars = bars
        }
    }

    /// Horizontal bars with whiskers and a zero line, one panel per metric,
    /// each with its own axis (metrics have different units, so one shared
    /// axis would be meaningless). With one panel this is a plain bar chart.
    /// - Complexity: O(bars).
    public static func horizontalBars(id: String, title: String, description: String, panels: [Panel],
                                      legend: [(label: String, color: String)] = [], note: String? = nil,
                                      width: Double = Charts.width) -> String {
        let rowHeight = 26.0
        let labels = panels.flatMap { $0.bars.map(\.label) }
        let labelWidth = min(width * 0.4, (labels.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 40) + 14)
        let panelHeights = panels.map { Double($0.bars.count) * rowHeight + 58 + ($0.title.isEmpty ? 0 : 18) }
        var legendHeight = 0.0
        if !legend.isEmpty {
            var probe = SVGCanvas(width: width, height: 100)
            legendHeight = probe.legend(legend, x: 16, y: 0, maxWidth: width - 32) + 4
        }
        let height = 40 + legendHeight + panelHeights.reduce(0, +) + (note == nil ? 4 : 22)
        var c = SVGCanvas(width: width, height: height)
        var top = header(&c, title: title, legend: legend, width: width)
        let left = 16 + labelWidth, right = width - 24
        for panel in panels {
            if !panel.title.isEmpty {
                c.text(panel.title, x: 16, y: top + 4, size: 13, weight: "600")
                top += 18
            }
            let values = panel.bars.flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value] }.filter(\.isFinite) + [0]
            let (domain, step) = NiceTicks.domain(values.min()!, values.max()!, count: 6)
            let x = LinearScale(domain: domain, rangeStart: left, rangeEnd: right)
            let bottom = top + Double(panel.bars.count) * rowHeight + 4
            for t in NiceTicks.ticks(in: domain, step: step) where t != 0 {
                c.line(x(t), top, x(t), bottom, stroke: Palette.grid, width: 0.75)
            }
            for (i, bar) in panel.bars.enumerated() {
                let cy = top + 4 + (Double(i) + 0.5) * rowHeight
                c.text(SVGCanvas.truncate(bar.label, toWidth: labelWidth - 8, size: 12), x: left - 8, y: cy + 4,
                       anchor: .end, size: 12)
                if bar.value.isFinite {
                    c.rect(x: x(0), y: cy - rowHeight * 0.32, width: x(bar.value) - x(0), height: rowHeight * 0.64,
                           fill: bar.color, opacity: bar.faded ? 0.35 : 0.9, tooltip: bar.tooltip)
                }
                if let lo = bar.low, let hi = bar.high {
                    c.horizontalWhisker(y: cy, low: x(lo), high: x(hi), cap: rowHeight * 0.22)
                }
            }
            c.line(x(0), top, x(0), bottom, stroke: Palette.axis, width: 1.25)
            c.xAxis(scale: x, ticks: NiceTicks.ticks(in: domain, step: step).map { ($0, NiceTicks.label($0, step: step)) },
                    y: bottom, label: panel.valueLabel, labelY: bottom + 34)
            top = bottom + 54
        }
        if let note { c.text(note, x: 16, y: height - 8, size: 11, fill: Palette.muted) }
        return c.svg(id: id, title: title, description: description)
    }

    // MARK: Grouped vertical bars

    /// Vertical bars in groups (one group per category, one bar per series)
    /// with whiskers and a zero line; values may be negative.
    /// - Parameter values: `values[group][series]`, nil where there is no value.
    /// - Complexity: O(groups × series).
    public static func groupedBars(id: String, title: String, description: String, yLabel: String,
                                   groups: [String], series: [(label: String, color: String)],
                                   values: [[Bar?]], height: Double = 380) -> String {
        var c = SVGCanvas(width: width, height: height)
        let top = header(&c, title: title, legend: series)
        let all = values.flatMap { $0.compactMap { $0 } }.flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value] }
            .filter(\.isFinite) + [0]
        let (domain, step) = NiceTicks.domain(all.min()!, all.max()!)
        let ticks = NiceTicks.ticks(in: domain, step: step)
        let left = leftMargin(ticks, step: step)
        let plot = (left: left, right: width - 20, top: top, bottom: height - 50)
        let y = LinearScale(domain: domain, rangeStart: plot.bottom, rangeEnd: plot.top)
        c.yAxis(scale: y, ticks: ticks, step: step, left: plot.left, right: plot.right, label: yLabel, labelX: 16)
        let groupWidth = (plot.right - plot.left) / Double(max(1, groups.count))
        let barWidth = min(48, groupWidth * 0.8 / Double(max(1, series.count)))
        for (g, name) in groups.enumerated() {
            let center = plot.left + (Double(g) + 0.5) * groupWidth
            let start = center - barWidth * Double(series.count) / 2
            for s in series.indices {
                guard g < values.count, s < values[g].count, let bar = values[g][s], bar.value.isFinite else { continue }
                let bx = start + Double(s) * barWidth
                c.rect(x: bx + 1, y: y(0), width: barWidth - 2, height: y(bar.value) - y(0), fill: bar.color,
                       opacity: 0.9, tooltip: bar.tooltip)
                if let lo = bar.low, let hi = bar.high {
                    c.verticalWhisker(x: bx + barWidth / 2, low: y(lo), high: y(hi), cap: min(5, barWidth * 0.3))
                }
            }
            c.text(SVGCanvas.truncate(name, toWidth: groupWidth - 4, size: 12), x: center, y: plot.bottom + 18,
                   anchor: .middle, size: 12)
        }
        c.line(plot.left, y(0), plot.right, y(0), stroke: Palette.axis, width: 1.25)
        return c.svg(id: id, title: title, description: description)
    }

    // MARK: Lines with whiskers

    /// A line through points that each carry an optional 95 % interval.
    public struct PointSeries: Sendable {
        public struct Point: Sendable {
            public var x: Double
            public var y: Double
            public var low: Double?
            public var high: Double?
            public init(x: Double, y: Double, low: Double?, high: Double?) {
                self.x = x; self.y = y; self.low = low; self.high = high
            }
        }
        public var label: String
        public var color: String
        public var points: [Point]
        public init(label: String, color: String, points: [Point]) {
            self.label = label; self.color = color; self.points = points
        }
    }

    /// Lines with markers and CI whiskers (sweep curves); with `connected: false`
    /// markers only (a scatter, e.g. the cost-effectiveness plane). With `xCategories`
    /// the x values are indices into it and the axis shows those labels
    /// (for non-numeric sweep values); otherwise the x axis is numeric.
    /// - Complexity: O(points).
    public static func lines(id: String, title: String, description: String, xLabel: String, yLabel: String,
                             series: [PointSeries], xCategories: [String]? = nil, width: Double = Charts.width,
                             height: Double = 360, connected: Bool = true) -> String {
        var c = SVGCanvas(width: width, height: height)
        let legend = series.count > 1 || !(series.first?.label.isEmpty ?? true) ? series.map { ($0.label, $0.color) } : []
        let top = header(&c, title: title, legend: legend, width: width)
        let ys = series.flatMap { $0.points.flatMap { [$0.y, $0.low ?? $0.y, $0.high ?? $0.y] } }.filter(\.isFinite)
        let (yDomain, yStep) = NiceTicks.domain(ys.min() ?? 0, ys.max() ?? 1)
        let yTicks = NiceTicks.ticks(in: yDomain, step: yStep)
        let left = leftMargin(yTicks, step: yStep)
        let plot = (left: left, right: width - 30, top: top, bottom: height - 50)
        let y = LinearScale(domain: yDomain, rangeStart: plot.bottom, rangeEnd: plot.top)
        let xTicks: [(value: Double, label: String)]
        let x: LinearScale
        if let categories = xCategories {
            // Half a slot of padding either side so end points are not on the frame.
            x = LinearScale(domain: -0.5...(Double(categories.count) - 0.5), rangeStart: plot.left, rangeEnd: plot.right)
            xTicks = categories.enumerated().map { (Double($0.offset), $0.element) }
        } else {
            let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
            let lo = xs.min() ?? 0, hi = xs.max() ?? 1
            let pad = hi > lo ? (hi - lo) * 0.04 : 1
            let (_, step) = NiceTicks.domain(lo, hi, count: 7)
            x = LinearScale(domain: (lo - pad)...(hi + pad), rangeStart: plot.left, rangeEnd: plot.right)
            xTicks = NiceTicks.ticks(in: lo...hi, step: step).map { ($0, NiceTicks.label($0, step: step)) }
        }
        c.yAxis(scale: y, ticks: yTicks, step: yStep, left: plot.left, right: plot.right, label: yLabel, labelX: 16)
        c.xAxis(scale: x, ticks: xTicks, y: plot.bottom, label: xLabel, labelY: height - 12)
        // Dodge series sideways a little so their whiskers do not overlap.
        let dodgeUnit = series.count > 1 ? min(6, (plot.right - plot.left) / 200) : 0
        for (k, s) in series.enumerated() {
            let dodge = (Double(k) - Double(series.count - 1) / 2) * dodgeUnit
            let sorted = s.points.sorted { $0.x < $1.x }
            if connected {
                c.path(SVGCanvas.polyline(sorted.map { (x: x($0.x) + dodge, y: y($0.y)) }), stroke: s.color, strokeWidth: 2,
                       className: "line")
            }
            for p in sorted where p.x.isFinite && p.y.isFinite {
                if let lo = p.low, let hi = p.high { c.verticalWhisker(x: x(p.x) + dodge, low: y(lo), high: y(hi), stroke: s.color) }
                var tip = "\(s.label.isEmpty ? "" : s.label + ": ")\(NumberText.display(p.y))"
                if let lo = p.low, let hi = p.high { tip += " (95 % CI \(NumberText.display(lo)) to \(NumberText.display(hi)))" }
                c.circle(cx: x(p.x) + dodge, cy: y(p.y), r: 3.5, fill: s.color, tooltip: tip)
            }
        }
        return c.svg(id: id, title: title, description: description)
    }

    // MARK: Layout helpers

    /// Draws the title and legend; returns the y where the plot may begin.
    static func header(_ c: inout SVGCanvas, title: String, legend: [(label: String, color: String)],
                       width: Double = Charts.width) -> Double {
        c.text(SVGCanvas.truncate(title, toWidth: width - 32, size: 15), x: 16, y: 22, size: 15, weight: "600")
        guard !legend.isEmpty else { return 44 }
        let h = c.legend(legend, x: 16, y: 44, maxWidth: width - 32)
        return 44 + h + 4
    }

    /// Room for the widest y tick label plus the rotated axis label.
    static func leftMargin(_ ticks: [Double], step: Double) -> Double {
        let widest = ticks.map { SVGCanvas.textWidth(NiceTicks.label($0, step: step), size: 11) }.max() ?? 20
        return 30 + widest + 10
    }
}
