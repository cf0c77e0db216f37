/// Running totals of a fetch, for a progress line.
public struct FetchTally: Sendable {
    /// Sources done.
    public var done = 0
    /// Sources in the run.
    public var total = 0
    /// Body bytes received.
    public var bytes = 0
    /// Sources that failed (no copy at all) or went stale.
    public var failures = 0
    /// Seconds since the fetch began.
    public var seconds = 0.0

    /// Creates a tally.
    public init(total: Int) { self.total = total }
}
