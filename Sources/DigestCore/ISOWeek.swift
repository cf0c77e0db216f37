import Foundation

/// An ISO 8601 week such as `2026-W48`, in a given time zone.
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// ISO week-numbering year.
    public var year: Int
    /// Week number, 1…53.
    public var week: Int

    /// Creates a week; no range check.
    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// Parses `YYYY-Www`; nil when malformed or the week does not exist in that year.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-W")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let w = Int(parts[1]), w >= 1, w <= ISOWeek.weeks(in: y) else { return nil }
        self.init(year: y, week: w)
    }

    /// The week containing an instant in a time zone.
    public init(containing date: Date, in timeZone: TimeZone) {
        var cal = Calendar(identifier: .iso8601)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        self.init(year: c.yearForWeekOfYear ?? 0, week: c.weekOfYear ?? 0)
    }

    /// `2026-W48`.
    public var description: String { String(format: "%04d-W%02d", year, week) }

    /// The instant the week starts (Monday 00:00) in a time zone.
    public func start(in timeZone: TimeZone) -> Date {
        var cal = Calendar(identifier: .iso8601)
        cal.timeZone = timeZone
        var dc = DateComponents()
        dc.yearForWeekOfYear = year
        dc.weekOfYear = week
        dc.weekday = 2
        dc.hour = 0
        return cal.date(from: dc) ?? Date(timeIntervalSince1970: 0)
    }

    /// The instant the next week starts.
    public func end(in timeZone: TimeZone) -> Date {
        next.start(in: timeZone)
    }

    /// The following week.
    public var next: ISOWeek {
        week < ISOWeek.weeks(in: year) ? ISOWeek(year: year, week: week + 1) : ISOWeek(year: year + 1, week: 1)
    }

    /// The preceding week.
    public var previous: ISOWeek {
        week > 1 ? ISOWeek(year: year, week: week - 1) : ISOWeek(year: year - 1, week: ISOWeek.weeks(in: year - 1))
    }

    /// The last week that has fully ended at `now`.
    public static func lastComplete(before now: Date, in timeZone: TimeZone) -> ISOWeek {
        ISOWeek(containing: now, in: timeZone).previous
    }

    /// 52 or 53.
    public static func weeks(in year: Int) -> Int {
        func p(_ y: Int) -> Int { (y + y / 4 - y / 100 + y / 400) % 7 }
        return (p(year) == 4 || p(year - 1) == 3) ? 53 : 52
    }

    /// Orders weeks in time.
    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}
