
import DigestCore
import DigestBytes
import Foundation

/// Reads the date dialects met in feeds and pages, returning an instant (UTC).
///
/// Dialects, tried in order: epoch seconds/milliseconds; ISO 8601 / W3CDTF and 36Kr's
/// `2026-06-19 18:01:25  +0800` (date, time, spaces, numeric offset); Chinese dates
/// (`2026年11月28日 10:00`, read as China time, UTC+8, unless a zone is given); RFC 822 and
/// its broken variants (missing weekday, two-digit years, named zones, no zone → UTC).
public enum FeedDate {
    /// The instant, or nil when the text is no date we can read.
    public static func parse(_ raw: String) -> Date? {
        let ascii = raw.withUTF8Bytes { $0.firstNonASCII() == nil }
        if ascii {  // the usual RFC 822 and ISO 8601 shapes, read from the bytes
            var trimmed = raw.trimmingSpace()
            if let d = trimmed.withUTF8(FastDate.parse) { return d }
        }
        return general(raw, ascii: ascii)
    }

    /// The instant of the text in `bytes` when it is ASCII in one of the usual shapes (those
    /// `parse` reads from the bytes); nil leaves it to `parse`.
    public static func fromASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.firstNonASCII() == nil else { return nil }
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 32 || (bytes[lo] >= 9 && bytes[lo] <= 13) { lo += 1 }
        while hi > lo, bytes[hi - 1] == 32 || (bytes[hi - 1] >= 9 && bytes[hi - 1] <= 13) { hi -= 1 }
        return FastDate.parse(UnsafeBufferPointer(rebasing: bytes[lo..<hi]))
    }

    /// Every dialect, the slow way (FastDate's shapes included).
    static func general(_ raw: String, ascii: Bool) -> Date? {
        let s = (ascii ? raw : String(String.UnicodeScalarView(raw.unicodeScalars.map { c in
            (0xFF10...0xFF19).contains(c.value) ? Unicode.Scalar(c.value - 0xFF10 + 48)! : c
        }))).trimmingSpace()
        if s.isEmpty { return nil }
        if let d = epoch(s) { return d }
        if let d = ISODate.parse(s) { return d }
        if let d = ChineseDate.parse(s) { return d }
        return RFC822Date.parse(s)
    }

    static func epoch(_ s: String) -> Date? {
        guard s.allSatisfy(\.isASCIIDigit), let v = Double(s) else { return nil }
        switch s.count {
        case 9...10: return Date(timeIntervalSince1970: v)
        case 12...13: return Date(timeIntervalSince1970: v / 1000)
        default: return nil
        }
    }

    /// Seconds east of UTC for a zone written as `Z`, `+0800`, `+08:00`, `+08`, or a name (`GMT`, `EST`, `PDT`, …).
    static func zoneOffset(_ token: String) -> Int? {
        let t = token.uppercased()
        if let named = namedZones[t] { return named * 3600 }
        var chars = Array(t)
        guard let sign = chars.first, sign == "+" || sign == "-" else { return nil }
        chars.removeFirst()
        let digits = chars.filter { $0 != ":" }
        guard digits.allSatisfy(\.isASCIIDigit), [2, 4].contains(digits.count) else { return nil }
        let h = Int(String(digits.prefix(2))) ?? 0
        let m = digits.count == 4 ? Int(String(digits.suffix(2))) ?? 0 : 0
        guard h <= 14, m < 60 else { return nil }
        return (h * 3600 + m * 60) * (sign == "-" ? -1 : 1)
    }

    static let namedZones: [String: Int] = [
        "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "AKST": -9, "AKDT": -8, "HST": -10, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "IST": 5,
        "A": -1, "M": -12, "N": 1, "Y": 12,
    ]
}

extension Character {
    /// 0-9. (A range of Characters compares as Strings, with Unicode normalisation, on every
    /// call; only the ASCII scalars themselves are these digits.)
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
