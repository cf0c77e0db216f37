import Foundation

/// The charset of an HTML page: BOM, `<meta charset>`, `http-equiv`; GB2312 read as GB18030.
public enum PageCharset {
    public static func sniff(_ data: Data) -> String? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if data.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if data.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        // Bytes that are valid UTF-8 are UTF-8, whatever the page declares (saved copies of
        // GB2312 pages are often re-encoded without touching the meta tag).
        if UTF8Check.isValid(data) { return "UTF-8" }
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding=\"", "encoding='"] {
            guard let r = head.range(of: marker) else { continue }
            let value = head[r.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if isKnown(String(value)) { return Charset.fixMislabel(String(value)) }
        }
        return looksLikeGBK(data) ? "GB18030" : nil
    }

    static func isKnown(_ name: String) -> Bool {
        let n = name.lowercased()
        return ["utf-8", "utf8", "gb2312", "gbk", "gb18030", "big5", "shift_jis", "sjis", "euc-jp", "euc-kr", "koi8-r",
                "x-gbk", "cp936", "us-ascii", "latin1"].contains(n)
            || n.hasPrefix("iso-8859-") || n.hasPrefix("windows-125")
    }

    /// Undeclared bytes that are not UTF-8 but pair up as GBK double bytes (Chinese pages of the
    /// 2000s) are read as GB18030, GBK's superset.
    static func looksLikeGBK(_ data: Data) -> Bool {
        let b = [UInt8](data.prefix(65536))
        var pairs = 0, stray = 0, i = 0
        while i < b.count {
            if b[i] < 0x80 { i += 1; continue }
            if b[i] >= 0x81, b[i] <= 0xFE, i + 1 < b.count, b[i + 1] >= 0x40, b[i + 1] <= 0xFE, b[i + 1] != 0x7F {
                pairs += 1
                i += 2
            } else {
                stray += 1
                i += 1
            }
        }
        return pairs > 20 && stray * 10 < pairs
    }
}
