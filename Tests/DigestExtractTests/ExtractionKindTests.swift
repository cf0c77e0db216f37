import DigestBytes
import DigestExtract
import DigestTestSupport
import Foundation
import Testing

/// One page of ours for each way extraction failed on pages it was never tuned on.
struct ExtractionKindTests {
    static func text(_ name: String) throws -> String {
        try ArticleExtractor.extract(from: Data(contentsOf: TestPaths.fixture("pages/\(name)")), source: name).text
    }

    @Test func aPostInsideAWidgetDivWithLinesSplitByBreaksIsTheArticle() throws {
        let t = try Self.text("widget_wrapped_post.html")
        #expect(t.includes("Our monthly token bill fell by a third") && t.includes("latency matters more than price"))
        #expect(!t.includes("Blog Archive") && !t.includes("November (4)") && !t.includes("About me"))
    }

    @Test func aFormAroundThePageIsThePageNotClutter() throws {
        let t = try Self.text("form_around_page.html")
        #expect(t.includes("日均Token调用量已突破千亿") && t.includes("数据安全和服务稳定性"))
        #expect(!t.includes("网站地图") && !t.includes("关于我们"), "menus and footer links are no article")
    }

    @Test func aBodyMarkedTwiceIsReadOnce() throws {
        let t = try Self.text("body_marked_twice.html")
        #expect(t.components(separatedBy: "$2 per million input tokens").count == 2)
    }

    @Test func aForumThreadIsItsFirstPost() throws {
        let t = try Self.text("forum_thread.html")
        #expect(t.includes("forty tokens per second for a single user"))
        #expect(!t.includes("eight-bit precision") && !t.includes("newer driver"), "replies are not the article")
    }

    @Test func aShortOldPageStillHasItsText() throws {
        let t = try Self.text("short_old_news.html")
        #expect(t.includes("prices for its AI accelerators will rise ten percent"))
        #expect(!t.includes("World"), "the link column is navigation")
    }

    @Test func captionsAndTeasersAreLeftOutButALinkedParagraphStays() throws {
        let t = try Self.text("teasers_and_captions.html")
        #expect(t.includes("shared batching across customers"), "one inline link does not drop a paragraph")
        #expect(t.includes("long-context requests"))
        #expect(!t.includes("Racks of accelerators") && !t.includes("Photo: Example Agency"), "a caption and credit are no body text")
        #expect(!t.includes("who charges what") && !t.includes("Why accelerators are getting cheaper"), "teasers are no body text")
    }
}
