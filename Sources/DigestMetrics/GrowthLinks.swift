import DigestCore

/// Which figure a change is a change of: "DeepSeek cut its output price by 50% to ¥8 per million
/// output tokens" links the 50% to the output price, not to the input price stated first;
/// "12.96T tokens, up 31.48% WoW" links the growth to the volume. The same sentence (or a price of
/// the sentence before, when the change names it: "The new output price is down 40%"); the same
/// clause first, then a side word the change names, then a price when the change is of a price,
/// then the nearest.
enum GrowthLinks {
    static func link(_ metrics: inout [TokenMetric], in t: ScalarText, lexicon: Lexicon) {
        // Figures by offset: each change looks only at those of its sentence and the one before
        // (a binary search, not every figure of the text: a long page made this quadratic).
        let figures = metrics.indices.filter { [.tokenVolume, .tokenPrice, .share].contains(metrics[$0].quantity) }
            .sorted { metrics[$0].offset < metrics[$1].offset }
        let offsets = figures.map { metrics[$0].offset }
        func firstFigure(atOrAfter offset: Int) -> Int {
            var lo = 0, hi = offsets.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if offsets[mid] < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        for g in metrics.indices where metrics[g].quantity == .growth {
            let at = metrics[g].offset
            let start = t.clauseStart(before: at, soft: false)
            let sentence = start..<t.clauseEnd(after: at, soft: false)
            // The sentence before too, when the change names what it is of ("The new output price is down 40%").
            let before = start > 0 ? t.clauseStart(before: start - 1, soft: false)..<start : start..<start
            let clause = t.clauseStart(before: at)..<t.clauseEnd(after: at)
            let sides = Sides.all(in: t, range: clause, lexicon: lexicon).map(\.side)
            let ofPrice = Words.containsAny(t.window(clause.lowerBound, clause.upperBound),
                                            ["price", "pricing", "cost", "价格", "价", "成本", "费用", "降价"])
            var best: (index: Int, score: Int)?
            let near = firstFigure(atOrAfter: min(before.lowerBound, sentence.lowerBound))..<firstFigure(atOrAfter: sentence.upperBound)
            for j in figures[near] where j != g {
                let m = metrics[j]
                var score = -abs(m.offset - at)
                if before.contains(m.offset) {
                    guard let side = m.side, sides.contains(side) || (ofPrice && m.quantity == .tokenPrice) else { continue }
                    score -= 2_000
                } else if !sentence.contains(m.offset) {
                    continue
                }
                if clause.contains(m.offset) { score += 1_000 }
                if m.quantity == .tokenPrice, ofPrice { score += 500 }
                if let side = m.side, sides.contains(side) { score += 300 }
                if m.subject != nil, m.subject == metrics[g].subject { score += 50 }
                if best == nil || score > best!.score { best = (j, score) }
            }
            metrics[g].describes = best?.index
        }
    }
}
