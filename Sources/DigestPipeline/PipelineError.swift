import DigestCore

/// A run that could not produce a digest at all.
public struct PipelineError: DigestError {
    /// What failed.
    public var problem: String
    /// Exit status.
    public var exitStatus: ExitStatus

    /// Creates an error.
    public init(_ problem: String, exitStatus: ExitStatus = .io) {
        self.problem = problem
        self.exitStatus = exitStatus
    }

    /// One line.
    public var message: String { "run: \(problem)" }
}
