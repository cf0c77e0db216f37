import DigestCore
import DigestStore
import DigestTestSupport
import Foundation
import Testing

/// DigestStore on a real SQLite file: upserts, weeks replaced whole, series, reopening.
struct StoreTests {
    static let week = ISOWeek(year: 2026, week: 48)

    static func item(_ key: String, text: String, extracted: Bool = false) -> StoredItem {
        StoredItem(sourceID: "s", sourceName: "Source", key: key, week: week,
                   item: FeedItem(id: key, title: "T \(key)", link: "https://x.example/\(key)",
                                  published: Date(timeIntervalSince1970: 1_764_000_000), categories: ["AI"]),
                   text: text, language: "en", extracted: extracted)
    }

    static func card(_ slug: String, metrics: [TokenMetric]) -> Card {
        Card(id: slug, slug: slug, title: "Card \(slug)", hook: "h", day: "2026-11-24",
             published: Date(timeIntervalSince1970: 1_764_000_000.5), tldr: "t",
             whatChanged: [ChangeLine(text: "≈4.3x", isDerived: true)], whyItMatters: nil, whatNext: "n",
             audiences: ["Founders"], takeaways: ["k"], topics: ["price-cut"],
             sources: [CardSource(sourceID: "s", name: "36氪", url: nil, title: "原题")], metrics: metrics,
             score: 2.5, language: "zh")
    }

    static func volume(_ subject: String, _ v: Double, _ p: MetricPeriod? = .week) -> TokenMetric {
        TokenMetric(text: "\(v)", quantity: .tokenVolume, value: v, unit: .tokens, period: p, subject: subject)
    }

    @Test func itemsAreUpsertedAndReadBackByWeek() throws {
        let path = TestPaths.temporaryDirectory("store").path + "/d/digest.sqlite"
        let store = try DigestStore(path: path)
        try store.saveItems([Self.item("a", text: "lead"), Self.item("b", text: "b")], now: Date(timeIntervalSince1970: 1))
        try store.saveItems([Self.item("a", text: "full article", extracted: true)], now: Date(timeIntervalSince1970: 2))
        let items = try DigestStore(path: path).items(week: Self.week)  // a second connection reads what the first wrote
        #expect(items.count == 2)
        let a = try #require(items.first { $0.key == "a" })
        #expect(a.text == "full article" && a.extracted)
        #expect(a.item.categories == ["AI"] && a.item.published == Date(timeIntervalSince1970: 1_764_000_000))
        #expect(try store.items(week: ISOWeek(year: 2026, week: 47)).isEmpty)
    }

    @Test func aWeekIsReplacedWholeAndCardsRoundTrip() throws {
        let store = try DigestStore(path: TestPaths.temporaryDirectory("store2").path + "/digest.sqlite")
        let c1 = Self.card("one", metrics: [Self.volume("China", 12.96e12)])
        try store.saveWeek(StoredWeek(week: Self.week, itemCount: 9, sourceCount: 2, cards: [c1, Self.card("two", metrics: [])]),
                           now: Date())
        try store.saveWeek(StoredWeek(week: Self.week, itemCount: 3, sourceCount: 1, cards: [c1]), now: Date())
        let w = try #require(try store.week(Self.week))
        #expect(w.itemCount == 3 && w.sourceCount == 1)
        #expect(w.cards == [c1], "cards (dates, derived flags, Chinese text, metrics) survive the store unchanged")
        #expect(try store.week(ISOWeek(year: 2026, week: 1)) == nil)
    }

    @Test func seriesTakesTheHighestValuePerWeekSubjectAndPeriod() throws {
        let store = try DigestStore(path: TestPaths.temporaryDirectory("store3").path + "/digest.sqlite")
        for (i, w) in [46, 47, 48].enumerated() {
            let week = ISOWeek(year: 2026, week: w)
            let cards = [Self.card("a\(w)", metrics: [Self.volume("China", Double(10 + i) * 1e12), Self.volume("US", 3e12)]),
                         Self.card("b\(w)", metrics: [Self.volume("China", 5e12), Self.volume("China", 2e12, .day)])]
            try store.saveWeek(StoredWeek(week: week, itemCount: 2, sourceCount: 1, cards: cards), now: Date())
        }
        let points = try store.series(.tokenVolume, from: ISOWeek(year: 2026, week: 47), through: ISOWeek(year: 2026, week: 48))
        let china = points.filter { $0.subject == "China" && $0.period == .week }
        #expect(china.map(\.value) == [11e12, 12e12])
        #expect(points.filter { $0.period == .day }.count == 2)
        #expect(try store.allWeeks().map(\.week.week) == [48, 47, 46])
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let path = TestPaths.temporaryDirectory("store4").path + "/digest.sqlite"
        try Data("this is not sqlite, just text long enough to be read as a header......".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try DigestStore(path: path)
        } throws: { error in
            "\(error)".hasPrefix("store: \(path): ") && "\(error)".contains("not a database")
        }
    }
}
