@testable import DigestCLI
import Foundation
import Testing

/// The hand-written JSON string literal matches JSONEncoder's.
struct JSONQuoteTests {
    @Test func quoteMatchesTheEncoder() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = (0..<0x80).compactMap(Unicode.Scalar.init) + ["é", "中", "\u{2028}", "’", "😀"]
        for _ in 0..<500 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &rng) { s.append(alphabet.randomElement(using: &rng)!) }
            let text = String(s)
            let encoded = try JSONOutput.encode([text])
            #expect("[" + JSONOutput.quote(text) + "]" == encoded, "\(text.debugDescription)")
        }
    }
}
