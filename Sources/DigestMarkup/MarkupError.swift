import DigestCore

/// Failures of the libxml2 layer.
public struct MarkupError: DigestError {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        case notWellFormed(line: Int)
        case empty
        case tooLarge(limit: Int)
        case entityLoop
    }

    /// The reason.
    public var reason: Reason

    /// Creates an error.
    public init(_ reason: Reason) { self.reason = reason }

    /// One line, no stage prefix (callers add theirs).
    public var message: String {
        switch reason {
        case .notWellFormed(let line): return "\(line): not well-formed XML"
        case .empty: return "empty document"
        case .tooLarge(let limit): return "document larger than \(limit) bytes"
        case .entityLoop: return "entity expansion loop (billion laughs) refused"
        }
    }

    /// Bad input.
    public var exitStatus: ExitStatus { .badInput }
}
