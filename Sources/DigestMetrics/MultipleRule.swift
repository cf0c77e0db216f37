import DigestCore

/// Folds and ratios of token volumes or prices: "4x US", "美国的2.11倍", "增长了300多倍", "17 times".
enum MultipleRule {
    static func metric(_ ctx: MentionContext, weeklyText: Bool) -> TokenMetric? {
        let m = ctx.mention
        guard !m.isPercent else { return nil }
        let after = ctx.text.window(m.unitEnd, min(ctx.text.count, m.unitEnd + 8))
        let a = String(after.drop { $0 == " " || $0 == "多" || $0 == "余" })
        let marker: String? = ["x", "×", "倍", "times", "-fold", "fold", "-to-1", "-to-one", " to 1", ":1"].first { w in
            guard a.hasPrefix(w) else { return false }
            if w == ":1" || w == " to 1" || w == "-to-1" {  // "3-to-1 ratio", "3:1", not "3:15"
                return !(a.dropFirst(w.count).first?.isNumber ?? false)
            }
            if w == "x" || w == "×" || w == "times" || w == "fold" {
                let rest = a.dropFirst(w.count)
                return rest.first.map { !$0.isLetter && !$0.isNumber || $0 == "多" } ?? true  // not "28x28" pixels
            }
            return true
        }
        guard let marker, ctx.isTokenRelated, Governor.kind(ctx) != .other else { return nil }
        if Words.containsAny(ctx.nearRight(20), ["context", "上下文", "参数", "parameters"])
            || Words.containsAny(ctx.left + " " + ctx.nearRight(20), ctx.lexicon.speedWords)
            || Words.containsAny(ctx.left.isEmpty ? ctx.nearLeft(16) : ctx.left, ctx.lexicon.hypothetical) {
            return nil
        }
        let change = Words.containsAny(ctx.nearLeft(16) + " " + ctx.nearRight(14), ctx.lexicon.multipleChange)
        let window = ctx.left + " " + ctx.right
        let period = change ? Periods.growth(window, ctx.lexicon, weeklyText: weeklyText) : nil
        let end = m.unitEnd + (after.count - a.count) + marker.count
        return TokenMetric(text: ctx.text.slice(m.start, end), quantity: .multiple, value: m.value, unit: .x,
                           period: period, direction: change ? .up : nil, offset: m.start, rule: "multiple.\(marker)")
    }
}
