import DigestCore
import Foundation
import GRDB

extension DigestStore {
    /// Replaces what was published for `record.week`: counts, cards (in rank order) and their
    /// metrics (`beginWeek`, `stageCards`, `commitWeek` at once).
    public func saveWeek(_ record: StoredWeek, now: Date) throws {
        try beginWeek(record.week)
        try stageCards(record.cards, of: record.week, firstRank: 0)
        try commitWeek(record.week, itemCount: record.itemCount, sourceCount: record.sourceCount, now: now)
    }

    /// One published week, or nil when the store has never published it.
    public func week(_ week: ISOWeek) throws -> StoredWeek? {
        try weeks(where: "week = ?", [week.description]).first
    }

    /// Every published week, newest first, with its cards.
    public func allWeeks() throws -> [StoredWeek] {
        try weeks(where: "1", [])
    }

    private func weeks(where condition: String, _ arguments: StatementArguments) throws -> [StoredWeek] {
        try read { db in
            var out: [StoredWeek] = []
            var index: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT week, item_count, source_count FROM week WHERE \(condition) ORDER BY week DESC",
                                        arguments: arguments) {
                let name: String = row["week"]
                guard let w = ISOWeek(name) else { throw StoreError(path: path, problem: "bad week name \(name)") }
                index[name] = out.count
                out.append(StoredWeek(week: w, itemCount: row["item_count"], sourceCount: row["source_count"], cards: []))
            }
            let rows = try Row.fetchCursor(db, sql: "SELECT week, card FROM card WHERE \(condition) ORDER BY week DESC, rank",
                                           arguments: arguments)
            while let row = try rows.next() {
                let json: String = row["card"]
                guard let i = index[row["week"] as String] else { continue }  // a card without its week row: never written so
                out[i].cards.append(try card(json, of: out[i].week))
            }
            return out
        }
    }

    /// The highest value per week, subject and period of one quantity over a range of weeks.
    public func series(_ quantity: MetricQuantity, from first: ISOWeek, through last: ISOWeek) throws -> [SeriesPoint] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT week, subject, period, MAX(value) AS value FROM metric
                WHERE quantity = ? AND week >= ? AND week <= ? AND subject IS NOT NULL
                GROUP BY week, subject, period ORDER BY week, subject, period
                """, arguments: [quantity.rawValue, first.description, last.description]).compactMap { row in
                guard let w = ISOWeek(row["week"] as String) else { return nil }  // written by saveWeek from an ISOWeek
                return SeriesPoint(week: w, subject: row["subject"], period: (row["period"] as String?).flatMap(MetricPeriod.init),
                                   value: row["value"])
            }
        }
    }
}
