import DigestCore
import DigestEncoding
import DigestMarkup
import Foundation

/// Byte-level preparation of an XML feed before libxml2 sees it: stray leading bytes,
/// the effective encoding (BOM, HTTP charset, declaration, mislabels), invalid UTF-8 and
/// undeclared HTML named entities.
struct XMLPreflight {
    /// The bytes to parse.
    var data: Data
    /// The encoding libxml2 is told to use (nil: let it read BOM/declaration).
    var encoding: String?
    /// What was fixed.
    var warnings: [String] = []
    /// The bytes are valid UTF-8 (checked, repaired or decoded here).
    var validUTF8 = false

    init(_ input: Data, charset: String?) {
        data = input
        // EBCDIC ("<?xm" as 4C 6F A7 94): libxml2 reads the declaration itself; byte-level fixes
        // written for ASCII-compatible encodings would only break it.
        if input.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
            let declared = Self.declaredEncoding(Data(input.prefix(256).map(Self.ebcdicInvariant)))
            if let d = declared, !Charset.isSupported(d) {
                encoding = "IBM037"
                warnings.append("encoding '\(d)' read as IBM037")
            }
            return
        }
        stripLeadingJunk()
        let bom = Self.bomEncoding(data)
        let declared = Self.declaredEncoding(data)
        var chosen: String?
        if bom == nil {
            chosen = charset.flatMap { $0.isEmpty ? nil : $0 } ?? declared
        }
        // Bytes that are valid UTF-8 with non-ASCII text are UTF-8, whatever a single-byte label
        // says: Latin-1 text is practically never valid UTF-8 by accident.
        if let c = chosen, Self.isSingleByteLatin(c), data.contains(where: { $0 >= 0x80 }) {
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
        if let c = chosen {
            var fixed = Charset.fixMislabel(c)
            if !Charset.isSupported(fixed) { fixed = Charset.fallback(for: fixed) }
            if fixed.lowercased() != c.lowercased() { warnings.append("encoding '\(c)' read as \(fixed)") }
            chosen = fixed
        }
        let isUTF8 = bom == "UTF-8" || (bom == nil && (chosen == nil || chosen!.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"))
        if isUTF8 {
            if let (repaired, replaced) = Charset.utf8(data, from: "UTF-8"), replaced > 0 {
                data = repaired
                warnings.append("invalid UTF-8 bytes replaced with U+FFFD")
            }
            chosen = "UTF-8"
            validUTF8 = true
        } else if bom == nil, let c = chosen, let (utf8, replaced) = Charset.utf8(data, from: c) {
            // Decoded here: libxml2 drops the rest of a document at the first byte iconv rejects.
            data = utf8
            chosen = "UTF-8"
            validUTF8 = true
            if replaced > 0 { warnings.append("\(replaced) bytes undecodable as \(c) replaced with U+FFFD") }
        }
        encoding = chosen
        if bom != "UTF-16LE", bom != "UTF-16BE" { replaceHTMLEntities() }
    }

    /// Removes whitespace or garbage before the first `<` (or the BOM).
    mutating func stripLeadingJunk() {
        let bytes = [UInt8](data.prefix(4096))
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return }
        var i = start
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        if i > start, i < bytes.count {
            data = data.prefix(start) + data.dropFirst(i)
            if bytes[start..<i].contains(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) {
                warnings.append("bytes before the XML declaration dropped")
            }
        }
    }

    /// The ASCII byte for an EBCDIC byte of the characters every EBCDIC code page shares
    /// (enough to read an XML declaration); anything else becomes a space.
    static func ebcdicInvariant(_ b: UInt8) -> UInt8 {
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

    static func bomEncoding(_ d: Data) -> String? {
        let b = [UInt8](d.prefix(3))
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if b.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if b.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }

    /// The `encoding="…"` of the XML declaration.
    static func declaredEncoding(_ d: Data) -> String? {
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
