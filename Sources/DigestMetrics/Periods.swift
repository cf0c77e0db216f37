import DigestBytes
import DigestCore

/// Periods from cue words: measurement windows for volumes, comparison bases for growth.
enum Periods {
    static let order: [MetricPeriod] = [.day, .week, .month, .quarter, .year]

    /// The window of a token volume: from the clause, the sentence, else the one window the
    /// whole passage states ("for the week" applies to every volume in it).
    /// Words that place a figure in time rather than state its window ("In April of this year,
    /// … daily usage"): a sentence's explicit window word wins over them.
    static let references = ["this week", "last week", "that week", "this month", "last month", "this year", "last year",
                             "this quarter", "本周", "上周", "本月", "上月", "当月", "今年", "去年", "本季"]

    static func volume(clauseLeft: String, clauseRight: String, after: String = "", sentence: String, passage: String,
                       _ lex: Lexicon) -> MetricPeriod? {
        let clause = clauseLeft + " " + clauseRight
        if Words.containsAny(clause, ["per minute", "每分钟", "每分鐘", "per second", "每秒", "a minute", "/min"]) { return nil }
        if let p = nearest(left: clauseLeft, right: clauseRight, lex) { return p }
        if let p = first(in: [sentence], lex, excluding: references) ?? first(in: [sentence], lex) { return p }
        if namesACalendarMonth(clauseLeft) || monthNames.contains(where: { Words.contains(String(clauseRight.prefix(28)), "in " + $0) }) {
            return .month
        }
        if spansAWeek(clauseLeft + " " + clauseRight + " " + after) { return .week }
        let stated = order.filter { p in lex.periods[p.rawValue].map { Words.containsAny(passage, $0) } ?? false }
        return stated.count == 1 ? stated[0] : nil
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    /// "在2025年7月处理了…", "in July": a total for one calendar month.
    static func namesACalendarMonth(_ left: String) -> Bool {
        let s = Array(left.unicodeScalars)
        for (i, c) in s.enumerated() where c == "月" {
            let digitBefore = i > 0 && (48...57).contains(s[i - 1].value)
            let dayAfter = i + 1 < s.count && ((48...57).contains(s[i + 1].value) || s[i + 1] == "底" || s[i + 1] == "初")
            guard digitBefore, !dayAfter, !left.includes("截至"), !left.includes("以来") else { continue }
            // "在2025年7月处理了…": the month is when it happened, not where a change started.
            let lead = String(String.UnicodeScalarView(s[max(0, i - 10)..<i]))
            if lead.includes("在") || lead.includes("于") || lead.includes("於") { return true }
        }
        return monthNames.contains { Words.contains(left, "in " + $0) }
    }

    /// "3月9日至3月15日", "9日至15日": a seven-day window.
    static func spansAWeek(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        func number(endingAt i: Int) -> Int? {
            var j = i, v = 0, mult = 1
            while j >= 0, (48...57).contains(s[j].value) {
                v += Int(s[j].value - 48) * mult
                mult *= 10
                j -= 1
            }
            return mult > 1 ? v : nil
        }
        for (i, c) in s.enumerated() where c == "至" || c == "-" || c == "到" {
            guard i >= 2, s[i - 1] == "日", let a = number(endingAt: i - 2) else { continue }
            var k = i + 1
            while k < s.count, (48...57).contains(s[k].value) || s[k] == "月" { k += 1 }
            guard k < s.count, s[k] == "日", let b = number(endingAt: k - 1) else { continue }
            if (b - a == 6) || (a - b >= 21 && a - b <= 24) { return true }
        }
        return false
    }

    /// The cue closest to the number: the end of the clause's left part or the start of its right part.
    static func nearest(left: String, right: String, _ lex: Lexicon) -> MetricPeriod? {
        var best: (MetricPeriod, Int)?
        for p in order {
            guard let words = lex.periods[p.rawValue] else { continue }
            if let h = Words.nearestFromEnd(left, words), best == nil || h.distance < best!.1 { best = (p, h.distance) }
            if let h = Words.nearestFromStart(right, words), best == nil || h.distance < best!.1 { best = (p, h.distance) }
        }
        return best?.0
    }

    static func first(in texts: [String], _ lex: Lexicon, excluding: [String] = []) -> MetricPeriod? {
        for text in texts {
            var best: (MetricPeriod, Int)?
            for p in order {
                guard let words = lex.periods[p.rawValue] else { continue }
                for w in words where !excluding.contains(w) {
                    if let i = Words.firstIndex(of: w, in: text), best == nil || i < best!.1 { best = (p, i) }
                }
            }
            if let best { return best.0 }
        }
        return nil
    }

    /// The comparison basis of a growth or fold change.
    static func growth(_ raw: String, _ lex: Lexicon, weeklyText: Bool) -> MetricPeriod? {
        // "比去年底", "较年初": since a point in time, not a year-on-year comparison.
        var window = raw
        for since in ["去年底", "去年末", "去年初", "年初", "年底", "年末", "上半年", "下半年", "since"] where window.includes(since) {
            window = window.replacingOccurrences(of: since, with: " ")
        }
        var best: (MetricPeriod, Int)?
        for p in order {
            guard let words = lex.growthPeriods[p.rawValue] else { continue }
            for w in words {
                if let i = Words.firstIndex(of: w, in: window), best == nil || i < best!.1 { best = (p, i) }
            }
        }
        if let best { return best.0 }
        if window.includes("环比") { return weeklyText ? .week : .month }
        // "more than double the number in May", "May's total": against the month before.
        for month in monthNames {
            for form in ["the number in " + month, "the figure in " + month, "than in " + month, month + "'s", month + "’s",
                         "compared with " + month, "compared to " + month] where Words.contains(window, form) {
                return .month
            }
        }
        return nil
    }
}
