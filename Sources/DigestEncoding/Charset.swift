import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Charset labels as met in feeds and pages, read as what the bytes really are.
public enum Charset {
    /// Labels that are mislabelled in practice, mapped to their supersets: GB2312/GBK → GB18030,
    /// ISO-8859-1/ASCII → windows-1252, Big5 → BIG5-HKSCS; others unchanged.
    public static func fixMislabel(_ name: String) -> String {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "gb-2312", "gb-2312-80": return "GB18030"
        case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1", "l1": return "windows-1252"
        case "big5", "big-5", "cn-big5": return "BIG5-HKSCS"
        case "utf8": return "UTF-8"
        default: return name
        }
    }

    /// Whether iconv converts between `name` and UTF-8 both ways (what libxml2 asks of an
    /// encoding it does not know itself).
    public static func isSupported(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for (to, from) in [("UTF-8", name), (name, "UTF-8")] {
            let cd = iconv_open(to, from)
            guard cd != iconv_t(bitPattern: -1) else { return false }
            iconv_close(cd)
        }
        return true
    }

    /// A decodable stand-in for an encoding iconv does not know: the Mac variants read as Mac
    /// Roman (the same letters in most of the upper half), anything else as windows-1252, the
    /// last resort feedparser uses too.
    public static func fallback(for name: String) -> String {
        let lower = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch lower {
        case "maciceland", "mac-iceland": return "MAC-IS"
        case "maclatin2", "mac-latin2", "maccentraleurope": return "MAC-CENTRALEUROPE"
        default: return lower.hasPrefix("mac") ? "MACINTOSH" : "windows-1252"
        }
    }
}
