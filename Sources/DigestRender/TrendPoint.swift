import DigestCore

/// One value of a tracked series: the highest reported for a subject in a week.
public struct TrendPoint: Sendable, Equatable {
    /// The week.
    public var week: ISOWeek
    /// The subject (China, DeepSeek, global…).
    public var subject: String
    /// The metric's window.
    public var period: MetricPeriod?
    /// The value, in the quantity's unit.
    public var value: Double

    /// Creates a point.
    public init(week: ISOWeek, subject: String, period: MetricPeriod?, value: Double) {
        self.week = week
        self.subject = subject
        self.period = period
        self.value = value
    }
}
