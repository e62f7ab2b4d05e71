import SamspilModel

/// What cooperation itself costs: IT, training, leaders' time, physicians'
/// time and medicine, each booked to one named payer (`economics.implementation`).
///
/// Every item reduces to three amounts — a one-off sum, a yearly sum and a sum
/// per acute-team episode — whatever kind it is written as; the kind says what
/// it is for outputs and readers.
public struct ImplementationItem: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// IT messages and systems: licences, integration, operation.
        case itSystem
        /// Training of staff: staff × hours × hourly price.
        case training
        /// Leaders' time spent coordinating across the sectors.
        case coordination
        /// Physicians' time holding medical responsibility for patients treated at home.
        case medicalResponsibility
        /// Medicine the hospital supplies for treatment at home, without activity payment.
        case medicine
        /// Anything else, priced directly.
        case other
    }

    public var name: String
    public var kind: Kind
    /// The payer that bears it: level and name as outputs write them.
    public var payer: PayerEntity
    /// Paid once, at the start (DKK).
    public var oneOff: Double
    /// Paid every year (DKK per year), pro rata for a shorter measurement window.
    public var perYear: Double
    /// Paid per acute-team episode of ``teams`` (DKK per episode).
    public var perTeamEpisode: Double
    /// The acute teams whose episodes count; empty: every team of the scenario.
    public var teams: [String]
    /// Years over which a one-off sum is spread in a one-year result.
    public var lifetimeYears: Double
    public var source: String?

    public init(name: String, kind: Kind, payer: PayerEntity, oneOff: Double = 0, perYear: Double = 0, perTeamEpisode: Double = 0,
                teams: [String] = [], lifetimeYears: Double = 5, source: String? = nil) {
        self.name = name
        self.kind = kind
        self.payer = payer
        self.oneOff = oneOff
        self.perYear = perYear
        self.perTeamEpisode = perTeamEpisode
        self.teams = teams
        self.lifetimeYears = lifetimeYears
        self.source = source
    }
}

/// How one-off implementation sums enter a result.
public enum OneOffTreatment: Sendable, Equatable {
    /// A one-year result carries the level yearly amount whose present value
    /// over the item's lifetime equals the one-off sum (an annuity paid at the
    /// start of each year, like every yearly amount of a budget).
    case annuitised(DiscountSchedule)
    /// A budget year carries the whole sum (`true` in year 0) or none of it.
    case lumpSum(Bool)
}

extension ImplementationItem {
    /// The annuity factor: A = C / Σ_{y=0…L−1} D(y), with a fractional last
    /// year counted by its fraction. With no discounting, C / L.
    /// - Complexity: O(lifetime).
    public static func annuity(_ oneOff: Double, lifetimeYears: Double, schedule: DiscountSchedule) -> Double {
        guard oneOff != 0 else { return 0 }
        var sum = 0.0, year = 0
        while Double(year) < lifetimeYears {
            sum += schedule.factor(year: year) * Swift.min(1, lifetimeYears - Double(year))
            year += 1
        }
        return oneOff / sum
    }

    /// The item's amount for a measurement window of `days` in which `episodes`
    /// team episodes (of its teams) started.
    /// - Complexity: O(lifetime).
    public func amount(days: Double, episodes: Int, oneOffs: OneOffTreatment) -> Money {
        let once: Double
        switch oneOffs {
        case .annuitised(let schedule): once = Self.annuity(oneOff, lifetimeYears: lifetimeYears, schedule: schedule) * days / 365
        case .lumpSum(let now): once = now ? oneOff : 0
        }
        return Money(dkk: once + perYear * days / 365 + perTeamEpisode * Double(episodes))
    }
}
