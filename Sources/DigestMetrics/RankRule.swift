import DigestCore

/// Positions in a token ranking: "No. 1", "#2", "第四席位", "全球第三", "ranked 3rd"; never "top 10".
enum RankRule {
    static func metric(_ ctx: MentionContext) -> TokenMetric? {
        let m = ctx.mention
        guard !m.isPercent, !m.hasMagnitude, m.value >= 1, m.value <= 100, m.value == m.value.rounded() else { return nil }
        let before = ctx.text.window(max(ctx.sentenceStart, m.start - 4), m.start)
        let after = ctx.nearRight(4)
        var isRank = false
        if before.hasSuffix("第") {
            isRank = !after.hasPrefix("一季") && !after.hasPrefix("季") && !after.hasPrefix("个") && !after.hasPrefix("次")
                && !after.hasPrefix("天") && !after.hasPrefix("周") && !after.hasPrefix("期") && !after.hasPrefix("代")
                && !after.hasPrefix("届") && !after.hasPrefix("批") && !after.hasPrefix("年")
        } else if before.hasSuffix("no. ") || before.hasSuffix("no.") || before.hasSuffix("#") || before.hasSuffix("number ") {
            isRank = true
        } else if ["st", "nd", "rd", "th"].contains(where: { after.hasPrefix($0) }),
                  Words.containsAny(ctx.nearLeft(12) + ctx.nearRight(16), ["rank", "ranked", "place", "position", "spot"]) {
            isRank = true
        }
        guard isRank, ctx.isTokenRelated else { return nil }
        if Words.containsAny(ctx.nearLeft(6), ctx.lexicon.rankNegatives) { return nil }
        let start = before.hasSuffix("第") ? m.start - 1 : m.start
        return TokenMetric(text: ctx.text.slice(start, m.end), quantity: .rank, value: m.value, unit: .rank,
                           offset: start, rule: "rank")
    }
}
