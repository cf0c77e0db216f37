import DigestCore

/// The currency attached to a number, with the factor to whole units (cents, 分, 厘).
struct Money {
    let unit: MetricUnit
    let factor: Double
    /// Scalar offset where the money expression starts (the currency sign, if before).
    let start: Int
    /// Scalar offset just past the currency word, if after.
    let end: Int
}

enum CurrencyRule {
    /// The currency written right before or after the number, if any.
    static func detect(_ ctx: MentionContext) -> Money? {
        let m = ctx.mention
        let before = ctx.text.window(max(0, m.start - 4), m.start)
        let trimmedBefore = String(before.unicodeScalars.reversed().drop { $0 == " " }.reversed()
            .map(Character.init))
        if trimmedBefore.hasSuffix("$") {
            return Money(unit: .usdPerMtok, factor: 1, start: m.start - (before.count - trimmedBefore.count) - 1, end: m.end)
        }
        if trimmedBefore.hasSuffix("¥") || trimmedBefore.hasSuffix("￥") {
            return Money(unit: .cnyPerMtok, factor: 1, start: m.start - 1, end: m.end)
        }
        if trimmedBefore.hasSuffix("usd") || trimmedBefore.hasSuffix("rmb") || trimmedBefore.hasSuffix("cny") {
            let unit: MetricUnit = trimmedBefore.hasSuffix("usd") ? .usdPerMtok : .cnyPerMtok
            return Money(unit: unit, factor: 1, start: m.start - 4, end: m.end)
        }
        let after = ctx.text.window(m.end, min(ctx.text.count, m.end + 8))
        let a = after.drop { $0 == " " }
        let skipped = after.count - a.count
        let table: [(String, MetricUnit, Double)] = [
            ("美元", .usdPerMtok, 1), ("美分", .usdPerMtok, 0.01), ("usd", .usdPerMtok, 1), ("dollars", .usdPerMtok, 1),
            ("dollar", .usdPerMtok, 1), ("cents", .usdPerMtok, 0.01), ("cent", .usdPerMtok, 0.01),
            ("元", .cnyPerMtok, 1), ("块", .cnyPerMtok, 1), ("yuan", .cnyPerMtok, 1), ("rmb", .cnyPerMtok, 1),
            ("分钱", .cnyPerMtok, 0.01), ("厘", .cnyPerMtok, 0.001),
        ]
        for (word, unit, factor) in table where a.hasPrefix(word) {
            if word.first!.isASCII, let next = a.dropFirst(word.count).first, next.isLetter { continue }
            return Money(unit: unit, factor: factor, start: m.start, end: m.end + skipped + word.count)
        }
        if a.hasPrefix("分"), let next = a.dropFirst().first, "/每钱".contains(next) {
            return Money(unit: .cnyPerMtok, factor: 0.01, start: m.start, end: m.end + skipped + 1)
        }
        return nil
    }
}
