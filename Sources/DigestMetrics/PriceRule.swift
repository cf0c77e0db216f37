import DigestBytes
import DigestCore

/// Prices per token, normalised to one million tokens: "$0.14 per million input tokens",
/// "0.0008元/千tokens", "$0.15/$0.60 per million tokens" (input, output).
enum PriceRule {
    static func metric(_ ctx: MentionContext, money: Money, next: NumberMention?) -> TokenMetric? {
        let m = ctx.mention
        guard !m.isPercent else { return nil }
        // Cheap first: a per-token price needs a token or per-million word in its sentence.
        let unitWords = ctx.lexicon.tokenNouns + ["百万", "百萬", "/m", "per m", "千"]
        guard Words.containsAny(ctx.sentence, unitWords) else { return nil }
        // The per-unit phrase may come after a second price of a slash pair.
        var rightEnd = ctx.clauseEnd
        if let next, next.start - money.end < 6, ctx.text.window(money.end, next.start).includes("/") {
            rightEnd = ctx.text.clauseEnd(after: next.end)
        }
        let right = ctx.text.window(money.end, rightEnd)
        let left = ctx.text.window(max(ctx.sentenceStart, money.start - 24), money.start)
        // The unit may be stated once for several prices in the sentence ("$0.09 per million
        // input tokens versus $5 for Claude Opus"), when this amount has no magnitude of its own.
        let sentenceLeft = ctx.text.window(max(ctx.sentenceStart, money.start - 100), money.start)
        let sentenceRight = ctx.text.window(money.end, min(ctx.sentenceEnd, money.end + 100))
        let shared = m.hasMagnitude ? nil : (perUnit(sentenceRight, ctx.lexicon, within: 100)
            ?? perUnitAnywhere(sentenceLeft, ctx.lexicon))
        let own = perUnit(right, ctx.lexicon) ?? perUnitBefore(left, ctx.lexicon)
        guard let scale = own ?? shared else { return nil }
        guard Words.containsAny(right, unitWords) || Words.containsAny(left, unitWords)
            || (shared != nil && Words.containsAny(ctx.sentence, unitWords)) else { return nil }
        var side: PriceSide?
        let gap = next.map { ctx.text.window(money.end, $0.start) } ?? ""
        let before2 = ctx.text.window(max(0, money.start - 2), money.start)
        if next != nil, gap.count < 6, gap.includes("/") {
            side = .input
        } else if before2.includes("/"), ctx.text.window(max(0, money.start - 12), money.start).contains(where: \.isNumber) {
            side = .output
        } else if own != nil {
            side = sideWord(left: ctx.text.window(ctx.clauseStart, money.start),
                            right: ctx.text.window(money.end, min(rightEnd, money.end + 30)), ctx.lexicon)
        }
        let value = m.value * money.factor * scale
        return TokenMetric(text: ctx.text.slice(money.start, max(money.end, m.end)), quantity: .tokenPrice,
                           value: value, unit: money.unit, side: side, offset: money.start, rule: "price")
    }

    static func perUnit(_ right: String, _ lex: Lexicon, within: Int = 40) -> Double? {
        var best: (Int, Double)?
        for p in lex.pricePer {
            for w in p.words {
                if let i = Words.firstIndex(of: w, in: right), i < within, best == nil || i < best!.0 { best = (i, p.scale) }
            }
        }
        return best?.1
    }

    /// The per-unit phrase anywhere in `text` (the one closest to its end).
    static func perUnitAnywhere(_ text: String, _ lex: Lexicon) -> Double? {
        var best: (Int, Double)?
        for p in lex.pricePer {
            for w in p.words {
                if let i = Words.lastIndex(of: w, in: text), best == nil || i > best!.0 { best = (i, p.scale) }
            }
        }
        return best?.1
    }

    /// "每百万输出tokens 16元": the unit stated before the price.
    static func perUnitBefore(_ left: String, _ lex: Lexicon) -> Double? {
        let near = String(left.suffix(30))
        for p in lex.pricePer {
            for w in p.words where w.hasPrefix("每") ? Words.contains(left, w) : Words.contains(near, w) { return p.scale }
        }
        if left.includes("百万") || left.includes("百萬") { return 1 }
        if left.includes("千token") || left.includes("千 token") { return 1000 }
        return nil
    }

    /// The side word nearest the price: before it in its clause, or right after it.
    static func sideWord(left: String, right: String, _ lex: Lexicon) -> PriceSide? {
        var best: (PriceSide, Int)?
        for (name, words) in lex.sides {
            guard let side = PriceSide(rawValue: name) else { continue }
            if let hit = Words.nearestFromEnd(left, words), hit.distance <= 16, best == nil || hit.distance < best!.1 {
                best = (side, hit.distance)
            }
            if let hit = Words.nearestFromStart(right, words), hit.distance < 24, best == nil || hit.distance < best!.1 {
                best = (side, hit.distance)
            }
        }
        return best?.0
    }
}
