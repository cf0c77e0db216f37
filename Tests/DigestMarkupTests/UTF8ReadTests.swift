import CLibXML2
@testable import DigestEncoding
@testable import DigestExtract
@testable import DigestMarkup
@testable import DigestParse
import DigestTestSupport
import Foundation
import Testing

/// HTML known to be UTF-8 (a String's bytes, a page we decoded) is read in place: no encoding
/// named, the page's own declarations ignored. The tree must be the one libxml2 builds when it
/// is told "UTF-8" (and copies every byte through its converter), as it was before.
struct UTF8ReadTests {
    /// The document's tree serialized, read the old way (`named`) or the new one.
    static func tree(_ bytes: [UInt8], named: Bool) -> String? {
        bytes.withUnsafeBytes { raw -> String? in
            let doc = named
                ? MarkupDocument.html(raw, encoding: "UTF-8", url: nil, options: MarkupDocument.lenientHTMLOptions)
                : MarkupDocument.html(raw, encoding: nil, url: nil, options: MarkupDocument.utf8HTMLOptions)
            guard let root = doc?.root else { return nil }
            var out = ""
            withExtendedLifetime(doc) { dump(root, into: &out) }  // the nodes are the document's
            return out
        }
    }

    /// Every node's type, name, attributes and text, as stored (no serializer's choices, which
    /// differ with the document's encoding: `&#x1F600;` in attributes when none is named).
    static func dump(_ node: MarkupNode, into out: inout String) {
        let type = node.ptr.pointee.type
        out += "(\(type.rawValue) \(node.name)"
        if node.isElement {
            for (k, v) in node.attributes(where: { _ in true }) { out += " \(k)=\(v.debugDescription)" }
            node.forEachChildNode { dump($0, into: &out) }
        } else if type != XML_ENTITY_REF_NODE {  // an entity reference's children are the entity's
            out += " " + node.withRawTextBytes { String(decoding: $0, as: UTF8.self) }.debugDescription
        }
        out += ")"
    }

    static func fragmentPage(_ html: String) -> [UInt8] {
        MarkupDocument.fragmentHead + Array(html.utf8) + MarkupDocument.fragmentTail
    }

    /// A fragment's page without a document type reads as it did with `<!DOCTYPE html>`.
    @Test func fragmentsReadAsWithADocumentType() throws {
        var fragments = ["<p>x</p>", "<!DOCTYPE html><p>x</p>", "<title>t</title><p>x", "<meta charset=x><style>s</style>y",
                         "<html><body><p>nested</p></body></html>", "text <b>b", "<head><p>h</p></head>", "</body>after", "<frameset>"]
        for path in Corpus.feeds {
            let feed = try FeedParser.parse(try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
            fragments += feed.items.flatMap { [$0.summaryHTML, $0.contentHTML] }.compactMap { $0 }.filter { $0.contains("<") }
        }
        for f in fragments {
            let old = Array("<!DOCTYPE html>".utf8) + Self.fragmentPage(f)
            let then = old.withUnsafeBytes { MarkupDocument.html($0, encoding: nil, url: nil, options: MarkupDocument.utf8HTMLOptions) }
            let now = try #require(MarkupDocument.htmlFragment(f))
            var a = "", b = ""
            withExtendedLifetime((then, now)) {
                if let r = then?.root { Self.dump(r, into: &a) }
                if let r = now.root { Self.dump(r, into: &b) }
            }
            #expect(a == b, "\(f.prefix(80))")
        }
    }

    @Test func awkwardFragmentsReadAsWhenNamedUTF8() {
        let long = String(repeating: "中文内容，还有更多的文字。", count: 2_000)  // past libxml2's 4 KB reads
        let fragments = [
            "<p>plain</p>", "<p>a\u{0}b</p>", "\u{FEFF}<p>x</p>", "<p>\u{FEFF}x</p>", "<p>\u{FFFE}\u{FFFF}</p>",
            "<p>line\r\nline\rline</p>", "<meta charset=\"gbk\"><p>中文</p>", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">é",
            "<p>é&eacute;&#0;&#xD800;&#x10FFFF;</p>", "<p>\(long)</p>", "<b>\(long)<i>x", "<ÿ>ÿ</ÿ>", "<p title=\"\u{1F600}\">😀</p>",
            "\u{85}\u{2028}\u{3000}", "<![CDATA[x]]><!-- é -->", "<p>\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}</p>",
        ]
        for f in fragments {
            let page = Self.fragmentPage(f)
            #expect(Self.tree(page, named: true) == Self.tree(page, named: false), "\(f.prefix(60))")
        }
    }

    @Test func fixturePagesReadAsWhenNamedUTF8() throws {
        let dir = TestPaths.root.appendingPathComponent("Tests/Fixtures/pages")
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 5)
        for name in pages {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let utf8 = try #require(Charset.utf8(data, from: "UTF-8")).bytes
            #expect(Self.tree([UInt8](utf8), named: true) == Self.tree([UInt8](utf8), named: false), "\(name)")
        }
    }

    @Test func corpusPagesAndFragmentsReadAsWhenNamedUTF8() throws {
        let pages = Corpus.files("articles") { $0.hasSuffix("source.html") }
        let feeds = Corpus.feeds
        guard TestPaths.shared != nil else {
            print("UTF8ReadTests: ../shared absent, corpus pages not compared")
            return
        }
        #expect(pages.count > 50 && feeds.count > 100)
        for page in pages {
            let data = try Data(contentsOf: URL(fileURLWithPath: page))
            let encoding = PageCharset.sniff(data) ?? "UTF-8"
            guard let utf8 = Charset.utf8(data, from: encoding)?.bytes else { continue }
            #expect(Self.tree([UInt8](utf8), named: true) == Self.tree([UInt8](utf8), named: false), "\(page)")
        }
        var compared = 0
        for path in feeds {
            let feed = try FeedParser.parse(try Data(contentsOf: URL(fileURLWithPath: path)), source: path)
            for html in feed.items.flatMap({ [$0.summaryHTML, $0.contentHTML] }).compactMap({ $0 }) where html.contains("<") {
                compared += 1
                let page = Self.fragmentPage(html)
                #expect(Self.tree(page, named: true) == Self.tree(page, named: false), "\(path): \(html.prefix(100))")
            }
        }
        #expect(compared > 100)
    }

    /// Every fixture and corpus feed, after the preflight (the bytes libxml2 is given).
    static func preflightedFeeds() throws -> [(String, XMLPreflight)] {
        let fixtures = TestPaths.root.appendingPathComponent("Tests/Fixtures/feeds")
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { !$0.hasSuffix(".json") }
        return try (names.map { fixtures.appendingPathComponent($0).path } + Corpus.feeds).map { path in
            (path, XMLPreflight(try Data(contentsOf: URL(fileURLWithPath: path)), charset: nil))
        }
    }

    /// Feeds the preflight found (or made) valid UTF-8 are read in place too: the same tree as
    /// when libxml2 is told "UTF-8", recovered or not alike.
    @Test func feedsReadAsWhenNamedUTF8() throws {
        var compared = 0
        for (path, pre) in try Self.preflightedFeeds() {
            guard pre.validUTF8 else { continue }
            compared += 1
            let named = try? MarkupDocument.xml(pre.data, encoding: "UTF-8")
            let inPlace = try? MarkupDocument.xml(pre.data, encoding: "UTF-8", validUTF8: true)
            #expect(named?.recovered == inPlace?.recovered, "\(path)")
            var a = "", b = ""
            withExtendedLifetime((named, inPlace)) {  // the nodes are the documents'
                if let r = named?.root { Self.dump(r, into: &a) }
                if let r = inPlace?.root { Self.dump(r, into: &b) }
            }
            #expect(a == b, "\(path)")
        }
        #expect(compared > (TestPaths.shared == nil ? 10 : 150), "\(compared) feeds compared")
    }
}
