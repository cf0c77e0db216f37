import DigestBytes
import DigestCore

/// Percents about tokens: growth ("+18.9% WoW", "环比上涨14.41%", "down 97%", "a 20% increase",
/// "75% off", "降幅達50%") or share ("61% of token consumption", "49.2%的份额", "13.7%周调用量",
/// "份额从46.4%提升到49.2%"); "reduced to 25% of the price" is growth 75 down. What the percent
/// measures (`Governor`) decides first: a percent of revenue, users or capex is none of these.
enum PercentRule {
    static let reducedTo = ["降至", "低至", "reduced to", "cut to", "降到", "只有原价的", "原价的", "降为"]

    /// `previous` is the metric found just before in the same sentence, if any.
    static func metric(_ ctx: MentionContext, weeklyText: Bool, previous: TokenMetric?) -> TokenMetric? {
        let governor = Governor.kind(ctx)
        guard governor != .other else { return nil }
        // "大模型市场份额46%": a share of the model market, even in a sentence that never says "token".
        let marketShare = governor == .share && MarketShare.isOfModels(ctx)
        guard ctx.isTokenRelated || marketShare else { return nil }
        let m = ctx.mention, lex = ctx.lexicon
        let left = ctx.left, right = ctx.right
        let nearL = ctx.nearLeft(24), nearR = ctx.nearRight(40)
        let text = ctx.text.slice(m.sign != 0 ? m.start - 1 : m.start, m.end)
        func growth(_ value: Double, _ dir: MetricDirection, _ period: MetricPeriod?, _ rule: String) -> TokenMetric {
            TokenMetric(text: text, quantity: .growth, value: value, unit: .percent, period: period, direction: dir,
                        offset: m.start, rule: rule)
        }
        func share(_ rule: String) -> TokenMetric {
            TokenMetric(text: text, quantity: .share, value: m.value, unit: .percent, offset: m.start, rule: rule)
        }
        // "降至原价的50%": the price cut to a level; a share that falls to a level is still a share.
        if governor != .share, Words.containsAny(String(left.suffix(12)), reducedTo) {
            return growth(100 - m.value, .down, nil, "growth.reduced-to")
        }
        let upL = Words.nearestFromEnd(nearL, lex.growthUp), downL = Words.nearestFromEnd(nearL, lex.growthDown)
        let rightStart = String(nearR.prefix(16))
        let upR = Words.nearestFromStart(rightStart, lex.growthUp), downR = Words.nearestFromStart(rightStart, lex.growthDown)
        let marker = Words.containsAny(String(nearR.prefix(30)) + " " + nearL, lex.growthMarkers)
        let hasDirection = upL != nil || downL != nil || upR != nil || downR != nil
        // The basis is stated before the next figure: "+18.9% WoW", not the next clause's "同比".
        let untilNext = String(nearR.prefix(30).prefix { !$0.isNumber })
        let periodWindow = untilNext + " " + left + " " + String(right.prefix { !$0.isNumber })
        // Levels: "from 0% to over 50%", "从 46.4% 提升到 49.2%": what they are levels of decides.
        if Levels.isLevel(ctx) {
            if governor == .growth {
                return growth(m.value, .up, Periods.growth(periodWindow + " " + ctx.sentence, lex, weeklyText: weeklyText), "growth.level")
            }
            if governor == .token || governor == .share || Words.containsAny(ctx.sentence, lex.shareWords) { return share("share.level") }
        }
        let shareRight = Words.nearestFromStart(nearR, lex.shareWords).map { $0.distance < 28 } ?? false
        let shareNouns = lex.shareWords.filter { !$0.hasPrefix("of ") && !$0.hasPrefix("的") }
        let priorLevel = Words.containsAny(String(nearL.suffix(18)), ["down from", "up from", "from about", "from around", "从"])
        let shareLeft = Words.containsAny(left, shareNouns)
            || ((priorLevel || ctx.text.window(max(0, m.start - 1), m.start) == "(") && Words.containsAny(ctx.sentence, shareNouns))
        // A share's level ("份额从46.4%提升到49.2%") is a share even when the sentence says it rose.
        let isShare = (shareRight || shareLeft || governor == .share) && m.sign == 0 && !marker
        if !isShare, m.sign != 0 || marker || hasDirection {
            var dir: MetricDirection = .up
            if m.sign < 0 {
                dir = .down
            } else if m.sign == 0 {
                let candidates = [(upL, MetricDirection.up), (downL, .down), (upR, .up), (downR, .down)]
                    .compactMap { hit, d in hit.map { (d, $0.distance) } }
                dir = candidates.min { $0.1 < $1.1 }?.0 ?? .up
            }
            var period = Periods.growth(periodWindow, lex, weeklyText: weeklyText)
            if period == nil, weeklyText, Words.containsAny(nearR, ["previous period", "上一周期", "上期"]) { period = .week }
            return growth(m.value, dir, period, "growth")
        }
        // A share of users, revenue or downloads is not a token share.
        if Words.containsAny(String(nearR.prefix(36)), lex.shareNegatives) { return nil }
        if isShare || shareRight { return share("share") }
        // "13.7%周调用量", "调用量达到30%": a bare percent of token usage is its share.
        if governor == .token, m.sign == 0 { return share("share.of-usage") }
        // "闭源模型占据 70% 的 token 消耗量，而开源模型保持在 30%": a parallel figure.
        if previous?.quantity == .share { return share("share.parallel") }
        // "Week-over-week growth % … (35%, 51%, 103%)": a label naming growth and its basis.
        if governor == .growth, let p = Periods.growth(ctx.sentence, lex, weeklyText: weeklyText) {
            return growth(m.value, .up, p, "growth.labelled")
        }
        return nil
    }
}

/// Percents that are levels, not changes: the ends of "from A% to B%".
enum Levels {
    static func isLevel(_ ctx: MentionContext) -> Bool {
        var before = ctx.nearLeft(14)
        for filler in ["over ", "more than ", "about ", "around ", "nearly ", "almost ", "约", "近", "超"] where before.hasSuffix(filler) {
            before.removeLast(filler.count)
        }
        let b = before.trimmingCharacters(in: .whitespaces)
        if b.hasSuffix("from") || b.hasSuffix("从") { return true }
        guard b.hasSuffix(" to") || b.hasSuffix("到") || b.hasSuffix("至") || b == "to" else { return false }
        // "to B%" is a level when "from A%" comes before it in the sentence.
        let sentenceLeft = ctx.text.window(ctx.sentenceStart, ctx.mention.start)
        return Words.containsAny(sentenceLeft, ["from", "从"]) && sentenceLeft.includes("%")
    }
}

/// Shares of the market for models ("公有云大模型市场份额", "LLM market share"), not of a cloud or
/// a device market.
enum MarketShare {
    static func isOfModels(_ ctx: MentionContext) -> Bool {
        let s = Array(ctx.sentence.unicodeScalars)
        for share in ["市场份额", "market share"] {
            let w = Array(share.unicodeScalars)
            guard s.count >= w.count else { continue }
            for i in 0...(s.count - w.count) where Array(s[i..<(i + w.count)]) == w {
                let before = String(String.UnicodeScalarView(s[max(0, i - 10)..<i]))
                if Words.containsAny(before, ["大模型", "模型", "llm", "model"]) { return true }
            }
        }
        return false
    }
}
