import DigestCore

/// Fractions of a price: "降至普通输入的1/10" is a cut to a tenth (growth 90 down, METRICS-GUIDE
/// §9); "only 1/8 of the latter" a ratio (multiple 0.125).
enum FractionRule {
    static func metric(_ ctx: MentionContext) -> TokenMetric? {
        let m = ctx.mention
        guard m.isFraction, ctx.isTokenRelated, Governor.kind(ctx) != .other else { return nil }
        let text = ctx.text.slice(m.start, m.end)
        if Words.containsAny(String(ctx.left.suffix(14)), PercentRule.reducedTo + ["cut to a", "drops to"]) {
            return TokenMetric(text: text, quantity: .growth, value: ((1 - m.value) * 10_000).rounded() / 100, unit: .percent,
                               direction: .down, offset: m.start, rule: "growth.reduced-to-fraction")
        }
        guard Words.containsAny(ctx.nearLeft(10), ["only", "just", "仅为", "仅", "是"]) else { return nil }
        return TokenMetric(text: text, quantity: .multiple, value: m.value, unit: .x, offset: m.start, rule: "multiple.fraction")
    }
}
