extension RandomNumberGenerator {
    /// A uniform double in [0, 1) with all 53 bits of the significand random.
    /// - Complexity: O(1).
    @inlinable
    @inline(__always)
    public mutating func nextUnitDouble() -> Double {
        Double(next() &>> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1]: safe to pass to `log`.
    /// - Complexity: O(1).
    @inlinable
    @inline(__always)
    public mutating func nextPositiveUnitDouble() -> Double {
        Double((next() &>> 11) &+ 1) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's method,
    /// written out so results never depend on the standard library's algorithm).
    /// - Precondition: `bound > 0`.
    /// - Complexity: O(1) expected.
    @inlinable
    public mutating func nextInt(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
