import DigestCore
import Foundation
import GRDB

/// The digest's memory between runs (SQLite through GRDB): the items of each week, the cards
/// and metrics published for it, and each source's fetch state.
///
/// Every public method is one transaction, so a killed process leaves the previous state. The
/// database keeps SQLite's rollback journal with `synchronous=FULL`: a commit is on disk when the
/// call returns, and each commit ends with the journal's unlink — the one point where a killed
/// process decides between before and after (crash tests inject kills there). WAL would let
/// readers run beside the writer, which the output lock rules out anyway.
public final class DigestStore: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens the database at `path` — creating it unless `mustExist` — checks it
    /// (`PRAGMA quick_check`) and brings its schema up to date. An empty (0-byte) or damaged
    /// file is an error naming the way back (`digest store restore`), never silently replaced.
    public init(path: String, mustExist: Bool = false) throws {
        self.path = path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == nil, mustExist { throw StoreError(path: path, problem: "no store here; run `digest run` first") }
        if size == 0 { throw StoreError(path: path, problem: "empty file (0 bytes): " + Self.wayBack) }
        do {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL")
            }
            queue = try DatabaseQueue(path: path, configuration: config)
            if size != nil {
                let check = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
                guard check == ["ok"] else {
                    throw StoreError(path: path, problem: "damaged (\(check.first ?? "quick_check failed")): " + Self.wayBack)
                }
            }
            try Self.migrator.migrate(queue)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError(path: path, problem: Self.describe(error) + ": " + Self.wayBack)
        }
    }

    /// What a user can do about a damaged store.
    static let wayBack = "restore the last snapshot with `digest store restore`, or move the file away and pass --new-store"

    /// Runs `body` in a write transaction, mapping failures to `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch let e as StoreError { throw e } catch {
            throw StoreError(path: path, problem: Self.describe(error))
        }
    }

    /// Runs `body` in a read transaction, mapping failures to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch let e as StoreError { throw e } catch {
            throw StoreError(path: path, problem: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return (e.message ?? "\(e.resultCode)").lowercased() }
        return "\(error)".lowercased()
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    static let decoder = JSONDecoder()

    /// Schema versions, oldest first; a released migration is never edited, only followed.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE item (
                  source_id TEXT NOT NULL, key TEXT NOT NULL, week TEXT NOT NULL, source_name TEXT NOT NULL,
                  published REAL NOT NULL, language TEXT NOT NULL, text TEXT NOT NULL,
                  extracted INTEGER NOT NULL, item TEXT NOT NULL, first_seen REAL NOT NULL,
                  PRIMARY KEY (source_id, key));
                CREATE INDEX item_week ON item(week);
                CREATE TABLE week (
                  week TEXT PRIMARY KEY, item_count INTEGER NOT NULL, source_count INTEGER NOT NULL,
                  updated_at REAL NOT NULL);
                CREATE TABLE card (
                  week TEXT NOT NULL, rank INTEGER NOT NULL, slug TEXT NOT NULL, day TEXT NOT NULL,
                  card TEXT NOT NULL, PRIMARY KEY (week, rank));
                CREATE TABLE metric (
                  week TEXT NOT NULL, card_rank INTEGER NOT NULL, ord INTEGER NOT NULL, quantity TEXT NOT NULL,
                  subject TEXT, value REAL NOT NULL, unit TEXT NOT NULL, period TEXT, direction TEXT,
                  text TEXT NOT NULL, PRIMARY KEY (week, card_rank, ord));
                CREATE INDEX metric_quantity ON metric(quantity, week);
                CREATE TABLE source (
                  id TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT,
                  body BLOB, body_url TEXT, charset TEXT, last_success REAL, last_attempt REAL,
                  last_error TEXT, failures INTEGER NOT NULL DEFAULT 0, next_due REAL);
                """)
        }
        m.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE source ADD COLUMN warnings TEXT")
        }
        m.registerMigration("v3") { db in
            try db.execute(sql: """
                CREATE TABLE sent (week TEXT NOT NULL, message_id TEXT NOT NULL, recipients TEXT NOT NULL, at REAL NOT NULL);
                CREATE INDEX sent_week ON sent(week);
                """)
        }
        m.registerMigration("v4") { db in
            try db.execute(sql: """
                ALTER TABLE source ADD COLUMN article_pages INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE source ADD COLUMN article_failures INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE source ADD COLUMN article_error TEXT;
                """)
        }
        return m
    }
}
