import DigestCore

/// Chinese discounts: "打2.5折" is paying 25% (growth 75 down), "5折" and "打五折" 50 down,
/// "享9折" 10 down (METRICS-GUIDE §9). "折扣" is the noun "discount", not this form.
enum DiscountRule {
    static func metric(_ ctx: MentionContext) -> TokenMetric? {
        let m = ctx.mention, t = ctx.text
        guard !m.isPercent, !m.hasMagnitude, m.value > 0, m.value < 10, t.folded[safe: m.end] == "折",
              t.folded[safe: m.end + 1] != "扣", ctx.isTokenRelated, Governor.kind(ctx) != .other else { return nil }
        let start = t.folded[safe: m.start - 1] == "打" || t.folded[safe: m.start - 1] == "享" ? m.start - 1 : m.start
        let paid = m.value * 10
        return TokenMetric(text: t.slice(start, m.end + 1), quantity: .growth, value: 100 - paid,
                           unit: .percent, direction: .down, offset: start, rule: "growth.zhe")
    }
}
