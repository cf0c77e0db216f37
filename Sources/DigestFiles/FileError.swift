import DigestCore

/// A file that could not be written: `write: PATH: what`.
public struct FileError: DigestError {
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
    public var message: String { "write: \(path): \(problem)" }
    /// I/O failure.
    public var exitStatus: ExitStatus { .io }
}
