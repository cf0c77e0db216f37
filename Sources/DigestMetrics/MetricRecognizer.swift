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

    let gate: SentenceMap.Gate

    /// Creates a recogniser with the bundled lexicons.
    public init() {
        lexicon = Lexicon.shared
        subjects = SubjectFinder(table: SubjectTable.shared)
        gate = SentenceMap.Gate(words: lexicon.tokenContext + lexicon.tokenNouns + ["百万", "百萬", "千", "per m", "/m", "每"])
    }

    /// Every token metric in `text`, in reading order.
    public func metrics(in text: String) -> [TokenMetric] {
        let t = ScalarText(text)
        // Sentences far from any token, usage or price word are never looked at by the rules:
        // one pass marks them, and numbers, phrases and names are only sought where it counts.
        let map = SentenceMap(t, gate: gate)
        let regions = map.regions()
        let scanner = NumberScanner(t, lexicon: lexicon)
        let mentions = regions.flatMap { scanner.scan($0) }
        let found = map.regions(before: 2).flatMap { subjects.occurrences(in: t, range: $0) }
        let weekly = map.mentionsWeek
        var out: [TokenMetric] = []
        for (idx, m) in mentions.enumerated() {
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
        for var p in regions.flatMap({ PhraseRules.metrics(in: t, range: $0, lexicon: lexicon, weeklyText: weekly) })
        where !out.contains(where: { abs($0.offset - p.offset) < 2 }) {
            p.subject = subjects.subject(for: p, mention: nil, in: t, occurrences: found)
            out.append(p)
        }
        out.sort { $0.offset < $1.offset }
        // "12.96T tokens …, up 31.48% WoW": a change right after a volume is about the same subject.
        for i in out.indices.dropFirst() where out[i].quantity == .growth {
            let prev = out[i - 1]
            if prev.quantity == .tokenVolume, out[i].offset - prev.offset < 80,
               t.clauseStart(before: out[i].offset, soft: false) <= prev.offset {
                out[i].subject = prev.subject
            }
        }
        return out
    }
}
