
import DigestCore
import DigestBytes
import Foundation

/// Chinese dates such as `2026年11月28日 10:00`, read as China time (UTC+8).
enum ChineseDate {
    static func parse(_ s: String) -> Date? {
        guard s.includes("年") else { return nil }
        let normalized = s.unicodeScalars.map { ch -> Unicode.Scalar in
            if ch.value >= 0xFF10, ch.value <= 0xFF19 { return Unicode.Scalar(ch.value - 0xFF10 + 48)! }
            return ch == "：" ? ":" : ch
        }
        var sc = Scanner(normalized)
        sc.skipSpaces()
        guard let y = sc.number(4), sc.peek == "年" else { return nil }
        sc.skip()
        guard let m = sc.number(1...2), sc.peek == "月" else { return nil }
        sc.skip()
        guard let d = sc.number(1...2) else { return nil }
        if sc.peek == "日" || sc.peek == "号" { sc.skip() }
        sc.skipSpaces()
        var hour = 0, minute = 0, second = 0
        if let h = sc.number(1...2) {
            if sc.peek == ":" || sc.peek == "时" || sc.peek == "點" || sc.peek == "点" {
                sc.skip()
                minute = sc.number(1...2) ?? 0
                if sc.peek == ":" {
                    sc.skip()
                    second = sc.number(1...2) ?? 0
                }
            }
            hour = h
        }
        return Calendar.utcDate(year: y, month: m, day: d, hour: hour, minute: minute, second: second,
                                offsetSeconds: 8 * 3600)
    }
}
