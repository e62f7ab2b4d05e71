import SamspilReport

/// A deal every party can accept: side payments between named payers that
/// leave each party's net burden no higher than without the change (everyone
/// gains or breaks even) with at least a given probability over the PSA draws.
///
/// The family of rules searched (documented in docs/guides/uncertainty.md):
/// a payment per admission avoided between runs, at rate `a` DKK, from one
/// named payer (the *payer* of the deal, e.g. the region that keeps the
/// saving) to another (the *receiver*, e.g. the municipality that runs the
/// team). In draw k the parties' changes become
///
///     Δnet_receiver − a · avoided_k,   Δnet_payer + a · avoided_k,   others unchanged,
///
/// and the deal is acceptable at `a` when the share of draws in which every
/// party with a changed net ends at ≤ 0 is at least `probability`. Payments
/// move money between payers, so they cannot make everyone gain when the
/// change costs more in total than it saves; the designer then says so, with
/// the probability that the total cost falls.
public struct DealDesigner: Sendable {
    public var report: SensitivityReport
    public var probability: Double

    public init(_ report: SensitivityReport, probability: Double = 0.8) {
        self.report = report
        self.probability = probability
    }

    /// One rule's verdict.
    public struct Deal: Sendable, Equatable {
        public var payer: String
        public var receiver: String
        /// Rates (DKK per avoided admission) at which the deal is acceptable, or empty.
        public var acceptableRates: ClosedRange<Double>?
        /// The highest probability that every party gains, over the rates tried, and where.
        public var bestProbability: Double
        public var bestRate: Double
    }

    /// Every named payer whose net changes in some draw (the parties of a deal).
    public var parties: [String] {
        report.result.outcomeNames.filter { $0.hasPrefix("payer.net[") }.filter { name in
            report.result.column(name).contains { $0 != 0 }
        }
    }

    /// Probability over draws that the total resource cost falls: the ceiling for any deal.
    public var probabilityCostFalls: Double {
        let costs = report.result.column(ProbabilisticSensitivity.totalCost)
        return costs.isEmpty ? 0 : Double(costs.filter { $0 <= 0 }.count) / Double(costs.count)
    }

    /// Tries every ordered pair of parties over `rates` (default: 0 to twice the
    /// largest |Δnet| per avoided admission, 200 steps).
    /// - Complexity: O(parties² × rates × draws × parties).
    public func search(rates: [Double]? = nil) -> [Deal] {
        let names = parties
        let avoided = report.result.column(ProbabilisticSensitivity.avoidedBetweenRuns)
        let nets = names.map { report.result.column($0) }
        guard !avoided.isEmpty, !names.isEmpty else { return [] }
        let grid = rates ?? {
            var top = 1.0
            for (k, a) in avoided.enumerated() where a > 0 {
                for n in nets { top = max(top, 2 * abs(n[k]) / a) }
            }
            return (0...200).map { Double($0) * top / 200 }
        }()
        var deals: [Deal] = []
        for p in names.indices {
            for r in names.indices where r != p {
                var acceptable: [Double] = []
                var best = (probability: -1.0, rate: 0.0)
                for a in grid {
                    var ok = 0
                    for k in avoided.indices {
                        var everyoneGains = true
                        for (i, n) in nets.enumerated() {
                            let change = n[k] + (i == p ? a * avoided[k] : 0) - (i == r ? a * avoided[k] : 0)
                            if change > 0 { everyoneGains = false; break }
                        }
                        if everyoneGains { ok += 1 }
                    }
                    let share = Double(ok) / Double(avoided.count)
                    if share > best.probability { best = (share, a) }
                    if share >= probability { acceptable.append(a) }
                }
                deals.append(Deal(payer: names[p], receiver: names[r],
                                  acceptableRates: acceptable.isEmpty ? nil : acceptable.min()!...acceptable.max()!,
                                  bestProbability: best.probability, bestRate: best.rate))
            }
        }
        return deals.sorted { ($0.acceptableRates != nil ? 1 : 0, $0.bestProbability) > ($1.acceptableRates != nil ? 1 : 0, $1.bestProbability) }
    }

    /// "payer.net[municipality=Viborg]" → "Viborg municipality".
    public static func display(_ party: String) -> String {
        guard party.hasPrefix("payer.net["), party.hasSuffix("]"), let eq = party.firstIndex(of: "=") else { return party }
        let level = String(party[party.index(party.startIndex, offsetBy: 10)..<eq])
        let name = String(party[party.index(after: eq)..<party.index(before: party.endIndex)])
        return WhoPays.displayEntity(level: level, name: name)
    }

    /// The verdict in words: the acceptable deals, or why there is none.
    public func summary(_ deals: [Deal]) -> String {
        let show = Self.display
        let p = NumberText.fixed(probability, fractionDigits: 2)
        let acceptable = deals.filter { $0.acceptableRates != nil }
        guard acceptable.isEmpty else {
            return acceptable.map { d in
                "\(show(d.payer)) pays \(show(d.receiver)) \(NumberText.display(d.acceptableRates!.lowerBound))–\(NumberText.display(d.acceptableRates!.upperBound)) DKK per avoided admission: every party gains or breaks even with probability ≥ \(p)"
            }.joined(separator: "\n")
        }
        var text = "No payment per avoided admission between two payers makes every party gain with probability ≥ \(p)."
        let falls = probabilityCostFalls
        if falls < probability {
            text += " Payments only move money: the change lowers the total resource cost in \(NumberText.fixed(falls * 100, fractionDigits: 0)) % of the draws, so in the rest someone must pay more whatever the deal."
        }
        if let best = deals.first {
            text += " The best rule tried: \(show(best.payer)) pays \(show(best.receiver)) \(NumberText.display(best.bestRate)) DKK per avoided admission (everyone gains in \(NumberText.fixed(best.bestProbability * 100, fractionDigits: 0)) % of the draws)."
        }
        return text
    }
}
