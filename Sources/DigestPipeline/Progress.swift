/// Where the pipeline reports progress; the CLI decides how it is shown.
public protocol ProgressSink: Sendable {
    /// A stage started or finished a step: `stage` is a short name, `detail` a human line.
    func step(_ stage: String, _ detail: String)
    /// One source is done (`tally` counts all sources so far).
    func sourceDone(_ line: SourceReport, tally: FetchTally)
}

extension ProgressSink {
    /// Ignored unless a sink shows sources.
    public func sourceDone(_ line: SourceReport, tally: FetchTally) {}
}

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

/// Discards progress.
public struct SilentProgress: ProgressSink {
    /// Creates a sink.
    public init() {}
    /// Ignores the step.
    public func step(_ stage: String, _ detail: String) {}
}
