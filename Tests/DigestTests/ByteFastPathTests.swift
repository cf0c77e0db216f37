@testable import DigestMarkup
@testable import DigestParse
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
        }
    }

    @Test func undoubledUTF8IsPutRightAndLatin1TextIsLeftAlone() {
        #expect(FeedText.undoubled("Ã©tÃ© Ã\u{A0}") == "été à")
        #expect(FeedText.undoubled("Müller, Straße") == "Müller, Straße")  // Latin-1 text that is no UTF-8
        #expect(FeedText.undoubled("plain") == "plain")
        #expect(FeedText.undoubled("Ã") == "Ã")  // a lead byte alone is not UTF-8
        #expect(FeedText.undoubled("price \u{80}5") == "price €5")  // a C1 control is a windows-1252 byte
        #expect(FeedText.undoubled("中文") == "中文")
    }
}
