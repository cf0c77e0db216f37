@testable import DigestCLI
import DigestCore
import Foundation
import Testing

/// The eight-bytes-at-a-time test of the JSON writer against the byte-by-byte one.
struct JSONLineTests {
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
