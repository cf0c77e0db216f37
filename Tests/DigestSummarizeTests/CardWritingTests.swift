import DigestCore
import DigestMetrics
import DigestSummarize
import DigestTestSupport
import Foundation
import Testing

/// How a card is written: whole sentences, a headline and hook from the numbers, advice filled
/// from the metrics, audiences with reasons, takeaways — in English and Chinese digests.
struct CardWritingTests {
    static let context = CardQualityTests.context

    static func card(_ title: String, _ text: String, lang: String = "en", source: String = "en") -> Card {
        let src = FeedSource(id: "s", name: "Wire", url: "https://wire.example/feed", language: source)
        let item = SourcedItem(source: src, item: FeedItem(id: "x", title: title, link: "https://wire.example/x",
                                                          published: context.now, text: text), text: text, language: source)
        return CardBuilder(taxonomy: CardQualityTests.taxonomy, labelLanguage: lang, naming: SubjectNames.naming,
                           headlines: CardQualityTests.book)
            .card(for: [item], metrics: [MetricRecognizer().metrics(in: text)], context: context, now: context.now)
    }

    @Test func aShortLeadIsKeptAndATextOfShortSentencesStillHasATLDR() {
        let t = TLDRSummarizer().summarize(title: "Acme", body: "Acme cut its API prices today. But the company kept its free tier for students and hobby projects unchanged.", language: "en")
        #expect(t.sentences.first == "Acme cut its API prices today.")
        let short = TLDRSummarizer().summarize(title: "Acme", body: "Input is cheaper. Output too. More soon.", language: "en")
        #expect(!short.text.isEmpty && short.source == .sentences || short.source == .lead)
        let none = TLDRSummarizer().summarize(title: "Acme cuts prices", body: "", language: "en")
        #expect(none.text == "Acme cuts prices" && none.source == .title)
        let colon = TLDRSummarizer().summarize(title: "Notes", body: "The release brings three changes:\n\nFaster loading of large models and better batching for servers.", language: "en")
        #expect(colon.text == "Faster loading of large models and better batching for servers.")
    }

    @Test func theHookNeverRepeatsTheTLDRAndIsNoBoilerplate() {
        let c = Self.card("Open agent framework ships", "submitted by JCFC23 to gifs\n\nAn open-source agent framework shipped a new release with multi-model routing. The maintainers said the release focuses on reliability for long tasks.")
        #expect(!c.hook.lowercased().contains("submitted by"))
        #expect(c.hook == "An open-source agent framework shipped a new release with multi-model routing.")
        #expect(!c.tldr.contains(c.hook))
    }

    @Test func theReferenceStoryGetsItsHeadlineInBothLanguages() {
        let text = "全球模型Token周调用量达到27万亿，周环比增长18.9%。其中，中国模型周调用量为12.96万亿Token，周环比上涨31.48%；美国模型周调用量为3.03万亿Token。中国模型已连续五周位居第一。"
        let en = Self.card("OpenRouter周榜：中国模型周调用量大涨31.48%", text, source: "zh")
        #expect(en.title == "Chinese models surge 31.48%, top US for 5 weeks")
        #expect(en.subtitle == "OpenRouter周榜：中国模型周调用量大涨31.48%")
        #expect(en.hook == "Chinese models now at ≈4.3x US (derived), +31.48% WoW")
        #expect(en.whatChanged.first?.text == "Global total: 27T tokens, +18.9% WoW")
        let zh = Self.card("OpenRouter周榜：中国模型周调用量大涨31.48%", text, lang: "zh", source: "zh")
        #expect(zh.title == "中国模型大涨31.48%，连续5周超越美国模型")
        #expect(zh.hook == "中国模型用量为美国模型的≈4.3倍（推算），周环比+31.48%")
        #expect(zh.whatChanged.map(\.text).contains("中国模型：12.96万亿Token，周环比+31.48%，连续5周排名第1"))
        #expect(zh.audiences.first == "创始人与产品负责人" && zh.audienceReasons?.first?.isEmpty == false)
    }

    @Test func aPriceCutIsOneWhateverItsTitleSays() {
        let c = Self.card("Mistral updates its developer plans",
                          "Mistral Large 3 now costs $0.5 per million output tokens, down 25% from before. The change applies to all accounts from Monday.")
        #expect(c.topics.first == "price-cut")
        #expect(c.title == "Mistral cuts output price 25% to $0.5 per M tokens")
        #expect(c.whyItMatters == "Mistral's output price fell 25% to $0.5 per M tokens: every feature built on it now costs less to run.")
        #expect(c.whatNext?.contains("Mistral at $0.5 per M output tokens") == true)
    }

    @Test func anEntryWithOnlyItsUpdateTimeIsDatedByIt() {
        let src = FeedSource(id: "v", name: "Videos", url: "https://videos.example/feed")
        var item = FeedItem(id: "v1", title: "Model pricing explained", link: "https://videos.example/v1", published: nil,
                            text: "How token prices are set, in ten minutes.")
        item.updated = RFC3339.date(from: "2026-11-24T09:30:00Z")
        let card = CardBuilder(taxonomy: CardQualityTests.taxonomy).card(
            for: [SourcedItem(source: src, item: item, text: item.text, language: "en")], metrics: [[]], context: Self.context, now: Self.context.now)
        #expect(card.published == item.updated && card.day == "2026-11-24", "never the run's clock")
    }

    @Test func takeawaysSayMoreThanTheTLDR() {
        let text = "Doubao now processes 30T tokens a day, ByteDance said at its developer conference in Beijing on Tuesday. "
            + "The volume grew 80% since the end of May, driven by coding assistants, customer service agents and search. "
            + "Enterprise customers account for most of the growth, the company said, with retail and finance leading. "
            + "Over 100 customers each use more than 100B tokens a day, up from about 40 customers in the spring. "
            + "Analysts expect prices to keep falling next year as competition among Chinese cloud providers grows. "
            + "The company also introduced a cheaper tier for batch workloads that do not need answers within seconds."
        let c = Self.card("Doubao usage", text)
        #expect((2...4).contains(c.takeaways.count), "\(c.takeaways)")
        #expect(c.takeaways.allSatisfy { text.contains($0) || $0.hasSuffix("(derived)") })
        #expect(c.takeaways.allSatisfy { !c.tldr.contains($0) && $0 != c.hook })
    }

    /// Headlines over subjects × story shapes × languages: the expected pattern fits, the subject
    /// is named in the digest's language, every number is a metric of the story (a ratio only
    /// with its derived mark).
    @Test func headlinesFromGeneratedStories() {
        let subjects = [("中国模型", "Chinese models", "中国模型"), ("DeepSeek", "DeepSeek", "DeepSeek"),
                        ("豆包大模型", "Doubao", "豆包"), ("GLM-4.6", "GLM-4.6", "GLM-4.6"), ("某平台", nil, "某平台")]
        var checked = 0
        for (subject, enName, zhName) in subjects {
            for (shape, metrics, pattern) in Self.shapes(subject) {
                for lang in ["en", "zh"] {
                    let facts = HeadlineFacts(metrics, wording: MetricWording(language: lang), naming: SubjectNames.naming)
                    let written = CardQualityTests.book.write(facts, language: lang)
                    let name = lang == "en" ? enName : zhName
                    guard let name else {
                        #expect(written == nil, "\(subject) \(shape): no English name, no headline: \(String(describing: written))")
                        continue
                    }
                    #expect(written?.pattern == pattern, "\(subject) \(shape) [\(lang)]: \(String(describing: written))")
                    guard let w = written else { continue }
                    #expect(w.title.contains(name), "\(w.title)")
                    for text in [w.title, w.hook].compactMap({ $0 }) {
                        for n in CardQualityTests.numbers(in: CardQualityTests.withoutNames(text, [name, "美国模型"])) {
                            let traced = metrics.contains { abs($0.value - n.value) < 1e-6 * max(1, n.value) }
                            #expect(traced || (n.approximate && (text.contains("(derived)") || text.contains("（推算）"))), "\(text): \(n.value)")
                        }
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 50)
    }

    /// Story shapes of one subject: its metrics and the pattern expected.
    static func shapes(_ s: String) -> [(String, [TokenMetric], String)] {
        let us = TokenMetric(text: "3.03万亿", quantity: .tokenVolume, value: 3.03e12, unit: .tokens, period: .week, subject: "美国模型")
        func vol(_ v: Double, _ p: MetricPeriod = .week) -> TokenMetric {
            TokenMetric(text: "v", quantity: .tokenVolume, value: v, unit: .tokens, period: p, subject: s)
        }
        func growth(_ v: Double, of i: Int, _ p: MetricPeriod? = .week, down: Bool = false) -> TokenMetric {
            var g = TokenMetric(text: "g", quantity: .growth, value: v, unit: .percent, period: p, direction: down ? .down : .up, subject: s)
            g.describes = i
            return g
        }
        let rank = TokenMetric(text: "第一", quantity: .rank, value: 1, unit: .rank, subject: s)
        let streak = TokenMetric(text: "五周", quantity: .count, value: 5, unit: .count, period: .week, subject: s)
        func price(_ v: Double, _ side: PriceSide?) -> TokenMetric {
            TokenMetric(text: "p", quantity: .tokenPrice, value: v, unit: .cnyPerMtok, subject: s, side: side)
        }
        return [
            ("streak+rival", [vol(12.96e12), growth(31.48, of: 0), rank, streak, us], "leader-streak"),
            ("streak", [vol(12.96e12), growth(12.5, of: 0), rank, streak], "leader-streak"),
            ("streak only", [rank, streak], "leader"),
            ("price cut", [price(0.5, .input), price(3, .output), growth(50, of: 1, nil, down: true)], "price-cut"),
            ("price list", [price(1.2, .input), price(4, .output)], "price-list"),
            ("volume", [vol(3e13, .day), growth(80, of: 0, nil)], "volume-milestone"),
            ("rank", [rank], "ranking"),
        ]
    }
}
