import DigestCore
@testable import DigestMarkup
import Foundation
import Testing

/// White-space collapsing and text taken while sanitizing agree with plain rewrites.
struct TextRunTests {
    @Test func collapseMatchesAPlainRewrite() {
        var rng = SplitMix(seed: 23)
        let parts = [" ", "  ", "\t", "\n", "\u{A0}", "\u{2009}", "\u{3000}", "\u{FEFF}", "a", "中", "e\u{301}", "\u{2014}", "x y"]
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 6) { s += parts[Int(rng.next() % UInt64(parts.count))] }
            let expected = s.unicodeScalars.split(whereSeparator: { [9, 10, 11, 12, 13, 32, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF].contains($0.value) || (0x2000...0x200A).contains($0.value) })
                .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
            #expect(HTMLText.collapse(s) == expected, "\(s.debugDescription)")
        }
    }

    /// The text taken while sanitizing is the text `HTMLText.plainText` (libxml2's tree, walked)
    /// reads back from the output, on
    /// generated tag soup (blocks, cells, breaks, pre, entities, dropped and unknown elements,
    /// CJK and spaces) read as a fragment and as XHTML children.
    @Test func textTakenWhileSanitizingIsTheTextOfTheOutput() throws {
        var rng = SplitMix(seed: 47)
        let parts = ["<p>", "</p>", "<div>", "</div>", "<br>", "<pre>", "</pre>", "\n", "  ", " ", "\t", "<td>", "</td>", "<th>x</th>",
                     "<table><tr><td>a</td><td>b</td></tr></table>", "<li>", "<ul>", "</ul>", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;",
                     "<script>s()</script>", "<b>", "</b>", "<span>", "<x-y>", "</x-y>", "<img src=\"i.png\">", "<a href=\"/a\">", "</a>",
                     "word", "中文，", "。", "\u{3000}", "<blockquote>", "</blockquote>", "<figcaption>", "<hr>", "<h2>", "</h2>", "<!-- c -->"]
        var xhtml = 0
        for _ in 0..<3_000 {
            var html = ""
            for _ in 0..<Int(rng.next() % 12) { html += parts[Int(rng.next() % UInt64(parts.count))] }
            let both = HTMLSanitizer.sanitizeWithText(html, baseURL: "https://example.org/")
            let alone = HTMLSanitizer.sanitize(html, baseURL: "https://example.org/")
            #expect(both.html == alone, "\(html.debugDescription)")
            #expect(both.text == HTMLText.plainText(alone), "\(html.debugDescription)")
            // The same markup as children of an XHTML element, where it is well-formed.
            if let doc = try? MarkupDocument.xml(Data(("<div>" + html + "</div>").utf8)), !doc.recovered, let root = doc.root {
                xhtml += 1
                let x = HTMLSanitizer.sanitizeWithText(childrenOf: root, baseURL: "https://example.org/")
                #expect(x.html == HTMLSanitizer.sanitize(childrenOf: root, baseURL: "https://example.org/"), "\(html.debugDescription)")
                #expect(x.text == HTMLText.plainText(x.html), "\(html.debugDescription)")
            }
        }
        #expect(xhtml > 100, "\(xhtml) well-formed as XHTML")
    }

    @Test func sanitizedTextRunsMatchAPlainRewrite() {
        // Paragraphs copies runs of visible bytes whole; CJK punctuation shares lead bytes with
        // white space (U+3000, U+FEFF) and must still read as one visible character.
        var rng = SplitMix(seed: 37)
        let parts = [" ", "  ", "\n", "\t", "\u{A0}", "\u{3000}", "\u{FEFF}", "\u{2009}", "a", "中", "，", "。", "「", "：", "\u{1}", "x y", "\u{2014}"]
        for _ in 0..<5_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 8) { s += parts[Int(rng.next() % UInt64(parts.count))] }
            #expect(HTMLText.plainText(HTMLSanitizer.escapeText(s)) == HTMLText.collapse(s), "\(s.debugDescription)")
        }
    }
}
