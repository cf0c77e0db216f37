
import DigestCore
import Foundation

/// ISO 8601 / W3CDTF dates, including 36Kr's `2026-06-19 18:01:25  +0800` and date-only forms.
enum ISODate {
    static func parse(_ s: String) -> Date? {
        guard let lead = s.utf8.first, lead >= 48, lead <= 57 else { return nil }
        var sc = Scanner(Array(s.unicodeScalars))
        guard let y = sc.number(4), y >= 1000 else { return nil }
        let sep = sc.peek
        guard sep == "-" || sep == "/" || sep == "." || sep == nil || sep == "T" else { return nil }
        if sep == nil { return Calendar.utcDate(year: y, month: 1, day: 1) }
        var month = 1, day = 1
        if sep != "T" {
            sc.skip()
            guard let m = sc.number(1...2) else { return nil }
            month = m
            if sc.peek == sep {
                sc.skip()
                guard let d = sc.number(1...2) else { return nil }
                day = d
            }
        }
        var hour = 0, minute = 0, second = 0
        var offset = 0
        let beforeTime = sc.index
        sc.skipSpaces()
        if sc.peek == "T" || sc.peek == "t" { sc.skip() }
        if let h = sc.number(1...2), sc.peek == ":" {
            sc.skip()
            guard let mi = sc.number(2) else { return nil }
            hour = h
            minute = mi
            if sc.peek == ":" {
                sc.skip()
                guard let se = sc.number(2) else { return nil }
                second = se
            }
            if sc.peek == "." || sc.peek == "," {
                sc.skip()
                while let c = sc.peek, c.value >= 48, c.value <= 57 { sc.skip() }
            }
            sc.skipSpaces()
            let rest = sc.rest.trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty {
                guard let o = FeedDate.zoneOffset(rest.split(separator: " ").first.map(String.init) ?? rest)
                else { return nil }
                offset = o
            }
        } else {
            sc.index = beforeTime
            let rest = sc.rest.trimmingCharacters(in: .whitespaces)
            guard rest.isEmpty else { return nil }
        }
        return Calendar.utcDate(year: y, month: month, day: day, hour: hour, minute: minute, second: second,
                                offsetSeconds: offset)
    }
}

/// A tiny scanner for the date dialects, over Unicode scalars (no grapheme breaking: every
/// character it looks for is one scalar).
struct Scanner {
    let chars: [Unicode.Scalar]
    var index = 0

    init(_ chars: [Unicode.Scalar]) { self.chars = chars }

    var peek: Unicode.Scalar? { index < chars.count ? chars[index] : nil }
    var rest: String { String(String.UnicodeScalarView(chars[min(index, chars.count)...])) }

    mutating func skip() { index += 1 }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" || c == "\u{3000}" { index += 1 }
    }

    /// Exactly `n` digits.
    mutating func number(_ n: Int) -> Int? { number(n...n) }

    /// Between `range` digits (greedy).
    mutating func number(_ range: ClosedRange<Int>) -> Int? {
        var v = 0, count = 0
        while count < range.upperBound, let c = peek, c.value >= 48, c.value <= 57 {
            v = v * 10 + Int(c.value - 48)
            count += 1
            index += 1
        }
        return count >= range.lowerBound && count > 0 ? v : nil
    }
}
