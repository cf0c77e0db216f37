/// Text as Unicode scalars with a lower-cased, width-folded twin of the same length,
/// so rule offsets in one are offsets in the other.
struct ScalarText {
    /// The original scalars.
    let original: [Unicode.Scalar]
    /// Lower-cased; full-width ASCII folded to ASCII; odd spaces (U+202F, U+00A0, U+3000) to " ".
    let folded: [Unicode.Scalar]

    init(_ text: String) {
        var copy = text
        let (o, f): ([Unicode.Scalar], [Unicode.Scalar]) = copy.withUTF8 { utf8 in
            let n = utf8.count
            var folded: [Unicode.Scalar] = []
            let original = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
                folded = [Unicode.Scalar](unsafeUninitializedCapacity: n) { fout, fcount in
                    var i = 0, k = 0
                    while i < n {
                        let b0 = UInt32(utf8[i])
                        var v: UInt32
                        if b0 < 0x80 {
                            v = b0
                            i += 1
                        } else if b0 < 0xE0, i + 1 < n {
                            v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                            i += 2
                        } else if b0 < 0xF0, i + 2 < n {
                            v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                            i += 3
                        } else if i + 3 < n {
                            v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                                | UInt32(utf8[i + 3] & 0x3F)
                            i += 4
                        } else {
                            v = 0xFFFD
                            i = n
                        }
                        let sc = Unicode.Scalar(v) ?? "\u{FFFD}"
                        (out.baseAddress! + k).initialize(to: sc)
                        let lowered: Unicode.Scalar = v < 128
                            ? (v >= 65 && v <= 90 ? Unicode.Scalar(UInt8(v + 32)) : sc) : ScalarText.fold(sc)
                        (fout.baseAddress! + k).initialize(to: lowered)
                        k += 1
                    }
                    fcount = k
                    count = k
                }
            }
            return (original, folded)
        }
        original = o
        folded = f
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v >= 0xFF01, v <= 0xFF5E { return fold(Unicode.Scalar(v - 0xFEE0)!) }
        if v == 0x202F || v == 0x00A0 || v == 0x3000 || v == 0x2009 || v == 0x2007 { return " " }
        if v >= 65, v <= 90 { return Unicode.Scalar(v + 32)! }
        if v < 128 { return s }
        if v >= 0x2000, v <= 0x9FFF, v != 0x2212, v != 0x2013 { return s }  // punctuation, CJK, Han: no case
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

    /// A string from scalars, encoded to UTF-8 by hand (much faster than appending scalars).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars {
            let v = s.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | v >> 6))
                bytes.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                bytes.append(UInt8(0xE0 | v >> 12))
                bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            } else {
                bytes.append(UInt8(0xF0 | v >> 18))
                bytes.append(UInt8(0x80 | (v >> 12) & 0x3F))
                bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
