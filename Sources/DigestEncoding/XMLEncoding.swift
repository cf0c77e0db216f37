import Foundation

/// The encoding an XML document's bytes are really in — byte order mark, the HTTP charset,
/// the declaration, labels that lie (GB2312 for GB18030, Latin-1 for UTF-8) — and the bytes
/// made UTF-8 where iconv can, so that libxml2 reads them in place.
public enum XMLEncoding {
    /// What `decide` found.
    public struct Decision: Sendable {
        /// The bytes to parse (decoded to UTF-8 or repaired when that was possible).
        public var data: Data
        /// The encoding to name to libxml2; nil to let it read BOM and declaration itself.
        public var encoding: String?
        /// The encoding a byte order mark names, if any.
        public var bom: String?
        /// Whether `data` is now valid UTF-8.
        public var validUTF8: Bool
        /// What was recovered from.
        public var warnings: [String]
    }

    /// The encoding of `input` (leading junk already stripped) and its bytes as UTF-8 where possible.
    public static func decide(_ input: Data, httpCharset charset: String?) -> Decision {
        var data = input
        var warnings: [String] = []
        var validUTF8 = false
        let mark = bom(data)
        let declaredName = declared(data)
        var chosen: String?
        if mark == nil {
            chosen = charset.flatMap { $0.isEmpty ? nil : $0 } ?? declaredName
        }
        // Bytes that are valid UTF-8 with non-ASCII text are UTF-8, whatever a single-byte label
        // says: Latin-1 text is practically never valid UTF-8 by accident.
        if let c = chosen, isSingleByteLatin(c), data.contains(where: { $0 >= 0x80 }) {
            let bytes = [UInt8](data)
            let census = MixedEncoding.census(bytes)
            if census.invalid == 0 {
                warnings.append("encoding '\(c)' read as UTF-8 (the bytes are UTF-8)")
                chosen = "UTF-8"
            } else if census.valid > census.invalid {
                data = MixedEncoding.repair(bytes)
                warnings.append("encoding '\(c)': mostly UTF-8 with \(census.invalid) windows-1252 bytes, repaired")
                chosen = "UTF-8"
            }
        }
        // No declaration at all and bytes that are not UTF-8: mostly UTF-8 is repaired; else the
        // legacy encoding is guessed as browsers and feedparser do (not U+FFFD in every title).
        if mark == nil, chosen == nil, data.contains(where: { $0 >= 0x80 }), !UTF8Check.isValid(data) {
            let bytes = [UInt8](data)
            let census = MixedEncoding.census(bytes)
            if census.valid > census.invalid {
                data = MixedEncoding.repair(bytes)
                warnings.append("no encoding declared: mostly UTF-8 with \(census.invalid) windows-1252 bytes, repaired")
                chosen = "UTF-8"
            } else {
                let guess = LegacyGuess.encoding(of: bytes)
                warnings.append("no encoding declared and the bytes are not UTF-8: read as \(guess)")
                chosen = guess
            }
        }
        if mark == nil, let c = chosen, let corrected = correction(c, &data) {
            warnings.append(corrected.warning)
            chosen = corrected.encoding
        }
        if let c = chosen {
            var fixed = Charset.fixMislabel(c)
            if !Charset.isSupported(fixed) { fixed = Charset.fallback(for: fixed) }
            if fixed.lowercased() != c.lowercased() { warnings.append("encoding '\(c)' read as \(fixed)") }
            chosen = fixed
        }
        let isUTF8 = mark == "UTF-8" || (mark == nil && (chosen == nil || chosen!.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"))
        if isUTF8 {
            if let (repaired, replaced) = Charset.utf8(data, from: "UTF-8"), replaced > 0 {
                data = repaired
                warnings.append("invalid UTF-8 bytes replaced with U+FFFD")
            }
            chosen = "UTF-8"
            validUTF8 = true
        } else if mark == nil, let c = chosen, let (utf8, replaced) = Charset.utf8(data, from: c) {
            // Decoded here: libxml2 drops the rest of a document at the first byte iconv rejects.
            data = utf8
            chosen = "UTF-8"
            validUTF8 = true
            if replaced > 0 { warnings.append("\(replaced) bytes undecodable as \(c) replaced with U+FFFD") }
        }
        return Decision(data: data, encoding: chosen, bom: mark, validUTF8: validUTF8, warnings: warnings)
    }

    /// A declared encoding the bytes contradict: UTF-8 declared over legacy bytes (GBK read as
    /// GB18030, else windows-1252; mostly UTF-8 with a few stray bytes is repaired instead), or a
    /// Chinese legacy encoding declared over bytes that are UTF-8. Nil when the declaration holds.
    static func correction(_ declared: String, _ data: inout Data) -> (encoding: String, warning: String)? {
        let name = declared.lowercased().replacingOccurrences(of: "_", with: "-")
        guard data.contains(where: { $0 >= 0x80 }) else { return nil }
        if name == "utf-8" || name == "utf8" {
            guard !UTF8Check.isValid(data) else { return nil }
            let bytes = [UInt8](data)
            let census = MixedEncoding.census(bytes)
            if census.valid > census.invalid {
                data = MixedEncoding.repair(bytes)
                return ("UTF-8", "encoding 'UTF-8': \(census.invalid) stray windows-1252 bytes, repaired")
            }
            let guess = LegacyGuess.encoding(of: bytes)
            guard Charset.utf8(data, from: guess).map({ $0.1 == 0 }) == true else { return nil }
            return (guess, "encoding 'UTF-8' declared, but the bytes are \(guess): read as \(guess)")
        }
        if ["gb2312", "gbk", "gb18030", "big5", "shift-jis", "euc-jp", "euc-kr", "x-gbk", "cp936"].contains(name),
           UTF8Check.isValid(data) {
            return ("UTF-8", "encoding '\(declared)' declared, but the bytes are UTF-8: read as UTF-8")
        }
        return nil
    }

    /// The ASCII byte for an EBCDIC byte of the characters every EBCDIC code page shares
    /// (enough to read an XML declaration); anything else becomes a space.
    public static func ebcdicInvariant(_ b: UInt8) -> UInt8 {
        switch b {
        case 0x81...0x89: return b - 0x81 + 97  // a–i
        case 0x91...0x99: return b - 0x91 + 106  // j–r
        case 0xA2...0xA9: return b - 0xA2 + 115  // s–z
        case 0xC1...0xC9: return b - 0xC1 + 65  // A–I
        case 0xD1...0xD9: return b - 0xD1 + 74  // J–R
        case 0xE2...0xE9: return b - 0xE2 + 83  // S–Z
        case 0xF0...0xF9: return b - 0xF0 + 48  // 0–9
        case 0x4C: return 60  // <
        case 0x6E: return 62  // >
        case 0x6F: return 63  // ?
        case 0x7E: return 61  // =
        case 0x7F: return 34  // "
        case 0x7D: return 39  // '
        case 0x60: return 45  // -
        case 0x6D: return 95  // _
        case 0x4B: return 46  // .
        default: return 32
        }
    }

    /// The encoding a byte order mark names.
    public static func bom(_ d: Data) -> String? {
        let b = [UInt8](d.prefix(3))
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if b.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if b.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }

    /// The `encoding="…"` of the XML declaration.
    public static func declared(_ d: Data) -> String? {
        let head = String(decoding: d.prefix(256), as: UTF8.self)
        guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>") else {
            return nil
        }
        let decl = head[..<end.lowerBound]
        guard let r = decl.range(of: "encoding") else { return nil }
        let after = decl[r.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let q = after.first, q == "\"" || q == "'" else { return nil }
        let value = after.dropFirst().prefix { $0 != q }
        return value.isEmpty ? nil : String(value)
    }

    static func isSingleByteLatin(_ name: String) -> Bool {
        ["iso-8859-1", "latin1", "latin-1", "iso8859-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso-8859-15"]
            .contains(name.lowercased().replacingOccurrences(of: "_", with: "-"))
    }
}
