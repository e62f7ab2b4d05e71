/// A range check for numbers read from a scenario (`.nonNegative`,
/// `.probability`, `.range(1...24)`, …). Non-finite numbers (`Infinity`, `NaN`,
/// or literals too large for a `Double`) are always rejected.
public struct NumberConstraint: Sendable, Equatable {
    public var lower: Double?
    public var lowerInclusive: Bool
    public var upper: Double?
    public var upperInclusive: Bool
    /// Overrides the generated wording, e.g. "a probability (from 0 to 1)".
    public var wording: String?

    public init(
        lower: Double? = nil, lowerInclusive: Bool = true,
        upper: Double? = nil, upperInclusive: Bool = true, wording: String? = nil
    ) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
        self.wording = wording
    }

    /// Any finite number.
    public static let any = NumberConstraint()
    /// `x ≥ 0`.
    public static let nonNegative = NumberConstraint(lower: 0)
    /// `x > 0`.
    public static let positive = NumberConstraint(lower: 0, lowerInclusive: false)
    /// `0 ≤ x ≤ 1`.
    public static let probability = NumberConstraint(lower: 0, upper: 1, wording: "a probability (from 0 to 1)")

    /// `range.lowerBound ≤ x ≤ range.upperBound`.
    public static func range(_ range: ClosedRange<Double>) -> NumberConstraint {
        NumberConstraint(lower: range.lowerBound, upper: range.upperBound)
    }

    /// `x ≥ bound`.
    public static func atLeast(_ bound: Double) -> NumberConstraint { NumberConstraint(lower: bound) }
    /// `x > bound`.
    public static func greaterThan(_ bound: Double) -> NumberConstraint {
        NumberConstraint(lower: bound, lowerInclusive: false)
    }
    /// `x ≤ bound`.
    public static func atMost(_ bound: Double) -> NumberConstraint { NumberConstraint(upper: bound) }

    public func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        if let lower, lowerInclusive ? x < lower : x <= lower { return false }
        if let upper, upperInclusive ? x > upper : x >= upper { return false }
        return true
    }

    /// "a non-negative number", "an integer from 1 to 24", "a number greater than 0.5".
    public func describe(noun: String) -> String {
        if let wording { return wording }
        let article = noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        func text(_ x: Double) -> String { JSONNumber(x).integerIfExact.description }
        switch (lower, upper) {
        case (nil, nil):
            return noun == "number" ? "a finite number" : "\(article) \(noun)"
        case (0?, nil):
            return lowerInclusive ? "a non-negative \(noun)" : "a positive \(noun)"
        case (let l?, nil):
            return "\(article) \(noun) " + (lowerInclusive ? "of at least \(text(l))" : "greater than \(text(l))")
        case (nil, let u?):
            return "\(article) \(noun) " + (upperInclusive ? "of at most \(text(u))" : "less than \(text(u))")
        case (let l?, let u?):
            if lowerInclusive && upperInclusive { return "\(article) \(noun) from \(text(l)) to \(text(u))" }
            return "\(article) \(noun) in \(lowerInclusive ? "[" : "(")\(text(l)), \(text(u))\(upperInclusive ? "]" : ")")"
        }
    }
}

extension JSONNumber {
    /// The same number with `integer` filled in when the value is integral and fits,
    /// so it prints as `3` rather than `3.0`.
    var integerIfExact: JSONNumber {
        if integer != nil { return self }
        if let exact = Int(exactly: value), abs(value) < 9.0e15 { return JSONNumber(value: value, integer: exact) }
        return self
    }
}
