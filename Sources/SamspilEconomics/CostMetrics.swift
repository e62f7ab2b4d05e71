import SamspilModel

/// The economic results of a replication as named metrics, in a fixed order
/// that is the same under every regime (so runs under different regimes can be
/// compared metric by metric).
public enum CostMetrics {
    public struct Definition: Sendable, Equatable {
        public var name: String
        public var unit: String
        public var description: String
        public var group: String
    }

    public static let definitions: [Definition] = {
        var d: [Definition] = [
            Definition(name: "cost.total", unit: "DKK", description: "total resource cost of all providers", group: "costs by provider"),
        ]
        for p in Provider.allCases {
            d.append(Definition(name: "cost.\(p.rawValue)", unit: "DKK", description: "resource cost: \(p.rawValue)", group: "costs by provider"))
        }
        for h in AccountHolder.allCases {
            let group = "payer: \(h.rawValue)"
            d.append(Definition(name: "payer.\(h.rawValue).costs", unit: "DKK", description: "resource costs borne by \(h.rawValue)", group: group))
            d.append(Definition(name: "payer.\(h.rawValue).transfersIn", unit: "DKK", description: "transfers received by \(h.rawValue)", group: group))
            d.append(Definition(name: "payer.\(h.rawValue).transfersOut", unit: "DKK", description: "transfers paid by \(h.rawValue)", group: group))
            d.append(Definition(name: "payer.\(h.rawValue).net", unit: "DKK", description: "net burden of \(h.rawValue): costs + paid − received", group: group))
        }
        for t in TransferKind.allCases {
            d.append(Definition(name: "transfer.\(t.rawValue)", unit: "DKK", description: "money moved: \(t.rawValue)", group: "transfers"))
        }
        d.append(Definition(name: "costPerAvoidedAdmission", unit: "DKK",
                            description: "cost of acute teams and acute beds per avoided admission (counterfactual measure)",
                            group: "costs by provider"))
        return d
    }()

    /// Values aligned with `definitions`.
    public static func values(_ cost: CostResult, avoidedAdmissions: Double) -> [Double] {
        var v: [Double] = [cost.totalCost.dkk]
        for p in Provider.allCases { v.append((cost.providerCosts[p] ?? .zero).dkk) }
        for h in AccountHolder.allCases {
            let a = cost.accounts[h] ?? PayerAccount()
            v += [a.costs.dkk, a.transfersIn.dkk, a.transfersOut.dkk, a.net.dkk]
        }
        for t in TransferKind.allCases { v.append((cost.transfers[t] ?? .zero).dkk) }
        let community = (cost.providerCosts[.acuteTeam] ?? .zero) + (cost.providerCosts[.acuteBeds] ?? .zero)
        v.append(avoidedAdmissions > 0 ? community.dkk / avoidedAdmissions : 0)
        return v
    }
}
