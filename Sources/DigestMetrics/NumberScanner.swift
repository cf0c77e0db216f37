import DigestLanguage

/// Finds the numbers in text: digits (`,` groups, `.` decimals, full width), magnitude
/// suffixes and words (K/M/B/T, thousand…quadrillion, 万/亿/万亿/兆/千亿…), percent signs,
/// and Chinese numerals (三, 十, 两, 二十五).
struct NumberScanner {
    let text: ScalarText
    let magnitudes: [(word: [Unicode.Scalar], value: Double, isLatin: Bool)]

    init(_ text: ScalarText, lexicon: Lexicon) {
        self.text = text
        magnitudes = lexicon.magnitudes.map { (Array($0.key.unicodeScalars), $0.value, $0.key.unicodeScalars.first!.value < 128) }
            .sorted { $0.0.count > $1.0.count }
    }

    /// Every number in the text.
    func scan() -> [NumberMention] { scan(0..<text.count) }

    /// The numbers that start inside `range`, with ranges and fractions joined.
    func scan(_ range: Range<Int>) -> [NumberMention] {
        Ranges.joined(scanNumbers(range) + NumberWords.scan(text, range: range), in: text)
    }

    func scanNumbers(_ range: Range<Int>) -> [NumberMention] {
        var out: [NumberMention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if text.isDigit(i), !continuesToken(i) {
                if let m = digits(at: i) {
                    out.append(m)
                    i = max(m.end, i + 1)
                    continue
                }
            } else if ChineseNumeral.numerals.contains(text.folded[i]) {
                if let m = chinese(at: i) {
                    out.append(m)
                    i = m.end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// A digit glued to a preceding letter ("V3", "GPT-4", "M2.5") is part of a name, unless the
    /// letters are a token noun ("每百万tokens2元").
    func continuesToken(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        let p = text.folded[i - 1]
        if text.isLatinLetter(i - 1) {
            var a = i - 1
            while a > 0, text.isLatinLetter(a - 1) { a -= 1 }
            return !["token", "tokens", "tok"].contains(text.window(a, i))
        }
        if p == "." || p == "_" { return true }
        if p == "-", i > 1, text.isLatinLetter(i - 2) { return true }
        return false
    }

    func digits(at start: Int) -> NumberMention? {
        var i = start
        var s = ""
        while i < text.count {
            if text.isDigit(i) {
                s.unicodeScalars.append(text.folded[i])
                i += 1
            } else if text.folded[i] == ",", text.isDigit(i + 1), text.isDigit(i + 2), text.isDigit(i + 3),
                      !text.isDigit(i + 4) {
                i += 1
            } else if [0x202F, 0x2009, 0x00A0].contains(text.original[i].value), !s.contains("."),
                      text.isDigit(i + 1), text.isDigit(i + 2), text.isDigit(i + 3), !text.isDigit(i + 4) {
                i += 1  // "27 000" with a narrow or no-break space as the thousands separator
            } else if text.folded[i] == ".", text.isDigit(i + 1), !s.contains(".") {
                s += "."
                i += 1
            } else {
                break
            }
        }
        guard var value = Double(s) else { return nil }
        // A trailing letter glued to the digits that is not a magnitude ("4o", "3b1") makes it a name.
        var sign = 0
        if start > 0 {
            let p = text.folded[start - 1]
            if p == "+" { sign = 1 } else if p == "-", !text.isDigit(start - 2), !text.isLatinLetter(start - 2) { sign = -1 }
        }
        var end = i
        var hasMag = false
        var j = i
        while j < text.count, text.folded[j] == "多" || text.folded[j] == "余" || text.folded[j] == "几" { j += 1 }
        var k = j
        while k < text.count, text.folded[k] == " " { k += 1 }
        var magnitudeApplied = true
        while magnitudeApplied {
            magnitudeApplied = false
            for m in magnitudes {
                let at = text.matches(m.word, at: j) ? j : k
                guard text.matches(m.word, at: at) else { continue }
                if m.isLatin {
                    // Latin magnitudes end at a non-letter; one-letter ones must touch the digits
                    // unless "tokens" follows ("27 T tokens" is rare; "5 m" is usually metres);
                    // a digit after one is a timestamp ("2026-07-30T09:59").
                    if text.isLatinLetter(at + m.word.count) || text.isDigit(at + m.word.count) { continue }
                    if m.word.count <= 2, at != j { continue }
                }
                value *= m.value
                hasMag = true
                end = at + m.word.count
                j = end
                k = end
                while k < text.count, text.folded[k] == " " { k += 1 }
                magnitudeApplied = !m.isLatin
                break
            }
        }
        if !hasMag, text.isLatinLetter(i), !text.matches(Array("x".unicodeScalars), at: i) { return nil }
        var isPercent = false
        var p = end
        while p < text.count, text.folded[p] == " " { p += 1 }
        if p < text.count, text.folded[p] == "%" || text.folded[p] == "‰" {
            isPercent = true
            end = p + 1
        } else if text.matches(Array("percent".unicodeScalars), at: p) {
            isPercent = true
            end = p + 7
        } else if text.matches(Array("per cent".unicodeScalars), at: p) {
            isPercent = true
            end = p + 8
        }
        return NumberMention(start: start, end: end, value: value, hasMagnitude: hasMag, isPercent: isPercent,
                             sign: sign, isWords: false)
    }

    func chinese(at start: Int) -> NumberMention? {
        var i = start
        var chars: [Unicode.Scalar] = []
        while i < text.count, ChineseNumeral.isNumeral(text.folded[i]) {
            chars.append(text.folded[i])
            i += 1
        }
        // Single ambiguous characters (一, 万, 千) inside words are not numbers on their own.
        guard !chars.isEmpty, let value = ChineseNumeral.value(chars) else { return nil }
        // "几十倍", "数百万": a vague magnitude, no number.
        if start > 0, text.folded[start - 1] == "几" || text.folded[start - 1] == "数" { return nil }
        // "每百万tokens", "/千tokens": a unit of a price, not a number.
        if start > 0, ["每", "/", "千", "百"].contains(text.folded[start - 1]) { return nil }
        if chars.count == 1, ["万", "千", "百", "亿", "萬", "億"].contains(chars[0]) { return nil }
        return NumberMention(start: start, end: i, value: value, hasMagnitude: chars.contains { ["万", "亿"].contains($0) },
                             isPercent: false, sign: 0, isWords: true)
    }
}
