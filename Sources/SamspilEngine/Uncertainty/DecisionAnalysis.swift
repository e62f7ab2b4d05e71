/// Decision measures from the draws of a probabilistic sensitivity analysis:
/// the cost-effectiveness acceptability curve (CEAC), the expected value of
/// perfect information (EVPI) and the probability that a party gains.
///
/// Each draw gives the paired difference of a new option against the base:
/// `effect` (e.g. avoided admissions, larger is better) and `cost` (DKK,
/// larger is worse). At a willingness to pay λ per unit of effect the net
/// monetary benefit of the new option is NB(λ) = λ·effect − cost; the base
/// has NB = 0 by construction (Stinnett & Mullahy 1998).
///
/// - Note: two options only (new vs base), which is what a paired comparison
///   gives; with more options, EVPI needs the maximum over all of them per
///   draw, which `expectedValueOfPerfectInformation(netBenefits:)` provides.
public struct IncrementalDraws: Sendable, Equatable {
    public var effect: ContiguousArray<Double>
    public var cost: ContiguousArray<Double>

    public init(effect: ContiguousArray<Double>, cost: ContiguousArray<Double>) {
        precondition(effect.count == cost.count, "one effect and one cost per draw")
        self.effect = effect
        self.cost = cost
    }

    public var count: Int { effect.count }

    /// Mean net monetary benefit of the new option at λ.
    /// - Complexity: O(draws).
    public func meanNetBenefit(willingnessToPay lambda: Double) -> Double {
        guard count > 0 else { return 0 }
        var sum = 0.0
        for i in 0..<count { sum += lambda * effect[i] - cost[i] }
        return sum / Double(count)
    }

    /// The probability that the new option is cost-effective at λ: the share
    /// of draws with NB(λ) > 0 (one point of the CEAC). Ties count half, so a
    /// comparison of an option with itself gives 0.5, not 0 or 1.
    /// - Complexity: O(draws).
    public func probabilityCostEffective(willingnessToPay lambda: Double) -> Double {
        guard count > 0 else { return 0 }
        var wins = 0.0
        for i in 0..<count {
            let nb = lambda * effect[i] - cost[i]
            if nb > 0 { wins += 1 } else if nb == 0 { wins += 0.5 }
        }
        return wins / Double(count)
    }

    /// EVPI at λ: E[max(NB, 0)] − max(E[NB], 0), the most a decision maker
    /// should pay to remove all parameter uncertainty before choosing
    /// (per decision, in the units of `cost`). Never negative.
    /// - Complexity: O(draws).
    public func expectedValueOfPerfectInformation(willingnessToPay lambda: Double) -> Double {
        guard count > 0 else { return 0 }
        var withInformation = 0.0, mean = 0.0
        for i in 0..<count {
            let nb = lambda * effect[i] - cost[i]
            withInformation += Swift.max(nb, 0)
            mean += nb
        }
        let n = Double(count)
        return Swift.max(0, withInformation / n - Swift.max(mean / n, 0))
    }

    /// The CEAC and EVPI over a grid of willingness-to-pay values.
    /// - Complexity: O(draws × grid).
    public func acceptabilityCurve(_ grid: [Double]) -> [(willingnessToPay: Double, probability: Double, evpi: Double)] {
        grid.map { ($0, probabilityCostEffective(willingnessToPay: $0), expectedValueOfPerfectInformation(willingnessToPay: $0)) }
    }

    /// A grid of `points` willingness-to-pay values from 0 to a ceiling that
    /// covers the draws: twice the largest |cost/effect| among draws with an
    /// effect, rounded up to a 1–2–5 step; 100,000 when no draw has one.
    public func willingnessToPayGrid(points: Int = 41) -> [Double] {
        var top = 0.0
        for i in 0..<count where effect[i] != 0 {
            let ratio = Swift.abs(cost[i] / effect[i])
            if ratio.isFinite { top = Swift.max(top, ratio) }
        }
        let ceiling = Self._niceCeiling(top > 0 ? 2 * top : 100_000)
        let n = Swift.max(2, points)
        return (0..<n).map { ceiling * Double($0) / Double(n - 1) }
    }

    static func _niceCeiling(_ x: Double) -> Double {
        var unit = 1.0
        while unit * 10 <= x { unit *= 10 }
        for step in [1.0, 2, 5, 10] where step * unit >= x { return step * unit }
        return 10 * unit
    }
}

/// EVPI for any number of options: `netBenefits[d][k]` is option k's net
/// benefit in draw d. E_d[max_k NB] − max_k E_d[NB].
/// - Complexity: O(draws × options).
public func expectedValueOfPerfectInformation(netBenefits: [[Double]]) -> Double {
    guard let options = netBenefits.first?.count, options > 0 else { return 0 }
    var withInformation = 0.0
    var means = [Double](repeating: 0, count: options)
    for draw in netBenefits {
        precondition(draw.count == options, "every draw needs a net benefit per option")
        withInformation += draw.max()!
        for k in 0..<options { means[k] += draw[k] }
    }
    let n = Double(netBenefits.count)
    return Swift.max(0, withInformation / n - means.max()! / n)
}

/// The share of draws in which a party's net burden falls (its paired net
/// change is negative: it gains). Ties count half.
/// - Complexity: O(draws).
public func probabilityOfGain<C: Collection>(netChange: C) -> Double where C.Element == Double {
    guard !netChange.isEmpty else { return 0 }
    var gains = 0.0
    for x in netChange {
        if x < 0 { gains += 1 } else if x == 0 { gains += 0.5 }
    }
    return gains / Double(netChange.count)
}
