import DigestCore

/// A page that has no article we can extract: `extract: SOURCE: what`.
public struct ExtractError: DigestError {
    /// Why.
    public enum Reason: Sendable, Equatable {
        case challengePage(host: String)
        case encryptedState
        case noContent
        case notHTML
    }

    /// File or URL.
    public var source: String
    /// The reason.
    public var reason: Reason

    /// Creates an error.
    public init(source: String, reason: Reason) {
        self.source = source
        self.reason = reason
    }

    /// One line.
    public var message: String {
        switch reason {
        case .challengePage(let host): return "extract: \(source): \(host) answered with a challenge page, not the article"
        case .encryptedState: return "extract: \(source): the page's article state is encrypted"
        case .noContent: return "extract: \(source): no main content found"
        case .notHTML: return "extract: \(source): not an HTML page"
        }
    }

    /// Bad input.
    public var exitStatus: ExitStatus { .badInput }
}
