/// What a number measures: the noun that governs it. A percent or a multiple is a token metric
/// only when what it measures is token usage, a token price, a share or a growth rate of those —
/// "ARR grew by 50%", "资本支出同比增长39%", "收益提升2.7倍", "15倍投资报酬率" are not, even
/// in a sentence that speaks of tokens.
enum NounClass: String, CaseIterable {
    case token, price, share, growth, other
}

enum Governor {
    /// Class nouns, compiled once, with their class.
    static let list: [(word: String, kind: NounClass)] = NounClass.allCases.flatMap { kind in
        (Lexicon.shared.nounClasses[kind.rawValue] ?? []).map { ($0, kind) }
    }
    static let compiled = CompiledWords(list.map(\.word))

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
        let h = t.folded
        var best: (kind: NounClass, distance: Int, start: Int)?
        for w in compiled.words {
            guard let i = compiled.occurrence(of: w, in: h, a..<b, last: fromEnd) else { continue }
            let kind = list[w.index].kind
            let distance = fromEnd ? b - (i + w.scalars.count) : i - a
            if best == nil || distance < best!.distance || (distance == best!.distance && kind == .other) {
                best = (kind, distance, i)
            }
        }
        guard let found = best else { return nil }
        if found.kind == .token || found.kind == .price, found.start > a {
            let from = max(a, found.start - 14)
            let compound = compiled.words.contains { w in
                list[w.index].kind == .other
                    && compiled.occurrence(of: w, in: h, from..<found.start, last: true).map { found.start - ($0 + w.scalars.count) <= 1 } == true
            }
            if compound { return (.other, found.start) }
        }
        return (found.kind, found.start)
    }
}
