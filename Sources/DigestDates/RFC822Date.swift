
import DigestCore
import Foundation

/// RFC 822 / 1123 dates and the broken variants feeds use: no weekday, two-digit years,
/// named zones, no zone (UTC), month before day, missing seconds.
enum RFC822Date {
    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12, "january": 1, "february": 2, "march": 3, "april": 4, "june": 6,
        "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    static func parse(_ s: String) -> Date? {
        let tokens = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        var day: Int?, month: Int?, year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        for raw in tokens {
            let t = raw.hasPrefix(".") || raw.hasSuffix(".") ? String(raw.drop { $0 == "." }.reversed().drop { $0 == "." }.reversed()) : raw
            let lower = t.lowercased()
            if month == nil, let m = months[lower] ?? months[String(lower.prefix(3))].flatMap({ lower.count <= 4 ? $0 : nil }) {
                month = m
            } else if t.utf8.contains(58), time == nil, let tm = clock(t) {
                time = tm.time
                if let z = tm.zone { offset = z }
            } else if time != nil, offset == nil, let z = FeedDate.zoneOffset(t) {
                offset = z
            } else if t.allSatisfy(\.isASCIIDigit), let n = Int(t) {
                if t.count == 4 { year = n } else if day == nil, n >= 1, n <= 31 { day = n } else if year == nil {
                    year = n < 50 ? 2000 + n : 1900 + n
                }
            } else if t.count > 3, t.contains("-"), let dmy = dashed(t) {
                (day, month, year) = dmy
            }
        }
        guard let d = day, let m = month, let y = year else { return nil }
        let (h, mi, se) = time ?? (0, 0, 0)
        return Calendar.utcDate(year: y, month: m, day: d, hour: h, minute: mi, second: se,
                                offsetSeconds: offset ?? 0)
    }

    /// `HH:MM[:SS]` optionally glued to a zone (`10:00:00+0800`, `10:00Z`).
    static func clock(_ t: String) -> (time: (Int, Int, Int), zone: Int?)? {
        var body = t
        var zone: Int?
        if let i = t.firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" || $0 == "z" }) {
            zone = FeedDate.zoneOffset(String(t[i...]))
            body = String(t[..<i])
        }
        let parts = body.split(separator: ":").map { Int($0) }
        guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        let h = parts[0]!, m = parts[1]!, s = parts.count == 3 ? parts[2]! : 0
        guard h < 25, m < 60, s < 61 else { return nil }
        return ((h, m, s), zone)
    }

    /// `24-Nov-2026`.
    static func dashed(_ t: String) -> (Int, Int, Int)? {
        let p = t.split(separator: "-").map(String.init)
        guard p.count == 3, let d = Int(p[0]), let m = months[p[1].lowercased()], let y = Int(p[2]) else { return nil }
        return (d, m, y < 100 ? (y < 50 ? 2000 + y : 1900 + y) : y)
    }
}
