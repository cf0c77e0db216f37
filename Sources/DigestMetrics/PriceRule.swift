import DigestBytes
import DigestCore
import Foundation

/// Prices per token, normalised to one million tokens, with their side: "$0.14 per million input
/// tokens", "0.0008元/千tokens", "$0.15/$0.60 per million tokens" (input, output), "每百万输出tokens
/// 16元", "$1.25 input, $10 output per 1M". What a price is per is read by `PriceUnitGrammar`:
/// the unit right after the amount, else right before it (Chinese order), else one stated once
/// for the sentence ("$0.25 to $15 per million input tokens").
enum PriceRule {
    /// `money` is the amount's currency; `neighbours` every other amount of the sentence.
    /// The unit used is added to `units` (a count in it is no token volume).
    static func metric(_ ctx: MentionContext, money: Money, neighbours: [Money], units: inout [Range<Int>]) -> TokenMetric? {
        let m = ctx.mention, t = ctx.text, lex = ctx.lexicon
        guard !m.isPercent, money.factor > 0 else { return nil }
        let next = neighbours.first { $0.start >= money.end }, previous = neighbours.last { $0.end <= money.start }
        // A slash pair, "$0.15/$0.60 per million tokens": one unit after both, input then output.
        var pairSide: PriceSide?
        var ownAt = money.end
        if let n = next, isSlash(t, money.end, n.start) {
            ownAt = n.end
            pairSide = .input
        } else if let p = previous, isSlash(t, p.end, money.start) {
            pairSide = .output
        }
        if explicitOtherUnit(t, after: money.end, before: money.start, lexicon: lex) { return nil }
        let own = PriceUnitGrammar.unit(in: t, at: ownAt, lexicon: lex)
        let unit = own ?? unitBefore(t, money: money, previous: previous, sentenceStart: ctx.sentenceStart, lexicon: lex)
            ?? (m.hasMagnitude ? nil : sharedUnit(t, money: money, sentence: ctx.sentenceStart..<ctx.sentenceEnd, lexicon: lex))
            ?? (m.hasMagnitude ? nil : unitOfThePassage(t, money: money, lexicon: lex))
        guard let unit else { return nil }
        units.append(unit.start..<unit.end)
        let side = pairSide ?? nearestSide(t, money: money, previous: previous, next: next,
                                           sentence: ctx.sentenceStart..<ctx.sentenceEnd, lexicon: lex) ?? unit.side
        let value = m.value * money.factor * unit.toPerMillion
        return TokenMetric(text: t.slice(money.start, max(money.end, m.end)), quantity: .tokenPrice,
                           value: value, unit: money.unit, side: side, offset: money.start, rule: "price")
    }

    /// Whether `a..<b` is only a slash (and spaces): "$0.15/$0.60".
    static func isSlash(_ t: ScalarText, _ a: Int, _ b: Int) -> Bool {
        b - a < 6 && t.window(a, b).trimmingCharacters(in: .whitespaces) == "/"
    }

    /// "每百万输出tokens 16元", "每输入100万个Token收费1元": the unit stated before the amount, with
    /// nothing but words (no number, no other amount) between them.
    static func unitBefore(_ t: ScalarText, money: Money, previous: Money?, sentenceStart: Int, lexicon: Lexicon) -> PriceUnit? {
        let from = max(sentenceStart, previous?.end ?? 0, money.start - 40)
        var i = money.start - 1
        while i >= from {
            let startsWord = i == 0 || !(t.isLatinLetter(i - 1) || t.isDigit(i - 1) || t.folded[i - 1] == "." || t.folded[i - 1] == ",")
            if t.folded[i] == "每" || t.folded[i] == "/" || t.matches(Array("per ".unicodeScalars), at: i),
               let u = PriceUnitGrammar.unit(in: t, at: i, lexicon: lexicon), u.end <= money.start, quietGap(t, u.end, money.start) {
                return u
            }
            if startsWord, t.isDigit(i) || t.isLatinLetter(i), let u = PriceUnitGrammar.countUnit(in: t, at: i, lexicon: lexicon),
               u.end <= money.start, quietGap(t, u.end, money.start),
               Words.containsAny(t.window(u.end, money.start), PriceUnitGrammar.links) {
                return u
            }
            i -= 1
        }
        return nil
    }

    /// A short gap without numbers or money between a unit and its price.
    static func quietGap(_ t: ScalarText, _ a: Int, _ b: Int) -> Bool {
        b - a <= 16 && !(a..<b).contains { t.isDigit($0) || t.folded[$0] == "$" || t.folded[$0] == "¥" }
    }

    /// A unit stated once for the sentence: the first after the amount, else the last before it.
    static func sharedUnit(_ t: ScalarText, money: Money, sentence: Range<Int>, lexicon: Lexicon) -> PriceUnit? {
        if money.end < sentence.upperBound, let u = PriceUnitGrammar.firstUnit(in: t, range: money.end..<sentence.upperBound, lexicon: lexicon) {
            return u
        }
        var last: PriceUnit?
        var i = sentence.lowerBound
        while i < money.start, let u = PriceUnitGrammar.firstUnit(in: t, range: i..<money.start, lexicon: lexicon) {
            last = u
            i = max(u.end, i + 1)
        }
        return last
    }

    /// "Flash ($0.30 input, $2.50 output)" under "Pro ($1.25 input, $10 output per 1M)": an amount
    /// with a side word right beside it takes the unit stated last before it in the text.
    static func unitOfThePassage(_ t: ScalarText, money: Money, lexicon: Lexicon) -> PriceUnit? {
        let k = PriceUnitGrammar.skipSpaces(t, money.end)
        var j = money.start - 1
        while j >= 0, t.folded[j] == " " { j -= 1 }
        let sideAfter = Sides.word(in: t, at: k, lexicon: lexicon) != nil
        let sideBefore = Sides.all(in: t, range: max(0, j - 11)..<(j + 1), lexicon: lexicon).last.map { $0.end == j + 1 } ?? false
        guard sideAfter || sideBefore else { return nil }
        var last: PriceUnit?
        var i = max(0, money.start - 600)
        while i < money.start, let u = PriceUnitGrammar.firstUnit(in: t, range: i..<money.start, lexicon: lexicon) {
            last = u
            i = max(u.end, i + 1)
        }
        return last
    }

    /// "$20 a month", "每月 20 元", "$5 per user": the amount is per something that is not tokens.
    static func explicitOtherUnit(_ t: ScalarText, after end: Int, before start: Int, lexicon: Lexicon) -> Bool {
        for sep in PriceUnitGrammar.separators {
            let k = PriceUnitGrammar.skipSpaces(t, end)
            if t.matches(sep, at: k), PriceUnitGrammar.startsOtherUnit(t, at: PriceUnitGrammar.skipSpaces(t, k + sep.count)) {
                return PriceUnitGrammar.unit(in: t, at: end, lexicon: lexicon) == nil
            }
        }
        // "每月 20 元": 每 and another unit right before the amount.
        var i = start - 1
        while i >= max(0, start - 6) {
            if t.folded[i] == "每", PriceUnitGrammar.startsOtherUnit(t, at: i + 1) { return true }
            i -= 1
        }
        return false
    }

    /// The side word closest to the amount, not past a neighbouring amount: the gap to a neighbour
    /// is split at its separator ("$1.25 input, $10 output": "input" is the first amount's).
    static func nearestSide(_ t: ScalarText, money: Money, previous: Money?, next: Money?, sentence: Range<Int>,
                            lexicon: Lexicon) -> PriceSide? {
        var leftFrom = max(sentence.lowerBound, money.start - 24)
        if let p = previous { leftFrom = max(leftFrom, splitPoint(t, p.end, money.start, last: true)?.upperBound ?? p.end) }
        var rightTo = min(sentence.upperBound, money.end + 24)
        if let n = next { rightTo = min(rightTo, splitPoint(t, money.end, n.start, last: false)?.lowerBound ?? n.start) }
        let left = Sides.all(in: t, range: leftFrom..<max(leftFrom, money.start), lexicon: lexicon).last
        let right = Sides.all(in: t, range: money.end..<max(money.end, rightTo), lexicon: lexicon).first
        switch (left, right) {
        case let (l?, r?): return money.start - l.end <= r.start - money.end ? l.side : r.side
        case let (l?, nil): return l.side
        case let (nil, r?): return r.side
        default: return nil
        }
    }

    /// The first (or last) separator in `a..<b`: ",", "、", ";", "/", "|", "和", "与", " and ".
    static func splitPoint(_ t: ScalarText, _ a: Int, _ b: Int, last: Bool) -> Range<Int>? {
        var found: Range<Int>?
        var i = a
        while i < b {
            let c = t.folded[i]
            var hit: Range<Int>?
            if c == "," || c == "、" || c == ";" || c == "/" || c == "和" || c == "与" || c == "|" {
                hit = i..<(i + 1)
            } else if t.matches(Array(" and ".unicodeScalars), at: i) {
                hit = i..<(i + 5)
            }
            if let h = hit {
                if !last { return h }
                found = h
                i = h.upperBound
            } else {
                i += 1
            }
        }
        return found
    }
}
