import DigestCore
@testable import DigestURL
import Foundation
import Testing

/// URL schemes read from the bytes as the Character reading reads them.
struct SchemeTests {
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
}
