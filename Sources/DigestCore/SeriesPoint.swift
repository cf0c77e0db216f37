/// One point of a tracked metric series: the highest value reported for a subject in a week.
public struct SeriesPoint: Sendable, Equatable {
    /// The week.
    public var week: ISOWeek
    /// Who or what the value is about.
    public var subject: String
    /// The metric's window (a per-day volume and a per-week volume are different series).
    public var period: MetricPeriod?
    /// The value.
    public var value: Double

    /// Creates a point.
    public init(week: ISOWeek, subject: String, period: MetricPeriod?, value: Double) {
        self.week = week
        self.subject = subject
        self.period = period
        self.value = value
    }
}
