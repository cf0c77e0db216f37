import DigestLanguage

/// A number as a reader sees it written: "31%" is 31 with no decimals, "12.96T" is 12.96 × 10¹²
/// with two, "27万亿" 27 × 10¹², "五周" 5, "five weeks" 5. The written precision is kept so that a
/// rounding can be told from a different number.
public struct WrittenNumber: Sendable, Equatable {
    /// What the number is written as.
    public enum Kind: Sendable, Equatable {
        /// "31%", "31 percent", "三成".
        case percent
        /// "4x", "4 times", "4倍", "fourfold", "twice".
        case multiple
        /// An amount with a magnitude or a currency: "27T", "30万亿", "$0.6", "3元".
        case amount
        /// Anything else: "5 weeks", "November 23".
        case plain
    }

    /// The characters it was read from.
    public var text: String
    /// The figure as written, before its magnitude word ("12.96").
    public var mantissa: Double
    /// Decimal places written (0 for "31", 2 for "12.96").
    public var decimals: Int
    /// The magnitude applied: 1, 10³ (K, 千), 10⁴ (万), 10⁶ (M, million), 10⁸ (亿), 10⁹ (B), 10¹² (T, 万亿).
    public var scale: Double
    /// What it is written as.
    public var kind: Kind

    /// The value, magnitude applied.
    public var value: Double { mantissa * scale }

    /// Creates a number.
    public init(text: String, mantissa: Double, decimals: Int = 0, scale: Double = 1, kind: Kind = .plain) {
        self.text = text
        self.mantissa = mantissa
        self.decimals = decimals
        self.scale = scale
        self.kind = kind
    }

    /// True when `candidate` (a value, magnitude applied) written at this number's magnitude and
    /// precision reads as this number: 31.48 reads as "31", 1.296e13 as "13T" and "12.96T";
    /// 27e12 does not read as "30T".
    public func reads(_ candidate: Double) -> Bool {
        let x = abs(candidate) / scale
        if abs(x - mantissa) <= 1e-9 * max(1, x) { return true }
        let p = pow10(decimals)
        return abs((x * p).rounded() / p - mantissa) <= 1e-9 * max(1, x)
    }

    func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}

/// Reads the numbers of a text in English and Chinese (digits with K/M/B/T, 万/亿/万亿 and
/// their words; Chinese numerals; English number words from three up). Digits that are part of
/// a name ("GPT-4o", "R1", "H100", "Qwen2.5") are not numbers.
public enum NumberReader {
    /// Every number in `text`, in order.
    public static func read(_ text: String) -> [WrittenNumber] {
        let s = Array(text.unicodeScalars).map(halfWidth)
        var out: [WrittenNumber] = []
        var i = 0
        while i < s.count {
            if isDigit(s[i]) {
                let (n, end) = readDigits(s, i)
                if let n { out.append(n) }
                i = end
            } else if ChineseNumeral.isNumeral(s[i]) {
                let (n, end) = readChinese(s, i)
                if let n { out.append(n) }
                i = end
            } else if isLatinLetter(s[i]), i == 0 || !isLatinLetter(s[i - 1]) {
                var j = i
                while j < s.count, isLatinLetter(s[j]) { j += 1 }
                let word = String(String.UnicodeScalarView(s[i..<j])).lowercased()
                if let v = words[word] {
                    let multiple = word.hasSuffix("fold") || word.hasPrefix("twice") || word.hasPrefix("doubl")
                        || word.hasPrefix("tripl") || word.hasPrefix("quadrupl") || followedBy(s, j, ["times"])
                    out.append(WrittenNumber(text: word, mantissa: v, kind: multiple ? .multiple : .plain))
                }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }

    /// The numbers of the months `text` names in English ("December" and "Dec." are 12).
    public static func months(in text: String) -> [Double] {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december"]
        return text.lowercased().split { !$0.isLetter }.compactMap { w in
            let word = String(w)
            if let i = full.firstIndex(of: word) { return Double(i + 1) }
            if word != "may", word != "mar", let i = names.firstIndex(of: word) { return Double(i + 1) }  // "may", "mar": words too
            return nil
        }
    }

    /// The values of every number in `text`, magnitude applied.
    public static func numbers(in text: String) -> [Double] { read(text).map(\.value) }

    /// English number words read as numbers: cardinals and ordinals from three, and multiples.
    /// "One", "two", "first" and "second" are left alone: they are as often not counts.
    static let words: [String: Double] = {
        var w: [String: Double] = ["twice": 2, "double": 2, "doubled": 2, "doubles": 2, "triple": 3, "tripled": 3,
                                   "triples": 3, "threefold": 3, "quadruple": 4, "quadrupled": 4, "fourfold": 4,
                                   "fivefold": 5, "tenfold": 10, "dozen": 12, "hundred": 100, "thousand": 1000]
        let cardinals = ["three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                         "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        let ordinals = ["third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                        "twentieth"]
        for (k, c) in cardinals.enumerated() { w[c] = Double(k + 3) }
        for (k, o) in ordinals.enumerated() { w[o] = Double(k + 3) }
        for (k, t) in ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() { w[t] = Double(30 + 10 * k) }
        return w
    }()

    /// Magnitude words after a number, longest first; Latin ones must end the word.
    static let magnitudes: [(word: String, scale: Double)] = [
        ("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("十亿", 1e9), ("千万", 1e7), ("百万", 1e6), ("亿", 1e8), ("万", 1e4),
        ("千", 1e3), ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3), ("bn", 1e9),
        ("mn", 1e6), ("t", 1e12), ("b", 1e9), ("m", 1e6), ("k", 1e3),
    ]

    static func readDigits(_ s: [Unicode.Scalar], _ start: Int) -> (WrittenNumber?, Int) {
        var j = start, digits = "", decimals = 0, seenPoint = false
        while j < s.count {
            if isDigit(s[j]) {
                digits.unicodeScalars.append(s[j])
                if seenPoint { decimals += 1 }
            } else if s[j] == ",", j + 1 < s.count, isDigit(s[j + 1]), !seenPoint {
                // a thousands separator
            } else if s[j] == ".", j + 1 < s.count, isDigit(s[j + 1]), !seenPoint {
                seenPoint = true
                digits.append(".")
            } else { break }
            j += 1
        }
        if partOfName(s, start) || (j < s.count && isLatinLetter(s[j]) && !suffixAllowed(s, j)) {
            var k = j
            while k < s.count, isLatinLetter(s[k]) || isDigit(s[k]) || s[k] == "." { k += 1 }
            return (nil, k)
        }
        var k = j
        while k < s.count, s[k] == " " { k += 1 }
        var scale = 1.0, end = j
        for (word, value) in magnitudes where hasWord(s, k, word) {
            scale = value
            end = k + word.unicodeScalars.count
            break
        }
        var shown = end, kind = WrittenNumber.Kind.plain
        if shown < s.count, ["%", "×", "倍", "x", "X"].contains(s[shown]),
           !(s[shown] == "x" || s[shown] == "X") || shown + 1 == s.count || !isLatinLetter(s[shown + 1]) {
            kind = s[shown] == "%" ? .percent : .multiple
            shown += 1  // the unit, for messages: "99%", "4x"
        } else if followedBy(s, end, ["percent", "pct", "percentage"]) {
            kind = .percent
        } else if followedBy(s, end, ["times", "fold", "-fold"]) {
            kind = .multiple
        } else if scale != 1 || (start > 0 && ["$", "¥", "€", "£", "￥"].contains(s[start - 1]))
                    || followedBy(s, end, ["元", "美元", "yuan", "dollars", "usd", "cny", "rmb"]) {
            kind = .amount
        }
        let text = String(String.UnicodeScalarView(s[start..<shown]))
        return (Double(digits).map { WrittenNumber(text: text, mantissa: $0, decimals: decimals, scale: scale, kind: kind) },
                max(shown, j))
    }

    static func readChinese(_ s: [Unicode.Scalar], _ start: Int) -> (WrittenNumber?, Int) {
        var j = start
        while j < s.count, ChineseNumeral.isNumeral(s[j]) { j += 1 }
        let run = Array(s[start..<j])
        let text = String(String.UnicodeScalarView(run))
        // 一 alone ("一些", "统一", "第一") and 十分 ("very") are words, not counts.
        if run == ["一"] || (run == ["十"] && j < s.count && s[j] == "分") || (start > 0 && s[start - 1] == "万" && run == ["一"]) {
            return (nil, j)
        }
        guard let v = ChineseNumeral.value(run) else { return (nil, j) }
        if j < s.count, s[j] == "成" { return (WrittenNumber(text: text + "成", mantissa: v * 10, kind: .percent), j + 1) }  // 三成 = 30%
        let kind: WrittenNumber.Kind = j < s.count && s[j] == "倍" ? .multiple
            : (run.contains { ChineseNumeral.bigUnits[$0] != nil } || (j < s.count && s[j] == "元")) ? .amount : .plain
        return (WrittenNumber(text: text, mantissa: v, kind: kind), j)
    }

    /// True when the magnitude word `word` starts at `k` (a Latin one must not run into a longer word).
    static func hasWord(_ s: [Unicode.Scalar], _ k: Int, _ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard k + w.count <= s.count else { return false }
        for (n, c) in w.enumerated() where lower(s[k + n]) != c { return false }
        if isLatinLetter(w[0]), k + w.count < s.count, isLatinLetter(s[k + w.count]) { return false }
        return true
    }

    /// True when one of `words` follows position `k` (after spaces), on a word boundary for Latin words.
    static func followedBy(_ s: [Unicode.Scalar], _ k: Int, _ words: [String]) -> Bool {
        var i = k
        while i < s.count, s[i] == " " { i += 1 }
        return words.contains { hasWord(s, i, $0) }
    }

    /// "5x", "3rd", "12.96T", "1.2bn": letters allowed right after digits.
    static func suffixAllowed(_ s: [Unicode.Scalar], _ j: Int) -> Bool {
        var k = j
        while k < s.count, isLatinLetter(s[k]) { k += 1 }
        let word = String(String.UnicodeScalarView(s[j..<k])).lowercased()
        return ["x", "st", "nd", "rd", "th", "t", "b", "m", "k", "bn", "mn", "pp", "pct"].contains(word)
    }

    /// Digits after a letter ("R1", "H100") or a letter and a hyphen ("GPT-4", "Llama-3") name a thing.
    static func partOfName(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i > 0 else { return false }
        if isLatinLetter(s[i - 1]) || s[i - 1] == "." && i > 1 && isDigit(s[i - 2]) { return true }
        if s[i - 1] == "-" || s[i - 1] == "_", i > 1, isLatinLetter(s[i - 2]) { return true }
        return false
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    static func isLatinLetter(_ c: Unicode.Scalar) -> Bool { (c.value | 0x20) >= 97 && (c.value | 0x20) <= 122 }
    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value >= 65 && c.value <= 90 ? Unicode.Scalar(c.value + 32)! : c
    }
    /// Full-width digits and punctuation read as ASCII ("１２．９６" is 12.96).
    static func halfWidth(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (0xFF10...0xFF19).contains(c.value) || c.value == 0xFF0E || c.value == 0xFF0C || c.value == 0xFF05
            ? Unicode.Scalar(c.value - 0xFEE0)! : c
    }
}
