import DigestCore

/// Periods from cue words: measurement windows for volumes, comparison bases for growth.
enum Periods {
    static let order: [MetricPeriod] = [.day, .week, .month, .quarter, .year]

    /// The window of a token volume: from the clause, the sentence, else the one window the
    /// whole passage states ("for the week" applies to every volume in it).
    static func volume(clause: String, sentence: String, passage: String, _ lex: Lexicon) -> MetricPeriod? {
        if Words.containsAny(clause, ["per minute", "每分钟", "每分鐘", "per second", "每秒", "a minute", "/min"]) { return nil }
        if let p = first(in: [clause, sentence], lex) { return p }
        let stated = order.filter { p in lex.periods[p.rawValue].map { Words.containsAny(passage, $0) } ?? false }
        return stated.count == 1 ? stated[0] : nil
    }

    static func first(in texts: [String], _ lex: Lexicon) -> MetricPeriod? {
        for text in texts {
            var best: (MetricPeriod, Int)?
            for p in order {
                guard let words = lex.periods[p.rawValue] else { continue }
                for w in words {
                    if let i = Words.firstIndex(of: w, in: text), best == nil || i < best!.1 { best = (p, i) }
                }
            }
            if let best { return best.0 }
        }
        return nil
    }

    /// The comparison basis of a growth or fold change.
    static func growth(_ window: String, _ lex: Lexicon, weeklyText: Bool) -> MetricPeriod? {
        var best: (MetricPeriod, Int)?
        for p in order {
            guard let words = lex.growthPeriods[p.rawValue] else { continue }
            for w in words {
                if let i = Words.firstIndex(of: w, in: window), best == nil || i < best!.1 { best = (p, i) }
            }
        }
        if let best { return best.0 }
        if window.contains("环比") { return weeklyText ? .week : .month }
        return nil
    }
}
