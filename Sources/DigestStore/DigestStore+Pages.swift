import DigestCore
import Foundation
import GRDB

/// A published week without its cards: what the archive lists and what paging needs.
public struct WeekHead: Sendable, Equatable {
    /// The week.
    public var week: ISOWeek
    /// Items in the week.
    public var itemCount: Int
    /// Sources those items came from.
    public var sourceCount: Int
    /// Cards published for the week.
    public var cardCount: Int

    /// Creates a head.
    public init(week: ISOWeek, itemCount: Int, sourceCount: Int, cardCount: Int) {
        self.week = week
        self.itemCount = itemCount
        self.sourceCount = sourceCount
        self.cardCount = cardCount
    }
}

/// A card's place in the store and its topics, for topic pages of any length.
public struct CardTopics: Sendable, Equatable {
    /// The card's week.
    public var week: ISOWeek
    /// Its rank in that week (0 is the first).
    public var rank: Int
    /// Its topic ids.
    public var topics: [String]
}

extension DigestStore {
    /// Every published week, newest first, with its counts but not its cards: publishing reads
    /// the cards a page at a time (`cards(of:ranks:)`), so its memory does not grow with history.
    public func weekHeads() throws -> [WeekHead] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT w.week, w.item_count, w.source_count, (SELECT COUNT(*) FROM card c WHERE c.week = w.week) AS cards
                FROM week w ORDER BY w.week DESC
                """).map { row in
                let name: String = row["week"]
                guard let w = ISOWeek(name) else { throw StoreError(path: path, problem: "bad week name \(name)") }
                return WeekHead(week: w, itemCount: row["item_count"], sourceCount: row["source_count"], cardCount: row["cards"])
            }
        }
    }

    /// The cards of `week` whose ranks are in `ranks`, in rank order.
    public func cards(of week: ISOWeek, ranks: Range<Int>) throws -> [Card] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT card FROM card WHERE week = ? AND rank >= ? AND rank < ? ORDER BY rank",
                                arguments: [week.description, ranks.lowerBound, ranks.upperBound]).map { try card($0, of: week) }
        }
    }

    /// The cards at `places` (week and rank), in the order given.
    public func cards(at places: [(week: ISOWeek, rank: Int)]) throws -> [Card] {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT card FROM card WHERE week = ? AND rank = ?")
            return try places.map { p in
                guard let json = try String.fetchOne(statement, arguments: [p.week.description, p.rank]) else {
                    throw StoreError(path: path, problem: "no card \(p.rank) in \(p.week)")
                }
                return try card(json, of: p.week)
            }
        }
    }

    /// Every card's topics, newest week first, in rank order.
    public func cardTopics() throws -> [CardTopics] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT week, rank, json_extract(card, '$.topics') AS topics FROM card ORDER BY week DESC, rank
                """)
            var out: [CardTopics] = []
            while let row = try rows.next() {
                let name: String = row["week"]
                guard let w = ISOWeek(name) else { throw StoreError(path: path, problem: "bad week name \(name)") }
                let json: String = row["topics"] ?? "[]"
                let topics = (try? Self.decoder.decode([String].self, from: Data(json.utf8))) ?? []
                out.append(CardTopics(week: w, rank: row["rank"], topics: topics))
            }
            return out
        }
    }

    /// Every card of the published weeks before `week`, newest week first and in rank order,
    /// handed to `body` one at a time (never the whole history at once).
    public func forEachCard(before week: ISOWeek, _ body: (ISOWeek, Card) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.week, c.card FROM card c JOIN week w ON w.week = c.week WHERE c.week < ? ORDER BY c.week DESC, c.rank
                """, arguments: [week.description])
            while let row = try rows.next() {
                let name: String = row["week"], json: String = row["card"]
                guard let w = ISOWeek(name) else { throw StoreError(path: path, problem: "bad week name \(name)") }
                try body(w, try card(json, of: w))
            }
        }
    }

    /// A stored card read back; a card that does not decode is a damaged store.
    func card(_ json: String, of week: ISOWeek) throws -> Card {
        do { return try Self.decoder.decode(Card.self, from: Data(json.utf8)) } catch {
            throw StoreError(path: path, problem: "card of \(week) unreadable: \(error)")
        }
    }
}
