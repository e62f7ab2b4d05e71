/// An amount of Danish kroner held as whole øre (1/100 DKK), so that sums of
/// line items are exact: switching regimes moves money between payers but must
/// not change the total by a single øre, and that can only be tested on
/// integers.
public struct Money: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    public var ore: Int64

    public init(ore: Int64) { self.ore = ore }

    /// Rounds a kroner amount to the nearest øre (half away from zero).
    public init(dkk: Double) {
        precondition(dkk.isFinite && abs(dkk) < 9e16, "amount out of range")
        ore = Int64((dkk * 100).rounded(.toNearestOrAwayFromZero))
    }

    public static let zero = Money(ore: 0)
    public var dkk: Double { Double(ore) / 100 }

    public static func + (a: Money, b: Money) -> Money { Money(ore: a.ore + b.ore) }
    public static func - (a: Money, b: Money) -> Money { Money(ore: a.ore - b.ore) }
    public static prefix func - (a: Money) -> Money { Money(ore: -a.ore) }
    public static func < (a: Money, b: Money) -> Bool { a.ore < b.ore }

    /// `count` units at `price` kroner each, rounded once.
    public static func price(_ price: Double, times count: Double) -> Money { Money(dkk: price * count) }

    public var description: String {
        let sign = ore < 0 ? "-" : ""
        let a = abs(ore)
        let fraction = a % 100
        return "\(sign)\(a / 100).\(fraction < 10 ? "0" : "")\(fraction) DKK"
    }
}
