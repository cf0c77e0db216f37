import DigestCore

/// Amounts of tokens processed: "27T tokens", "日均Token调用量突破30万亿", "4.12兆Token",
/// "19 billion tokens per minute"; not context windows, parameters, speeds, quotas or training data.
enum VolumeRule {
    static func metric(_ ctx: MentionContext) -> TokenMetric? {
        let m = ctx.mention
        guard !m.isPercent else { return nil }
        let right = ctx.nearRight(16)
        let r = String(right.drop { $0 == " " || $0 == "个" || $0 == "次" })
        let tokenAfter = r.hasPrefix("token") || r.hasPrefix("tok ") || r.hasPrefix("tokens")
        let leftClause = ctx.left
        let tokenBefore = leftClause.contains("token") && Words.containsAny(leftClause + ctx.nearRight(6), ctx.lexicon.volumeVerbs)
        let sentenceTokens = ctx.sentence.contains("token")
        guard tokenAfter || (m.hasMagnitude && (tokenBefore || (sentenceTokens && m.value >= 1e9))) else { return nil }
        guard m.hasMagnitude || m.value >= 100 else { return nil }
        // "per 1K tokens", "/千tokens", "每百万tokens": the unit of a price.
        let before = String(ctx.nearLeft(6).reversed().drop { $0 == " " }.reversed())
        if before.hasSuffix("per") || before.hasSuffix("/") || before.hasSuffix("每") || before.hasSuffix("every") {
            return nil
        }
        // "19亿次" interactions are not tokens unless the clause speaks of tokens.
        if right.hasPrefix("次"), !leftClause.contains("token"), !leftClause.contains("令牌"), !leftClause.contains("词元") {
            return nil
        }
        // Not a date, a version or a count of something else.
        if !tokenAfter, Words.containsAny(String(r.prefix(12)), ["users", "用户", "parameters", "参数", "dollars"])
            || ["年", "月", "日", "元", "美元", "人", "家", "个", "台", "张"].contains(where: { r.hasPrefix($0) }) { return nil }
        let negWindow = ctx.nearLeft(18) + " " + ctx.text.window(m.end, min(ctx.clauseEnd, m.end + 40))
        if Words.containsAny(negWindow, ctx.lexicon.volumeNegatives) { return nil }
        let period = Periods.volume(clause: ctx.left + " " + ctx.right, sentence: ctx.sentence,
                                    passage: ctx.text.window(0, ctx.text.count), ctx.lexicon)
        var end = m.end
        if tokenAfter, let range = right.range(of: "token") {
            end = m.end + right.distance(from: right.startIndex, to: range.upperBound)
            if right[range.upperBound...].hasPrefix("s") { end += 1 }
        }
        return TokenMetric(text: ctx.text.slice(m.start, end), quantity: .tokenVolume, value: m.value, unit: .tokens,
                           period: period, offset: m.start, rule: tokenAfter ? "volume.tokens-after" : "volume.token-context")
    }
}
