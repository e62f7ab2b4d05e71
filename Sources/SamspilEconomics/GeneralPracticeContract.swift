/// What the region pays general practice per service, by contract — separate
/// from what the service costs in GP time (``Prices``). When a fee is not set
/// it equals the price, so fees exactly cover the GPs' time and general
/// practice's net is minus its capitation, as before fees could be set.
public struct GeneralPracticeContract: Sendable, Equatable {
    /// Fee per acute GP consultation (DKK); nil: `prices.gpConsultation`.
    public var consultationFee: Double?
    /// Fee per GP home visit (DKK); nil: `prices.gpHomeVisit`.
    public var homeVisitFee: Double?
    /// Fee per out-of-hours contact (DKK); nil: `prices.outOfHoursContact`.
    public var outOfHoursFee: Double?
    /// Who runs the out-of-hours service: general practice on fees (most
    /// regions), or the region itself (as Region Hovedstaden's 1813), which
    /// then bears its cost and pays no out-of-hours fees.
    public var outOfHoursOperator: OutOfHoursOperator = .generalPractice
    public var source: String?

    public enum OutOfHoursOperator: String, Sendable, CaseIterable, Codable {
        case generalPractice, region
    }

    public init() {}

    /// The fees in force under `prices`.
    /// - Complexity: O(1).
    public func fees(_ prices: Prices) -> (consultation: Double, homeVisit: Double, outOfHours: Double) {
        (consultationFee ?? prices.gpConsultation, homeVisitFee ?? prices.gpHomeVisit, outOfHoursFee ?? prices.outOfHoursContact)
    }
}
