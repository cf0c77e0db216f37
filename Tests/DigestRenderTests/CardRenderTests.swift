import DigestCore
import DigestMetrics
import DigestPipeline
import DigestRender
import DigestSummarize
import DigestTestSupport
import Foundation
import Testing

/// Cards built from stories we wrote and rendered with the repository's templates, compared
/// with golden files (Tests/Golden/cards); labels follow the reader's language.
@Suite(.serialized) struct CardRenderTests {
    static let context = RunContext(now: RFC3339.date(from: "2026-11-30T08:00:00Z")!,
                                    timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    static func source(_ id: String, _ name: String, _ language: String, weight: Double = 1) -> FeedSource {
        FeedSource(id: id, name: name, url: "https://\(id).example/feed", language: language, weight: weight)
    }

    static func item(_ source: FeedSource, _ title: String, _ text: String, _ link: String, _ published: String) -> SourcedItem {
        let it = FeedItem(id: link, title: title, link: link, published: RFC3339.date(from: published), text: text)
        return SourcedItem(source: source, item: it, text: text, language: source.language ?? "en")
    }

    static let kr = source("36kr", "36氪", "zh", weight: 1.5)
    static let wire = source("wire", "AI Wire", "en")
    static let post = source("post", "Tech Post", "en")

    static let stories: [String: [SourcedItem]] = [
        "reference-zh": [item(kr, "OpenRouter周榜：中国模型周调用量大涨31.48%",
            "全球模型Token周调用量达到27万亿，周环比增长18.9%。中国模型周调用量为12.96万亿Token，周环比上涨31.48%；美国模型周调用量为3.03万亿Token。中国模型已连续五周位居第一。这意味着国产模型的性价比正在转化为真实用量。",
            "https://36kr.com/p/1?f=rss", "2026-11-24T10:01:25Z")],
        "reference-en": [item(wire, "Chinese models top OpenRouter for a fifth week",
            "Chinese models processed 12.96T tokens on OpenRouter last week, up 31.48% week over week. US models handled 3.03T tokens. Across all models the router carried 27T tokens, +18.9% WoW. Chinese models ranked first for five consecutive weeks.",
            "https://wire.example/openrouter", "2026-11-25T07:30:00Z")],
        "no-metrics": [item(wire, "Open agent framework ships a new release",
            "An open-source agent framework shipped a new release with multi-model routing and a visual debugger. The maintainers said the release focuses on reliability for long-running tasks.",
            "https://wire.example/agents", "2026-11-26T09:00:00Z")],
        "price-cut": [item(post, "Gemini Flash price cut",
            "Google cut Gemini Flash to $0.15/$0.60 per million tokens for input and output. The new output price is down 40% from the previous list price. Developers on the paid tier get the new prices from December 1.",
            "https://post.example/gemini", "2026-11-26T16:00:00Z")],
        "price-cut-untitled": [item(post, "Mistral updates its developer plans",
            "Mistral Large now costs $2 per million input tokens and $6 per million output tokens, down 25% from its launch price. The change applies to all accounts from Monday. Batch requests keep their 50% discount.",
            "https://post.example/mistral", "2026-11-27T09:00:00Z")],
        "short-sentences": [item(wire, "Acme trims API prices",
            "Acme cut its API prices today. Input is cheaper. Output too. Details soon.",
            "https://wire.example/acme", "2026-11-27T12:00:00Z")],
        "three-sources": [
            item(kr, "豆包大模型日均Token调用量突破30万亿", "火山引擎宣布，豆包大模型日均Token调用量已突破30万亿，较5月底增长超过80%。",
                 "https://36kr.com/p/2?f=rss", "2026-11-26T01:30:00Z"),
            item(wire, "Doubao passes 30 trillion tokens a day",
                 "ByteDance said its Doubao models now process 30 trillion tokens a day, more than 80% above the level at the end of May.",
                 "https://wire.example/doubao", "2026-11-26T06:00:00Z"),
            item(post, "ByteDance: Doubao at 30T daily tokens",
                 "Doubao's daily token volume exceeded 30 trillion, growing over 80% since May, Volcano Engine said.",
                 "https://post.example/doubao?utm_source=rss", "2026-11-26T08:00:00Z"),
        ],
    ]

    static func render(_ name: String, language: String) throws -> (Card, String, String) {
        let presentation = try Presentation.load(directory: TestPaths.root.appendingPathComponent("Templates").path)
        let (templates, taxonomy) = (presentation.templates, presentation.taxonomy)
        let items = try #require(stories[name])
        let recognizer = MetricRecognizer()
        let metrics = items.map { recognizer.metrics(in: $0.text) }
        let clusters = StoryClusterer.cluster(items, metrics: metrics)
        #expect(clusters.count == 1, "\(name) should be one story")
        let card = CardBuilder(taxonomy: taxonomy, labelLanguage: language, naming: SubjectNames.naming,
                               headlines: presentation.headlines)
            .card(for: items, metrics: metrics, context: context, now: context.now)
        let renderer = DigestRenderer(templates: templates, site: SiteInfo(
            title: "Digest", baseURL: "https://digest.example.org/", description: "test", language: language))
        let week = ISOWeek("2026-W48")!
        return (card, renderer.cardMarkdown(card, week: week), renderer.cardFragment(card, root: "../", week: week))
    }

    /// Stories in an English digest, and the reference story in a Chinese one (labels, metric
    /// lines, headline and advice all Chinese).
    @Test(arguments: ["reference-zh", "reference-en", "no-metrics", "price-cut", "price-cut-untitled", "short-sentences",
                      "three-sources", "reference-zh@zh"])
    func matchesGolden(_ variant: String) throws {
        let parts = variant.split(separator: "@").map(String.init)
        let (name, language) = (parts[0], parts.count > 1 ? parts[1] : "en")
        let (_, md, html) = try Self.render(name, language: language)
        let folder = language == "en" ? name : "\(name)-\(language)"
        try Golden.check(tree: ["\(folder).md": md, "\(folder).html": html], name: "cards/\(folder)")
    }

    @Test func rightToLeftTextIsLaidOutRightToLeft() throws {
        let presentation = try Presentation.load(directory: TestPaths.root.appendingPathComponent("Templates").path)
        let he = Self.source("he", "Wire IL", "he")
        let text = "מחירי ה-API של המודל ירדו השבוע בחצי. המפתחים יקבלו את המחיר החדש מיד."
        let card = CardBuilder(taxonomy: presentation.taxonomy).card(
            for: [Self.item(he, "מחירי ה-API ירדו", text, "https://he.example/1", "2026-11-25T08:00:00Z")], metrics: [[]],
            context: Self.context, now: Self.context.now)
        let renderer = DigestRenderer(templates: presentation.templates, site: SiteInfo(
            title: "Digest", baseURL: "https://digest.example.org/", description: "test", language: "en"))
        #expect(renderer.cardFragment(card, root: "../", week: ISOWeek("2026-W48")!).contains(#"<article class="card" lang="he" dir="rtl">"#))
        let (en, _, _) = try Self.render("reference-en", language: "en")
        #expect(!renderer.cardFragment(en, root: "../", week: ISOWeek("2026-W48")!).contains("dir=\"rtl\""))
    }

    @Test func cardsLinkOnlyToWebAddresses() {
        #expect(CardBuilder.webLink("urn:uuid:1225c695") == nil)
        #expect(CardBuilder.webLink("tag:code.example.com,2008:1") == nil)
        #expect(CardBuilder.webLink("HTTPS://a.example/x") == "HTTPS://a.example/x")
        #expect(CardBuilder.webLink("http://a.example/") == "http://a.example/")
        #expect(CardBuilder.webLink("file:///samples/a.html") == "file:///samples/a.html")
        #expect(CardBuilder.webLink(nil) == nil)
    }

    @Test func referenceCardsSayWhatChanged() throws {
        for name in ["reference-zh", "reference-en"] {
            let (card, md, _) = try Self.render(name, language: "en")
            #expect(md.contains("Global total: 27T tokens, +18.9% WoW"), "\(name)")
            #expect(card.whatChanged.contains { $0.isDerived && $0.text.contains("≈4.3x") }, "\(name)")
            #expect(card.audiences.first == "Founders & Product Leaders")
        }
    }

    @Test func threeSourcesMakeOneCardListingAll() throws {
        let (card, _, _) = try Self.render("three-sources", language: "en")
        #expect(card.sources.map(\.name) == ["36氪", "AI Wire", "Tech Post"])
    }

    @Test func labelsFollowTheReadersLanguage() throws {
        let (_, zh, _) = try Self.render("reference-en", language: "zh")
        #expect(zh.contains("发生了什么") && zh.contains("谁该关注"))
        #expect(zh.contains("Chinese models processed"), "the text stays in its source language")
        let (_, en, _) = try Self.render("reference-zh", language: "en")
        #expect(en.contains("What changed") && en.contains("中国模型周调用量为12.96万亿Token"))
    }
}
