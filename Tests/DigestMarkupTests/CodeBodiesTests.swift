import CLibXML2
import DigestCore
@testable import DigestMarkup
import DigestTestSupport
import Foundation
import Testing

/// `CodeBodies`, the speed trick that cuts script, style and comment text before libxml2 reads a
/// page: the tree parsed from the cut bytes is the tree parsed from the page, less that text. Checked
/// on thousands of generated pages built from the markup libxml2 reads in its own ways, and on
/// every page of the article corpora.
struct CodeBodiesTests {
    /// Pieces of markup, each a case libxml2's HTML parser reads in a way of its own.
    static let pieces = [
        "<p>Plain text, with a comma.</p>", "<div class=\"a\">", "</div>", "<span>", "</span>",
        "<script>var a = \"<p>x</p>\"; if (a < b) {}</script>",
        "<SCRIPT type=\"text/javascript\">if (a<b) { c(); }</SCRIPT>",
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>",
        "<script type='application/json'>{\"a\": \"<b>\"}</script>",
        "<style>p { color: red }</style>", "<Style media='x>y'>a > b {}</stYle >",
        "<!-- <script>hidden()</script> -->", "<!--><script>y()</script>-->", "<!--->x<script>y()</script>-->",
        "<!---->", "<!-- a --!> b", "<!-- unterminated <script>z()</script>",
        "<?php echo \"<script>\" ?>", "<? x>", "<?>", "<!DOCTYPE html>",
        "<!doctype html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x>y\">", "<!DOCTYPE x \"unpaired>",
        "<p title='<script>x()</script>'>t</p>", "<p title=<script>x()</script>>t</p>", "<img alt=\"a\" src=x/>",
        "<div a\"b=c>q</div>", "<div data-x='\"'>", "<p title=\"open", "<script/>after",
        "<script></script>", "<script></p>not code</script>", "<script><p>x</p></script>", "<script><noscript>n</noscript></script>",
        "<script><!-- old(); //--></script>", "<script>a()</scriptx>b()</script>", "<script>unterminated()",
        "<style>", "<script>x()</script", "</ p>", "<_x>", "a < b", "<!x>", "<textarea><script>t()</script></textarea>",
        "<title>T<script>s()</script></title>", "<noscript><p>n</p></noscript>", "&lt;script&gt;", "<a href=\"x\">link</a>",
        "<p>中文<script>s()</script>文本</p>", "<script src=\"a.js\"></script>", "<script >code()</script >",
        "<script>document.write('<script><\\/script>')</script>", "<scriptx>not code</scriptx>", "<script\tsrc=x>y()</script>",
        "<style>/* </styles> */ b {}</style>", "<script  data-json-mode=1>kept()</script>", "\u{0}",
        "<html><head>", "</head><body>", "<body class=x>", "</body></html>", "\n  ", "<br/>", "<p>",
    ]

    @Test func generatedPagesGiveTheSameTreeLessTheCode() throws {
        var rng = SplitMix(seed: 2026)
        var cutPages = 0
        for n in 0..<3000 {
            let count = Int.random(in: 1...14, using: &rng)
            let page = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            if try Self.compare(Array(page.utf8), label: "generated page \(n): \(page)") { cutPages += 1 }
        }
        #expect(cutPages > 1000, "the trick cut only \(cutPages) of 3000 pages")
    }

    @Test func everyCorpusPageGivesTheSameTreeLessTheCode() throws {
        let pages = Corpus.pages
        try #require(!pages.isEmpty || TestPaths.shared == nil, "no article pages found")
        var cut = 0
        for page in pages {
            let data = try Data(contentsOf: URL(fileURLWithPath: page))
            guard let utf8 = String(validating: data, as: UTF8.self) else { continue }  // read another way
            if try Self.compare(Array(utf8.utf8), label: page) { cut += 1 }
        }
        if TestPaths.shared != nil { #expect(cut * 2 > pages.count, "only \(cut) of \(pages.count) pages were cut") }
    }

    @Test func cutsOnlyTheCodeText() throws {
        let page = "<p>a</p><script>var x = 1;</script><style>p{}</style><script type=\"application/ld+json\">{}</script>"
        let cut = try #require(Array(page.utf8).withUnsafeBytes { CodeBodies.removed(from: $0) })
        #expect(String(decoding: cut, as: UTF8.self) == "<p>a</p><script></script><style></style><script type=\"application/ld+json\">{}</script>")
        let commented = try #require(Array("<!-- a <b> --><p>x</p><!----><!-- c --!>".utf8).withUnsafeBytes { CodeBodies.removed(from: $0) })
        #expect(String(decoding: commented, as: UTF8.self) == "<!----><p>x</p><!----><!----!>")
        // Where the walk is unsure, nothing after it is cut.
        let unsure = "<!-- open <p>a</p><script>var x = 1;</script>"
        #expect(Array(unsure.utf8).withUnsafeBytes { CodeBodies.removed(from: $0) } == nil)
    }

    /// Parses `bytes` as they are and cut; true when something was cut.
    static func compare(_ bytes: [UInt8], label: String) throws -> Bool {
        let cut = bytes.withUnsafeBytes { CodeBodies.removed(from: $0) }
        let plain = try #require(MarkupDocument.html(utf8: Data(bytes)), "\(label): no tree")
        let fast = try #require(MarkupDocument.html(utf8: Data(bytes), withoutCode: true), "\(label): no tree")
        let (a, b) = (dump(plain), dump(fast))
        #expect(a == b, "\(label)\nplain: \(a)\ncut:   \(b)")
        if let cut { #expect(cut.count < bytes.count, "\(label): nothing cut") }
        return cut != nil
    }

    /// The tree as text: every node's kind, name, attributes and text; the text inside script
    /// and style elements only where an attribute mentions JSON (what the trick keeps).
    static func dump(_ doc: MarkupDocument) -> String {
        var out = ""
        func walk(_ first: xmlNodePtr?) {
            var n = first
            while let cur = n {
                let node = MarkupNode(cur)
                switch cur.pointee.type {
                case XML_ELEMENT_NODE:
                    let attrs = node.attributes { _ in true }
                    out += "<\(node.name)" + attrs.map { " \($0.name)=\($0.value)" }.joined() + ">"
                    let json = attrs.contains { ($0.name + $0.value).lowercased().contains("json") }
                    if !node.isCode || json { walk(cur.pointee.children) }
                    out += "</\(node.name)>"
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: out += "T(\(node.rawText))"
                case XML_COMMENT_NODE: out += "C"  // comment text is cut too
                default: out += "?\(cur.pointee.type.rawValue)(\(node.rawText))"
                }
                n = cur.pointee.next
            }
        }
        walk(doc.doc.pointee.children)
        return out
    }
}
