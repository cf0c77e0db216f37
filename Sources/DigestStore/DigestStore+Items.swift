import DigestCore
import Foundation
import GRDB

extension DigestStore {
    /// How a known item is updated, for saves and shard imports alike: the new copy wins, except
    /// that article text an earlier run extracted is never replaced by a feed lead.
    static let itemUpsert = """
        ON CONFLICT (source_id, key) DO UPDATE SET week = excluded.week, source_name = excluded.source_name,
          published = excluded.published, language = excluded.language,
          text = CASE WHEN item.extracted AND NOT excluded.extracted THEN item.text ELSE excluded.text END,
          extracted = item.extracted OR excluded.extracted, item = excluded.item
        """

    /// Adds or updates items (keyed by source and key); the first-seen time of a known item is
    /// kept, and so is article text an earlier run extracted when the new copy is a feed lead.
    public func saveItems(_ items: [StoredItem], now: Date) throws {
        let rows = try Self.itemRows(items, now: now)
        try write { db in try Self.insertItems(rows, db) }
    }

    static func itemRows(_ items: [StoredItem], now: Date) throws -> [StatementArguments] {
        try items.map { it -> StatementArguments in
            let json = try it.encoded ?? Self.encode(it.item)
            let published = (it.item.published ?? it.item.updated ?? now).timeIntervalSince1970
            return [it.sourceID, it.key, it.week.description, it.sourceName, published, it.language, it.text,
                    it.extracted, json, now.timeIntervalSince1970]
        }
    }

    static func insertItems(_ rows: [StatementArguments], _ db: Database) throws {
        let stmt = try db.cachedStatement(sql: """
            INSERT INTO item (source_id, key, week, source_name, published, language, text, extracted, item, first_seen)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            \(Self.itemUpsert)
            """)
        for r in rows { try stmt.execute(arguments: r) }
    }

    /// An item as the store keeps it (JSON, sorted keys).
    public static func encode(_ item: FeedItem) throws -> String {
        String(decoding: try encoder.encode(item), as: UTF8.self)
    }

    /// The items of a week, newest first (ties by source and key, so the order is stable).
    public func items(week: ISOWeek) throws -> [StoredItem] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT source_id, source_name, key, text, language, extracted, item FROM item
                WHERE week = ? ORDER BY published DESC, source_id, key
                """, arguments: [week.description]).map { row in
                let json: String = row["item"]
                let item: FeedItem
                do { item = try Self.decoder.decode(FeedItem.self, from: Data(json.utf8)) } catch {
                    throw StoreError(path: path, problem: "item \(row["source_id"] as String)/\(row["key"] as String) unreadable: \(error)")
                }
                return StoredItem(sourceID: row["source_id"], sourceName: row["source_name"], key: row["key"], week: week,
                                  item: item, text: row["text"], language: row["language"], extracted: row["extracted"])
            }
        }
    }
}

extension DigestStore {
    /// When the newest stored item was published, if the store has any (to point a user at the
    /// week that has news).
    public func newestItemDate() throws -> Date? {
        try read { db in
            try Double.fetchOne(db, sql: "SELECT MAX(published) FROM item").map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// Copies every item of another store (a shard's) into this one, with the same rule as
    /// `saveItems` (extracted article text is never replaced by a lead). Returns the rows read.
    @discardableResult
    public func importItems(from other: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: other) else {
            throw StoreError(path: other, problem: "no such store to import")
        }
        do {
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS shard", arguments: [other])
                defer { try? db.execute(sql: "DETACH DATABASE shard") }  // the connection is reused; a failure here only leaks the alias
                var n = 0
                try db.inTransaction {
                    n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shard.item") ?? 0
                    try db.execute(sql: """
                        INSERT INTO item (source_id, key, week, source_name, published, language, text, extracted, item, first_seen)
                        SELECT source_id, key, week, source_name, published, language, text, extracted, item, first_seen
                        FROM shard.item WHERE true \(Self.itemUpsert)
                        """)
                    return .commit
                }
                return n
            }
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError(path: other, problem: "cannot import: \(Self.describe(error))")
        }
    }
}
