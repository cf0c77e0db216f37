import DigestCore
import DigestSelect
import DigestTestSupport
import Foundation
import Testing

/// The rules around the judge: ranking, roundup stories, source filters, a user's own lexicon.
struct SelectionRuleTests {
    static func card(_ id: String, score: Double, days: Double = 0) -> Card {
        Card(id: id, slug: id, title: id, hook: "", day: "2026-11-25", published: Date(timeIntervalSince1970: 1_790_000_000 + days * 86400),
             tldr: "", whatChanged: [], whyItMatters: nil, whatNext: nil, audiences: [], takeaways: [], topics: [],
             sources: [], metrics: [], score: score, language: "en")
    }

    @Test func coreStoriesRankFirstUnlessTheFocusIsAllOfAI() {
        var core = Self.card("core", score: 3), adjacent = Self.card("adjacent", score: 9)
        Ranking.apply(RelevanceJudgement(label: .core, score: 0.8, why: ""), to: &core)
        Ranking.apply(RelevanceJudgement(label: .adjacent, score: 0.5, why: ""), to: &adjacent)
        #expect(core.score == 11 && adjacent.score == 14, "10 × relevance is added")
        #expect(core.relevance == .core && adjacent.relevance == .adjacent)
        #expect(Ranking.before(core, adjacent, byGrade: true))
        #expect(Ranking.before(adjacent, core, byGrade: false))
        // Ties: the newer card, then the id.
        let older = Self.card("b", score: 5, days: 0), newer = Self.card("c", score: 5, days: 1), twin = Self.card("a", score: 5, days: 1)
        #expect(Ranking.before(newer, older, byGrade: true) && Ranking.before(twin, newer, byGrade: true))
    }

    @Test func aStoryTakesItsMostRelevantItemsVerdict() {
        let v = Ranking.strongest([RelevanceJudgement(label: .adjacent, score: 0.6, why: "a"),
                                   RelevanceJudgement(label: .core, score: 0.75, why: "b"),
                                   RelevanceJudgement(label: .core, score: 0.9, why: "c")])
        #expect(v.why == "c")
    }

    @Test func aRoundupSplitsIntoItsParagraphsOrItsListedItems() {
        let paragraphs = Roundup.stories(title: "8点1氪｜甲；乙", text: "今日热点导览\n\n某品牌回应涨价传闻。品牌称原料上涨。\n\n智谱下调API价格。输入价格降至每百万tokens 1元。")
        #expect(paragraphs.map(\.headline) == ["某品牌回应涨价传闻", "智谱下调API价格"])
        #expect(paragraphs[1].text.hasSuffix("每百万tokens 1元。"))
        let listed = Roundup.stories(title: "早报｜甲", text: "今日要闻：某咖啡品牌回应涨价；两家车企发布新车；月之暗面发布新模型。")
        #expect(listed.map(\.headline) == ["某咖啡品牌回应涨价", "两家车企发布新车", "月之暗面发布新模型"])
        let judge = RelevanceJudge()
        #expect(judge.isRoundup(title: "氪星晚报｜A；B", lead: ""))
        #expect(judge.isRoundup(title: "Daily digest", lead: "Plus: OpenAI cuts prices"))
        #expect(!judge.isRoundup(title: "DeepSeek下调API价格", lead: "36氪获悉"))
    }

    @Test func sourceFiltersTakeWordsAndRegularExpressions() {
        var s = FeedSource(id: "s", name: "S", url: "https://example.org/feed")
        s.exclude = ["sponsored", "/giveaway|抽奖/"]
        s.include = ["Token", "/模型|model/"]
        let f = SourceFilter(s)
        #expect(f.rejection(title: "Sponsored: a token deal", text: "") == "excluded by its source's filter 'sponsored'")
        #expect(f.rejection(title: "新模型抽奖活动", text: "") == "excluded by its source's filter '/giveaway|抽奖/'")
        #expect(f.rejection(title: "A new phone", text: "battery life") == "matches none of its source's include filters")
        #expect(f.rejection(title: "Tokens per second", text: "") == "matches none of its source's include filters", "words match whole")
        #expect(f.rejection(title: "Model prices", text: "") == nil)
        #expect(f.rejection(title: "Weekly TOKEN usage", text: "") == nil, "case folded")
    }

    @Test func aUsersLexiconReplacesTheBundledOneAndABadOneIsNamed() throws {
        let dir = TestPaths.temporaryDirectory("lexicon")
        let bundled = TestPaths.root.appendingPathComponent("Sources/DigestSelect/Resources/relevance.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundled)) as? [String: Any])
        var off = json["off"] as? [String] ?? []
        off.append("kimi")  // this user wants nothing about Kimi
        json["off"] = off
        var ai = json["ai"] as? [String: Any] ?? [:]
        ai["strong"] = (ai["strong"] as? [String] ?? []).filter { !$0.lowercased().contains("kimi") && $0 != "月之暗面" }
        json["ai"] = ai
        let mine = dir.appendingPathComponent("mine.json")
        try JSONSerialization.data(withJSONObject: json).write(to: mine)
        let judge = RelevanceJudge(lexicon: try RelevanceLexicon.load(path: mine.path))
        #expect(RelevanceJudge().judge(title: "Kimi K3 model launches", lead: "").label == .adjacent)
        #expect(judge.judge(title: "Kimi K3 model launches", lead: "").label == .off)

        json.removeValue(forKey: "crypto")
        try JSONSerialization.data(withJSONObject: json).write(to: mine)
        #expect { try RelevanceLexicon.load(path: mine.path) } throws: { e in
            (e as? LexiconError)?.message == "config: \(mine.path): missing key 'crypto'"
        }
        try Data("{".utf8).write(to: mine)
        #expect { try RelevanceLexicon.load(path: mine.path) } throws: { e in
            (e as? LexiconError)?.message == "config: \(mine.path): not valid JSON"
        }
        #expect { try RelevanceLexicon.load(path: dir.path + "/none.json") } throws: { e in
            (e as? LexiconError)?.message == "config: \(dir.path)/none.json: cannot read the relevance lexicon"
        }
    }
}
