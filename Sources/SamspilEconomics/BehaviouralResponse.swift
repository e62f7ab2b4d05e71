import SamspilModel

/// Turns incentives into decisions: the behavioural coefficients of
/// `EconomicsSettings` applied to the regime's incentives give the model's
/// `Behaviour`. With neutral coefficients (the default) the result is the
/// scenario's own behaviour, so switching regime changes who pays, never what
/// happens to patients.
public enum BehaviouralResponse {
    /// The share of the DRG tariff the region earns per admission under the regime.
    public static func activityShare(_ economics: EconomicsSettings) -> Double {
        let rules = RegimeRules.rules(for: economics.regime, custom: economics.custom)
        var share = rules.stateActivityFunding ? economics.stateActivityShare : 0
        if rules.coFinancing { share += averageCoFinancingShare(economics) }
        return share
    }

    /// Mean co-financing share over age bands (0 when co-financing is off).
    public static func averageCoFinancingShare(_ economics: EconomicsSettings) -> Double {
        let shares = economics.coFinancingShare
        return shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count)
    }

    /// `scenario` with its behaviour adjusted for the incentives of `economics`.
    public static func apply(_ economics: EconomicsSettings, to scenario: Scenario) -> Scenario {
        let c = economics.behaviour
        guard !c.isNeutral else { return scenario }
        let rules = RegimeRules.rules(for: economics.regime, custom: economics.custom)
        var s = scenario
        let activity = activityShare(economics)
        s.behaviour.gpKeepAtHomeShift += c.gpHomeVisitFee / 1000 * c.gpKeepAtHomePerThousandDkk
        s.behaviour.hospitalAdmissionShift = Swift.min(1, Swift.max(0, s.behaviour.hospitalAdmissionShift + c.admissionPerActivityShare * activity))
        s.behaviour.lengthOfStayMultiplier *= Swift.max(0.1, 1 + c.lengthOfStayPerActivityShare * activity)
        let coFinancing = rules.coFinancing ? averageCoFinancingShare(economics) : 0
        s.behaviour.referralPropensityMultiplier *= Swift.max(0, 1 + c.referralPerCoFinancingShare * coFinancing)
        return s
    }
}
