import DigestCore

/// A failed fetch: `fetch: URL: what`.
public struct FetchError: DigestError {
    /// Why it failed.
    public enum Reason: Sendable, Equatable {
        /// libcurl's error (code and text).
        case transport(code: Int, text: String)
        /// An HTTP error status.
        case http(status: Int)
        /// The body exceeded the limit.
        case tooLarge(limit: Int)
        /// The URL's scheme is not allowed here.
        case protocolNotAllowed(String)
    }

    /// The URL asked for.
    public var url: String
    /// The reason.
    public var reason: Reason
    /// Seconds the server asked us to wait (Retry-After), if any.
    public var retryAfter: Int?

    /// Creates an error.
    public init(url: String, reason: Reason, retryAfter: Int? = nil) {
        self.url = url
        self.reason = reason
        self.retryAfter = retryAfter
    }

    /// One line.
    public var message: String {
        switch reason {
        case .transport(let code, let text): return "fetch: \(url): \(text.lowercased()) (curl \(code))"
        case .http(let status): return "fetch: \(url): http status \(status)"
        case .tooLarge(let limit): return "fetch: \(url): body larger than \(limit) bytes, aborted"
        case .protocolNotAllowed(let s): return "fetch: \(url): protocol '\(s)' not allowed"
        }
    }

    /// I/O failure.
    public var exitStatus: ExitStatus { .io }

    /// Whether another attempt may succeed.
    public var isRetryable: Bool {
        switch reason {
        case .transport(let code, _):
            // couldn't resolve/connect, timeouts, partial file, send/recv errors, empty reply
            return [6, 7, 18, 28, 52, 55, 56, 92].contains(code)
        case .http(let status): return status == 429 || status == 408 || (500...599).contains(status)
        default: return false
        }
    }
}
