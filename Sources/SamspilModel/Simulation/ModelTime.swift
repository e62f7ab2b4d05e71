import SamspilEngine

/// Simulation time is hours since midnight of the start date; this turns it into
/// the calendar quantities the model's rules depend on (hour of day, weekday)
/// without any date library in the hot loop. Years have 365 days, as in the
/// engine's `RateProfile` (which handles months), so demand profiles and
/// opening hours agree on every weekday.
struct ModelTime: Sendable {
    init(start: CalendarStart) {
        startWeekday = start.weekday
    }

    /// Weekday of day 0, Monday = 0.
    let startWeekday: Int

    @inline(__always) func day(_ t: Double) -> Int { Int(t / 24) }
    @inline(__always) func hourOfDay(_ t: Double) -> Double { t - Double(Int(t / 24)) * 24 }
    @inline(__always) func weekday(_ t: Double) -> Int { (startWeekday + Int(t / 24)) % 7 }
    @inline(__always) func weekday(ofDay day: Int) -> Int { ((startWeekday + day) % 7 + 7) % 7 }

    /// The first time ≥ `t` that lies inside `window` on one of `days`; `nil` if
    /// the window or the day set is empty. A window that wraps past midnight
    /// (22–7) belongs to the day on which it opens.
    func nextTime(atOrAfter t: Double, in window: HourWindow, on days: WeekdaySet) -> Double? {
        guard window.hours > 0, days.bits != 0 else { return nil }
        if window.hours >= 24 && days.bits == 0x7F { return t }
        let today = day(t)
        // Windows of successive days are disjoint and increasing, so the first
        // one that has not closed by `t` is the answer. Yesterday's may still be
        // open when it wraps; within eight days every accepted weekday recurs.
        // The weekday advances by one per day: one remainder, not two per day.
        var dayOfWeek = weekday(ofDay: today - 1)
        for d in (today - 1)...(today + 8) {
            if days.contains(dayOfWeek) {
                let base = Double(d) * 24
                let open = base + window.from
                let close = window.from < window.to ? base + window.to : base + 24 + window.to
                if t < close { return Swift.max(t, open) }
            }
            dayOfWeek = dayOfWeek == 6 ? 0 : dayOfWeek + 1
        }
        return nil
    }
}
