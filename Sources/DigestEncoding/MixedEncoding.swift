import Foundation

/// Feeds declared as a single-byte Latin encoding whose text is really UTF-8, with a few stray
/// Latin-1 bytes mixed in (seen in real generators): valid UTF-8 sequences are kept, every other
/// high byte is read as windows-1252.
public enum MixedEncoding {
    /// Counts of valid multi-byte UTF-8 sequences and of bytes that are not part of one.
    public static func census(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0, i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 {
                i += 1
            } else if let n = sequenceLength(bytes, i) {
                valid += 1
                i += n
            } else {
                invalid += 1
                i += 1
            }
        }
        return (valid, invalid)
    }

    /// The bytes as UTF-8: valid sequences kept, other high bytes decoded as windows-1252.
    public static func repair(_ bytes: [UInt8]) -> Data {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b)
                i += 1
            } else if let n = sequenceLength(bytes, i) {
                out.append(contentsOf: bytes[i..<(i + n)])
                i += n
            } else {
                let scalar = Unicode.Scalar(cp1252[b] ?? UInt32(b)) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 1
            }
        }
        return Data(out)
    }

    public static func sequenceLength(_ b: [UInt8], _ i: Int) -> Int? {
        guard let n = utf8Length(lead: b[i]), i + n <= b.count else { return nil }
        for k in 1..<n where b[i + k] & 0xC0 != 0x80 { return nil }
        return n
    }

    /// The length of the UTF-8 sequence a byte leads (2–4), nil when it leads none.
    public static func utf8Length(lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil
        }
    }

    /// windows-1252 bytes 0x80–0x9F that differ from Latin-1.
    static let cp1252: [UInt8: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]
}
