import DigestBytes
import DigestCore

/// Streaks and holdings in a token ranking: "five consecutive weeks", "连续三周", "独占四席",
/// "six of the top ten models".
enum CountRule {
    static let streakUnits: [(String, MetricPeriod)] = [
        ("周", .week), ("星期", .week), ("week", .week), ("个月", .month), ("月", .month), ("month", .month),
        ("天", .day), ("日", .day), ("day", .day), ("年", .year), ("year", .year), ("季度", .quarter), ("quarter", .quarter),
    ]

    static func metric(_ ctx: MentionContext) -> TokenMetric? {
        let m = ctx.mention
        guard !m.isPercent, !m.hasMagnitude, m.value >= 1, m.value < 1000, m.value == m.value.rounded() else { return nil }
        let after = ctx.nearRight(24)
        if ["custom", "client", "compan", "organi", "客户", "企业"].contains(where: { String(after.prefix(16)).includes($0) }),
           let c = customers(ctx) { return c }
        // Cheap first: a streak or holding needs its unit right after the number.
        let head = String(after.prefix(14))
        guard ["周", "週", "星期", "月", "天", "日", "年", "季", "week", "month", "day", "year", "quarter", "席", "top"]
            .contains(where: { head.includes($0) }) else { return nil }
        let before = ctx.nearLeft(8)
        var period: MetricPeriod?
        var isCount = false
        var end = m.end
        for (unit, p) in streakUnits {
            let afterTrim = String(after.drop { $0 == " " })
            if afterTrim.hasPrefix(unit) || afterTrim.hasPrefix("consecutive " + unit) || afterTrim.hasPrefix("straight " + unit)
                || afterTrim.hasPrefix("个" + unit) {
                let tight = String(before.reversed().drop { $0 == " " }.reversed())
                let streak = tight.hasSuffix("连续") || tight.hasSuffix("蝉联") || tight.hasSuffix("連續")
                    || (unit.first!.isASCII && (Words.containsAny(String(afterTrim.prefix(28)), ctx.lexicon.countStreak)
                        || tight.hasSuffix("for")))
                if streak {
                    isCount = true
                    period = p
                    if let e = afterTrim.scalarEnd(of: unit) {
                        end = m.end + (after.unicodeScalars.count - afterTrim.unicodeScalars.count) + e
                    }
                }
                break
            }
        }
        if !isCount, ["占", "占据", "獨佔", "独占", "拿下", "包揽", "斩获", "佔據", "佔"].contains(where: { before.hasSuffix($0) }),
           after.hasPrefix("席") || after.hasPrefix("个席位") {
            isCount = true
            end = m.end + 1
        }
        if !isCount, after.hasPrefix(" of the top") || after.hasPrefix("of the top") {
            isCount = true
        }
        guard isCount, ctx.isTokenRelated, Governor.kind(ctx) != .other else { return nil }
        return TokenMetric(text: ctx.text.slice(m.start, end), quantity: .count, value: m.value, unit: .count,
                           period: period, offset: m.start, rule: "count")
    }

    /// "30 customers who've each burned through over 1 trillion tokens", "375 家客户 Token 用量超过
    /// 1 万亿": customers above a token threshold are counted.
    static func customers(_ ctx: MentionContext) -> TokenMetric? {
        let m = ctx.mention
        let after = ctx.nearRight(14).trimmingCharacters(in: .whitespaces)
        guard let noun = ["customers", "clients", "companies", "organizations", "家客户", "个客户", "家企业", "位客户"]
            .first(where: { after.hasPrefix($0) }) else { return nil }
        let rest = ctx.text.window(m.end, ctx.sentenceEnd)
        guard Words.containsAny(rest, ["over", "more than", "above", "at least", "超过", "逾", "以上"]),
              Words.containsAny(rest, ctx.lexicon.tokenNouns) else { return nil }
        let end = m.end + (ctx.nearRight(14).unicodeScalars.count - after.unicodeScalars.count) + noun.unicodeScalars.count
        return TokenMetric(text: ctx.text.slice(m.start, end), quantity: .count, value: m.value, unit: .count,
                           offset: m.start, rule: "count.customers")
    }
}
