@testable import DigestMarkup
import Foundation
import Testing

/// The allow-list sanitizer: scripts, handlers and bad URLs go; names of any case find their rules.
struct SanitizerTests {
    @Test func dropsScriptsHandlersAndBadURLs() {
        let html = "<p onclick=\"x()\">Hi <script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>"
            + "<img src=\"data:image/png;base64,AAA\"><img src=\"data:text/html,x\"><iframe src=\"/e\"></iframe>"
            + "<a href=\"/rel\">r</a><span style=\"width:expression(alert(1))\">s</span></p>"
        let out = HTMLSanitizer.sanitize(html, baseURL: "https://example.org/a/")
        #expect(!out.contains("script"))
        #expect(!out.contains("onclick"))
        #expect(!out.contains("javascript"))
        #expect(!out.contains("iframe"))
        #expect(!out.contains("expression"))
        #expect(!out.contains("data:text"))
        #expect(out.contains("<img src=\"data:image/png;base64,AAA\">"))
        #expect(out.contains("<a href=\"https://example.org/rel\" rel=\"noopener nofollow\">r</a>"))
    }

    @Test func svgAndMathMLKeepOnlyTheirText() {
        let html = "<p>Sum: <math><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow></math></p>"
            + "<svg onload=\"x()\"><title>Token chart</title><script>alert(1)</script><circle r=\"5\"/></svg>"
        let out = HTMLSanitizer.sanitize(html)
        #expect(out == "<p>Sum: a+b</p>Token chart")
    }

    /// XHTML (Atom content) keeps its names' case in libxml2's tree: rules and attributes are
    /// found whatever the case, long names (blockquote, figcaption) and non-ASCII ones too.
    @Test func xhtmlNamesOfAnyCaseFindTheirRules() throws {
        let xml = "<div><A HREF=\"/r\" TiTle=\"t\" OnClick=\"x()\">a</A><IMG ALT=\"no source\"/><Img Src=\"i.png\" WIDTH=\"2\"/>"
            + "<BlockQuote CITE=\"javascript:x\" class=\"c\">q</BlockQuote><FIGCAPTION>f</FIGCAPTION><ScRiPt>bad()</ScRiPt>"
            + "<SVG><TITLE>chart</TITLE></SVG><Title>page</Title><\u{212A}BD>k</\u{212A}BD><unknownelement>u</unknownelement>"
            + "<TD COLSPAN=\"2\" ROWSPAN=\"x\" colspan=\"3\">cell</TD></div>"
        let doc = try MarkupDocument.xml(Data(xml.utf8))
        let out = HTMLSanitizer.sanitize(childrenOf: try #require(doc.root), baseURL: "https://example.org/")
        #expect(out == "<a href=\"https://example.org/r\" title=\"t\" rel=\"noopener nofollow\">a</a><img src=\"https://example.org/i.png\" width=\"2\">"
            + "<blockquote>q</blockquote><figcaption>f</figcaption>chart<kbd>k</kbd>u<td colspan=\"2\" rowspan=\"x\" colspan=\"3\">cell</td>")
    }

    @Test func obfuscatedSchemesAreStillCaught() {
        for url in ["java\tscript:alert(1)", " JaVaScRiPt:alert(1)", "\u{200B}javascript:alert(1)", "\u{1}vbscript:x",
                    "java\u{00A0}script:x", "data:image/svg+xml;base64,AAA"] {
            #expect(HTMLSanitizer.safeURL(url, base: nil, image: true) == nil, "\(url.debugDescription) must go")
        }
        #expect(HTMLSanitizer.safeURL("\u{FEFF} https://example.org/x \n", base: nil, image: false) == "https://example.org/x")
        #expect(HTMLSanitizer.escapeAttribute("a\"<b>&c") == "a&quot;&lt;b&gt;&amp;c")
        #expect(HTMLSanitizer.escapeText("a\"<b>&c") == "a\"&lt;b&gt;&amp;c")
        #expect(HTMLSanitizer.escapeText("plain 文本") == "plain 文本")
    }
}

/// The sanitizer's packed rule table finds, for every element name in any case, the rule the
/// plain dictionary has.
struct SanitizerTableTests {
    @Test func packedLookupsEqualThePlainDictionary() throws {
        var names = Array(HTMLSanitizer.rules.keys) + ["x-y", "unknownelement", "custom", "p2", "h7", "ab", "k\u{212A}", "é"]
        names += names.map { $0.uppercased() } + names.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        for name in names {
            let lower = name.lowercased()
            let plain = HTMLSanitizer.rules[lower]
            let packed = HTMLSanitizer.rule(named: lower)
            #expect((packed == nil) == (plain == nil), "\(name)")
            if let p = plain, let r = packed {
                #expect(r.allowed == p.allowed && r.dropped == p.dropped && r.void == p.void, "\(name)")
                let kept = r.attributes.map { a in String(decoding: HTMLSanitizer.table.bytes[HTMLSanitizer.table.attributes[a].name], as: UTF8.self) }
                #expect(Set(kept) == (p.attributes ?? []), "\(name)")
                #expect(String(decoding: HTMLSanitizer.table.bytes[r.name], as: UTF8.self) == lower)
            }
            // The same name as an element of an XHTML document, found from its bytes.
            guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || ("0"..."9").contains($0) }),
                  let doc = try? MarkupDocument.xml(Data("<\(name)/>".utf8)), let root = doc.root else { continue }
            let fromNode = HTMLSanitizer.elementRule(root)
            #expect((fromNode == nil) == (plain == nil), "\(name)")
            #expect(fromNode.map { String(decoding: HTMLSanitizer.table.bytes[$0.name], as: UTF8.self) } == (plain == nil ? nil : lower))
        }
    }
}
