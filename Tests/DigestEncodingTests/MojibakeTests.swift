import DigestCore
@testable import DigestEncoding
import Foundation
import Testing

/// Doubly decoded UTF-8 put right; Latin-1 text left alone; the byte reading equals the plain rule.
struct MojibakeTests {
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
        var rng = SplitMix(seed: 41)
        // Pieces of doubled UTF-8 ("Ã©" is é twice decoded), Latin-1 text, C1 controls, wider characters.
        let parts = ["a", "ascii text ", "Ã©", "Ã", "©", "â€™", "â€", "\u{99}", "\u{80}", "\u{9F}", "\u{A0}", "ü", "Ä", "ð\u{9F}\u{98}\u{80}",
                     "ð", "Ã\u{A0}", "\u{C4}", "\u{100}", "中", "’", "é", "\u{FF}", "\u{C2}\u{80}", "Ã\u{84}"]
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 7) { s += parts[Int(rng.next() % UInt64(parts.count))] }
            #expect(Mojibake.undoubled(s) == Mojibake.plainUndoubled(s), "\(s.debugDescription)")
        }
    }
}
