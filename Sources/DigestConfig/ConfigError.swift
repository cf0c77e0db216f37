import DigestCore

/// A mistake in feeds.yaml: `config: FILE:LINE:COL: what is wrong`.
public struct ConfigError: DigestError {
    /// The file as the user named it.
    public var file: String
    /// 1-based line, if known.
    public var line: Int?
    /// 1-based column, if known.
    public var column: Int?
    /// What is wrong.
    public var problem: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `config: feeds.yaml:12:5: unknown key 'tittle'`.
    public var message: String {
        var where_ = file
        if let line { where_ += ":\(line)" }
        if let column { where_ += ":\(column)" }
        return "config: \(where_): \(problem)"
    }

    /// Bad input (1), except an unreadable file (3).
    public var exitStatus: ExitStatus { problem.hasPrefix("cannot read") ? .io : .badInput }
}
