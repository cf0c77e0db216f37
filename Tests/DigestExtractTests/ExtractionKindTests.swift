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

    /// An `<article>` element says where the article is, as a class word would: a sidebar panel's one
    /// long paragraph in a div called "content" does not win over it.
    @Test func theArticleElementBeatsAContentPanel() throws {
        let t = try Self.text("article_element_beside_content_panel.html")
        #expect(t.includes("cheapest open models now cost less than a dime") && t.includes("providers charge a premium"))
        #expect(!t.includes("print edition"), "the panel is no article")
    }

    /// A table cell that holds divs is page layout: its text (comments included) is not scored as
    /// one paragraph, so the post inside it wins, not the whole row of the table.
    @Test func aLayoutCellIsNotAParagraph() throws {
        let t = try Self.text("layout_table_with_comments.html")
        #expect(t.includes("The price of a million output tokens fell by half") && t.includes("priced honestly"))
        #expect(!t.includes("Essays on systems") && !t.includes("Archives:"), "the menu and side cells are no article")
        #expect(!t.includes("Posted by"), "the comments are no article")
    }

    /// A block that opens with a "Comments" heading is the readers' thread, whatever its class
    /// (here the same "post" class as the article's), and one under "About the author" is a bio:
    /// neither is scored or kept.
    @Test func aThreadUnderACommentsHeadingIsNoArticle() throws {
        let t = try Self.text("comments_under_a_heading.html")
        #expect(t.includes("the bill for those tokens fell by half") && t.includes("nobody noticed"))
        #expect(!t.includes("Great write-up") && !t.includes("posted on"), "the comments are no article")
        #expect(!t.includes("Jane Example runs infrastructure"), "the author's bio is no article")
        #expect(!t.includes("TrackBack URL"), "trackbacks are the blog's thread machinery")
    }

    /// An author box named as one ("author-bio", "author_info", "about-author") is left out like
    /// any other clutter block.
    @Test func anAuthorBoxIsNoArticle() throws {
        let t = try Self.text("author_box.html")
        #expect(t.includes("Prices for output tokens fell again in November") && t.includes("serve most traffic"))
        #expect(!t.includes("network engineer"), "the author's bio is no article")
    }

    /// A list set between the article's paragraphs whose items say something beside their links
    /// ("Alpha Large, output tokens, per million – $8") is part of the article, however much of it
    /// is linked — so are a paragraph's numbered lines of links after one that introduces them
    /// ("The pages we read:"); a tag list and a menu, whose items are links only, are not.
    @Test func aListOfAnnotatedLinksInsideTheProseIsArticle() throws {
        let t = try Self.text("list_in_prose.html")
        #expect(t.includes("Alpha Large, output tokens, per million – $8") && t.includes("See Gamma Flash")
                && t.includes("Delta Mini"), "the list between the paragraphs is the article's")
        #expect(t.includes("cached input tokens"))
        #expect(t.includes("2. Beta model pricing page") && t.includes("4. Delta model pricing page"), "the introduced lines are the article's")
        #expect(!t.includes("Pricing\n") && !t.includes("Older post") && !t.includes("models"), "menus and tags are not")
    }

    /// A panel of links beside the story, in a block whose class names "content" and whose
    /// template indents every link with lines of white space: it joins the article neither for
    /// its class word (only a block of the story's own class gets the sibling bonus, as in
    /// Readability) nor for its score (white space is no text when link density is measured).
    @Test func aLinkPanelBesideTheStoryIsNoArticle() throws {
        let t = try Self.text("link_panel_beside_story.html")
        #expect(t.includes("In market 3, the price of output tokens fell by 13%") && t.includes("Cached input tokens"))
        #expect(!t.includes("Other story number"), "the panel of links is no article")
    }

    @Test func headingsOfBoxesBesideThePostAreNoArticle() throws {
        let t = try Self.text("beside_headings_in_post.html")
        #expect(t.includes("$0.42 from $0.61") && t.includes("rewriting the scheduler"))
        #expect(!t.includes("Related posts worth a look") && !t.includes("Leave a Reply"), "headings over related links and the reply form")
    }
}
