import DigestCore

/// A write that failed: `publish: PATH: what`.
public struct PublishError: DigestError {
    /// The path.
    public var path: String
    /// What failed.
    public var problem: String

    /// Creates an error.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    /// One line.
    public var message: String { "publish: \(path): \(problem)" }
    /// I/O failure.
    public var exitStatus: ExitStatus { .io }
}
