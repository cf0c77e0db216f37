import DigestCore
@testable import DigestEncoding
@testable import DigestExtract
import DigestMarkup
import DigestTestSupport
import Foundation
import Testing

/// The one-walk page scan and class search must find exactly what the XPath expressions they
/// replaced found, on our fixture pages and (when `../shared` is present) every corpus page.
struct PageScanTests {
    static let metaKeys = ["og:title", "twitter:title", "author", "article:author", "byl", "dc.creator",
                           "article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date",
                           "description", "content"]

    static func pages() throws -> [URL] {
        let fixtures = TestPaths.fixture("pages")
        var out = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
            .filter { $0.hasSuffix(".html") }.map { fixtures.appendingPathComponent($0) }
        out += Corpus.files("articles") { $0.hasSuffix("source.html") }.map { URL(fileURLWithPath: $0) }
        return out
    }

    static func normalizedOrNil(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }

    @Test func theScanAgreesWithXPathOnEveryPage() throws {
        let pages = try Self.pages()
        #expect(pages.count >= 9)
        for url in pages {
            let data = try Data(contentsOf: url)
            let doc = try #require(MarkupDocument.html(data, encoding: PageCharset.sniff(data)))
            let scan = PageScan(doc)
            let name = url.lastPathComponent
            for k in Self.metaKeys {
                let x = doc.xpath("//meta[@property='\(k)' or @name='\(k)' or @itemprop='\(k)']/@content").first?.textContent
                #expect(scan.metas[k] == x, "\(name): meta \(k)")
            }
            #expect(PageScan.normalized(scan.title) == Self.normalizedOrNil(doc.xpathString("normalize-space(//title)")), "\(name)")
            #expect(PageScan.normalized(scan.h1) == Self.normalizedOrNil(doc.xpathString("normalize-space((//h1)[1])")), "\(name)")
            let byline = "normalize-space((//*[@rel='author' or @itemprop='author' or contains(@class,'byline')])[1])"
            #expect(PageScan.normalized(scan.byline) == Self.normalizedOrNil(doc.xpathString(byline)), "\(name)")
            #expect(scan.timeDatetime == doc.xpath("//time/@datetime").first?.textContent, "\(name)")
            #expect(scan.jsonLD == doc.xpath("//script[@type='application/ld+json']"), "\(name)")
            let bodies = doc.xpath("//*[@itemprop='articleBody'][not(ancestor::*[@itemprop='articleBody'])]")
            #expect(scan.articleBodies == bodies, "\(name)")
            #expect(doc.body == doc.xpath("//body").first, "\(name)")
        }
    }

    @Test func theFixtureExercisesEveryShape() throws {
        let data = try Data(contentsOf: TestPaths.fixture("pages/page_metadata_shapes.html"))
        let doc = try #require(MarkupDocument.html(data, encoding: "UTF-8"))
        let scan = PageScan(doc)
        #expect(scan.metas["og:title"] == "  First   og title  ")  // the first meta with a content
        #expect(scan.metas["author"] == "" && scan.metas["article:author"] == "")
        #expect(PageScan.normalized(scan.title) == "Second Headline | Example Site")
        #expect(PageScan.normalized(scan.h1) == "The Real Headline")
        #expect(PageScan.normalized(scan.byline) == "The Desk")
        #expect(scan.timeDatetime == "2026-10-31T10:00:00Z")
        #expect(scan.jsonLD.count == 2 && scan.articleBodies.count == 2)
        let article = try ArticleExtractor.extract(from: data, source: "page_metadata_shapes.html")
        #expect(article.title == "First og title" && article.byline == "The Desk")
        #expect(article.published.map(RFC3339.string(from:)) == "2026-11-02T08:00:00Z")
        #expect(article.text.contains("First block") && article.text.contains("Second block"))
        #expect(!article.text.contains("Buy now"))
    }

    @Test func classSearchAgreesWithXPathOnEveryPage() throws {
        for url in try Self.pages() {
            let data = try Data(contentsOf: url)
            let doc = try #require(MarkupDocument.html(data, encoding: PageCharset.sniff(data)))
            var lists: [[String]] = [["story-body", "main"], ["main"], ["nope"]]
            // The class lists of the page's first twenty classed divs, as the scorer would ask.
            for div in doc.xpath("(//div[@class])[position() <= 20]") {
                let tokens = (div.attribute("class") ?? "").split(separator: " ").map(String.init)
                if !tokens.isEmpty, tokens.allSatisfy({ !$0.contains("'") }) { lists.append(tokens) }
            }
            for tokens in lists {
                let test = tokens.map { "contains(concat(' ', normalize-space(@class), ' '), ' \($0) ')" }.joined(separator: " and ")
                let found = ContentScorer.elements(in: doc, withClasses: tokens.map { Array($0.utf8) })
                #expect(found == doc.xpath("//*[\(test)]"), "\(url.lastPathComponent): \(tokens)")
            }
        }
    }

    /// The one-pass word finder says what a substring search of every list says, on every class
    /// and id of our pages and on edge cases (words at the ends, overlapping, a bare first byte).
    @Test func classWordsAgreeWithASubstringSearch() throws {
        var values = ["", "n", "nav", "xnav", "navx", "contentnav", "na-v", "\u{6B63}\u{6587}", "\u{6B63}", "mainmenu",
                      "comments-area", "post-body share-bar", "ss", "commentcomment", "aaaaaaaarticle", "jp-relatedposts",
                      "mainmenu-column", "sidebar-content"]
        for url in try Self.pages() {
            let data = try Data(contentsOf: url)
            let doc = try #require(MarkupDocument.html(data, encoding: PageCharset.sniff(data)))
            for n in doc.xpath("//*[@class or @id]") { values += [n.attribute("class"), n.attribute("id")].compactMap { $0 } }
        }
        #expect(values.count > (TestPaths.shared == nil ? 60 : 1000), "classes of our pages, and of the corpus when present")
        for v in values {
            let lower = String(decoding: v.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            var bytes = Array(lower.utf8)
            let found = bytes.withUnsafeMutableBufferPointer { ClassWords.find(in: UnsafeBufferPointer($0)) }
            #expect(found.contains(.positive) == ContentScorer.positive.contains { lower.contains($0) }, "\(v)")
            #expect(found.contains(.negative) == ContentScorer.negative.contains { lower.contains($0) }, "\(v)")
            #expect(found.contains(.unlikely) == ContentScorer.unlikelyWords.contains { lower.contains($0) }, "\(v)")
            #expect(found.contains(.main) == ContentScorer.mainWords.contains { lower.contains($0) }, "\(v)")
        }
    }

    /// Each block's figures put together from its children's (the length index) equal the
    /// figures read from its own text, for every element of every page's body.
    @Test func blockFiguresFromTheIndexEqualAWalkOverTheText() throws {
        var checked = 0
        for url in try Self.pages() {
            let data = try Data(contentsOf: url)
            let doc = try #require(MarkupDocument.html(data, encoding: PageCharset.sniff(data)))
            guard let body = doc.body else { continue }
            let index = LengthIndex(root: body)
            body.forEachDescendantElement { e in
                guard let known = index.byNode[e] else { return }  // inside script or style
                #expect(known.text == TextStats(e), "\(url.lastPathComponent): line \(e.line)")
                checked += 1
            }
        }
        #expect(checked > (TestPaths.shared == nil ? 150 : 10_000), "elements of our pages, and of the corpus when present")
    }

    /// Collapsed length across text runs: spaces at the joins count once, at the ends not at all.
    @Test func collapsedLengthAcrossRuns() throws {
        let cases: [(String, Int)] = [
            ("<p>a b</p>", 3), ("<p> a </p>", 1), ("<p><b>a</b> <i>b</i></p>", 3), ("<p><b>a </b><i> b</i></p>", 3),
            ("<p><b>a</b><i>b</i></p>", 2), ("<p>  <b> </b> a<i>\u{00A0}</i><b> </b>b  </p>", 3),
            ("<p><b> </b></p>", 0), ("<p>\u{3000}中，文、<script>x y</script>字</p>", 5),
        ]
        for (html, expected) in cases {
            let doc = try #require(MarkupDocument.html(Data(html.utf8), encoding: "UTF-8"))
            let p = try #require(doc.body?.firstElement(named: "p"))
            #expect(TextStats(p).collapsedLength == expected, "\(html)")
            #expect(LengthIndex(root: p).byNode[p]?.text == TextStats(p), "\(html)")
        }
    }
}

/// Blocks that score the same on one line (a minified page): the earlier one wins, in every
/// process (the choice once followed the hash order of the nodes, which changes per process).
struct TieBreakTests {
    @Test func documentOrderDecidesNotLinesOrHashing() throws {
        let html = try Data(contentsOf: TestPaths.fixture("pages/equal_blocks_one_line.html"))
        let doc = try #require(MarkupDocument.html(html, encoding: "UTF-8"))
        var blocks: [MarkupNode] = []
        doc.body?.forEachDescendantElement { if $0.isNamed("p") { blocks.append($0) } }
        try #require(blocks.count == 3)
        #expect(blocks[0].line == blocks[2].line, "the page is one line")
        #expect(blocks[0].precedes(blocks[1]) && blocks[1].precedes(blocks[2]) && blocks[0].precedes(blocks[2]))
        #expect(!blocks[1].precedes(blocks[0]) && !blocks[0].precedes(blocks[0]))
        #expect(doc.body!.precedes(blocks[0]), "an ancestor comes first")
    }

    @Test func theSameArticleInEveryProcess() throws {
        var outputs = Set<String>()
        for _ in 0..<8 {
            let r = try CLI.run(["extract", TestPaths.fixture("pages/equal_blocks_one_line.html").path, "--json"])
            #expect(r.status == 0)
            outputs.insert(r.stdout)
        }
        #expect(outputs.count == 1, "\(outputs.count) different articles")
        #expect(outputs.first?.contains("\"html\" : \"<p>alpha") == true)
    }
}
