/// Where the pipeline reports progress; the CLI decides how it is shown.
public protocol ProgressSink: Sendable {
    /// A stage started or finished a step: `stage` is a short name, `detail` a human line.
    func step(_ stage: String, _ detail: String)
}

/// Discards progress.
public struct SilentProgress: ProgressSink {
    /// Creates a sink.
    public init() {}
    /// Ignores the step.
    public func step(_ stage: String, _ detail: String) {}
}
