import DigestCore

/// Percents about tokens: growth ("+18.9% WoW", "环比上涨14.41%", "down 97%") or share
/// ("61% of token consumption", "49.2%的份额"); "reduced to 25% of the price" is growth 75 down.
enum PercentRule {
    static func metric(_ ctx: MentionContext, weeklyText: Bool) -> TokenMetric? {
        guard ctx.isTokenRelated else { return nil }
        let m = ctx.mention
        let left = ctx.left, right = ctx.right
        let nearL = ctx.nearLeft(14), nearR = ctx.nearRight(24)
        let text = ctx.text.slice(m.sign != 0 ? m.start - 1 : m.start, m.end)
        if Words.containsAny(nearL, ["降至", "低至", "reduced to", "cut to", "降到", "只有原价的", "原价的"]) {
            return TokenMetric(text: text, quantity: .growth, value: 100 - m.value, unit: .percent,
                               direction: .down, offset: m.start, rule: "growth.reduced-to")
        }
        let shareHit = Words.containsAny(nearR, ["份额", "的份额", "市场份额", "share", "of token", "of tokens", "of all",
                                                  "of total", "of the total", "of global", "of usage", "of openrouter",
                                                  "of the token", "of consumption", "of traffic", "of volume", "of the market",
                                                  "的token", "的调用", "的用量", "的流量"])
            || Words.containsAny(nearL, ["份额", "占比", "占", "share of", "accounted for", "accounting for", "accounts for",
                                         "account for", "made up", "makes up", "比重", "share"])
            || Words.containsAny(left, ["share of", "market share", "份额", "占比"])
        let upHit = Words.nearestFromEnd(nearL, ctx.lexicon.growthUp)
        let downHit = Words.nearestFromEnd(nearL, ctx.lexicon.growthDown)
        let markerHit = Words.containsAny(nearR + " " + nearL, ctx.lexicon.growthMarkers)
        let isGrowth = m.sign != 0 || markerHit || ((upHit != nil || downHit != nil) && !shareHit)
        if isGrowth {
            var dir: MetricDirection = .up
            if m.sign < 0 { dir = .down } else if m.sign > 0 { dir = .up } else if let d = downHit {
                dir = (upHit.map { $0.distance < d.distance } ?? false) ? .up : .down
            } else if upHit == nil, let r = Words.nearestFromStart(nearR, ctx.lexicon.growthDown), r.distance < 6 {
                dir = .down
            }
            let period = Periods.growth(nearR + " " + left + " " + right, ctx.lexicon, weeklyText: weeklyText)
            return TokenMetric(text: text, quantity: .growth, value: m.value, unit: .percent, period: period,
                               direction: dir, offset: m.start, rule: "growth")
        }
        if shareHit {
            return TokenMetric(text: text, quantity: .share, value: m.value, unit: .percent, offset: m.start,
                               rule: "share")
        }
        return nil
    }
}
