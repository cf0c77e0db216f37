import Foundation

/// What the store remembers of one source between runs: HTTP validators, the last good copy,
/// and the failure streak that spaces out its polling.
public struct SourceState: Sendable, Equatable {
    /// Source id from feeds.yaml.
    public var id: String
    /// The URL last asked for.
    public var url: String
    /// ETag of the last good copy.
    public var etag: String?
    /// Last-Modified of the last good copy.
    public var lastModified: String?
    /// Body of the last successful fetch that parsed as a feed.
    public var body: Data?
    /// Final URL of that fetch (base for relative links).
    public var bodyURL: String?
    /// Charset its Content-Type named.
    public var charset: String?
    /// When the source last delivered (200 with a feed, or 304).
    public var lastSuccess: Date?
    /// When the source was last asked.
    public var lastAttempt: Date?
    /// The last failure's one-line message, nil after a success.
    public var lastError: String?
    /// Failures in a row.
    public var failures: Int
    /// Not asked again before this time (set after five failures in a row).
    public var nextDue: Date?
    /// What the parser recovered from in the last copy read (a contradicted encoding…).
    public var warnings: [String] = []
    /// Article pages the last run asked this source's links for, and how many failed.
    public var articlePages = 0
    /// Of `articlePages`, those that could not be fetched or read.
    public var articleFailures = 0
    /// The last article failure's message.
    public var articleError: String?

    /// A source never fetched.
    public init(id: String, url: String) {
        self.id = id
        self.url = url
        failures = 0
    }

    /// After `streak` failures in a row, how long to leave the source alone: nothing for the
    /// first four (every run asks), then 1 h, 2 h, 4 h … up to a week.
    public static func backoff(afterFailures streak: Int) -> TimeInterval? {
        guard streak >= 5 else { return nil }
        return min(7 * 86_400, 3_600 * pow(2, Double(min(streak - 5, 20))))
    }
}
