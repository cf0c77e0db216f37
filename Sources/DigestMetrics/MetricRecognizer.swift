import DigestCore

/// The token-metric recogniser for English and Chinese text (METRICS-GUIDE.md).
///
/// Each number in the text is classified by one rule, tried in order: price (a currency is
/// attached), percent (growth or share), multiple, rank, count, token volume. Word-only
/// phrases (ordinal ranks, "doubled", streaks in words) are found by `PhraseRules`.
/// Subjects come from `SubjectFinder`; every word list lives in the bundled JSON lexicons.
public struct MetricRecognizer: Sendable {
    let lexicon: Lexicon
    let subjects: SubjectFinder

    /// Creates a recogniser with the bundled lexicons.
    public init() {
        lexicon = Lexicon.shared
        subjects = SubjectFinder(table: SubjectTable.shared)
    }

    /// Every token metric in `text`, in reading order.
    public func metrics(in text: String) -> [TokenMetric] {
        let t = ScalarText(text)
        let mentions = NumberScanner(t, lexicon: lexicon).scan()
        let found = subjects.occurrences(in: t)
        let all = t.window(0, t.count)
        let weekly = all.contains("周") || all.contains("week") || all.contains("週")
        var out: [TokenMetric] = []
        var consumed = Set<Int>()
        for (idx, m) in mentions.enumerated() where !consumed.contains(idx) {
            let ctx = MentionContext(text: t, mention: m, lexicon: lexicon)
            var metric: TokenMetric?
            if let money = CurrencyRule.detect(ctx) {
                metric = PriceRule.metric(ctx, money: money, next: mentions.dropFirst(idx + 1).first)
            } else if m.isPercent {
                metric = PercentRule.metric(ctx, weeklyText: weekly)
            } else if let mult = MultipleRule.metric(ctx, weeklyText: weekly) {
                metric = mult
            } else if let r = RankRule.metric(ctx) {
                metric = r
            } else if let c = CountRule.metric(ctx) {
                metric = c
            } else {
                metric = VolumeRule.metric(ctx)
            }
            guard var found1 = metric else { continue }
            found1.subject = subjects.subject(for: found1, mention: m, in: t, occurrences: found)
            out.append(found1)
        }
        for var p in PhraseRules.metrics(in: t, lexicon: lexicon, weeklyText: weekly)
        where !out.contains(where: { abs($0.offset - p.offset) < 2 }) {
            p.subject = subjects.subject(for: p, mention: nil, in: t, occurrences: found)
            out.append(p)
        }
        consumed.removeAll()
        return out.sorted { $0.offset < $1.offset }
    }
}
