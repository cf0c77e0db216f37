/// Bag-of-terms for similarity: stemmed content words for English, Han bigrams for Chinese.
enum SentenceFeatures {
    static let stopwords: Set<String> = [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is",
        "was", "are", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we",
        "you", "his", "her", "their", "our", "has", "have", "had", "will", "would", "said", "says", "not", "no", "who",
        "which", "what", "when", "where", "than", "then", "there", "after", "before", "also", "more", "about", "into",
        "over", "can", "could", "may", "one", "two", "new", "up", "out", "all", "so", "if", "just", "do", "did",
    ]

    static func terms(_ s: String, language: String) -> [String: Double] {
        var out: [String: Double] = [:]
        if language == "zh" {
            var prev: Unicode.Scalar?
            for sc in s.unicodeScalars {
                let isHan = (0x4E00...0x9FFF).contains(sc.value)
                if isHan, let p = prev { out[String(p) + String(sc), default: 0] += 1 }
                prev = isHan ? sc : nil
            }
            for w in latinWords(s) { out[w, default: 0] += 1 }
        } else {
            for w in latinWords(s) where !stopwords.contains(w) { out[stem(w), default: 0] += 1 }
        }
        return out
    }

    static func latinWords(_ s: String) -> [String] {
        var words: [String] = []
        var cur = ""
        for ch in s.lowercased().unicodeScalars {
            if (97...122).contains(ch.value) || (48...57).contains(ch.value) {
                cur.unicodeScalars.append(ch)
            } else if !cur.isEmpty {
                words.append(cur)
                cur = ""
            }
        }
        if !cur.isEmpty { words.append(cur) }
        return words
    }

    /// A light suffix stripper (enough to join "rise/rises/rising").
    static func stem(_ w: String) -> String {
        guard w.count > 4 else { return w }
        for suf in ["ingly", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s"] {
            if w.hasSuffix(suf), w.count - suf.count >= 3 { return String(w.dropLast(suf.count)) }
        }
        return w
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var dot = 0.0
        let (small, large) = a.count < b.count ? (a, b) : (b, a)
        for (k, v) in small { if let w = large[k] { dot += v * w } }
        let na = a.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let nb = b.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return dot / (na * nb)
    }
}
