import Foundation

/// Everything a pure stage may depend on besides its input: the clock, the time zone and limits.
public struct RunContext: Sendable {
    /// "Now" for this run; fixed by `--now` for reproducible output.
    public var now: Date
    /// Time zone for week boundaries and local dates.
    public var timeZone: TimeZone
    /// Largest document a parser accepts, in bytes.
    public var maxDocumentBytes: Int

    /// Creates a context.
    public init(now: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!, maxDocumentBytes: Int = 50 << 20) {
        self.now = now
        self.timeZone = timeZone
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// A Gregorian calendar in this run's time zone.
    public var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        c.locale = Locale(identifier: "en_US_POSIX")
        return c
    }

    /// `YYYY-MM-DD` of an instant in this run's time zone.
    public func localDay(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
