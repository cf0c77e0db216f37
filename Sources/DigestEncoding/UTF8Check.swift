import DigestBytes
import Foundation

/// UTF-8 well-formedness on raw bytes (RFC 3629: no overlong forms, no surrogates, nothing past
/// U+10FFFF), without making a string.
public enum UTF8Check {
    /// Whether the bytes are well-formed UTF-8 (checked in place: no string is made).
    public static func isValid(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    i = b.firstNonASCII(from: i) ?? b.count
                    continue
                }
                // The usual case of CJK text: a three-byte sequence with no bound to check
                // (lead E1–EC or EE–EF, two continuation bytes).
                if c >= 0xE1, c != 0xED, i + 2 < b.count, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80, c <= 0xEF {
                    i += 3
                    continue
                }
                let n: Int, min: UInt32
                switch c {
                case 0xC2...0xDF: (n, min) = (1, 0x80)
                case 0xE0...0xEF: (n, min) = (2, 0x800)
                case 0xF0...0xF4: (n, min) = (3, 0x10000)
                default: return false
                }
                guard i + n < b.count else { return false }
                var v = UInt32(c) & (0x3F >> UInt32(n))
                for k in 1...n {
                    let t = b[i + k]
                    guard t & 0xC0 == 0x80 else { return false }
                    v = v << 6 | UInt32(t & 0x3F)
                }
                // No overlong forms, no surrogates, nothing past U+10FFFF.
                guard v >= min, v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return false }
                i += n + 1
            }
            return true
        }
    }
}
