import DigestCore

/// What a price is per, read by a small grammar instead of a list of phrases:
///
///     unit   := separator count? side? noun?        (a count or a noun is needed)
///     separator := "/" | "per" | "every" | "each" | "for every" | "a" | "每"
///     count  := number? magnitude?                  ("1M", "1 million", "M", "1,000", "100", "百万", "100万个")
///     side   := input | output | cached input | cache read | prompt | completion | 输入 | 输出 | 缓存命中 …
///     noun   := tokens | token | tok | 词元 | 令牌
///
/// "per million input tokens", "/1M", "/MTok", "/ 1K tokens", "per 100 tokens", "per token",
/// "/百万Tokens", "/千Token", "每百万输出tokens", "每输入100万个Token" all parse; "/month",
/// "per 1,000 requests" and "per user" do not.
struct PriceUnit: Equatable {
    /// How many tokens the price is for (1e6 for "per million").
    var tokens: Double
    /// The side the unit names ("per million *input* tokens"), if any.
    var side: PriceSide?
    /// Scalar offsets of the unit in the text.
    var start: Int
    var end: Int

    /// The factor that makes a price per `tokens` a price per million tokens.
    var toPerMillion: Double { 1e6 / tokens }
}

enum PriceUnitGrammar {
    static let separators: [[Unicode.Scalar]] = ["for every ", "per ", "every ", "each ", "/", "每", "a "].map { Array($0.unicodeScalars) }
    static let nouns: [[Unicode.Scalar]] = ["tokens", "token", "toks", "tok", "词元", "令牌"].map { Array($0.unicodeScalars) }
    /// Count words that hold the noun too: "/MTok", "per Ktok".
    static let countNouns: [([Unicode.Scalar], Double)] = [("mtok", 1e6), ("ktok", 1e3)].map { (Array($0.0.unicodeScalars), $0.1) }
    /// Units that are not tokens: a price per one of these is no token price.
    static let otherUnits = ["request", "requests", "call", "calls", "search", "searches", "image", "images", "character",
                             "characters", "chars", "page", "pages", "minute", "minutes", "second", "seconds", "hour",
                             "hours", "query", "queries", "user", "users", "month", "year", "week", "day", "seat",
                             "次", "张", "字", "页", "分钟", "秒", "小时", "月", "年", "人"]

    /// The unit starting at `i` (white space first allowed), if the text there is one.
    static func unit(in t: ScalarText, at i: Int, lexicon: Lexicon) -> PriceUnit? {
        var k = skipSpaces(t, i)
        let start = k
        guard let sep = separators.first(where: { t.matches($0, at: k) }) else { return nil }
        let isArticle = sep == Array("a ".unicodeScalars)
        k = skipSpaces(t, k + sep.count)
        var tokens: Double?
        var noun = false
        if let c = countNoun(t, at: k) {
            (tokens, noun, k) = (c.value, true, c.end)
        } else if let c = count(t, at: k, lexicon: lexicon) {
            (tokens, k) = (c.value, c.end)
            let classifier = skip(t, skipSpaces(t, k), over: ["个", "個"])
            // "每 1,000 个使用源": a classifier must be followed by tokens (or a side of them).
            if classifier > skipSpaces(t, k) {
                let after = skipSpaces(t, classifier)
                guard nouns.contains(where: { t.matches($0, at: after) }) || Sides.word(in: t, at: after, lexicon: lexicon) != nil
                else { return nil }
                k = classifier
            }
        }
        if isArticle, tokens == nil { return nil }  // "a month", "a user": only "a million tokens"
        k = skipSpaces(t, k)
        var side = Sides.word(in: t, at: k, lexicon: lexicon)
        if let s = side { k = skipSpaces(t, s.end) }
        if !noun, let n = nouns.first(where: { t.matches($0, at: k) }), !t.isLatinLetter(k + n.count) {
            noun = true
            k += n.count
        }
        if side == nil, noun, let s = Sides.word(in: t, at: skipSpaces(t, k), lexicon: lexicon) {  // "per 1M tokens input"
            side = s
            k = s.end
        }
        guard noun || tokens != nil else { return nil }
        if !noun, startsOtherUnit(t, at: skipSpaces(t, k)) || startsCurrency(t, at: skipSpaces(t, k)) { return nil }
        let n = tokens ?? 1
        guard n > 0 else { return nil }
        return PriceUnit(tokens: n, side: side?.side, start: start, end: k)
    }

    /// A unit without a separator, stated before a price: "one million tokens (costing only 8 RMB)",
    /// "1,000 tokens (for $0.002)", "100万个Token (收费1元)": a count, a side perhaps, and a noun.
    static func countUnit(in t: ScalarText, at i: Int, lexicon: Lexicon) -> PriceUnit? {
        var k = i
        var tokens: Double
        guard let c = count(t, at: k, lexicon: lexicon) else { return nil }
        (tokens, k) = (c.value, c.end)
        k = skipSpaces(t, skip(t, k, over: ["个", "個"]))
        let side = Sides.word(in: t, at: k, lexicon: lexicon)
        if let s = side { k = skipSpaces(t, s.end) }
        guard let n = nouns.first(where: { t.matches($0, at: k) }), !t.isLatinLetter(k + n.count), tokens > 0 else { return nil }
        return PriceUnit(tokens: tokens, side: side?.side, start: i, end: k + n.count)
    }

    /// Words that link a unit stated first to its price: "costing", "for", "收费".
    static let links = ["cost", "costs", "costing", "priced at", "for", "at", "is", "收费", "价格", "售价", "费用", "仅需", "只需", "需",
                        "只要", "为", "是"]

    /// The unit the text states somewhere in `range` (a header, a caption, the rest of a sentence):
    /// the first place a separator starts one.
    static func firstUnit(in t: ScalarText, range: Range<Int>, lexicon: Lexicon) -> PriceUnit? {
        var i = range.lowerBound
        while i < range.upperBound {
            let c = t.folded[i]
            if c == "/" || c == "每" || c == "p" || c == "e" || c == "f" || c == "a",
               i == 0 || !t.isLatinLetter(i - 1) || c == "/" || c == "每",
               let u = unit(in: t, at: i, lexicon: lexicon), u.end <= range.upperBound {
                return u
            }
            i += 1
        }
        return nil
    }

    /// A count: digits (with thousands commas) and/or a magnitude word.
    static func count(_ t: ScalarText, at i: Int, lexicon: Lexicon) -> (value: Double, end: Int)? {
        var k = i, digits = ""
        while k < t.count, t.isDigit(k) || (t.folded[k] == "," && t.isDigit(k + 1) && !digits.isEmpty) || (t.folded[k] == "." && t.isDigit(k + 1)) {
            if t.folded[k] != "," { digits.unicodeScalars.append(t.folded[k]) }
            k += 1
        }
        var value = digits.isEmpty ? 1 : Double(digits) ?? 1
        var k2 = skipSpaces(t, k)
        var magnitude = false
        if let m = Magnitudes.match(t, at: k2, lexicon: lexicon, touching: k2 == k) {
            value *= m.value
            k2 = m.end
            magnitude = true
        }
        if digits.isEmpty, !magnitude {  // "one million", "a thousand"
            let (w, e) = NumberWords.word(t, i)
            guard let small = NumberWords.small[w] else { return nil }
            let (w2, e2) = NumberWords.word(t, NumberWords.skipSpace(t, e))
            guard let big = NumberWords.large[w2] else { return nil }
            return (small * big, e2)
        }
        return (value, magnitude ? k2 : k)
    }

    static func countNoun(_ t: ScalarText, at i: Int) -> (value: Double, end: Int)? {
        var k = i, digits = ""
        while k < t.count, t.isDigit(k) { digits.unicodeScalars.append(t.folded[k]); k += 1 }
        for (w, v) in countNouns where t.matches(w, at: k) && !t.isLatinLetter(k + w.count) {
            return ((Double(digits) ?? 1) * v, k + w.count)
        }
        return nil
    }

    static func startsOtherUnit(_ t: ScalarText, at k: Int) -> Bool {
        otherUnits.contains { w in
            let s = Array(w.unicodeScalars)
            return t.matches(s, at: k) && (!Words.isWordChar(s[0]) || !t.isLatinLetter(k + s.count))
        }
    }

    /// "/ 2 元": a count followed by money is an amount, not a unit.
    static func startsCurrency(_ t: ScalarText, at k: Int) -> Bool {
        guard k < t.count else { return false }
        let c = t.folded[k]
        return c == "元" || c == "$" || c == "¥" || c == "块" || t.matches(Array("美元".unicodeScalars), at: k)
            || t.matches(Array("dollar".unicodeScalars), at: k) || t.matches(Array("yuan".unicodeScalars), at: k)
    }

    static func skipSpaces(_ t: ScalarText, _ i: Int) -> Int {
        var k = i
        while k < t.count, t.folded[k] == " " || t.folded[k] == "\t" { k += 1 }
        return k
    }

    static func skip(_ t: ScalarText, _ i: Int, over words: [String]) -> Int {
        for w in words where t.matches(Array(w.unicodeScalars), at: i) { return i + w.unicodeScalars.count }
        return i
    }
}

/// Magnitude words at a place: Latin ones whole ("m", "million", "k"; a one-letter one only when
/// it touches its number), Chinese ones anywhere ("百万", "千", "万").
enum Magnitudes {
    static func match(_ t: ScalarText, at k: Int, lexicon: Lexicon, touching: Bool) -> (value: Double, end: Int)? {
        for m in Lexicon.sortedMagnitudes where t.matches(m.word, at: k) {
            if m.isLatin {
                if t.isLatinLetter(k + m.word.count) || t.isDigit(k + m.word.count) { continue }
            }
            return (m.value, k + m.word.count)
        }
        // "百万" is in the lexicon; "百" alone before a Chinese count word ("每百个") is 100.
        if t.folded[safe: k] == "百", !(t.folded[safe: k + 1].map { $0 == "万" || $0 == "亿" } ?? false) { return (100, k + 1) }
        _ = touching
        return nil
    }
}

/// Side words (input, output, cached) found at a place.
enum Sides {
    struct Hit {
        let side: PriceSide
        let start: Int
        let end: Int
    }

    /// Side words longest first, cached first ("cached input" is cached, not input).
    static func table(_ lexicon: Lexicon) -> [(scalars: [Unicode.Scalar], side: PriceSide)] { Lexicon.sortedSides }

    static func word(in t: ScalarText, at k: Int, lexicon: Lexicon) -> Hit? {
        for (w, side) in table(lexicon) where t.matches(w, at: k) {
            if Words.isWordChar(w[w.count - 1]), t.isLatinLetter(k + w.count) { continue }
            return Hit(side: side, start: k, end: k + w.count)
        }
        return nil
    }

    /// First scalars of the side words: most places of a text start none.
    static let firsts = ScalarSet(Lexicon.sortedSides.map { $0.scalars[0] })

    /// Every side word in `range`, in text order.
    static func all(in t: ScalarText, range: Range<Int>, lexicon: Lexicon) -> [Hit] {
        var out: [Hit] = []
        var k = range.lowerBound
        while k < range.upperBound {
            if firsts.contains(t.folded[k]), k == 0 || !t.isLatinLetter(k - 1) || !t.isLatinLetter(k),
               let h = word(in: t, at: k, lexicon: lexicon), h.end <= range.upperBound {
                out.append(h)
                k = h.end
            } else {
                k += 1
            }
        }
        return out
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
