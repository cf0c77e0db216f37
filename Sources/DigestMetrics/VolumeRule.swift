import DigestBytes
import DigestCore

/// Amounts of tokens processed: "27T tokens", "日均Token调用量突破30万亿", "4.12兆Token",
/// "19 billion tokens per minute"; not context windows, parameters, speeds, quotas or training data.
enum VolumeRule {
    static func metric(_ ctx: MentionContext) -> TokenMetric? {
        let m = ctx.mention
        guard !m.isPercent else { return nil }
        let right = ctx.nearRight(16)
        let r = String(right.drop { $0 == " " || $0 == "个" || $0 == "個" || $0 == "次" })
        let nouns = ctx.lexicon.tokenNouns
        let tokenAfter = nouns.contains { n in r.hasPrefix(n.hasSuffix("*") ? String(n.dropLast()) : n) }
        let leftClause = ctx.left
        let tokenBefore = Words.containsAny(leftClause, nouns)
            && Words.containsAny(leftClause + ctx.nearRight(6), ctx.lexicon.volumeVerbs)
        let sentenceTokens = Words.containsAny(ctx.sentence, nouns)
        // "智谱旗下 GLM 5 则以1.89万亿位居第八": a large amount in a passage about token volumes.
        let passageTokens = m.value >= 1e11 && TokenContext.covers(ctx.text, at: m.start, ctx.lexicon)
            && Words.containsAny(ctx.text.window(max(0, ctx.sentenceStart - 200), ctx.sentenceStart), nouns)
        // "10T/day": a trillions-or-billions rate per period is a token throughput.
        let compactRate = m.hasMagnitude && ["t", "b"].contains(ctx.text.folded[m.end - 1])
            && Words.containsAny(String(right.prefix(6)), ["/day", "/week", "/month", "/year", "/yr", "/d"])
        guard tokenAfter || compactRate || (m.hasMagnitude && (tokenBefore || (sentenceTokens && m.value >= 1e9) || passageTokens))
        else { return nil }
        guard m.hasMagnitude || m.value >= 100 else { return nil }
        // "per 1K tokens", "/千tokens", "每百万tokens": the unit of a price.
        var before = String(ctx.nearLeft(10).reversed().drop { $0 == " " }.reversed())
        for side in ["输入", "输出", "input", "output"] where before.hasSuffix(side) { before.removeLast(side.count) }  // "每输入100万个Token"
        before = String(before.reversed().drop { $0 == " " }.reversed())
        if before.hasSuffix("per") || before.hasSuffix("/") || before.hasSuffix("每") || before.hasSuffix("every") {
            return nil
        }
        // "19亿次" interactions are not tokens unless the clause speaks of tokens.
        if right.hasPrefix("次"), !Words.containsAny(leftClause, nouns) {
            return nil
        }
        // Not a date, a version or a count of something else (a number with a magnitude is no year:
        // "14.37 万亿年度总消耗量").
        let clauseRight = String(ctx.right.drop { $0 == " " || $0 == "个" || $0 == "個" })
        if !tokenAfter, Words.containsAny(String(clauseRight.prefix(30)), ctx.lexicon.countableNouns + ["parameters", "参数", "dollars"])
            || ["元", "美元", "人", "家", "个", "台", "张"].contains(where: { r.hasPrefix($0) })
            || (!m.hasMagnitude && ["年", "月", "日"].contains(where: { r.hasPrefix($0) })) { return nil }
        if Thresholds.isThreshold(ctx) { return nil }
        // Capacities (context windows, max output, limits) and quotas anywhere before it in its clause.
        let capacities = ["context", "上下文", "max output", "maximum output", "window", "窗口", "上限", "limit", "free tier", "免费",
                          "额度", "quota"]
        if Words.containsAny(ctx.left + " " + lineLabel(ctx), capacities) { return nil }
        let negWindow = ctx.nearLeft(18) + " " + ctx.text.window(m.end, min(ctx.clauseEnd, m.end + 40))
        let perSecond = ["per second", "每秒", "/s", "tokens/s", "tokens per second", "tps"]
        let negatives = m.value >= 1e8 ? ctx.lexicon.volumeNegatives.filter { !perSecond.contains($0) }
                                       : ctx.lexicon.volumeNegatives  // a platform's rate per second is usage
        if Words.containsAny(negWindow, negatives) { return nil }
        let period = Periods.volume(clauseLeft: ctx.left, clauseRight: ctx.right, after: ctx.nearRight(30), sentence: ctx.sentence,
                                    passage: ctx.paragraph, ctx.lexicon)
        var end = m.end
        if tokenAfter, let e = right.scalarEnd(of: "token") ?? right.scalarEnd(of: "令牌") ?? right.scalarEnd(of: "代币") {
            end = m.end + e
            if e < right.unicodeScalars.count, Array(right.unicodeScalars)[e] == "s" { end += 1 }
        }
        return TokenMetric(text: ctx.text.slice(m.start, end), quantity: .tokenVolume, value: m.value, unit: .tokens,
                           period: period, offset: m.start, rule: tokenAfter ? "volume.tokens-after" : "volume.token-context")
    }

    /// The label a line starts with ("Free tier: 50 requests/minute, 1M tokens/day"), if the
    /// number is after it on that line.
    static func lineLabel(_ ctx: MentionContext) -> String {
        let t = ctx.text
        var a = ctx.mention.start
        let low = max(0, a - 300)  // a label opens a short line; no need to walk an endless one
        while a > low, t.folded[a - 1] != "\n" { a -= 1 }
        guard a == 0 || t.folded[a - 1] == "\n" else { return "" }
        guard let colon = (a..<ctx.mention.start).first(where: { t.folded[$0] == ":" }), colon - a <= 24 else { return "" }
        return t.window(a, colon)
    }
}

/// Thresholds are conditions, not measurements: "输入token超过200k时价格翻倍", "prompts over
/// 200K tokens", "单次请求≥10万Tokens享9折" (METRICS-GUIDE §9 keeps them optional).
enum Thresholds {
    static let comparators = ["超过", "超出", "高于", "大于", "多于", "over", "above", "exceeding", "exceeds", "beyond", "≥", ">", "≤", "<", "up to", "以上"]
    static let conditions = ["时", "when", "if", "的部分", "以上部分", "享", "for prompts", "prompts", "请求"]

    static func isThreshold(_ ctx: MentionContext) -> Bool {
        let before = ctx.nearLeft(10).trimmingCharacters(in: .whitespaces)
        guard comparators.contains(where: { before.hasSuffix($0) }) else { return false }
        return Words.containsAny(ctx.right + " " + ctx.left, conditions)
    }
}
