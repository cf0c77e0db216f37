/// What a number measures: the noun that governs it. A percent or a multiple is a token metric
/// only when what it measures is token usage, a token price, a share or a growth rate of those —
/// "ARR grew by 50%", "资本支出同比增长39%", "收益提升2.7倍", "15倍投资报酬率" are not, even
/// in a sentence that speaks of tokens.
enum NounClass: String, CaseIterable {
    case token, price, share, growth, other
}

enum Governor {
    /// Class nouns folded, with their class.
    static let nouns: [(word: String, kind: NounClass)] = NounClass.allCases.flatMap { kind in
        (Lexicon.shared.nounClasses[kind.rawValue] ?? []).map { ($0, kind) }
    }

    /// The class of the noun nearest the number: in its clause first (left, then a little to the
    /// right), else earlier in its sentence. An "other" noun right before a price or token noun
    /// makes the compound other ("套餐价格", "subscription price").
    static func kind(_ ctx: MentionContext) -> NounClass? {
        let t = ctx.text, m = ctx.mention
        let leftStart = ctx.clauseStart, rightEnd = min(ctx.clauseEnd, m.unitEnd + 16)
        let found = nearest(t, from: leftStart, to: m.start, fromEnd: true)
            ?? nearest(t, from: m.unitEnd, to: rightEnd, fromEnd: false)
            ?? nearest(t, from: max(ctx.sentenceStart, m.start - 80), to: leftStart, fromEnd: true)
        // A growth noun ("涨幅", "growth") is a change of something: of what, the noun before says.
        if found?.kind == .growth {
            let of = nearest(t, from: max(ctx.sentenceStart, found!.start - 60), to: found!.start, fromEnd: true)
            if of?.kind == .other { return .other }
        }
        return found?.kind
    }

    /// The class noun nearest one end of `a..<b`, with where it starts in the text.
    static func nearest(_ t: ScalarText, from a: Int, to b: Int, fromEnd: Bool) -> (kind: NounClass, start: Int)? {
        guard a < b else { return nil }
        let h = Array(t.folded[a..<b])
        var best: (kind: NounClass, distance: Int, start: Int)?
        for (w, kind) in nouns {
            guard let i = Words.index(of: w, in: h, last: fromEnd) else { continue }
            let length = w.unicodeScalars.count - (w.hasSuffix("*") ? 1 : 0)
            let distance = fromEnd ? h.count - (i + length) : i
            if best == nil || distance < best!.distance || (distance == best!.distance && kind == .other) {
                best = (kind, distance, i)
            }
        }
        guard let found = best else { return nil }
        if found.kind == .token || found.kind == .price, found.start > 0 {
            let before = Array(h[max(0, found.start - 14)..<found.start])
            let compound = nouns.contains { w, kind in
                kind == .other && Words.index(of: w, in: before, last: true).map { i in
                    before.count - (i + w.unicodeScalars.count) <= 1
                } == true
            }
            if compound { return (.other, a + found.start) }
        }
        return (found.kind, a + found.start)
    }
}
