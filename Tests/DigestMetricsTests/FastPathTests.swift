import DigestCore
@testable import DigestMetrics
import Testing

/// The metrics stage's speed tricks give what their plain versions give.
struct FastPathTests {
    /// Windows of text made into Strings by the hand-written UTF-8 encoder equal the plain ones,
    /// on generated scalars of every UTF-8 length (ASCII, Latin, CJK, astral).
    @Test func handEncodedWindowsEqualThePlainString() {
        var rng = SplitMix(seed: 18)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF]
        for _ in 0..<5_000 {
            let n = Int(rng.next() % 24)
            let scalars = (0..<n).compactMap { _ -> Unicode.Scalar? in
                let pool = pools[Int(rng.next() % UInt64(pools.count))]
                return Unicode.Scalar(pool.lowerBound + UInt32(rng.next() % UInt64(pool.count)))
            }
            let slice = scalars[...]
            #expect(ScalarText.string(slice) == ScalarText.plainString(slice))
        }
    }
}
