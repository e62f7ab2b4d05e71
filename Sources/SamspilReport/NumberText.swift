/// Locale-independent number formatting for the report's three audiences.
///
/// - Files (`csv`) get the shortest text that parses back to the same `Double`,
///   so a planner's spreadsheet sees exactly what the simulator computed, with
///   no `0.30000000000000004` noise and no locale-dependent decimal comma.
/// - People (`display`) get a few significant digits and thousands separators,
///   because a table of 17-digit numbers hides the one digit that matters.
/// - SVG coordinates (`coordinate`) get fixed two-decimal text: compact and
///   precise far beyond what a screen or printer resolves.
///
/// Nothing here consults `Locale`, so output is identical on every machine.
public enum NumberText {
    /// The shortest decimal text that round-trips to `value`.
    ///
    /// Integral values with magnitude below 2^53 print without a fraction
    /// (`"42"`, not `"42.0"`); everything else uses Swift's shortest
    /// round-trip representation (`"0.1"`, `"1e-05"`). Non-finite values give
    /// `"NaN"`, `"Inf"` and `"-Inf"`, which R and pandas both read.
    public static func csv(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "Inf" }
        if value == 0 { return "0" }  // also folds -0
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return value.description
    }

    /// `csv(value)` or the empty string for nil.
    public static func csv(_ value: Double?) -> String {
        value.map { csv($0) } ?? ""
    }

    /// A human-readable rendering with `significantDigits` significant digits
    /// (at least), thousands separators and no exponent for everyday magnitudes.
    ///
    /// Integers below a million keep every digit (`"12,345"`): a count of
    /// admissions should not read "12,300". Millions and billions get an `M`
    /// or `bn` suffix with `significantDigits` digits. Fractions are rounded to
    /// `significantDigits` significant digits but never to more than
    /// `maxFractionDigits` decimals. Very small or huge magnitudes fall back to
    /// scientific notation (`"3.2e-07"`).
    ///
    /// - Parameters:
    ///   - separator: the thousands separator (`","` by default; pass `""` for none).
    public static func display(_ value: Double, significantDigits: Int = 3, maxFractionDigits: Int = 4,
                               separator: String = ",") -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "−∞" : "∞" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e15 || magnitude < 1e-4 {
            return scientific(value, significantDigits: significantDigits)
        }
        if let (divisor, suffix) = largeUnit(magnitude) {
            return display(value / divisor, significantDigits: significantDigits, maxFractionDigits: maxFractionDigits,
                           separator: separator) + suffix
        }
        let exponent = Int((log10(magnitude)).rounded(.down))
        let fractionDigits = max(0, min(maxFractionDigits, significantDigits - 1 - exponent))
        return fixed(value, fractionDigits: fractionDigits, separator: separator)
    }

    /// Like ``display(_:significantDigits:maxFractionDigits:separator:)`` but
    /// with the same number of decimals for a group of values (a mean and its
    /// interval), chosen from the group's spread so the bounds stay comparable.
    public static func displayGroup(_ values: [Double?], significantDigits: Int = 3,
                                    maxFractionDigits: Int = 4) -> [String] {
        let finite = values.compactMap { $0 }.filter { $0.isFinite && $0 != 0 }
        guard let largest = finite.map(abs).max() else {
            return values.map { $0.map { display($0) } ?? "–" }
        }
        if largest >= 1e15 || largest < 1e-4 {
            return values.map { $0.map { display($0, significantDigits: significantDigits) } ?? "–" }
        }
        let (divisor, suffix) = largeUnit(largest) ?? (1, "")
        let exponent = Int(log10(largest / divisor).rounded(.down))
        let digits = max(0, min(maxFractionDigits, significantDigits - 1 - exponent))
        return values.map { v in
            guard let v else { return "–" }
            guard v.isFinite else { return display(v) }
            return fixed(v / divisor, fractionDigits: digits, separator: ",") + suffix
        }
    }

    /// Millions and billions are shown as `"399M"` and `"1.2bn"`: a budget of
    /// 398,902,130 DKK has three meaningful digits, not nine.
    static func largeUnit(_ magnitude: Double) -> (Double, String)? {
        magnitude >= 1e9 ? (1e9, "bn") : magnitude >= 1e6 ? (1e6, "M") : nil
    }

    /// Fixed-point text with exactly `fractionDigits` decimals and grouped
    /// integer digits. Rounds half away from zero on the decimal value.
    ///
    /// - Complexity: O(number of digits).
    public static func fixed(_ value: Double, fractionDigits: Int, separator: String = ",") -> String {
        guard value.isFinite else { return display(value) }
        let digits = max(0, min(fractionDigits, 15))
        let scale = pow(10.0, Double(digits))
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return scientific(value, significantDigits: 6) }
        let units = UInt64(scaled)
        let factor = UInt64(scale)
        let integerPart = units / factor
        let fractionPart = units % factor
        var text = grouped(integerPart, separator: separator)
        if digits > 0 {
            let fraction = String(fractionPart)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        let isZero = units == 0
        return (value < 0 && !isZero) ? "−" + text : text
    }

    /// `1234567` → `"1,234,567"`.
    static func grouped(_ n: UInt64, separator: String) -> String {
        let plain = String(n)
        guard !separator.isEmpty, plain.count > 3 else { return plain }
        var out = ""
        for (i, ch) in plain.enumerated() {
            if i > 0 && (plain.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return out
    }

    /// `3.2e-07`: a mantissa with `significantDigits` digits and a decimal exponent.
    static func scientific(_ value: Double, significantDigits: Int) -> String {
        let exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value / pow(10.0, Double(exponent))
        var e = exponent
        let rounded = fixed(abs(mantissa), fractionDigits: max(0, significantDigits - 1), separator: "")
        if rounded.hasPrefix("10") { mantissa /= 10; e += 1 }
        let text = fixed(abs(mantissa), fractionDigits: max(0, significantDigits - 1), separator: "")
        return (value < 0 ? "−" : "") + text + "e" + (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
    }

    /// Compact text for an SVG coordinate or length: at most two decimals,
    /// trailing zeros dropped (`"12.5"`, `"300"`).
    public static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded(.toNearestOrAwayFromZero)
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        let units = Int64(abs(hundredths))
        var text = String(units / 100)
        let frac = units % 100
        if frac != 0 {
            text += frac % 10 == 0 ? "." + String(frac / 10) : (frac < 10 ? ".0" : ".") + String(frac)
        }
        return negative ? "-" + text : text
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
