import DigestCore
import Foundation

/// The text as lines and blocks (runs of non-blank lines), for reading tables, labels and
/// captions: layouts in which a number's unit is written somewhere else than beside it.
struct TextLines {
    /// Scalar ranges of the lines, without their line feeds.
    let lines: [Range<Int>]

    init(_ t: ScalarText) {
        var out: [Range<Int>] = []
        var start = 0
        for i in 0..<t.count where t.folded[i] == "\n" {
            out.append(start..<i)
            start = i + 1
        }
        out.append(start..<t.count)
        lines = out
    }

    /// Whether line `k` holds only white space.
    func isBlank(_ t: ScalarText, _ k: Int) -> Bool {
        lines[k].allSatisfy { t.folded[$0] == " " || t.folded[$0] == "\t" || t.folded[$0] == "\r" }
    }

    /// Indices of the lines of the block (non-blank run) holding line `k`, before `k`.
    func linesAbove(_ t: ScalarText, _ k: Int, limit: Int) -> [Int] {
        var out: [Int] = []
        var j = k - 1
        while j >= 0, out.count < limit, !isBlank(t, j) {
            out.append(j)
            j -= 1
        }
        return out.reversed()
    }
}

/// What a header, caption or label says of the numbers under or after it: a price unit, a
/// currency, a side.
struct ColumnMeaning {
    var unit: PriceUnit?
    var currency: MetricUnit?
    var sides: [PriceSide] = []

    var isPrice: Bool { unit != nil }

    /// Read from the text of `range`: the first price unit (after a currency sign or on its own:
    /// "Input $/M", "输入价格（元/M Tokens）", "Price per 1M tokens", "每百万 Token 费用"), the
    /// first currency, and the side words in order (a parenthesis refines the side before it:
    /// "Input (Cache Hit)" is cached).
    init(_ t: ScalarText, _ range: Range<Int>, lexicon: Lexicon) {
        guard !range.isEmpty else { return }
        unit = PriceUnitGrammar.firstUnit(in: t, range: range, lexicon: lexicon)
        currency = Self.currency(t, range)
        var hits = Sides.all(in: t, range: range, lexicon: lexicon)
        var merged: [Sides.Hit] = []
        for h in hits {
            if let last = merged.last, t.window(last.end, h.start).trimmingCharacters(in: .whitespaces) == "(" {
                merged[merged.count - 1] = Sides.Hit(side: h.side == .input ? last.side : h.side, start: last.start, end: h.end)
            } else {
                merged.append(h)
            }
        }
        hits = merged
        sides = hits.map(\.side)
    }

    init() {}

    /// The side a row label names: cached if it says so anywhere ("Input (Cache Hit)"), else its first.
    static func labelSide(_ t: ScalarText, _ range: Range<Int>, lexicon: Lexicon) -> PriceSide? {
        let hits = Sides.all(in: t, range: range, lexicon: lexicon).map(\.side)
        return hits.contains(.cached) ? .cached : hits.first
    }

    static let usd: [Unicode.Scalar] = ["u", "s", "d"], rmb: [Unicode.Scalar] = ["r", "m", "b"], cny: [Unicode.Scalar] = ["c", "n", "y"]

    static func currency(_ t: ScalarText, _ range: Range<Int>) -> MetricUnit? {
        for i in range {
            switch t.folded[i] {
            case "$": return .usdPerMtok
            case "¥", "￥": return .cnyPerMtok
            case "元", "块": return t.folded[safe: i - 1] == "美" ? .usdPerMtok : .cnyPerMtok
            case "u": if t.matches(usd, at: i) { return .usdPerMtok }
            case "r", "c": if t.matches(rmb, at: i) || t.matches(cny, at: i) { return .cnyPerMtok }
            default: break
            }
        }
        return nil
    }
}
