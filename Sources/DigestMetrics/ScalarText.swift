/// Text as Unicode scalars with a lower-cased, width-folded twin of the same length,
/// so rule offsets in one are offsets in the other.
struct ScalarText {
    /// The original scalars.
    let original: [Unicode.Scalar]
    /// Lower-cased; full-width ASCII folded to ASCII; odd spaces (U+202F, U+00A0, U+3000) to " ".
    let folded: [Unicode.Scalar]

    init(_ text: String) {
        var original: [Unicode.Scalar] = [], folded: [Unicode.Scalar] = []
        original.reserveCapacity(text.utf8.count)
        folded.reserveCapacity(text.utf8.count)
        let simplified = Lexicon.simplified  // read once, not once per Han character
        for s in text.unicodeScalars {
            original.append(s)
            let v = s.value
            if v < 128 {  // ASCII: lower-cased here, the usual case
                folded.append(v >= 65 && v <= 90 ? Unicode.Scalar(UInt8(v + 32)) : s)
            } else if v >= 0x4E00, v < 0xA000 {
                let simple = simplified[Int(v - 0x4E00)]
                folded.append(simple == 0 ? s : Unicode.Scalar(simple)!)
            } else {
                folded.append(ScalarText.fold(s))
            }
        }
        self.original = original
        self.folded = folded
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v >= 0xFF01, v <= 0xFF5E { return fold(Unicode.Scalar(v - 0xFEE0)!) }
        if v == 0x202F || v == 0x00A0 || v == 0x3000 || v == 0x2009 || v == 0x2007 { return " " }
        if v >= 65, v <= 90 { return Unicode.Scalar(v + 32)! }
        if v < 128 { return s }
        if v >= 0x4E00, v < 0xA000 {  // Han: no case; Traditional folded to Simplified
            let simple = Lexicon.simplified[Int(v - 0x4E00)]
            return simple == 0 ? s : Unicode.Scalar(simple)!
        }
        if v >= 0x2000, v <= 0x9FFF, v != 0x2212, v != 0x2013 { return s }  // punctuation, CJK: no case
        if v == 0x2212 || v == 0x2013 { return "-" }
        guard s.properties.changesWhenLowercased else { return s }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : s
    }

    var count: Int { original.count }

    /// Folded text of a range, clamped.
    func window(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, count)), b = max(a, min(to, count))
        return ScalarText.string(folded[a..<b])
    }

    /// A string from scalars: the plain way (`string(_:)`, in ScalarText+FastPath.swift, encodes
    /// UTF-8 by hand and is what the rules call).
    static func plainString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// Original text of a range, clamped.
    func slice(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, count)), b = max(a, min(to, count))
        return ScalarText.string(original[a..<b])
    }

    func isDigit(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        let v = folded[i].value
        return v >= 48 && v <= 57
    }

    func isLatinLetter(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        let v = folded[i].value
        return v >= 97 && v <= 122
    }

    func isHan(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        let v = folded[i].value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }

    /// Whether `word` (folded) occurs at `i`.
    func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= count else { return false }
        for (k, w) in word.enumerated() where folded[i + k] != w { return false }
        return true
    }

    /// Index of the first clause boundary (sentence end, semicolon, and for Chinese the comma)
    /// before `i` (exclusive) — the start of the clause.
    func clauseStart(before i: Int, soft: Bool = true) -> Int {
        var j = i - 1
        let limit = max(0, i - ScalarText.maxClause)
        while j >= limit {
            if isSentenceEnd(at: j) || (soft && ScalarText.isSoftBoundary(folded[j])) { return j + 1 }
            j -= 1
        }
        return limit
    }

    /// The farthest a clause or sentence is looked for (keeps every rule linear in the text).
    static let maxClause = 400

    /// Index of the next clause boundary at or after `i` — the end of the clause.
    func clauseEnd(after i: Int, soft: Bool = true) -> Int {
        var j = i
        let limit = min(count, i + ScalarText.maxClause)
        while j < limit {
            if isSentenceEnd(at: j) || (soft && ScalarText.isSoftBoundary(folded[j])) { return j }
            j += 1
        }
        return limit
    }

    /// Whether the scalar at `j` ends a sentence: 。！？!?;； and newlines always; "." only before
    /// white space and a capital, quote or Han character, and not after "No", "vs", "approx" or an initial.
    func isSentenceEnd(at j: Int) -> Bool {
        switch folded[j] {
        case "。", "！", "？", "!", "?", "\n", "；", ";": return true
        case ".":
            guard j + 1 < count else { return true }
            guard folded[j + 1] == " " || folded[j + 1] == "\n" else { return false }
            var k = j + 1
            while k < count, folded[k] == " " { k += 1 }
            guard k < count else { return true }
            let next = original[k]
            let startsSentence = next.properties.isUppercase || next == "\"" || next == "“" || isHan(k)
            guard startsSentence else { return false }
            var w = j - 1
            while w >= 0, isLatinLetter(w) { w -= 1 }
            let word = window(w + 1, j)
            return !(ScalarText.abbreviations.contains(word) || word.count == 1)
        default: return false
        }
    }

    static let abbreviations: Set<String> = ["no", "vs", "mr", "mrs", "ms", "dr", "approx", "est", "inc", "co", "corp",
                                             "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                                             "oct", "nov", "dec", "st", "e.g", "i.e", "u.s"]

    static func isSoftBoundary(_ s: Unicode.Scalar) -> Bool {
        s == "，" || s == "," || s == "、" || s == "：" || s == "(" || s == ")" || s == "（" || s == "）"
    }
}
