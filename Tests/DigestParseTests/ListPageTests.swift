import DigestCore
import DigestParse
import DigestTestSupport
import Foundation
import Testing

/// Sources that are pages: 36Kr's newsflash page (JSON in a script) and an HTML list read by XPath. Fixtures are ours.
struct ListPageTests {
    static func page(_ name: String) throws -> Data { try Data(contentsOf: TestPaths.fixture("pages/\(name)")) }

    @Test func newsflashPageGivesItemsLikeAFeed() throws {
        let rules = HTMLListRules(jsonPath: "window.initialState:newsflashList.flow.itemList")
        let feed = try FeedParser.parse(try Self.page("kr36_newsflashes.html"), source: "36kr-newsflash-page",
                                        baseURL: "https://36kr.com/newsflashes", rules: rules)
        #expect(feed.format == .html)
        #expect(feed.items.count == 2)
        let first = try #require(feed.items.first)
        #expect(first.title == "豆包大模型日均Token调用量突破30万亿")
        #expect(first.link == "https://36kr.com/newsflashes/3845012345678901")
        #expect(first.id == "3845012345678901")
        #expect(first.published.map(RFC3339.string(from:)) == "2025-11-26T01:30:00Z")
        #expect(first.text == "火山引擎宣布，豆包大模型日均Token调用量已突破30万亿。")
    }

    @Test func htmlListByXPath() throws {
        let rules = HTMLListRules(item: "//article[contains(@class,'post')]", title: ".//h2", link: ".//a/@href",
                                  date: ".//time/@datetime", summary: ".//p[1]")
        let feed = try FeedParser.parse(try Self.page("lab_news_list.html"), source: "lab", baseURL: "https://lab.example/news",
                                        rules: rules)
        #expect(feed.items.map(\.link) == ["https://lab.example/news/pricing", "https://lab.example/news/usage"])
        #expect(feed.items.first?.title == "New API pricing: $0.20 per million input tokens")
        #expect(feed.items.last?.published.map(RFC3339.string(from:)) == "2026-11-27T12:30:00Z")
        #expect(feed.items.first?.text == "We cut input prices by 60%.")
    }

    @Test func badRulesAreAClearError() throws {
        let rules = HTMLListRules(item: "//article[", title: nil)
        #expect(throws: ParseError.self) {
            try FeedParser.parse(try Self.page("lab_news_list.html"), source: "lab", rules: rules)
        }
        let missing = HTMLListRules(jsonPath: "window.nothing:a.b")
        do {
            _ = try FeedParser.parse(try Self.page("kr36_newsflashes.html"), source: "kr", rules: missing)
            Issue.record("no error")
        } catch let e as ParseError {
            #expect(e.message == "parse: kr: html rules: no script assigns 'window.nothing'")
        }
    }
}
