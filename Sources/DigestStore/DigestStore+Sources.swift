import Foundation
import GRDB

extension DigestStore {
    /// Every source's state, by id.
    public func sourceStates() throws -> [String: SourceState] {
        try read { db in
            var out: [String: SourceState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM source") {
                var s = SourceState(id: row["id"], url: row["url"])
                s.etag = row["etag"]
                s.lastModified = row["last_modified"]
                s.body = row["body"]
                s.bodyURL = row["body_url"]
                s.charset = row["charset"]
                s.lastSuccess = (row["last_success"] as Double?).map { Date(timeIntervalSince1970: $0) }
                s.lastAttempt = (row["last_attempt"] as Double?).map { Date(timeIntervalSince1970: $0) }
                s.lastError = row["last_error"]
                s.failures = row["failures"]
                s.nextDue = (row["next_due"] as Double?).map { Date(timeIntervalSince1970: $0) }
                s.warnings = (row["warnings"] as String?).map { $0.split(separator: "\n").map(String.init) } ?? []
                s.articlePages = row["article_pages"]
                s.articleFailures = row["article_failures"]
                s.articleError = row["article_error"]
                out[s.id] = s
            }
            return out
        }
    }

    /// Saves source states (one transaction).
    public func saveSourceStates(_ states: [SourceState]) throws {
        try write { db in try Self.insertStates(states, db) }
    }

    /// One source's fetch: its new state and the items parsed from it, in one transaction, so a
    /// kill never leaves a new ETag without the items it was fetched with (a later run would get
    /// 304 and never see them).
    public func saveFetch(_ state: SourceState, items: [StoredItem], now: Date) throws {
        let rows = try Self.itemRows(items, now: now)
        try write { db in
            try Self.insertStates([state], db)
            try Self.insertItems(rows, db)
        }
    }

    static func insertStates(_ states: [SourceState], _ db: Database) throws {
        let stmt = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO source (id, url, etag, last_modified, body, body_url, charset, last_success,
              last_attempt, last_error, failures, next_due, warnings, article_pages, article_failures, article_error)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for s in states {
            try stmt.execute(arguments: [s.id, s.url, s.etag, s.lastModified, s.body, s.bodyURL, s.charset,
                                         s.lastSuccess?.timeIntervalSince1970, s.lastAttempt?.timeIntervalSince1970,
                                         s.lastError, s.failures, s.nextDue?.timeIntervalSince1970,
                                         s.warnings.isEmpty ? nil : s.warnings.joined(separator: "\n"),
                                         s.articlePages, s.articleFailures, s.articleError])
        }
    }

    /// Each source's article pages of this run: asked for, failed, the last failure (one transaction).
    public func saveArticleOutcomes(_ outcomes: [ArticleOutcome]) throws {
        try write { db in
            for o in outcomes {
                try db.execute(sql: "UPDATE source SET article_pages = ?, article_failures = ?, article_error = ? WHERE id = ?",
                               arguments: [o.asked, o.failed, o.lastError, o.sourceID])
            }
        }
    }
}

/// One source's article pages in a run.
public struct ArticleOutcome: Sendable {
    /// The source.
    public var sourceID: String
    /// Pages asked for.
    public var asked: Int
    /// Pages that failed.
    public var failed: Int
    /// The last failure's message.
    public var lastError: String?

    /// Creates an outcome.
    public init(sourceID: String, asked: Int, failed: Int, lastError: String?) {
        self.sourceID = sourceID
        self.asked = asked
        self.failed = failed
        self.lastError = lastError
    }
}
