/// A tiny SVG writer: primitives (line, rectangle, path, text), the chart
/// furniture built from them (axes, gridlines, legend, whiskers, bands), and
/// the Okabe–Ito palette.
///
/// It appends text to a `String` and nothing else: no DOM, no layout engine.
/// Text widths are estimated (≈ 0.58 em per character for the sans-serif
/// fonts every system has), which is all the axis and legend layout needs.
public struct SVGCanvas: Sendable {
    public let width: Double
    public let height: Double
    public private(set) var body = ""

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The complete `<svg>` element. `title` and `description` become the
    /// `<title>` and `<desc>` children that screen readers announce
    /// (`role="img"`, `aria-labelledby`); `id` must be unique in the page.
    public func svg(id: String, title: String, description: String) -> String {
        let t = "\(id)-title", d = "\(id)-desc"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" role=\"img\" aria-labelledby=\"\(t) \(d)\" "
            + "viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" "
            + "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif\" font-size=\"12\">"
            + "<title id=\"\(t)\">\(Markup.escape(title))</title><desc id=\"\(d)\">\(Markup.escape(description))</desc>\n"
            + body + "</svg>"
    }

    // MARK: Primitives

    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                              stroke: String, width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\""
        if let dash { body += " stroke-dasharray=\"\(dash)\"" }
        body += "/>\n"
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              opacity: Double? = nil, tooltip: String? = nil) {
        // Negative sizes are invalid SVG; normalise so callers can pass spans in either direction.
        let x0 = min(x, x + width), y0 = min(y, y + height)
        body += "<rect x=\"\(f(x0))\" y=\"\(f(y0))\" width=\"\(f(abs(width)))\" height=\"\(f(abs(height)))\" fill=\"\(fill)\""
        if let opacity { body += " fill-opacity=\"\(f(opacity))\"" }
        if let tooltip {
            body += "><title>\(Markup.escape(tooltip))</title></rect>\n"
        } else {
            body += "/>\n"
        }
    }

    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, tooltip: String? = nil) {
        body += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" fill=\"\(fill)\""
        if let tooltip { body += "><title>\(Markup.escape(tooltip))</title></circle>\n" } else { body += "/>\n" }
    }

    /// A `<path>` with path data `d`; `fill: "none"` for lines.
    public mutating func path(_ d: String, stroke: String = "none", strokeWidth: Double = 1, fill: String = "none",
                              fillOpacity: Double? = nil, className: String? = nil) {
        guard !d.isEmpty else { return }
        body += "<path"
        if let className { body += " class=\"\(className)\"" }
        body += " d=\"\(d)\" stroke=\"\(stroke)\" stroke-width=\"\(f(strokeWidth))\" fill=\"\(fill)\""
        if let fillOpacity { body += " fill-opacity=\"\(f(fillOpacity))\"" }
        body += " stroke-linejoin=\"round\"/>\n"
    }

    public enum Anchor: String, Sendable { case start, middle, end }

    public mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double? = nil,
                              weight: String? = nil, fill: String = Palette.text, rotate: Double? = nil) {
        body += "<text x=\"\(f(x))\" y=\"\(f(y))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if let size { body += " font-size=\"\(f(size))\"" }
        if let weight { body += " font-weight=\"\(weight)\"" }
        body += " fill=\"\(fill)\""
        if let rotate { body += " transform=\"rotate(\(f(rotate)) \(f(x)) \(f(y)))\"" }
        body += ">\(Markup.escape(content))</text>\n"
    }

    // MARK: Path data

    /// Path data for a polyline through `points`, broken into separate
    /// sub-paths wherever a point is not finite (a gap in the data).
    /// - Complexity: O(points).
    public static func polyline(_ points: [(x: Double, y: Double)]) -> String {
        var d = ""
        var penDown = false
        for p in points {
            guard p.x.isFinite, p.y.isFinite else { penDown = false; continue }
            d += (penDown ? "L" : (d.isEmpty ? "M" : " M")) + f(p.x) + "," + f(p.y)
            penDown = true
        }
        return d
    }

    /// Path data for a closed band between `upper` and `lower` (same x
    /// values), one closed sub-path per run of finite points.
    /// - Complexity: O(points).
    public static func band(x: [Double], upper: [Double], lower: [Double]) -> String {
        var d = ""
        var run: [Int] = []
        func flush() {
            defer { run.removeAll() }
            guard run.count >= 2 else { return }
            if !d.isEmpty { d += " " }
            d += "M" + f(x[run[0]]) + "," + f(upper[run[0]])
            for i in run.dropFirst() { d += "L" + f(x[i]) + "," + f(upper[i]) }
            for i in run.reversed() { d += "L" + f(x[i]) + "," + f(lower[i]) }
            d += "Z"
        }
        for i in 0..<min(x.count, upper.count, lower.count) {
            if x[i].isFinite && upper[i].isFinite && lower[i].isFinite { run.append(i) } else { flush() }
        }
        flush()
        return d
    }

    // MARK: Chart furniture

    /// Horizontal gridlines and labels for a y axis at `left`, spanning to `right`.
    public mutating func yAxis(scale: LinearScale, ticks: [Double], step: Double, left: Double, right: Double,
                               label: String?, labelX: Double) {
        for t in ticks {
            let y = scale(t)
            line(left, y, right, y, stroke: t == 0 ? Palette.axis : Palette.grid, width: t == 0 ? 1 : 0.75)
            text(NiceTicks.label(t, step: step), x: left - 6, y: y + 4, anchor: .end, size: 11, fill: Palette.muted)
        }
        if let label {
            let mid = (scale.rangeStart + scale.rangeEnd) / 2
            text(label, x: labelX, y: mid, anchor: .middle, size: 12, fill: Palette.text, rotate: -90)
        }
    }

    /// Tick marks and labels for an x axis at `y` (the plot's bottom edge).
    public mutating func xAxis(scale: LinearScale, ticks: [(value: Double, label: String)], y: Double,
                               label: String?, labelY: Double) {
        line(scale.rangeStart, y, scale.rangeEnd, y, stroke: Palette.axis)
        for t in ticks {
            let x = scale(t.value)
            line(x, y, x, y + 5, stroke: Palette.axis)
            text(t.label, x: x, y: y + 18, anchor: .middle, size: 11, fill: Palette.muted)
        }
        if let label {
            text(label, x: (scale.rangeStart + scale.rangeEnd) / 2, y: labelY, anchor: .middle, size: 12)
        }
    }

    /// A vertical error bar from `low` to `high` at `x` (pixel values) with caps.
    public mutating func verticalWhisker(x: Double, low: Double, high: Double, cap: Double = 5, stroke: String = Palette.text) {
        guard low.isFinite, high.isFinite else { return }
        line(x, low, x, high, stroke: stroke, width: 1.25)
        line(x - cap, low, x + cap, low, stroke: stroke, width: 1.25)
        line(x - cap, high, x + cap, high, stroke: stroke, width: 1.25)
    }

    /// A horizontal error bar from `low` to `high` at `y` (pixel values) with caps.
    public mutating func horizontalWhisker(y: Double, low: Double, high: Double, cap: Double = 5, stroke: String = Palette.text) {
        guard low.isFinite, high.isFinite else { return }
        line(low, y, high, y, stroke: stroke, width: 1.25)
        line(low, y - cap, low, y + cap, stroke: stroke, width: 1.25)
        line(high, y - cap, high, y + cap, stroke: stroke, width: 1.25)
    }

    /// A legend of coloured swatches and labels, wrapping within `maxWidth`.
    /// Returns the height used.
    @discardableResult
    public mutating func legend(_ entries: [(label: String, color: String)], x: Double, y: Double, maxWidth: Double) -> Double {
        var cx = x, cy = y
        for entry in entries {
            let label = SVGCanvas.truncate(entry.label, toWidth: maxWidth - 24, size: 12)
            let w = 18 + SVGCanvas.textWidth(label, size: 12) + 16
            if cx > x && cx + w > x + maxWidth { cx = x; cy += 18 }
            rect(x: cx, y: cy - 9, width: 12, height: 12, fill: entry.color)
            text(label, x: cx + 17, y: cy + 1, size: 12)
            cx += w
        }
        return cy - y + 18
    }

    // MARK: Text measurement

    /// Estimated rendered width of `text` at font `size` (px).
    public static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.58
    }

    /// `text` shortened with "…" to fit `width` at font `size`.
    public static func truncate(_ text: String, toWidth width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width else { return text }
        let keep = max(1, Int(width / (size * 0.58)) - 1)
        return String(text.prefix(keep)) + "…"
    }
}

/// Okabe & Ito's colour-blind-safe palette (2008), ordered for contrast on
/// white: the yellow, which is hard to see on paper, comes last.
public enum Palette {
    public static let series = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
    public static let text = "#222222"
    public static let muted = "#555555"
    public static let axis = "#444444"
    public static let grid = "#DDDDDD"
    /// Positive and negative values in a diverging chart (blue / vermillion).
    public static let positive = "#0072B2"
    public static let negative = "#D55E00"

    /// The colour of the `index`-th series, cycling through the palette.
    public static func color(_ index: Int) -> String { series[((index % series.count) + series.count) % series.count] }
}

/// SVG number text (two decimals at most).
@inline(__always) func f(_ v: Double) -> String { NumberText.coordinate(v) }
