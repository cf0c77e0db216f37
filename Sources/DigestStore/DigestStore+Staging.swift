import DigestCore
import Foundation
import GRDB

extension DigestStore {
    // MARK: Scratch tables

    /// Empties one of the run's scratch tables — what a run writes down between two of its steps
    /// instead of holding it for every item of a large week — creating it first. They are
    /// temporary tables of this connection, gone when the store is closed.
    public func clearScratch(_ table: Scratch) throws {
        try write { db in
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS \(table.rawValue) (ord INTEGER PRIMARY KEY, json TEXT NOT NULL)")
            try db.execute(sql: "DELETE FROM \(table.rawValue)")
        }
    }

    /// Adds rows (an ordinal and its JSON) to a scratch table.
    public func saveScratch(_ table: Scratch, _ rows: [(ord: Int, json: String)]) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO \(table.rawValue) (ord, json) VALUES (?, ?)")
            for r in rows { try statement.execute(arguments: [r.ord, r.json]) }
        }
    }

    /// The rows of a scratch table at `ords`, in the order given.
    public func scratch(_ table: Scratch, _ ords: some Collection<Int>) throws -> [String] {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT json FROM \(table.rawValue) WHERE ord = ?")
            return try ords.map { ord in
                guard let json = try String.fetchOne(statement, arguments: [ord]) else {
                    throw StoreError(path: path, problem: "\(table.rawValue) \(ord) is gone")
                }
                return json
            }
        }
    }

    // MARK: A week written in parts

    /// The rows a week's cards are written under until `commitWeek` puts them in place: a name
    /// no week has, above every week in order, so range queries over weeks never see it.
    static func staged(_ week: ISOWeek) -> String { "~" + week.description }

    /// Starts writing `week`'s cards in parts: what a killed run left staged is removed.
    public func beginWeek(_ week: ISOWeek) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM card WHERE week = ?", arguments: [Self.staged(week)])
            try db.execute(sql: "DELETE FROM metric WHERE week = ?", arguments: [Self.staged(week)])
        }
    }

    /// Stages `cards` (with their metrics) as ranks `firstRank`… of `week`.
    public func stageCards(_ cards: [Card], of week: ISOWeek, firstRank: Int) throws {
        let w = Self.staged(week)
        try write { db in
            let card = try db.cachedStatement(sql: "INSERT INTO card (week, rank, slug, day, card) VALUES (?, ?, ?, ?, ?)")
            let metric = try db.cachedStatement(sql: """
                INSERT INTO metric (week, card_rank, ord, quantity, subject, value, unit, period, direction, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (offset, c) in cards.enumerated() {
                let rank = firstRank + offset
                let json = String(decoding: try Self.encoder.encode(c), as: UTF8.self)
                try card.execute(arguments: [w, rank, c.slug, c.day, json])
                for (i, m) in c.metrics.enumerated() {
                    try metric.execute(arguments: [w, rank, i, m.quantity.rawValue, m.subject, m.value, m.unit.rawValue,
                                                   m.period?.rawValue, m.direction?.rawValue, m.text])
                }
            }
        }
    }

    /// Replaces what was published for `week` by the staged cards and the counts, in one
    /// transaction: a reader sees the old week or the new one, never a mix.
    public func commitWeek(_ week: ISOWeek, itemCount: Int, sourceCount: Int, now: Date) throws {
        let w = week.description, staged = Self.staged(week)
        try write { db in
            try db.execute(sql: "DELETE FROM card WHERE week = ?", arguments: [w])
            try db.execute(sql: "DELETE FROM metric WHERE week = ?", arguments: [w])
            try db.execute(sql: "UPDATE card SET week = ? WHERE week = ?", arguments: [w, staged])
            try db.execute(sql: "UPDATE metric SET week = ? WHERE week = ?", arguments: [w, staged])
            try db.execute(sql: """
                INSERT INTO week (week, item_count, source_count, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (week) DO UPDATE SET item_count = excluded.item_count,
                  source_count = excluded.source_count, updated_at = excluded.updated_at
                """, arguments: [w, itemCount, sourceCount, now.timeIntervalSince1970])
        }
    }
}

/// The run's scratch tables.
public enum Scratch: String, Sendable {
    /// Cards written but not yet ranked, by story.
    case drafts = "draft"
    /// The metrics of each item that belongs, by its place among them.
    case metrics = "kept_metric"
}
