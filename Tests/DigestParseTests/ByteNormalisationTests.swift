import DigestCore
import DigestMarkup
@testable import DigestParse
import Foundation
import Testing

/// Namespace spellings and comma lists read from the bytes as the String route reads them.
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
}
