import DigestCore
import Foundation
import GRDB

/// A stored item without its text and feed copy: what selecting the week and choosing the
/// article pages to fetch need, small enough to hold for every item of a large week.
public struct ItemHead: Sendable, Equatable {
    /// Source id.
    public var sourceID: String
    /// Source name at the time it was stored.
    public var sourceName: String
    /// The item's key within its source (canonical link, else id, else title).
    public var key: String
    /// The item's link.
    public var link: String?
    /// Length of its stored text in Unicode scalars.
    public var textLength: Int
    /// Whether the text is an extracted article.
    public var extracted: Bool
}

extension DigestStore {
    /// The items of a week without their text, in the order of `items(week:)`.
    public func itemHeads(week: ISOWeek) throws -> [ItemHead] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT source_id, source_name, key, json_extract(item, '$.link') AS link, length(text) AS length, extracted
                FROM item WHERE week = ? ORDER BY published DESC, source_id, key
                """, arguments: [week.description]).map { row in
                ItemHead(sourceID: row["source_id"], sourceName: row["source_name"], key: row["key"], link: row["link"],
                         textLength: row["length"], extracted: row["extracted"])
            }
        }
    }

    /// The stored items of `heads`, in their order.
    public func items(_ heads: some Collection<ItemHead>) throws -> [StoredItem] {
        try read { db in
            let statement = try db.cachedStatement(sql: """
                SELECT week, text, language, extracted, item FROM item WHERE source_id = ? AND key = ?
                """)
            return try heads.map { h in
                guard let row = try Row.fetchOne(statement, arguments: [h.sourceID, h.key]) else {
                    throw StoreError(path: path, problem: "item \(h.sourceID)/\(h.key) is gone")
                }
                let json: String = row["item"], name: String = row["week"]
                let item: FeedItem
                do { item = try Self.decoder.decode(FeedItem.self, from: Data(json.utf8)) } catch {
                    throw StoreError(path: path, problem: "item \(h.sourceID)/\(h.key) unreadable: \(error)")
                }
                guard let week = ISOWeek(name) else { throw StoreError(path: path, problem: "bad week name \(name)") }
                return StoredItem(sourceID: h.sourceID, sourceName: h.sourceName, key: h.key, week: week, item: item,
                                  text: row["text"], language: row["language"], extracted: row["extracted"])
            }
        }
    }

    /// Article pages' outcomes, in one transaction: each item marked extracted, and its text
    /// replaced by the page's when one is given.
    public func saveArticles(_ pages: [(sourceID: String, key: String, text: String?)]) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: "UPDATE item SET text = COALESCE(?, text), extracted = 1 WHERE source_id = ? AND key = ?")
            for p in pages { try statement.execute(arguments: [p.text, p.sourceID, p.key]) }
        }
    }
}
