/// Numbers written together: ranges ("9-12%", "30%-60%", "1.2~1.25倍", "3x to 8x", "$0.25 to $15")
/// give both ends, the lower end taking the unit written after the upper one; fractions
/// ("1/10") are one number.
enum Ranges {
    static let connectors: [[Unicode.Scalar]] = ["-", "–", "—", "~", "～", "至", "到", " to ", "-to-"].map { Array($0.unicodeScalars) }

    static func joined(_ found: [NumberMention], in t: ScalarText) -> [NumberMention] {
        var out = found.sorted { $0.start < $1.start }
        var i = 0
        while i + 1 < out.count {
            let a = out[i], b = out[i + 1]
            if let f = fraction(a, b, t) {
                out[i] = f
                out.remove(at: i + 1)
                continue
            }
            if isRange(a, b, t) {
                out[i].rangeEnd = b.end
                if b.isPercent, !a.isPercent { out[i].isPercent = true }
                if b.sign == 0, a.sign != 0 { out[i + 1].sign = a.sign }
            }
            i += 1
        }
        return out
    }

    /// "9-12%", "1.2~1.25倍", "3x to 8x": a connector and nothing else between two numbers, the
    /// lower no larger than the upper.
    static func isRange(_ a: NumberMention, _ b: NumberMention, _ t: ScalarText) -> Bool {
        guard !a.isWords, !b.isWords, a.value <= b.value, b.start - a.end <= 6 else { return false }
        var k = a.end
        // The lower end may carry its own unit: "3x to 8x", "30%-60%", "$0.25 to $15".
        while k < b.start, t.folded[k] == "x" || t.folded[k] == "×" || t.folded[k] == "%" || t.folded[k] == "倍" { k += 1 }
        var gap = Array(t.folded[k..<b.start])
        while gap.last == "$" || gap.last == "¥" || gap.last == "+" { gap.removeLast() }
        return connectors.contains(gap) || connectors.contains(gap.filter { $0 != " " })
    }

    /// "1/10", "1/8": small whole numbers around a slash, not a date ("3/15/2026") or a rate.
    static func fraction(_ a: NumberMention, _ b: NumberMention, _ t: ScalarText) -> NumberMention? {
        guard b.start == a.end + 1, t.folded[a.end] == "/", !a.hasMagnitude, !b.hasMagnitude, !a.isPercent, !b.isPercent,
              a.value >= 1, a.value < b.value, b.value <= 100, a.value == a.value.rounded(), b.value == b.value.rounded(),
              t.folded[safe: b.end] != "/", t.folded[safe: a.start - 1] != "/" else { return nil }
        // Written as a part of something: "降至…的1/10", "only 1/8 of", "is 1/3 of" (not "4/5 top spots").
        let before = t.window(max(0, a.start - 10), a.start)
        let after = t.window(b.end, min(t.count, b.end + 4))
        guard Words.containsAny(before, ["的", "only", "just", "为", "是", "至", "降", "to", "reduced", "cut", "of", "仅"])
            || after.hasPrefix(" of") || after.hasPrefix("的") else { return nil }
        var f = a
        f.end = b.end
        f.value = a.value / b.value
        f.isFraction = true
        return f
    }
}

/// Numbers in English words before a magnitude: "a quadrillion", "one hundred billion",
/// "two trillion".
enum NumberWords {
    static let small: [String: Double] = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "fifty": 50]
    static let large: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15]

    /// First letters of the small words, to pass over every other word without making a String.
    static let firsts: Set<Unicode.Scalar> = Set(small.keys.map { $0.unicodeScalars.first! })

    static func scan(_ t: ScalarText, range: Range<Int>) -> [NumberMention] {
        var out: [NumberMention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            guard t.isLatinLetter(i), i == 0 || !t.isLatinLetter(i - 1) else { i += 1; continue }
            var wordEnd = i
            while wordEnd < t.count, t.isLatinLetter(wordEnd) { wordEnd += 1 }
            guard firsts.contains(t.folded[i]), wordEnd - i <= 6 else { i = wordEnd; continue }
            let (w1, e1) = word(t, i)
            guard let v1 = small[w1] else { i = e1; continue }
            var value = v1, k = skipSpace(t, e1)
            var (w, e) = word(t, k)
            if w == "hundred" {
                value *= 100
                k = skipSpace(t, e)
                (w, e) = word(t, k)
            }
            if let big = large[w] {
                out.append(NumberMention(start: i, end: e, value: value * big, hasMagnitude: true, isPercent: false,
                                         sign: 0, isWords: true))
                i = e
            } else {
                i = e1
            }
        }
        return out
    }

    static func word(_ t: ScalarText, _ i: Int) -> (String, Int) {
        var k = i
        while k < t.count, t.isLatinLetter(k) { k += 1 }
        return (t.window(i, k), k)
    }

    static func skipSpace(_ t: ScalarText, _ i: Int) -> Int { t.folded[safe: i] == " " ? i + 1 : i }
}
