import DigestCore
import DigestMarkup
import Foundation

/// The publication date a Chinese page prints as text near its headline, when its meta tags,
/// JSON-LD and `<time>` say nothing: `2005-04-05 06:40 来源：…`, `发布时间：2022-02-13 04:22:18`,
/// `2004年10月21日14:18`, `发表于 2005-9-15 11:46:00`. Read as China time (UTC+8).
///
/// The text is read in document order up to the end of the article's first block. The first
/// date with a time of day wins; failing that, the first full date next to a label (发布, 时间,
/// 日期, 发表, 更新, 来源). Archive links ("2005年12月(8)"), years and months alone are no date.
enum PageDateText {
    static let labels = ["发布", "时间", "日期", "发表", "更新", "来源", "出处"]

    /// The date, or nil. `article` is the first block of the main content.
    static func find(in body: MarkupNode, article: MarkupNode?) -> Date? {
        var labelled: Date?
        var timed: Date?
        body.forEachTextRun(through: article) { text in
            for m in matches(in: text) {
                if m.hasTime {
                    timed = m.date
                    return false
                }
                if labelled == nil, m.labelled { labelled = m.date }
            }
            return true
        }
        return timed ?? labelled
    }

    struct Match {
        var date: Date
        var hasTime: Bool
        var labelled: Bool
    }

    /// Every `Y-M-D[ h:mm[:ss]]`, `Y/M/D …`, `Y.M.D …` and `Y年M月D日[ h:mm]` in one run of text.
    static func matches(in text: String) -> [Match] {
        let s = Array(text.unicodeScalars)
        var out: [Match] = []
        var i = 0
        while i + 8 <= s.count {
            guard let (date, end, hasTime) = dateAt(s, i) else {
                i += 1
                continue
            }
            let before = String(String.UnicodeScalarView(s[max(0, i - 8)..<i]))
            let after = String(String.UnicodeScalarView(s[end..<min(s.count, end + 8)]))
            let labelled = labels.contains { before.contains($0) || after.contains($0) }
            out.append(Match(date: date, hasTime: hasTime, labelled: labelled))
            i = end
        }
        return out
    }

    /// A date starting at `i` (not inside a longer number): the date, where it ends, and whether
    /// it has a time of day.
    static func dateAt(_ s: [Unicode.Scalar], _ start: Int) -> (Date, Int, Bool)? {
        if start > 0, isDigit(s[start - 1]) { return nil }
        var i = start
        func number(_ maxDigits: Int) -> Int? {
            var v = 0, n = 0
            while i < s.count, n < maxDigits, isDigit(s[i]) {
                v = v * 10 + Int(s[i].value - 48)
                n += 1
                i += 1
            }
            return n > 0 ? v : nil
        }
        guard let year = number(4), i - start == 4, (1990...2099).contains(year), i < s.count else { return nil }
        let chinese = s[i] == "年"
        guard chinese || s[i] == "-" || s[i] == "/" || s[i] == "." else { return nil }
        let separator = s[i]
        i += 1
        guard let month = number(2), i < s.count, s[i] == (chinese ? "月" : separator) else { return nil }
        i += 1
        guard let day = number(2), i == s.count || !isDigit(s[i]) else { return nil }
        if chinese, i < s.count, s[i] == "日" || s[i] == "号" { i += 1 }
        let dateEnd = i
        while i < s.count, s[i] == " " || s[i] == "\u{00A0}" || s[i] == "\u{3000}" { i += 1 }
        var hour = 0, minute = 0, second = 0, hasTime = false
        if let h = number(2), i < s.count, s[i] == ":" || s[i] == "：" {
            i += 1
            if let m = number(2), h < 24, m < 60 {
                (hour, minute, hasTime) = (h, m, true)
                if i < s.count, s[i] == ":", i + 1 < s.count, isDigit(s[i + 1]) {
                    i += 1
                    second = min(number(2) ?? 0, 59)
                }
            }
        }
        if !hasTime { i = dateEnd }
        guard let date = Calendar.utcDate(year: year, month: month, day: day, hour: hour, minute: minute,
                                          second: second, offsetSeconds: 8 * 3600) else { return nil }
        return (date, i, hasTime)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}
