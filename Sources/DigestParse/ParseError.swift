import DigestCore

/// A document that is not a feed we can read: `parse: SOURCE: what`.
public struct ParseError: DigestError {
    /// Why it failed.
    public enum Reason: Sendable, Equatable {
        case notAFeed(looksLikeHTML: Bool)
        case notWellFormed(line: Int)
        case badJSON(String)
        case tooLarge(limit: Int)
        case empty
        case entityLoop
        case htmlRules(String)
    }

    /// File, URL or feed id.
    public var source: String
    /// The reason.
    public var reason: Reason

    /// Creates an error.
    public init(source: String, reason: Reason) {
        self.source = source
        self.reason = reason
    }

    /// One line: `parse: feed.xml: not a feed (looks like HTML)`.
    public var message: String {
        let what: String
        switch reason {
        case .notAFeed(let html): what = html ? "not a feed (looks like HTML)" : "not a feed"
        case .notWellFormed(let line): what = "\(line): not well-formed XML and nothing could be recovered"
        case .badJSON(let e): what = "not a JSON Feed: \(e)"
        case .tooLarge(let limit): what = "larger than the limit of \(limit) bytes"
        case .empty: what = "empty document"
        case .entityLoop: what = "entity expansion refused (possible billion-laughs attack)"
        case .htmlRules(let e): what = "html rules: \(e)"
        }
        return "parse: \(source): \(what)"
    }

    /// Bad input.
    public var exitStatus: ExitStatus { .badInput }
}
