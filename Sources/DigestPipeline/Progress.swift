/// Where the pipeline reports progress; the CLI decides how it is shown.
public protocol ProgressSink: Sendable {
    /// A step has something to say: `detail` is one human line.
    func step(_ step: Step, _ detail: String)
    /// One source is done (`tally` counts all sources so far).
    func sourceDone(_ line: SourceReport, tally: FetchTally)
}

extension ProgressSink {
    /// Ignored unless a sink shows sources.
    public func sourceDone(_ line: SourceReport, tally: FetchTally) {}
}

/// Discards progress.
public struct SilentProgress: ProgressSink {
    /// Creates a sink.
    public init() {}
    /// Ignores the step.
    public func step(_ step: Step, _ detail: String) {}
}
