@testable import DigestBytes
import DigestCore
import DigestExtract
import DigestParse
import DigestTestSupport
import Foundation
import Testing

/// Article pages of every shape we met: 36Kr's (embedded state, encrypted state, WAF challenge),
/// clutter inside articles, split articles, archives, Chinese dates and bylines. Fixtures are ours.
struct PageSourceTests {
    static func page(_ name: String) throws -> Data { try Data(contentsOf: TestPaths.fixture("pages/\(name)")) }

    @Test func krArticleStateIsTheArticle() throws {
        let a = try ArticleExtractor.extract(from: try Self.page("kr36_article_state.html"), source: "kr",
                                             url: "https://36kr.com/p/1")
        #expect(a.title == "OpenRouter周榜：中国模型领先")
        #expect(a.byline == "36氪研究院")
        #expect(a.text == "中国模型周调用量为12.96万亿Token，周环比上涨31.48%。\n\n美国模型周调用量为3.03万亿Token。")
        #expect(a.language == "zh")
    }

    @Test func encryptedStateAndChallengePagesFailClearly() throws {
        do {
            _ = try ArticleExtractor.extract(from: try Self.page("kr36_challenge.html"), source: "https://36kr.com/p/2",
                                             url: "https://36kr.com/p/2")
            Issue.record("a challenge page was accepted")
        } catch let e as ExtractError {
            #expect(e.message == "extract: https://36kr.com/p/2: 36kr.com answered with a challenge page, not the article")
            #expect(e.exitStatus == .badInput)
        }
        #expect(throws: ExtractError.self) {
            try ArticleExtractor.extract(from: try Self.page("kr36_article_encrypted.html"), source: "kr", url: "https://36kr.com/p/3")
        }
    }

    @Test func clutterInsideTheArticleIsLeftOut() throws {
        let a = try ArticleExtractor.extract(from: try Self.page("article_with_clutter.html"), source: "article_with_clutter.html")
        #expect(a.text.includes("12.96T tokens") && a.text.includes("27T tokens"))
        #expect(a.text.includes("five weeks in a row"), "a \"read-more\" class is not an ad")
        for clutter in ["Share on Facebook", "Advertisement", "Earlier: OpenRouter", "Most read", "Home"] {
            #expect(!a.text.includes(clutter), "\(clutter) is clutter")
            #expect(!a.html.includes(clutter), "\(clutter) is clutter in the HTML too")
        }
    }

    @Test func anArticleSplitIntoBlocksOfOneClassIsReadWhole() throws {
        let a = try ArticleExtractor.extract(from: try Self.page("article_split_blocks.html"), source: "article_split_blocks.html")
        for part in ["$0.30 per million input tokens", "27T tokens", "long-context tiers"] {
            #expect(a.text.includes(part), "\(part) is part of the article")
        }
        #expect(a.text.range(of: "$0.30")!.lowerBound < a.text.range(of: "long-context")!.lowerBound, "in reading order")
        for clutter in ["Advertisement", "Privacy", "Home"] { #expect(!a.text.includes(clutter)) }
    }

    @Test func aBlogArchivePageGivesItsFirstPost() throws {
        let a = try ArticleExtractor.extract(from: try Self.page("blog_archive_posts.html"), source: "blog_archive_posts.html")
        #expect(a.text.includes("日均Token调用量突破30万亿"))
        #expect(!a.text.includes("二十七万亿"), "the second post is another article")
        #expect(!a.text.includes("发表评论"))
    }

    /// A Chinese page without a date in its metadata prints one near its headline: read as China
    /// time; archive links, copyright years and dates after the article are no publication date.
    @Test func chineseDateTextNearTheHeadlineIsThePublicationDate() throws {
        let a = try ArticleExtractor.extract(from: try Self.page("zh_date_in_text.html"), source: "zh_date_in_text.html")
        #expect(a.published.map(RFC3339.string(from:)) == "2022-02-12T20:22:18Z")
        #expect(a.text.hasPrefix("据平台披露"))
        let forms: [(String, String?)] = [
            ("<p>2004年10月21日14:18 作者：郭励弘</p>", "2004-10-21T06:18:00Z"),
            ("<p>发表于 2005-9-15 11:46:00</p>", "2005-09-15T03:46:00Z"),
            ("<p>日期：2003/7/24 钱江晚报</p>", "2003-07-23T16:00:00Z"),  // a labelled date without a time
            ("<p>2003-7-24 钱江晚报</p>", nil),  // no time, no label
            ("<p>《北京之春》1996年6月号</p>", nil),  // a month is no date
        ]
        let body = "<div class=\"content\"><p>" + String(repeating: "大模型的调用量继续增长，厂商扩大投入。", count: 8) + "</p></div>"
        for (line, expected) in forms {
            let html = "<html><head><meta charset=\"utf-8\"></head><body>\(line)\(body)</body></html>"
            let a = try ArticleExtractor.extract(from: Data(html.utf8), source: "inline")
            #expect(a.published.map(RFC3339.string(from:)) == expected, "\(line)")
        }
    }

    /// A Chinese page without an author in its metadata names one in its text; a profile URL or
    /// an id in the author meta tag is no byline.
    @Test func chineseBylineTextAndImplausibleAuthorMetas() throws {
        let body = "<p>" + String(repeating: "大模型的调用量继续增长，厂商扩大投入。", count: 8) + "</p>"
        let forms: [(head: String, text: String, expected: String?)] = [
            ("", "<p>时间：2004年10月21日14:18 作者：郭励弘</p>", "郭励弘"),
            ("", "<p>光明日报记者 王建宏 张文攀</p>", "王建宏 张文攀"),
            ("", "<p><b>本报记者罗科苏盈发自北京</b></p>", "罗科苏盈"),
            ("", "<p>执笔人：闵乐夫 赵兰波 刘韬</p>", "闵乐夫 赵兰波 刘韬"),
            ("", "<p><a href=\"/x\">记者调查</a> <a href=\"/y\">记者江湖</a></p><p>记者调查发现，价格仍在下降。</p>", nil),
            ("<meta name=\"author\" content=\"L_104485\">", "<p>□ 本报记者 葛灵丹</p>", "葛灵丹"),
            ("<meta name=\"author\" content=\"https://www.facebook.com/someone\">", "", nil),
            ("<meta name=\"author\" content=\"李楠\">", "<p>记者 王小明</p>", "李楠"),
        ]
        for f in forms {
            let html = "<html><head><meta charset=\"utf-8\">\(f.head)</head><body>\(f.text)<div class=\"content\">\(body)</div></body></html>"
            let a = try ArticleExtractor.extract(from: Data(html.utf8), source: "inline")
            #expect(a.byline == f.expected, "\(f.text)")
        }
    }

    /// A photo gallery embedded in the article (its captions are long prose) is no part of it.
    @Test func anEmbeddedGalleryIsLeftOut() throws {
        let para = "<p>Hotel owners told an online thread what guests never see, from towels to minibars, and why it matters to travellers.</p>"
        let caption = "<li><h2>1/50 Pier for sale</h2><p>The pier has been put up for sale by its owner as the group looks to restructure its operations, asking about twelve million.</p></li>"
        let html = """
            <html><body><article><div class="story-body">\(para)\(para)
            <div class="full-gallery"><h2 class="gallery-title">Business news in pictures</h2>
            <ul class="legends">\(String(repeating: caption, count: 6))</ul></div>
            \(para)\(para)</div></article></body></html>
            """
        let a = try ArticleExtractor.extract(from: Data(html.utf8), source: "gallery")
        #expect(a.text.contains("Hotel owners"))
        #expect(!a.text.contains("Pier for sale") && !a.text.contains("Business news in pictures"))
    }

    /// A byte that does not decode costs one U+FFFD, not the rest of the page (libxml2 alone
    /// stops converting at the first such byte).
    @Test func anUndecodableByteInAGB2312PageCostsOneCharacter() throws {
        let a = try ArticleExtractor.extract(from: try Self.page("gb2312_undecodable_byte.html"), source: "gb")
        #expect(a.text.components(separatedBy: "段：").count - 1 == 6)
        #expect(a.text.contains("\u{FFFD}"))
        #expect(a.text.hasSuffix("第6段：国内大模型的日均调用量持续攀升，厂商纷纷下调推理价格，企业客户加速把业务迁移到大模型平台上。"))
    }

    /// A lead and first paragraphs outside the "read more" wrapper that holds the rest: the
    /// block above both scores higher, so the article is all of it (Readability's climb).
    @Test func theLeadOutsideAReadMoreWrapperIsKept() throws {
        func para(_ i: Int) -> String {
            "<p>Paragraph \(i) of the story, long enough to count as prose, with a clause, another clause, and a full stop.</p>"
        }
        let html = """
            <html><body><div class="page"><div class="story-body">
            <div class="story-intro"><p><strong>The lead of the story says what happened, to whom, and why it matters.</strong></p></div>
            \(para(1))\(para(2))\(para(3))
            <div id="read-more"><div id="read-more-link"><a href="#">Read more</a></div>
            <div id="read-more-content">\((4...15).map(para).joined())</div></div>
            </div></div></body></html>
            """
        let a = try ArticleExtractor.extract(from: Data(html.utf8), source: "read-more")
        #expect(a.text.hasPrefix("The lead of the story"))
        #expect(a.text.contains("Paragraph 1 ") && a.text.contains("Paragraph 15 "))
    }

    /// A related-posts block inside the post ("jp-relatedposts": "related" and "post" balance
    /// the class weight) is clutter; an editor's image wrapper whose weight balances ("widget",
    /// "context") is not: only Readability's unlikely words decide.
    @Test func relatedPostsInsideThePostAreLeftOut() throws {
        let para = "<p>The survey asked developers what they use and love, with a clause, another clause, and a full stop.</p>"
        let html = """
            <html><body><article class="post"><div class="entry-content">\(para)\(para)
            <div class="dnd-widget-wrapper context-sdl_editor_representation type-image"><div class="image"><p>Caption of the photo in the story, kept with it.</p></div></div>
            \(para)\(para)
            <div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3>
            <div class="jp-relatedposts-post"><p>Another post from this blog about a survey of developers, published in March of that year.</p></div></div>
            </div></article></body></html>
            """
        let a = try ArticleExtractor.extract(from: Data(html.utf8), source: "related")
        #expect(a.text.contains("The survey asked") && a.text.contains("Caption of the photo"))
        #expect(!a.text.contains("Another post from this blog") && !a.text.contains("Related"))
    }

    /// Blocks of one story in wrappers of their own, none a sibling of another: when three or
    /// more score close to the best, their shared ancestor is the article (Readability's rule).
    @Test func closeScoringBlocksUnderOneAncestorAreOneArticle() throws {
        func part(_ k: Int) -> String {
            let ps = (1...5).map { "<p>Part \(k) paragraph \($0) of the story, with a clause, another clause, and a full stop.</p>" }
            return "<div class=\"col\"><div class=\"part-\(k)\">\(ps.joined())</div></div>"
        }
        let html = "<html><body><div class=\"story\">\((1...4).map(part).joined())</div></body></html>"
        let a = try ArticleExtractor.extract(from: Data(html.utf8), source: "parts")
        #expect((1...4).allSatisfy { a.text.contains("Part \($0) paragraph 1 ") })
    }
}
