/// The calendar position of simulation time 0: the start of a given day.
///
/// Samspil models measure time in hours from this instant. Years have 365 days
/// (no leap days), so the calendar repeats exactly every 7 years (2 555 days,
/// when both the weekday and the date return to where they started).
@frozen
public struct CalendarStart: Sendable, Hashable {
    /// Weekday of day 0: 0 = Monday … 6 = Sunday.
    public let weekday: Int
    /// Month of day 0: 0 = January … 11 = December.
    public let month: Int
    /// Day of the month of day 0, from 1.
    public let day: Int

    /// Lengths of the months of a 365-day year.
    public static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    public init(weekday: Int, month: Int, day: Int) throws(DistributionError) {
        guard (0...6).contains(weekday) else { throw DistributionError("weekday must be 0 (Monday) … 6 (Sunday), got \(weekday)") }
        guard (0...11).contains(month) else { throw DistributionError("month must be 0 (January) … 11 (December), got \(month)") }
        guard day >= 1, day <= CalendarStart.monthLengths[month] else {
            throw DistributionError("day \(day) does not exist in month \(month + 1) of a 365-day year")
        }
        self.weekday = weekday
        self.month = month
        self.day = day
    }

    /// Monday 1 January.
    public static let mondayFirstOfJanuary = try! CalendarStart(weekday: 0, month: 0, day: 1)
}

/// A time-varying arrival intensity, piecewise constant by the hour, shared by
/// any number of arrival streams that differ only in their base rate; and the
/// exact sampler of the next arrival of the non-homogeneous Poisson process
/// (NHPP) it defines.
///
/// ## The profile
/// The intensity in hour h is `rateScale × hourOfDay[h mod 24] ×
/// dayOfWeek[weekday] × month[month] × c_year`, where:
/// 1. each weight set is first divided by its own mean, so weights read as
///    relative intensities around 1 (24 hour weights, 7 weekday weights, 12
///    month weights — a month weight is a per-hour intensity, not a monthly
///    volume; see ``monthWeights(fromMonthlyCounts:)``);
/// 2. the table runs over the actual calendar from ``CalendarStart`` — real
///    month lengths of a 365-day year and the true weekday of every date;
/// 3. because a 365-day year has one weekday 53 times and months of unequal
///    length, the product of mean-1 weights does not average exactly 1 over a
///    year; each 365-day year of the table (from the start date) is therefore
///    rescaled by its own factor c_year (within a fraction of a percent of 1)
///    so that it integrates to exactly 8 760 hours.
///
/// So a stream with `rateScale` r has expected count exactly r × 8 760 in every
/// simulated year (counting years from time 0), i.e. r is the average number of
/// events per hour, as a planner states a base rate ("35 000 contacts a year"
/// is r = 35 000 / 8 760).
///
/// The table covers one full calendar cycle of 7 years (61 320 hours), after
/// which weekday and date both repeat, and wraps over cycles; a 1-year table
/// would drift the weekday pattern by one day per simulated year.
///
/// ## Exact sampling
/// With Λ(t) = ∫₀ᵗ λ(s) ds, the arrival times of an NHPP are Λ⁻¹ of the arrival
/// times of a unit-rate Poisson process. So from time t the next arrival is the
/// first s with Λ(s) = Λ(t) + E/r, E ~ Exp(1). Λ is piecewise linear here
/// (tabulated exactly at every hour), so s is found by a search over the
/// cumulative table — started from a guide indexed by Λ's whole part, so a
/// step or two — and a linear interpolation within the hour: no thinning,
/// no approximation, no per-hour loop, and one exponential per arrival. An
/// arrival inside the current hour (the common case for busy streams) skips
/// the search. Zero-weight hours have a flat Λ and receive no arrivals; a
/// profile zero everywhere never arrives (+∞).
public struct RateProfile: Sendable {
    /// Hours in a 365-day year.
    public static let hoursPerYear = 8_760
    /// Years in the table: the calendar (weekday and date) repeats after 7 years.
    public static let cycleYears = 7
    /// Hours in the table: 7 × 8 760 = 61 320.
    public static let cycleHours = 61_320

    /// The calendar position of time 0.
    public let start: CalendarStart
    /// The normalised hour-of-day weights (mean 1), hour 0 = 00:00–01:00.
    public let hourOfDayWeights: [Double]
    /// The normalised weekday weights (mean 1), Monday first.
    public let dayOfWeekWeights: [Double]
    /// The normalised month weights (mean 1), January first.
    public let monthWeights: [Double]
    /// Λ at every hour boundary of the cycle, for unit rate scale:
    /// `_cumulative[h]` = ∫₀ʰ λ, `cycleHours + 1` entries, non-decreasing.
    @usableFromInline let _cumulative: [Double]
    /// The search guide over `_cumulative` (see ``guideTable``).
    @usableFromInline let _guide: [UInt16]

    /// Builds the profile.
    /// - Parameters:
    ///   - hourOfDay: 24 non-negative weights (00–01 first).
    ///   - dayOfWeek: 7 non-negative weights (Monday first).
    ///   - month: 12 non-negative weights (January first), per-hour intensities.
    ///   - start: the calendar position of time 0.
    /// - Throws: on wrong counts or negative/non-finite weights. A weight set
    ///   that is all zero gives a profile that never arrives.
    /// - Complexity: O(61 320).
    public init(hourOfDay: [Double] = Array(repeating: 1, count: 24),
                dayOfWeek: [Double] = Array(repeating: 1, count: 7),
                month: [Double] = Array(repeating: 1, count: 12),
                start: CalendarStart = .mondayFirstOfJanuary) throws(DistributionError) {
        func normalised(_ w: [Double], _ count: Int, _ name: String) throws(DistributionError) -> [Double] {
            guard w.count == count else { throw DistributionError("\(name) needs \(count) weights, got \(w.count)") }
            guard w.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw DistributionError("\(name) weights must be finite and non-negative")
            }
            let mean = w.reduce(0, +) / Double(count)
            return mean > 0 ? w.map { $0 / mean } : w
        }
        hourOfDayWeights = try normalised(hourOfDay, 24, "hour-of-day profile")
        dayOfWeekWeights = try normalised(dayOfWeek, 7, "day-of-week profile")
        monthWeights = try normalised(month, 12, "month profile")
        self.start = start

        var cumulative = [Double](repeating: 0, count: RateProfile.cycleHours + 1)
        var weekday = start.weekday
        var monthIndex = start.month
        var dayOfMonth = start.day
        var hour = 0
        var level = 0.0
        for _ in 0..<RateProfile.cycleYears {
            // One 365-day year: raw day-by-day products, then rescale to 8 760.
            var raw = [Double](repeating: 0, count: RateProfile.hoursPerYear)
            for day in 0..<365 {
                let dayFactor = dayOfWeekWeights[weekday] * monthWeights[monthIndex]
                for h in 0..<24 { raw[day * 24 + h] = dayFactor * hourOfDayWeights[h] }
                weekday = weekday == 6 ? 0 : weekday + 1
                dayOfMonth += 1
                if dayOfMonth > CalendarStart.monthLengths[monthIndex] {
                    dayOfMonth = 1
                    monthIndex = monthIndex == 11 ? 0 : monthIndex + 1
                }
            }
            let yearTotal = raw.reduce(0, +)
            let factor = yearTotal > 0 ? Double(RateProfile.hoursPerYear) / yearTotal : 0
            for value in raw {
                level += value * factor
                hour += 1
                cumulative[hour] = level
            }
        }
        _cumulative = cumulative
        _guide = Self.guide(over: cumulative)
    }

    /// The bucket of a cumulative value in the search guide: Λ's whole
    /// part, capped at the table length. Non-decreasing in `x`, which is all
    /// the guide's correctness needs; one bucket spans one hour on average
    /// because a year integrates to exactly 8 760.
    @inlinable @inline(__always)
    static func _guideBucket(_ x: Double) -> Int {
        Swift.min(Int(x), RateProfile.cycleHours)
    }

    /// The search guide of a cumulative table (Chen and Asau's indexed
    /// search): entry b is the first hour boundary j with
    /// `bucket(c[j]) ≥ b`, or the last boundary if none; `cycleHours + 2`
    /// entries, so b + 1 is valid for every bucket.
    static func guide(over c: [Double]) -> [UInt16] {
        let n = RateProfile.cycleHours
        precondition(c.count == n + 1 && n <= Int(UInt16.max), "the guide indexes the hour boundaries with 16 bits")
        var guide = [UInt16](repeating: UInt16(n), count: n + 2)
        var j = 0
        for b in 0...(n + 1) {
            while j < n && _guideBucket(c[j]) < b { j += 1 }
            guide[b] = _guideBucket(c[j]) >= b ? UInt16(j) : UInt16(n)
        }
        return guide
    }

    /// A profile with constant intensity 1 (a homogeneous Poisson process).
    public static let constant = try! RateProfile()

    /// Month weights (per-hour intensities) from counts per calendar month:
    /// each count divided by its month's length in days (365-day year).
    public static func monthWeights(fromMonthlyCounts counts: [Double]) -> [Double] {
        precondition(counts.count == 12, "12 monthly counts required")
        return zip(counts, CalendarStart.monthLengths).map { $0 / Double($1) }
    }

    /// Λ over one whole cycle, for unit rate scale: 7 × 8 760 unless the
    /// profile is zero everywhere (then 0).
    @inlinable public var cycleIntegral: Double { _cumulative[RateProfile.cycleHours] }

    /// The intensity multiplier λ(t) (unit rate scale) at time `t` hours.
    public func intensity(at t: Double) -> Double {
        let (_, tau) = Self._reduce(t)
        let h = Swift.min(Int(tau), RateProfile.cycleHours - 1)
        return _cumulative[h + 1] - _cumulative[h]
    }

    /// Λ(t) = ∫₀ᵗ λ for unit rate scale; multiply by a stream's rate scale
    /// for its expected number of arrivals in [0, t].
    public func cumulativeIntensity(at t: Double) -> Double {
        let (cycles, tau) = Self._reduce(t)
        let h = Swift.min(Int(tau), RateProfile.cycleHours - 1)
        let within = _cumulative[h] + (tau - Double(h)) * (_cumulative[h + 1] - _cumulative[h])
        return cycles * cycleIntegral + within
    }

    /// The expected number of arrivals in [from, to] of a stream with the given rate scale.
    public func expectedCount(from: Double, to: Double, rateScale: Double) -> Double {
        rateScale * (cumulativeIntensity(at: to) - cumulativeIntensity(at: from))
    }

    /// Splits t ≥ 0 into whole cycles and the offset τ ∈ [0, cycleHours).
    @inlinable
    static func _reduce(_ t: Double) -> (cycles: Double, tau: Double) {
        let period = Double(RateProfile.cycleHours)
        if t < period { return (0, Swift.max(t, 0)) }
        var cycles = (t / period).rounded(.down)
        var tau = t - cycles * period
        if tau >= period { tau -= period; cycles += 1 }
        if tau < 0 { tau += period; cycles -= 1 }
        return (cycles, tau)
    }

    /// The time of the first arrival strictly after `t` (hours) of the NHPP
    /// with intensity `rateScale × λ(·)`, sampled exactly by inversion of Λ.
    ///
    /// Draws exactly one ziggurat exponential per call (rarely more: a draw of
    /// exactly 0 is redrawn). Successive calls with t = the previous arrival give
    /// the whole process; thousands of streams can share one profile.
    /// - Parameters:
    ///   - t: the current time, ≥ 0.
    ///   - rateScale: average events per hour over a year (≥ 0).
    /// - Returns: the arrival time, or +∞ if the stream never arrives
    ///   (rate scale 0 or a profile that is zero everywhere).
    /// - Complexity: O(1) when the arrival falls in the current hour; else a
    ///   guide lookup and a step or two on average, however far ahead the
    ///   arrival is (at most O(log k) more inside a zero-intensity stretch of
    ///   k hours).
    @inlinable
    public func nextArrival<G: RandomNumberGenerator>(after t: Double, rateScale: Double,
                                                      using rng: inout G) -> Double {
        _cumulative.withUnsafeBufferPointer { c in
            _guide.withUnsafeBufferPointer { guide in
                Self.nextArrival(after: t, rateScale: rateScale, cumulative: c, guide: guide, using: &rng)
            }
        }
    }

    /// The cumulative intensity Λ at every whole hour of the cycle
    /// (`cycleHours + 1` values), for callers that keep many profiles in one
    /// flat table and search it with the static `nextArrival`.
    /// - Complexity: O(1).
    @inlinable public var cumulativeTable: [Double] { _cumulative }

    /// The search guide over ``cumulativeTable`` (`cycleHours + 2` entries):
    /// entry b is the first hour boundary whose Λ reaches bucket b (Λ's
    /// whole part), so the search for a target Λ starts within an hour or so
    /// of its answer, wherever in the cycle that is.
    /// - Complexity: O(1).
    @inlinable public var guideTable: [UInt16] { _guide }

    /// `nextArrival(after:rateScale:using:)` on a profile's `cumulativeTable`
    /// and `guideTable`, without a profile value (so without copying one).
    /// - Complexity: as the instance method.
    @inlinable
    public static func nextArrival<G: RandomNumberGenerator>(after t: Double, rateScale: Double,
                                                             cumulative c: UnsafeBufferPointer<Double>,
                                                             guide: UnsafeBufferPointer<UInt16>,
                                                             using rng: inout G) -> Double {
        // Both finite and non-negative: the sum is finite only if both are
        // (NaN and ∞ propagate), one test on every arrival (a per-argument
        // `isFinite` compiles to a long sequence of bit tests).
        precondition(t >= 0 && rateScale >= 0 && t + rateScale < .infinity,
                     "the arrival search needs a finite, non-negative time and rate scale")
        let cycleTotal = c[RateProfile.cycleHours]
        if rateScale == 0 || cycleTotal == 0 { return .infinity }
        var e = Ziggurat.exponential(using: &rng)
        while e == 0 { e = Ziggurat.exponential(using: &rng) }
        let need = e / rateScale
        var (cycles, tau) = Self._reduce(t)
        let n = RateProfile.cycleHours
        let period = Double(n)
        let h = Swift.min(Int(tau), n - 1)
        let rate = c[h + 1] - c[h]
        if rate > 0 {
            // Common case for busy streams: the arrival is in this hour.
            let available = (Double(h + 1) - tau) * rate
            if need < available {
                // Stay inside this hour even if rounding reaches its end.
                return Swift.min(t + need / rate, (cycles * period + Double(h + 1)).nextDown)
            }
        }
        var target = c[h] + (tau - Double(h)) * rate + need
        var low = h + 1
        if target >= cycleTotal {
            let skipped = (target / cycleTotal).rounded(.down)
            target -= skipped * cycleTotal
            cycles += skipped
            if target >= cycleTotal { target -= cycleTotal; cycles += 1 }
            if target < 0 { target = 0 }
            low = 1
        }
        let j = Self._firstBoundary(above: target, from: low, cumulative: c, guide: guide)
        let hour = j - 1   // c[hour] ≤ target < c[hour + 1]: a positive-intensity hour
        let s = Double(hour) + (target - c[hour]) / (c[j] - c[hour])
        // Rounding must neither move before t nor leave this (positive) hour.
        let end = (cycles * period + Double(hour + 1)).nextDown
        return Swift.min(Swift.max(cycles * period + s, t), end)
    }

    /// The smallest j in `low...cycleHours` with `c[j] > target`, given that
    /// `c[cycleHours] > target` and `target ≥ 0`: the hour boundary just after
    /// the arrival.
    ///
    /// The guide brackets it: every j before `guide[b]` has
    /// `bucket(c[j]) < b = bucket(target)`, so `c[j] ≤ target`; `c[guide[b + 1]]`
    /// has a larger bucket than target's, so exceeds it. One bucket spans an
    /// hour on average, so the bracket is a step or two wherever the arrival
    /// falls, instead of a gallop and binary search over the table whose
    /// data-dependent branches mispredict. The answer is the binary search's.
    /// - Complexity: O(1) expected; O(log k) inside a flat stretch of k hours.
    @inlinable @inline(__always)
    static func _firstBoundary(above target: Double, from low: Int, cumulative c: UnsafeBufferPointer<Double>,
                               guide: UnsafeBufferPointer<UInt16>) -> Int {
        let b = _guideBucket(target)
        var j = Swift.max(low, Int(guide[b]))
        var high = Swift.max(j, Int(guide[b &+ 1]))
        // Long brackets (flat, zero-intensity stretches inside one bucket): halve.
        while high &- j > 4 {
            let mid = (j &+ high) &>> 1
            if c[mid] > target { high = mid } else { j = mid &+ 1 }
        }
        while c[j] <= target { j &+= 1 }
        return j
    }

    // MARK: Calendar

    /// The hour of the day (0…23) at time `t`.
    public func hourOfDay(at t: Double) -> Int {
        Int(Self._reduce(t).tau) % 24
    }

    /// The weekday (0 = Monday … 6 = Sunday) at time `t`.
    public func weekday(at t: Double) -> Int {
        (start.weekday + Int(Self._reduce(t).tau) / 24) % 7
    }

    /// The month (0 = January … 11) at time `t`.
    public func month(at t: Double) -> Int {
        var dayOfYear = Int(Self._reduce(t).tau) / 24 % 365
        var m = start.month
        dayOfYear += start.day - 1
        while dayOfYear >= CalendarStart.monthLengths[m] {
            dayOfYear -= CalendarStart.monthLengths[m]
            m = m == 11 ? 0 : m + 1
        }
        return m
    }
}
