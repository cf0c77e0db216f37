import DigestCore
import Foundation

/// What happened to one source in a run.
public struct SourceReport: Sendable, Equatable {
    /// Outcome of a source.
    public enum Status: String, Sendable {
        /// A new copy was fetched and parsed.
        case ok
        /// The source answered 304 (or the same bytes): nothing transferred or parsed again.
        case notModified = "not_modified"
        /// The fetch failed or was not a feed; the last good copy was used.
        case stale
        /// Left alone this run after repeated failures (backoff); the last good copy was used.
        case deferred
        /// Failed, and there is no earlier copy.
        case failed
    }

    /// Source id.
    public var id: String
    /// Outcome.
    public var status: Status
    /// Items parsed.
    public var items: Int
    /// Items inside the digest's week.
    public var itemsInWeek: Int
    /// Bytes fetched.
    public var bytes: Int
    /// The error line, when failed or stale.
    public var error: String?
    /// Attempts made (retries included).
    public var attempts = 0
    /// When the copy used was fetched, for stale and deferred sources.
    public var copyFrom: Date?
    /// Parser warnings.
    public var warnings: [String]
}

/// The report of a whole run: per-source lines, totals and files written.
public struct RunReport: Sendable {
    /// The week digested.
    public var week: ISOWeek
    /// One line per source, in feeds.yaml order.
    public var sources: [SourceReport] = []
    /// Article pages fetched for full text, and those that failed.
    public var articlesFetched = 0
    /// Article fetches or extractions that failed (one line each, starting with the source id).
    public var articleFailures: [String] = []
    /// Article pages asked for this run, those that failed and one failure's message (the first
    /// in sorted order), by source id.
    public var articlePages: [String: (asked: Int, failed: Int, lastError: String?)] = [:]
    /// Items in the week after de-duplication.
    public var items = 0
    /// Items of the week taken from the store (seen by an earlier run, gone from the feeds now).
    public var itemsRemembered = 0
    /// Cards made.
    public var cards = 0
    /// Metrics found in the week's items.
    public var metrics = 0
    /// What the language model step did (nil without `summarizer:`).
    public var model: ModelTally?
    /// Model requests that failed and answer fields dropped by the checks (one line each).
    public var modelFailures: [String] = []
    /// Files written, relative to the output folder.
    public var files: [String] = []
    /// Items left out as not belonging in the digest (off-topic or rejected by a source filter).
    public var offTopic: [LeftOut] = []
    /// Roundups split into stories, and the stories they gave.
    public var roundupsSplit = 0
    /// Stories taken out of roundups.
    public var roundupStories = 0
    /// Why nothing was published (an empty week, every source failing); nil when the week was.
    public var unpublished: Unpublished?
    /// What a run cut to keep its cost bounded (an endless page, thousands of metrics), one line each.
    public var warnings: [String] = []

    /// Creates an empty report.
    public init(week: ISOWeek) { self.week = week }

    /// Sources that delivered this run (a new copy, or 304).
    public var sourcesOK: Int { sources.filter { $0.status == .ok || $0.status == .notModified }.count }
    /// Sources that answered 304 or the same bytes.
    public var sourcesNotModified: Int { sources.filter { $0.status == .notModified }.count }
    /// Sources served from their last good copy (failed or deferred this run).
    public var sourcesStale: Int { sources.filter { $0.status == .stale || $0.status == .deferred }.count }
    /// Sources that failed with no copy to fall back on.
    public var sourcesFailed: Int { sources.filter { $0.status == .failed }.count }
    /// Feeds parsed this run (new copies and last good copies).
    public var feedsParsed = 0
    /// Items with a date parsed this run (all weeks), stored.
    public var itemsParsed = 0
}

/// An item left out of the digest, with why.
public struct LeftOut: Sendable, Equatable {
    /// Its source's id.
    public var sourceID: String
    /// Its title.
    public var title: String
    /// Why it was left out.
    public var why: String
}

/// Why a run published nothing.
public struct Unpublished: Sendable, Equatable {
    /// The sentence a user reads.
    public var reason: String
    /// The exit status it maps to: `nothingToPublish` for an empty week, `io` when every source failed.
    public var status: ExitStatus
}
