import DigestBytes
import DigestCore

/// Splits text into sentences: Chinese at 。！？… (closing quotes stay with their sentence; "；"
/// joins clauses of one sentence), English at . ! ? followed by space and an upper-case letter,
/// digit or quote — but not after abbreviations, initials or inside decimals and URLs. A line
/// break ends a sentence unless it only wraps one (`Paragraphs.unwrapped`).
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "inc", "ltd", "co", "corp", "u.s", "u.k", "e.g",
        "i.e", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "gov",
        "sen", "rep", "lt", "col", "capt", "sgt", "mt", "ft", "approx", "dept", "est", "fig", "a.m", "p.m", "u.n",
        "rev", "hon", "pres", "univ", "mass", "calif", "fla", "ala", "ariz", "ark", "colo", "conn", "del", "ga",
        "ill", "ind", "kan", "ky", "la", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
        "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    ]
    // Character classes as switches on the code point (a Set lookup hashes every character).
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x201D, 0x2019, 0x300D, 0x300F, 0x29, 0xFF09, 0x300B, 0x3011: return true
        default: return false
        }
    }

    static func isEnder(_ c: Unicode.Scalar) -> Bool { isRepeatedEnder(c) }

    static func isRepeatedEnder(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2026: return true  // 。！？!?…
        default: return false
        }
    }

    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x201C, 0x2018, 0x28: return true
        default: return false
        }
    }

    /// The sentences of `text`, trimmed, in order.
    public static func split(_ text: String) -> [String] {
        var out: [String] = []
        for p in Paragraphs.unwrapped(text) where p.unicodeScalars.contains(where: { !isSpace($0) }) {
            out += splitParagraph(p)
        }
        return out
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 32 || (s.value >= 9 && s.value <= 13)) : s.properties.isWhitespace
    }

    /// The sentences of one paragraph; sentences are copied out by UTF-8 offsets.
    static func splitParagraph(_ paragraph: Substring) -> [String] {
        var chars: [Unicode.Scalar] = []
        var offsets: [Int] = []  // UTF-8 offset of each scalar, and the end
        chars.reserveCapacity(paragraph.utf8.count)
        var at = 0
        for sc in paragraph.unicodeScalars {
            chars.append(sc)
            offsets.append(at)
            at += UTF8.width(sc)
        }
        offsets.append(at)
        let bytes = Array(paragraph.utf8)
        var out: [String] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            var a = start, b = end
            while a < b, isSpace(chars[a]) { a += 1 }
            while b > a, isSpace(chars[b - 1]) { b -= 1 }
            if a < b { out.append(String(decoding: bytes[offsets[a]..<offsets[b]], as: UTF8.self)) }
            start = end
        }
        while i < chars.count {
            let c = chars[i]
            if isEnder(c) {
                var j = i + 1
                while j < chars.count, isRepeatedEnder(chars[j]) || isCloser(chars[j]) { j += 1 }
                if c == "…", j < chars.count, !(chars[j] == " " || isCJK(chars[j])) { i = j; continue }
                if (c == "!" || c == "?"), j < chars.count, chars[j] != " " { i = j; continue }
                emit(j)
                i = j
                continue
            }
            if c == ".", isEnglishBoundary(chars, i) {
                var j = i + 1
                while j < chars.count, isCloser(chars[j]) { j += 1 }
                emit(j)
                i = j
                continue
            }
            i += 1
        }
        emit(chars.count)
        return out
    }

    static func isEnglishBoundary(_ c: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i + 1
        while j < c.count, isCloser(c[j]) { j += 1 }
        guard j < c.count else { return true }
        guard c[j] == " " else { return isCJK(c[j]) }
        var k = j
        while k < c.count, c[k] == " " { k += 1 }
        guard k < c.count else { return true }
        let next = c[k]
        guard next.properties.isUppercase || next.properties.numericType != nil || isOpener(next) || isCJK(next)
        else { return false }
        // the word before the period
        var w = i - 1
        while w >= 0, c[w] != " ", c[w] != "(" { w -= 1 }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: c[(w + 1)..<i].drop { isOpener($0) })
        let word = String(v).lowercased()
        if abbreviations.contains(word) { return false }
        if word.unicodeScalars.count == 1, word.unicodeScalars.first!.properties.isAlphabetic { return false }  // "J. Smith"
        if word.unicodeScalars.contains("."), word.count <= 5, !word.includes("..") { return false }  // "U.S."
        return true
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3000...0x303F).contains(v)
    }
}
