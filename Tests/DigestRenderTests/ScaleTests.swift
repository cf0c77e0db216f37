import DigestCore
import DigestPipeline
import DigestRender
import DigestTestSupport
import Foundation
import Testing

/// A week of thousands of cards: the front page, the email and the Atom feed stay the size of
/// a normal week and link to the week's page for the rest.
struct ScaleTests {
    @Test func aWeekOfFiveThousandCardsGivesASmallEmailFrontPageAndFeed() throws {
        let presentation = try Presentation.load(directory: TestPaths.root.appendingPathComponent("Templates").path)
        let r = DigestRenderer(templates: presentation.templates, site: SiteInfo(
            title: "Digest", baseURL: "https://digest.example.org/", description: "d", language: "en"))
        let published = RFC3339.date(from: "2026-11-25T08:00:00Z")!
        let cards = (0..<5_000).map { i in
            let m = TokenMetric(text: "\(i)T tokens", quantity: .tokenVolume, value: Double(i + 1) * 1e12, unit: .tokens,
                                period: .week, subject: "Model \(i)")
            return Card(id: "c\(i)", slug: "card-\(i)", title: "Story number \(i) about token usage", hook: "Hook \(i).",
                        day: "2026-11-25", published: published, tldr: "A summary sentence of story \(i).",
                        whatChanged: [ChangeLine(text: "Model \(i): \(i + 1)T tokens")], whyItMatters: nil, whatNext: nil,
                        audiences: ["Developers"], takeaways: [], topics: ["usage-growth"],
                        sources: [CardSource(sourceID: "s", name: "Wire", url: "https://wire.example/\(i)", title: "t")],
                        metrics: [m], score: Double(5_000 - i), language: "en")
        }
        let d = WeekDigest(week: ISOWeek("2026-W48")!, cards: cards, itemCount: 5_000, sourceCount: 5_000,
                           firstDay: "2026-11-23", lastDay: "2026-11-29")
        let html = r.emailHTML(d), text = r.emailText(d), index = r.weekPage(d, asIndex: true), feed = r.atomFeed(d, updated: published)
        for (name, out) in [("email html", html), ("email text", text), ("index", index), ("feed", feed)] {
            #expect(out.utf8.count < 200_000, "\(name): \(out.utf8.count) bytes")
        }
        #expect(html.contains("4973 more stories this week") && html.contains("https://digest.example.org/weeks/2026-W48.html"))
        #expect(text.contains("[4973 more stories this week →](https://digest.example.org/weeks/2026-W48.html)"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 27)
        let week = r.weekPage(d)
        #expect(week.contains("Story number 4999 about token usage"), "the week's page lists every story")
    }
}
