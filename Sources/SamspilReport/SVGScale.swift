/// Scales and "nice" axis ticks for the report's charts.
///
/// Ticks follow Heckbert's "Nice numbers for graph labels" (Graphics Gems,
/// 1990): steps of 1, 2 or 5 × 10^k, and a domain widened to whole steps, so
/// axes read 0, 20, 40, … rather than 3.7, 21.4, …

/// Maps a numeric domain linearly onto a pixel range.
public struct LinearScale: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    /// Pixel range; `lower` maps to `domain.lowerBound`. For a y axis pass
    /// `(bottom, top)` as `rangeStart`/`rangeEnd` so larger values go up.
    public var rangeStart: Double
    public var rangeEnd: Double

    public init(domain: ClosedRange<Double>, rangeStart: Double, rangeEnd: Double) {
        self.domain = domain
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
    }

    /// The pixel position of `value`; a degenerate domain maps to the middle.
    /// - Complexity: O(1).
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domain.lowerBound) / span * (rangeEnd - rangeStart)
    }
}

/// Nice axis ticks.
public enum NiceTicks {
    /// The nice number closest to (`round`) or at least (`!round`) `x`:
    /// 1, 2, 5 or 10 times a power of ten.
    static func niceNumber(_ x: Double, round: Bool) -> Double {
        let exponent = (log10(x)).rounded(.down)
        let power = pow(10, exponent)
        let fraction = x / power
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }

    /// A nice domain covering `low...high` with about `count` ticks, and its step.
    ///
    /// Degenerate input is widened so there is always something to draw: equal
    /// bounds get ±1 (or ±10 % of the value), non-finite bounds become 0...1.
    /// - Complexity: O(1).
    public static func domain(_ low: Double, _ high: Double, count: Int = 5) -> (domain: ClosedRange<Double>, step: Double) {
        var lo = low, hi = high
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        // A negligible overshoot past zero (simulation noise around a true 0,
        // such as −0.01 next to 600) would otherwise add a whole empty step.
        if lo < 0 && hi > 0 {
            let span = hi - lo
            if -lo < span * 0.005 { lo = 0 } else if hi < span * 0.005 { hi = 0 }
        }
        let range = niceNumber(hi - lo, round: false)
        let step = niceNumber(range / Double(max(1, count - 1)), round: true)
        let niceLow = (lo / step).rounded(.down) * step
        let niceHigh = (hi / step).rounded(.up) * step
        return (niceLow...niceHigh, step)
    }

    /// The tick values of ``domain(_:_:count:)``: whole multiples of the step,
    /// computed as `k × step` so they print without floating-point noise.
    /// - Complexity: O(number of ticks).
    public static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
        let (d, step) = domain(low, high, count: count)
        return ticks(in: d, step: step)
    }

    /// Multiples of `step` within `domain`.
    public static func ticks(in domain: ClosedRange<Double>, step: Double) -> [Double] {
        guard step > 0, step.isFinite else { return [domain.lowerBound] }
        let first = Int((domain.lowerBound / step).rounded(.up) - 0.0)
        let last = Int((domain.upperBound / step + 1e-9).rounded(.down))
        guard last >= first, last - first < 1000 else { return [domain.lowerBound, domain.upperBound] }
        return (first...last).map { k in
            let v = Double(k) * step
            // Snap to the step's decimal precision (0.1 × 3 → 0.3, not 0.30000000000000004).
            let decimals = max(0, -Int(log10(step).rounded(.down)))
            let p = pow(10.0, Double(min(decimals, 15)))
            return (v * p).rounded() / p
        }
    }

    /// Label text for `value` on an axis whose tick step is `step`: just
    /// enough decimals to tell ticks apart, thousands separators, and a `k`,
    /// `M` or `bn` suffix when the ticks are large round numbers.
    public static func label(_ value: Double, step: Double) -> String {
        if abs(value) < step * 1e-9 { return "0" }
        let magnitude = max(abs(value), step)
        if magnitude >= 1e9 && step >= 1e8 { return compact(value / 1e9, step: step / 1e9) + " bn" }
        if magnitude >= 1e6 && step >= 1e5 { return compact(value / 1e6, step: step / 1e6) + "M" }
        return compact(value, step: step)
    }

    static func compact(_ value: Double, step: Double) -> String {
        let decimals = step > 0 && step.isFinite ? max(0, -Int(log10(step).rounded(.down))) : 0
        return NumberText.fixed(value, fractionDigits: min(decimals, 6))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
