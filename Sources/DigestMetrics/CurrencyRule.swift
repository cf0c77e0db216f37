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
    static let after: [([Unicode.Scalar], MetricUnit, Double)] = ([
        ("美元", .usdPerMtok, 1), ("美金", .usdPerMtok, 1), ("美分", .usdPerMtok, 0.01), ("¢", .usdPerMtok, 0.01), ("usd", .usdPerMtok, 1), ("dollars", .usdPerMtok, 1),
        ("dollar", .usdPerMtok, 1), ("cents", .usdPerMtok, 0.01), ("cent", .usdPerMtok, 0.01),
        ("元", .cnyPerMtok, 1), ("块", .cnyPerMtok, 1), ("yuan", .cnyPerMtok, 1), ("rmb", .cnyPerMtok, 1),
        ("分钱", .cnyPerMtok, 0.01), ("厘", .cnyPerMtok, 0.001),
    ] as [(String, MetricUnit, Double)]).map { (Array($0.0.unicodeScalars), $0.1, $0.2) }

    /// The currency written right before or after the number, if any (scalar tests, no strings).
    /// A factor of 0 marks money in a currency that has no unit here (NT$): no price.
    static func detect(_ ctx: MentionContext) -> Money? {
        let m = ctx.mention
        let t = ctx.text
        // Before: "$0.28", "¥ 3", "USD 0.5".
        var p = m.start - 1
        while p >= 0, p >= m.start - 4, t.folded[p] == " " { p -= 1 }
        if p >= 0 {
            switch t.folded[p] {
            case "$":
                // NT$, HK$, A$, C$, S$: dollars that are not US dollars (no unit for them here).
                if foreignDollar(t, before: p) { return Money(unit: .usdPerMtok, factor: 0, start: p, end: m.end) }
                return Money(unit: .usdPerMtok, factor: 1, start: p, end: m.end)
            case "¥", "￥": return Money(unit: .cnyPerMtok, factor: 1, start: p, end: m.end)
            default: break
            }
            for (code, unit) in [("usd", MetricUnit.usdPerMtok), ("rmb", .cnyPerMtok), ("cny", .cnyPerMtok)] {
                let w = Array(code.unicodeScalars)
                if p - 2 >= 0, t.matches(w, at: p - 2) { return Money(unit: unit, factor: 1, start: p - 2, end: m.end) }
            }
        }
        // After: "0.5元", "15 cents", "3 yuan", "0.8厘", "0.5 分/百万".
        var q = m.end
        while q < t.count, q < m.end + 3, t.folded[q] == " " { q += 1 }
        for (word, unit, factor) in after where t.matches(word, at: q) {
            let end = q + word.count
            if Words.isWordChar(word[0]), end < t.count, t.isLatinLetter(end) { continue }
            return Money(unit: unit, factor: factor, start: m.start, end: end)
        }
        if q + 1 < t.count, t.folded[q] == "分", ["/", "每", "钱"].contains(t.folded[q + 1]) {
            return Money(unit: .cnyPerMtok, factor: 0.01, start: m.start, end: q + 1)
        }
        return nil
    }

    /// Dollars that are not US dollars: NT$, HK$, A$, C$, S$, NZ$, R$ written as a word of their own.
    static let foreignDollars: Set<String> = ["nt", "hk", "a", "au", "c", "ca", "s", "sg", "nz", "r", "mx"]

    static func foreignDollar(_ t: ScalarText, before p: Int) -> Bool {
        var a = p
        while a > 0, t.isLatinLetter(a - 1) { a -= 1 }
        guard a < p, p - a <= 2 else { return false }
        return foreignDollars.contains(t.window(a, p))
    }
}
