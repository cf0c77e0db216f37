import DigestCore

/// Percents about tokens: growth ("+18.9% WoW", "环比上涨14.41%", "down 97%", "a 20% increase")
/// or share ("61% of token consumption", "49.2%的份额", "份额从46.4%提升到49.2%");
/// "reduced to 25% of the price" is growth 75 down.
enum PercentRule {
    static func metric(_ ctx: MentionContext, weeklyText: Bool) -> TokenMetric? {
        guard ctx.isTokenRelated else { return nil }
        let m = ctx.mention
        let left = ctx.left, right = ctx.right
        let nearL = ctx.nearLeft(24), nearR = ctx.nearRight(40)
        let text = ctx.text.slice(m.sign != 0 ? m.start - 1 : m.start, m.end)
        if Words.containsAny(ctx.nearLeft(14), ["降至", "低至", "reduced to", "cut to", "降到", "只有原价的", "原价的"]) {
            return TokenMetric(text: text, quantity: .growth, value: 100 - m.value, unit: .percent,
                               direction: .down, offset: m.start, rule: "growth.reduced-to")
        }
        let lex = ctx.lexicon
        let shareRight = Words.nearestFromStart(nearR, lex.shareWords).map { $0.distance < 28 } ?? false
        let shareNouns = lex.shareWords.filter { !$0.hasPrefix("of ") && !$0.hasPrefix("的") }
        let priorLevel = Words.containsAny(String(nearL.suffix(18)), ["down from", "up from", "from about", "from around", "从", "從"])
        let shareLeft = Words.containsAny(left, shareNouns)
            || ((priorLevel || ctx.text.window(max(0, m.start - 1), m.start) == "(") && Words.containsAny(ctx.sentence, shareNouns))
        let upL = Words.nearestFromEnd(nearL, lex.growthUp), downL = Words.nearestFromEnd(nearL, lex.growthDown)
        let rightStart = String(nearR.prefix(16))
        let upR = Words.nearestFromStart(rightStart, lex.growthUp), downR = Words.nearestFromStart(rightStart, lex.growthDown)
        let marker = Words.containsAny(String(nearR.prefix(30)) + " " + nearL, lex.growthMarkers)
        let hasDirection = upL != nil || downL != nil || upR != nil || downR != nil
        // A share's level ("份额从46.4%提升到49.2%") is a share even when the sentence says it rose.
        let isShare = (shareRight || shareLeft) && m.sign == 0 && !marker
        if !isShare, m.sign != 0 || marker || hasDirection {
            var dir: MetricDirection = .up
            if m.sign < 0 {
                dir = .down
            } else if m.sign == 0 {
                let candidates = [(upL, MetricDirection.up), (downL, .down), (upR, .up), (downR, .down)]
                    .compactMap { hit, d in hit.map { (d, $0.distance) } }
                dir = candidates.min { $0.1 < $1.1 }?.0 ?? .up
            }
            var period = Periods.growth(String(nearR.prefix(30)) + " " + left + " " + right, lex, weeklyText: weeklyText)
            if period == nil, weeklyText, Words.containsAny(nearR, ["previous period", "上一周期", "上期"]) { period = .week }
            return TokenMetric(text: text, quantity: .growth, value: m.value, unit: .percent, period: period,
                               direction: dir, offset: m.start, rule: "growth")
        }
        // A share of users, revenue or downloads is not a token share.
        if Words.containsAny(String(nearR.prefix(36)), lex.shareNegatives) { return nil }
        if isShare || shareRight {
            return TokenMetric(text: text, quantity: .share, value: m.value, unit: .percent, offset: m.start, rule: "share")
        }
        return nil
    }
}
