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
        gate = SentenceMap.Gate(words: lexicon.tokenContext + lexicon.tokenNouns
            + ["百万", "千", "per m", "/m", "每", "/1m", "/1k", "/k", "per 1", "mtok", "折", "份额", "market share"])
    }

    /// Every token metric in `text`, in reading order.
    public func metrics(in text: String) -> [TokenMetric] {
        let t = ScalarText(text)
        // Sentences far from any token, usage or price word are never looked at by the rules:
        // one pass marks them, and numbers, phrases and names are only sought where it counts.
        let map = SentenceMap(t, gate: gate)
        let regions = map.regions()
        let scanner = NumberScanner(t, lexicon: lexicon)
        // Tables, price blocks and label lines first: their numbers take units from elsewhere.
        let layout = TableReader.read(t, scanner: scanner, lexicon: lexicon)
        let mentions = regions.flatMap { scanner.scan($0) }.filter { m in !layout.claimed.contains { $0.contains(m.start) } }
        let found = map.regions(before: 2).flatMap { subjects.occurrences(in: t, range: $0) }
        let weekly = map.mentionsWeek
        var out: [TokenMetric] = layout.metrics.map { m in
            var m = m
            if m.subject == nil { m.subject = subjects.subject(for: m, mention: nil, in: t, occurrences: found) }
            return m
        }
        let contexts = mentions.map { MentionContext(text: t, mention: $0, lexicon: lexicon) }
        var priceUnits: [Range<Int>] = []
        let moneys = contexts.map(CurrencyRule.detect)
        for (idx, m) in mentions.enumerated() {
            let ctx = contexts[idx]
            var metric: TokenMetric?
            if let money = moneys[idx] {
                let neighbours = Self.neighbours(of: idx, in: moneys, mentions: mentions,
                                                 sentence: ctx.sentenceStart..<ctx.sentenceEnd)
                metric = PriceRule.metric(ctx, money: money, neighbours: neighbours, units: &priceUnits)
            } else if m.isFraction {
                metric = FractionRule.metric(ctx)
            } else if let d = DiscountRule.metric(ctx) {
                metric = d
            } else if m.isPercent {
                let previous = out.last.flatMap { $0.offset >= ctx.sentenceStart ? $0 : nil }
                metric = PercentRule.metric(ctx, weeklyText: weekly, previous: previous)
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
        let taken = Set(out.flatMap { [$0.offset - 1, $0.offset, $0.offset + 1] })
        for var p in regions.flatMap({ PhraseRules.metrics(in: t, range: $0, lexicon: lexicon, weeklyText: weekly) })
        where !taken.contains(p.offset) {
            p.subject = subjects.subject(for: p, mention: nil, in: t, occurrences: found)
            out.append(p)
        }
        // "one million tokens costing only 8 RMB": the count of a price's unit is no volume.
        let units = priceUnits.sorted { $0.lowerBound < $1.lowerBound }
        out.removeAll { m in
            m.quantity == .tokenVolume && Self.overlaps(m.offset..<(m.offset + m.text.unicodeScalars.count), units)
        }
        out.sort { $0.offset < $1.offset }
        GrowthLinks.link(&out, in: t, lexicon: lexicon)
        for i in out.indices where out[i].subject == nil {  // a change is about what its figure is about
            if let d = out[i].describes { out[i].subject = out[d].subject }
        }
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

    /// The other amounts of money in a sentence, in reading order: looked for beside the
    /// mention (mentions are in reading order), not across the whole text.
    static func neighbours(of idx: Int, in moneys: [Money?], mentions: [NumberMention], sentence: Range<Int>)
        -> [Money] {
        var lo = idx, hi = idx
        while lo > 0, mentions[lo - 1].end >= sentence.lowerBound { lo -= 1 }
        while hi + 1 < mentions.count, mentions[hi + 1].start < sentence.upperBound { hi += 1 }
        return (lo...hi).compactMap { k in k != idx ? moneys[k].flatMap { sentence.contains($0.start) ? $0 : nil } : nil }
    }

    /// Whether `r` overlaps one of `units` (sorted by start).
    static func overlaps(_ r: Range<Int>, _ units: [Range<Int>]) -> Bool {
        var lo = 0, hi = units.count
        while lo < hi {  // the first unit starting at or after r's end
            let mid = (lo + hi) / 2
            if units[mid].lowerBound < r.upperBound { lo = mid + 1 } else { hi = mid }
        }
        // Units starting before r ends; any of them reaching into r overlaps (checked back to a
        // unit that ends before r starts and starts far before: units are short).
        var k = lo - 1
        while k >= 0 {
            if units[k].overlaps(r) { return true }
            if units[k].lowerBound < r.lowerBound - 64 { break }
            k -= 1
        }
        return false
    }
}
