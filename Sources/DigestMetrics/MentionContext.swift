/// The text around one number: its clause and sentence, folded, with word tests.
///
/// A class so the folded strings are made once, and only when a rule asks for them.
final class MentionContext {
    let text: ScalarText
    let mention: NumberMention
    let lexicon: Lexicon
    let clauseStart: Int
    let clauseEnd: Int
    let sentenceStart: Int
    let sentenceEnd: Int
    /// Folded clause text before the number.
    lazy var left: String = text.window(clauseStart, mention.start)
    /// Folded clause text after the number (after a range's upper end: its unit is there).
    lazy var right: String = text.window(mention.unitEnd, clauseEnd)
    /// Folded text of the whole sentence.
    lazy var sentence: String = text.window(sentenceStart, sentenceEnd)

    init(text: ScalarText, mention: NumberMention, lexicon: Lexicon) {
        self.text = text
        self.mention = mention
        self.lexicon = lexicon
        clauseStart = text.clauseStart(before: mention.start)
        clauseEnd = text.clauseEnd(after: mention.unitEnd)
        sentenceStart = text.clauseStart(before: mention.start, soft: false)
        sentenceEnd = text.clauseEnd(after: mention.end, soft: false)
    }
    /// Up to `n` folded scalars before the number, within the sentence.
    func nearLeft(_ n: Int) -> String { text.window(max(sentenceStart, mention.start - n), mention.start) }
    /// Up to `n` folded scalars after the number, within the sentence.
    func nearRight(_ n: Int) -> String { text.window(mention.unitEnd, min(sentenceEnd, mention.unitEnd + n)) }

    /// Folded text of the paragraph (between line breaks) holding the number, at most
    /// `passageReach` scalars each side: a page of one endless line costs each number a bounded
    /// look, not a copy of the whole page (which made the recogniser quadratic).
    var paragraph: String {
        var a = mention.start, b = mention.end
        let low = max(0, a - Self.passageReach), high = min(text.count, b + Self.passageReach)
        while a > low, text.folded[a - 1] != "\n" { a -= 1 }
        while b < high, text.folded[b] != "\n" { b += 1 }
        return text.window(a, b)
    }

    /// How far a paragraph reaches from its number.
    static let passageReach = 1500

    /// Whether the sentence, or one of the two before it, talks about tokens, usage or prices.
    var isTokenRelated: Bool { TokenContext.covers(text, at: mention.start, lexicon) }
}

/// Whether text around an offset is about tokens at all: its sentence, one of the two before
/// it, or the one right after ("Alphabet's growth decelerated from 43% to 15%. Alphabet's token
/// increase …").
enum TokenContext {
    static let words = CompiledWords(Lexicon.shared.tokenContext)

    static func covers(_ text: ScalarText, at offset: Int, _ lex: Lexicon) -> Bool {
        var start = text.clauseStart(before: offset, soft: false)
        let end = text.clauseEnd(after: offset, soft: false)
        if words.containsAny(text.folded, start..<end) { return true }
        if end < text.count, words.containsAny(text.folded, end..<text.clauseEnd(after: end + 1, soft: false)) { return true }
        for _ in 0..<2 where start > 0 {
            let previous = text.clauseStart(before: start - 1, soft: false)
            if words.containsAny(text.folded, previous..<start) { return true }
            start = previous
        }
        return false
    }
}

/// Word tests that respect Latin word boundaries ("up" is not in "startup") but match
/// Chinese words anywhere.
enum Words {
    static func containsAny(_ haystack: String, _ words: [String]) -> Bool {
        let h = Array(haystack.unicodeScalars)
        return words.contains { index(of: $0, in: h, last: false) != nil }
    }

    /// First (or last) boundary-respecting occurrence of `word` in scalars `h`.
    static func index(of word: String, in h: [Unicode.Scalar], last: Bool) -> Int? {
        let prefix = word.hasSuffix("*")
        let w = Array((prefix ? String(word.dropLast()) : word).unicodeScalars)
        guard !w.isEmpty, h.count >= w.count else { return nil }
        let latinStart = isWordChar(w[0]), latinEnd = !prefix && isWordChar(w[w.count - 1])
        let top = h.count - w.count
        var step = 0
        outer: while step <= top {
            let i = last ? top - step : step
            step += 1
            guard h[i] == w[0] else { continue }
            for k in 1..<w.count where h[i + k] != w[k] { continue outer }
            let okStart = !latinStart || i == 0 || !isWordChar(h[i - 1])
            let okEnd = !latinEnd || i + w.count == h.count || !isWordChar(h[i + w.count])
            if okStart && okEnd { return i }
        }
        return nil
    }

    static func contains(_ haystack: String, _ word: String) -> Bool {
        lastIndex(of: word, in: haystack) != nil
    }

    /// Scalar offset of the last boundary-respecting occurrence of `word`; a trailing `*`
    /// makes the word a prefix ("increas*" matches "increased").
    static func lastIndex(of word: String, in haystack: String) -> Int? {
        index(of: word, in: Array(haystack.unicodeScalars), last: true)
    }

    /// The word of `words` whose occurrence ends closest to the end of `haystack`.
    static func nearestFromEnd(_ haystack: String, _ words: [String]) -> (word: String, distance: Int)? {
        let h = Array(haystack.unicodeScalars)
        let n = h.count
        var best: (String, Int)?
        for w in words {
            if let i = index(of: w, in: h, last: true) {
                let d = n - (i + w.unicodeScalars.count - (w.hasSuffix("*") ? 1 : 0))
                if best == nil || d < best!.1 { best = (w, d) }
            }
        }
        return best
    }

    /// The word of `words` whose occurrence starts closest to the start of `haystack`.
    static func nearestFromStart(_ haystack: String, _ words: [String]) -> (word: String, distance: Int)? {
        let h = Array(haystack.unicodeScalars)
        var best: (String, Int)?
        for w in words {
            if let i = index(of: w, in: h, last: false), best == nil || i < best!.1 { best = (w, i) }
        }
        return best
    }

    static func firstIndex(of word: String, in haystack: String) -> Int? {
        index(of: word, in: Array(haystack.unicodeScalars), last: false)
    }

    static func isWordChar(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 97 && s.value <= 122) || (s.value >= 65 && s.value <= 90) || (s.value >= 48 && s.value <= 57)
    }
}

/// A word list made ready once: each word's folded scalars and its boundary rules, searched in
/// scalars of the text in place (no String made, no word converted per search). `Words` is the
/// plain reading of the same rules over Strings.
struct CompiledWords: Sendable {
    struct Word: Sendable {
        let scalars: [Unicode.Scalar]
        let latinStart: Bool, latinEnd: Bool
        let index: Int
    }

    let words: [Word]

    init(_ list: [String]) {
        words = list.enumerated().compactMap { i, word in
            let prefix = word.hasSuffix("*")
            let w = Array((prefix ? String(word.dropLast()) : word).unicodeScalars.map(ScalarText.fold))
            guard let first = w.first, let last = w.last else { return nil }
            return Word(scalars: w, latinStart: Words.isWordChar(first), latinEnd: !prefix && Words.isWordChar(last), index: i)
        }
    }

    /// Whether any word occurs in `h[range]` at word boundaries.
    func containsAny(_ h: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        words.contains { occurrence(of: $0, in: h, range, last: false) != nil }
    }

    /// The first (or last) boundary-respecting occurrence of `w` in `h[range]`, as an offset in `h`.
    func occurrence(of w: Word, in h: [Unicode.Scalar], _ range: Range<Int>, last: Bool) -> Int? {
        guard range.count >= w.scalars.count else { return nil }
        let top = range.upperBound - w.scalars.count
        var step = 0
        outer: while range.lowerBound + step <= top {
            let i = last ? top - step : range.lowerBound + step
            step += 1
            guard h[i] == w.scalars[0] else { continue }
            for k in 1..<w.scalars.count where h[i + k] != w.scalars[k] { continue outer }
            let okStart = !w.latinStart || i == range.lowerBound || !Words.isWordChar(h[i - 1])
            let okEnd = !w.latinEnd || i + w.scalars.count == range.upperBound || !Words.isWordChar(h[i + w.scalars.count])
            if okStart && okEnd { return i }
        }
        return nil
    }
}
