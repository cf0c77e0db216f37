import DigestBytes
import DigestCore
import Foundation
import Testing

/// Trimming read from the bytes agrees with Foundation and with a plain scalar rule.
struct TrimTests {
    @Test func trimmingMatchesFoundation() {
        for s in ["", " ", "abc", " abc", "abc\n", "\u{3000}中文\u{00A0}", "\t\r\n", "a b", "\u{2028}x\u{2029}", "é "] {
            #expect(s.trimmingSpace() == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s.debugDescription)")
        }
        // Generated ends: ASCII and Unicode spaces, controls, format characters, letters.
        var rng = SplitMix(seed: 5)
        let parts = [" ", "\t", "\n", "\r\n", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{200B}", "\u{FEFF}", "\u{3000}",
                     "\u{2028}", "a", "中", "é", "e\u{301}", "!", "\u{1F600}"]
        func scalarTrim(_ s: String, _ drop: (Unicode.Scalar) -> Bool) -> String {
            var u = Array(s.unicodeScalars)
            while let f = u.first, drop(f) { u.removeFirst() }
            while let l = u.last, drop(l) { u.removeLast() }
            return String(String.UnicodeScalarView(u))
        }
        for _ in 0..<3_000 {
            var s = ""
            for _ in 0..<Int(rng.next() % 7) { s += parts[Int(rng.next() % UInt64(parts.count))] }
            #expect(s.trimmingSpace() == scalarTrim(s) { $0.properties.isWhitespace }, "\(s.debugDescription)")
            #expect(s.trimmingSpaceAndControls() == scalarTrim(s) { c in
                c.value < 33 || (c.value >= 0x7F && c.value < 0xA0) || c.properties.isWhitespace || c.properties.generalCategory == .format
            }, "\(s.debugDescription)")
        }
    }
}
