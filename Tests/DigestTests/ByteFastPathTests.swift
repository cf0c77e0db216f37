@testable import DigestCore
@testable import DigestMarkup
@testable import DigestParse
@testable import DigestBytes
@testable import DigestEncoding
@testable import DigestURL
@testable import DigestCLI
import Foundation
import Testing

/// Readers rewritten over UTF-8 bytes for speed give what the Character-based ones gave.
struct ByteFastPathTests {
    @Test func schemeFromBytesMatchesTheCharacterReading() {
        var rng = SplitMix(seed: 11)
        let pieces = ["http", "HTTPS", "mailto", "x+y-z.w", "1abc", "", ":", "//", "é", "a\u{301}", "\u{301}", "\r\n", " ",
                      "data", "javascript", "Java", "-", ".", "+", "9", "?q=a:b", "/path:x", "例", "ｈｔｔｐ"]
        var urls = ["https://example.com/a", "HTTP://X", "mailto:me@example.com", "a:", ":a", "", "no colon",
                    "é:x", "a\u{301}:x", "a:\u{301}x", "c++:x", "1a:x", "/relative:path"]
        for _ in 0..<5_000 {
            var u = ""
            for _ in 0..<Int(rng.next() % 5) { u += pieces[Int(rng.next() % UInt64(pieces.count))] }
            urls.append(u)
        }
        for u in urls {
            #expect(URLResolver.scheme(of: u) == URLResolver.schemeOfCharacters(u), "\(u.debugDescription)")
            #expect(URLResolver.hasScheme(u) == (URLResolver.schemeOfCharacters(u) != nil), "\(u.debugDescription)")
        }
    }

    @Test func undoubledUTF8IsPutRightAndLatin1TextIsLeftAlone() {
        #expect(Mojibake.undoubled("Ã©tÃ© Ã\u{A0}") == "été à")
        #expect(Mojibake.undoubled("Müller, Straße") == "Müller, Straße")  // Latin-1 text that is no UTF-8
        #expect(Mojibake.undoubled("plain") == "plain")
        #expect(Mojibake.undoubled("Ã") == "Ã")  // a lead byte alone is not UTF-8
        #expect(Mojibake.undoubled("price \u{80}5") == "price €5")  // a C1 control is a windows-1252 byte
        #expect(Mojibake.undoubled("中文") == "中文")
        #expect(Mojibake.undoubled("中文 \u{80}9 and \u{A0}") == "中文 €9 and \u{A0}")  // the C1 control found after the CJK text
        #expect(Mojibake.undoubled(String(repeating: "ascii ", count: 9) + "\u{93}quoted\u{94}") == String(repeating: "ascii ", count: 9) + "“quoted”")
    }

    /// The byte scans (eight bytes at a time, the first sequence looked at before the whole
    /// text is decoded) against the rule written plainly over Unicode scalars.
    @Test func undoubledMatchesThePlainRule() {
        func plain(_ s: String) -> String {
            let v = s.unicodeScalars.map(\.value)
            if v.allSatisfy({ $0 < 0x80 }) { return s }
            if v.allSatisfy({ $0 < 0x100 }), let fixed = String(validating: v.map { UInt8($0) }, as: UTF8.self) { return fixed }
            guard v.contains(where: { (0x80..<0xA0).contains($0) }) else { return s }
            return String(String.UnicodeScalarView(s.unicodeScalars.map { c in
                MixedEncoding.cp1252[UInt8(truncatingIfNeeded: c.value)].flatMap { c.value < 0xA0 ? Unicode.Scalar($0) : nil } ?? c
            }))
        }
        var rng = SplitMix(seed: 41)
        // Pieces of doubled UTF-8 ("Ã©" is é twice decoded), Latin-1 text, C1 controls, wider characters.
        let parts = ["a", "ascii text ", "Ã©", "Ã", "©", "â€™", "â€", "\u{99}", "\u{80}", "\u{9F}", "\u{A0}", "ü", "Ä", "ð\u{9F}\u{98}\u{80}",
                     "ð", "Ã\u{A0}", "\u{C4}", "\u{100}", "中", "’", "é", "\u{FF}", "\u{C2}\u{80}", "Ã\u{84}"]
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 7) { s += parts[Int(rng.next() % UInt64(parts.count))] }
            #expect(Mojibake.undoubled(s) == plain(s), "\(s.debugDescription)")
        }
    }
}

/// The eight-bytes-at-a-time test of the JSON writer against the byte-by-byte one.
struct JSONWordTests {
    /// Timestamps written digit by digit in place read as Foundation's ISO 8601 formatter writes them.
    @Test func timestampsMatchFoundation() {
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(identifier: "UTC")
        var rng = SplitMix(seed: 43)
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 951_782_400),
                     Date(timeIntervalSince1970: 253_402_300_799), Date(timeIntervalSince1970: -12_212_553_600)]
        // 1583-01-01 (Foundation's calendar is Julian before the Gregorian reform; RFC 3339's is
        // Gregorian throughout) to 9999-12-31, fractions of seconds too.
        for _ in 0..<5_000 {
            dates.append(Date(timeIntervalSince1970: -12_212_553_600 + Double(rng.next() % 265_614_854_400) + Double(rng.next() % 1000) / 1000))
        }
        for d in dates {
            #expect(RFC3339.string(from: d) == iso.string(from: Date(timeIntervalSince1970: d.timeIntervalSince1970.rounded(.down))), "\(d.timeIntervalSince1970)")
        }
    }

    @Test func eightByteEscapeTestIsExact() {
        var rng = SplitMix(seed: 3)
        let special: [UInt8] = [0, 8, 9, 10, 31, 32, 33, 34, 35, 91, 92, 93, 127, 128, 0xA2, 0xDC, 0xFF]
        for _ in 0..<200_000 {
            var w: UInt64 = 0
            var expected = false
            for k in 0..<8 {
                let r = rng.next()
                let b: UInt8 = r % 4 == 0 ? special[Int(r >> 8) % special.count] : UInt8(truncatingIfNeeded: r >> 16)
                expected = expected || b < 32 || b == 34 || b == 92
                w |= UInt64(b) << (8 * UInt64(k))
            }
            #expect(JSONBytes.needsEscape(w) == expected, "\(String(w, radix: 16))")
        }
    }
}

/// Namespace spellings and white-space collapsing read from the bytes.
struct ByteNormalisationTests {
    @Test func namespaceSpellingsReadAsTheStringRouteReadsThem() {
        var rng = SplitMix(seed: 17)
        let uris = [NS.dc, NS.content, NS.itunes, NS.media, NS.dcterms, NS.atom10, NS.atom03, NS.rss1, "http://backend.userland.com/rss2",
                    "http://example.com/ns/", "urn:x"]
        for _ in 0..<4_000 {
            var u = Array(uris[Int(rng.next() % UInt64(uris.count))].unicodeScalars)
            switch rng.next() % 6 {
            case 0: u = Array(String(String.UnicodeScalarView(u)).uppercased().unicodeScalars)
            case 1: u.removeLast()
            case 2: u += ["/", "/"]
            case 3: u = Array("https://".unicodeScalars) + u.dropFirst(7)
            case 4: u = [" "] + u + ["\n"]
            default: u.insert(["é", "K", "x", "/"][Int(rng.next() % 4)], at: Int(rng.next() % UInt64(u.count)))
            }
            let s = String(String.UnicodeScalarView(u))
            var copy = s
            let bytes = copy.withUTF8 { NS.normalizedVocabulary($0) }
            if let bytes { #expect(bytes == NS.vocabulary(s), "\(s.debugDescription)") }
        }
    }

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

    @Test func commaListsSplitOnBytesAsOnCharacters() {
        var rng = SplitMix(seed: 31)
        let parts = [",", ", ", " ,", ",,", "beer", " games", "\u{301}", ",\u{301}", "\u{600}", "e\u{301}", "中文", "\u{200D}", "\t", "\u{A0}", "x y"]
        for _ in 0..<5_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 7) { s += parts[Int(rng.next() % UInt64(parts.count))] }
            let characters = s.split(separator: ",").map { String($0).trimmingSpace() }.filter { !$0.isEmpty }
            #expect(FeedText.commaList(s) == characters, "\(s.debugDescription)")
        }
    }

    /// The text taken while sanitizing is the text the scanner reads back from the output, on
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
            #expect(both.text == HTMLText.plainText(ofSanitized: alone), "\(html.debugDescription)")
            // The same markup as children of an XHTML element, where it is well-formed.
            if let doc = try? MarkupDocument.xml(Data(("<div>" + html + "</div>").utf8)), !doc.recovered, let root = doc.root {
                xhtml += 1
                let x = HTMLSanitizer.sanitizeWithText(childrenOf: root, baseURL: "https://example.org/")
                #expect(x.html == HTMLSanitizer.sanitize(childrenOf: root, baseURL: "https://example.org/"), "\(html.debugDescription)")
                #expect(x.text == HTMLText.plainText(ofSanitized: x.html), "\(html.debugDescription)")
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
            #expect(HTMLText.plainText(ofSanitized: HTMLSanitizer.escapeText(s)) == HTMLText.collapse(s), "\(s.debugDescription)")
        }
    }
}
