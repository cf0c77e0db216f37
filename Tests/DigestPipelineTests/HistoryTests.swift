import DigestTestSupport
import Foundation
import Testing

/// The store between runs: `digest recap` from the store alone, a week that keeps what its
/// feeds dropped, article pages not fetched twice.
@Suite(.serialized) struct HistoryTests {
    @Test func recapFromTheStoreRepublishesTheSameFiles() throws {
        let dir = TestPaths.temporaryDirectory("recap")
        for r in try SampleRun.history(into: dir) { #expect(r.status == 0, "\(r.stderr)") }
        let before = try SampleRun.tree(dir)
        for folder in ["site", "recap", "email", "cards"] {
            try FileManager.default.removeItem(at: dir.appendingPathComponent(folder))
        }
        let r = try CLI.run(["recap", "--config", SampleRun.args[2], "--output", dir.path, "--week", "2026-W48",
                             "--now", "2026-11-30T08:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        let after = try SampleRun.tree(dir)
        #expect(after.keys.contains("recap/2026-W48.md") && after.keys.contains("email/2026-W48.eml"))
        #expect(after.keys.contains("site/weeks/2026-W46.html"), "the site is rebuilt from every stored week")
        for (rel, text) in after { #expect(before[rel] == text, "\(rel) differs from the run's own output") }
        let siteBefore = before.keys.filter { $0.hasPrefix("site/") }, siteAfter = after.keys.filter { $0.hasPrefix("site/") }
        #expect(Set(siteBefore) == Set(siteAfter))
    }

    @Test func aCardReadsItsSubjectsEarlierFiguresAndRelatedCards() throws {
        let dir = TestPaths.temporaryDirectory("history-link")
        for r in try SampleRun.history(into: dir) { #expect(r.status == 0, "\(r.stderr)") }
        let tree = try SampleRun.tree(dir)
        let card = try #require(tree.first { $0.key.hasPrefix("cards/2026-11-24/") && $0.key.hasSuffix(".md") }?.value)
        #expect(card.contains("- Chinese models: 12.96T tokens/week, up from 9.86T in 2026-W47 (36氪)"), "\(card)")
        #expect(card.contains("## 👉 Related updates\n\n- Chinese models surge 21.7%, top US for 4 weeks · 2026-W47\n"))
        let page = try #require(tree.first { $0.key.hasPrefix("site/cards/2026-W48/openrouter") }?.value)
        #expect(page.contains("<a href=\"../../cards/2026-W47/openrouter"), "related cards link their pages")
    }

    @Test func recapOfAWeekNeverRunIsAClearError() throws {
        let dir = TestPaths.temporaryDirectory("recap-none")
        let r = try CLI.run(["recap", "--config", "Samples/feeds.yaml", "--output", dir.path, "--week", "2026-W10"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("store: \(dir.path)/digest.sqlite: no store here; run `digest run` first"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/digest.sqlite"), "a recap creates no store")
        #expect(try CLI.run(SampleRun.args + ["--output", dir.path]).status == 0)
        let known = try CLI.run(["recap", "--config", "Samples/feeds.yaml", "--output", dir.path, "--week", "2026-W10"])
        #expect(known.status == 1 && known.stderr.contains("no stored digest for 2026-W10"), "\(known.stderr)")
    }

    /// Three unrelated stories: title and article sentence.
    static let stories = [
        "alpha": ("Alpha cuts its API price", "The Alpha model now costs $0.5 per million input tokens, the company said on Tuesday."),
        "beta": ("Beta usage grows", "Beta served 3T tokens a day in November, up 40% month over month."),
        "gamma": ("Gamma tops the OpenRouter leaderboard", "The Gamma model ranked first by tokens on OpenRouter's weekly leaderboard for 5 weeks in a row."),
    ]

    /// A JSON Feed with the given stories (all in 2026-W48), each linking an article page.
    static func feed(_ stories: [String], pages: URL) throws -> Data {
        let items = stories.map { s -> [String: Any] in
            ["id": s, "url": pages.appendingPathComponent("\(s).html").absoluteString, "title": Self.stories[s]!.0,
             "date_published": "2026-11-25T08:00:00Z", "content_text": "Lead of \(s)."]
        }
        return try JSONSerialization.data(withJSONObject: ["version": "https://jsonfeed.org/version/1.1", "title": "T",
                                                           "items": items], options: [.sortedKeys])
    }

    @Test func aWeekKeepsItemsItsFeedDroppedAndArticlesAreFetchedOnce() throws {
        let dir = TestPaths.temporaryDirectory("history")
        let pages = dir.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        for s in ["alpha", "beta", "gamma"] {
            let (title, sentence) = Self.stories[s]!
            let body = "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1>"
                + "<p>\(sentence)</p><p>Developers say the news matters for long documents and agents.</p></article></body></html>"
            try body.write(to: pages.appendingPathComponent("\(s).html"), atomically: true, encoding: .utf8)
        }
        let cfg = """
            templates: \(TestPaths.root.path)/Templates
            timezone: UTC
            sources:
              - id: wire
                name: Wire
                url: feed.json
                full_content: true
            """
        try cfg.write(to: dir.appendingPathComponent("feeds.yaml"), atomically: true, encoding: .utf8)
        let args = ["run", "--config", dir.appendingPathComponent("feeds.yaml").path, "--week", "2026-W48",
                    "--now", "2026-11-30T08:00:00Z", "--output", dir.appendingPathComponent("out").path]
        try Self.feed(["alpha", "beta"], pages: pages).write(to: dir.appendingPathComponent("feed.json"))
        let first = try CLI.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        // The feed moves on: alpha drops out, gamma arrives; beta's page is gone, so fetching it again would fail.
        try Self.feed(["beta", "gamma"], pages: pages).write(to: dir.appendingPathComponent("feed.json"))
        try FileManager.default.removeItem(at: pages.appendingPathComponent("beta.html"))
        let second = try CLI.run(args)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("1 item of 2026-W48 from earlier runs"), "\(second.stderr)")
        #expect(second.stderr.contains("article pages 1 ok, 0 failed"), "only gamma's page is asked for; beta's was fetched again: \(second.stderr)")
        let recap = try String(contentsOf: dir.appendingPathComponent("out/recap/2026-W48.md"), encoding: .utf8)
        let cards = try SampleRun.tree(dir.appendingPathComponent("out/cards")).values.joined(separator: "\n")
        for (title, _) in Self.stories.values { #expect(cards.contains(title), "\(title) has no card") }
        #expect(recap.contains("3 items from 1 source, 3 cards"))
        #expect(recap.contains("$0.5 per M input tokens"), "alpha's article text, kept by the store, feeds the metrics")
        #expect(recap.contains("3T tokens"), "beta's article text, not fetched again, feeds the metrics")
    }
}
