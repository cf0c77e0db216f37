import DigestCore

/// Periods from cue words: measurement windows for volumes, comparison bases for growth.
enum Periods {
    static let order: [MetricPeriod] = [.day, .week, .month, .quarter, .year]

    /// The window of a token volume, from the clause first, then the sentence.
    static func volume(clause: String, sentence: String, _ lex: Lexicon) -> MetricPeriod? {
        if Words.containsAny(clause, ["per minute", "每分钟", "per second", "每秒", "a minute", "/min"]) { return nil }
        for text in [clause, sentence] {
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
