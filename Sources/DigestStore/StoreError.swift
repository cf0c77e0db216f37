import DigestCore

/// A store that could not be opened, read or written: `store: PATH: what`.
public struct StoreError: DigestError {
    /// The database file.
    public var path: String
    /// What failed.
    public var problem: String

    /// Creates an error.
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    /// One line.
    public var message: String { "store: \(path): \(problem)" }
    /// A week asked for that the store does not have is bad input; anything else is I/O.
    public var exitStatus: ExitStatus { problem.hasPrefix("no store") ? .badInput : .io }
}
