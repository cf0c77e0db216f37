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

    init(_ input: Data, charset: String?) {
        data = input
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
            let fixed = Charset.fixMislabel(c)
            if fixed.lowercased() != c.lowercased() { warnings.append("encoding '\(c)' read as \(fixed)") }
            chosen = fixed
        }
        let isUTF8 = bom == "UTF-8" || (bom == nil && (chosen == nil || chosen!.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"))
        if isUTF8 {
            if String(data: data, encoding: .utf8) == nil {
                data = Data(String(decoding: data, as: UTF8.self).utf8)
                warnings.append("invalid UTF-8 bytes replaced with U+FFFD")
            }
            chosen = "UTF-8"
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

    /// Replaces `&name;` for HTML names XML does not predefine with numeric references, and
    /// escapes bare ampersands ("?a=1&b=2" in a link), which would end a strict parse.
    mutating func replaceHTMLEntities() {
        let amp = UInt8(ascii: "&"), semicolon = UInt8(ascii: ";"), hash = UInt8(ascii: "#")
        guard data.contains(amp) else { return }
        let bytes = [UInt8](data)
        let declared = String(decoding: bytes.prefix(8192), as: UTF8.self).contains("<!ENTITY")
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 64)
        var i = 0
        var changed = false
        var inCDATA = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), bytes[i...].starts(with: Array("<![CDATA[".utf8)) { inCDATA = true }
            if inCDATA, b == UInt8(ascii: "]"), bytes[i...].starts(with: Array("]]>".utf8)) { inCDATA = false }
            guard b == amp, !inCDATA else {
                out.append(b)
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count, j - i <= 32, isNameByte(bytes[j]) { j += 1 }
            let isNamedRef = j < bytes.count && bytes[j] == semicolon && j > i + 1
            let isCharRef = i + 1 < bytes.count && bytes[i + 1] == hash
            if isNamedRef {
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                if !declared, !["amp", "lt", "gt", "quot", "apos"].contains(name) {
                    if let cp = HTMLEntities.codePoints[name] {
                        out.append(contentsOf: Array("&#\(cp);".utf8))
                        i = j + 1
                        changed = true
                        continue
                    }
                }
                out.append(b)
            } else if isCharRef {
                out.append(b)
            } else {
                out.append(contentsOf: Array("&amp;".utf8))
                changed = true
            }
            i += 1
        }
        if changed { data = Data(out) }
    }

    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
}
