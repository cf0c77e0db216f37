/// Bag-of-terms for similarity: stemmed content words for English, Han bigrams for Chinese.
///
/// Terms are 64-bit ids (FNV-1a of the stemmed word's bytes; a Han bigram packs its two code
/// points), kept as a sorted vector: no string per token, no hashing of strings, and a
/// summation order that is the same on every run.
enum SentenceFeatures {
    static let stopwords: [String] = [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is",
        "was", "are", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we",
        "you", "his", "her", "their", "our", "has", "have", "had", "will", "would", "said", "says", "not", "no", "who",
        "which", "what", "when", "where", "than", "then", "there", "after", "before", "also", "more", "about", "into",
        "over", "can", "could", "may", "one", "two", "new", "up", "out", "all", "so", "if", "just", "do", "did",
    ]
    static let stopIDs = stopwords.map { id(Array($0.utf8)[...]) }.sorted()
    static let longestStopword = stopwords.map(\.utf8.count).max()!

    /// Binary search: cheaper than hashing into a Set for every word.
    static func isStopword(_ id: UInt64) -> Bool {
        var lo = 0, hi = stopIDs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if stopIDs[mid] < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < stopIDs.count && stopIDs[lo] == id
    }
    static let suffixes: [[UInt8]] = ["ingly", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ed",
                                      "es", "ly", "s"].map { Array($0.utf8) }

    static func terms(_ s: String, language: String) -> TermVector {
        var ids: [UInt64] = []
        let zh = language == "zh"
        if zh {
            var prev: UInt32 = 0
            for sc in s.unicodeScalars {
                let v = sc.value
                let isHan = v >= 0x4E00 && v <= 0x9FFF
                if isHan, prev != 0 { ids.append(1 << 63 | UInt64(prev) << 32 | UInt64(v)) }
                prev = isHan ? v : 0
            }
        }
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            guard !word.isEmpty else { return }
            if zh {
                ids.append(id(word[...]))
            } else if word.count > Self.longestStopword || !isStopword(id(word[...])) {
                ids.append(id(stem(word)))
            }
            word.removeAll(keepingCapacity: true)
        }
        for b in s.utf8 {
            switch b {
            case 97...122, 48...57: word.append(b)
            case 65...90: word.append(b + 32)
            default: flush()
            }
        }
        flush()
        return TermVector(ids)
    }

    /// A light suffix stripper (enough to join "rise/rises/rising").
    static func stem(_ w: [UInt8]) -> ArraySlice<UInt8> {
        guard w.count > 4 else { return w[...] }
        for suf in suffixes where w.count - suf.count >= 3 && w.suffix(suf.count).elementsEqual(suf) {
            return w.dropLast(suf.count)
        }
        return w[...]
    }

    /// FNV-1a of the bytes, top bit clear (set bits mark Han bigrams).
    static func id(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h & ~(1 << 63)
    }

    static func cosine(_ a: TermVector, _ b: TermVector) -> Double {
        guard a.norm > 0, b.norm > 0 else { return 0 }
        var dot = 0.0, i = 0, j = 0
        while i < a.ids.count && j < b.ids.count {
            if a.ids[i] == b.ids[j] {
                dot += a.counts[i] * b.counts[j]
                i += 1
                j += 1
            } else if a.ids[i] < b.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return dot / (a.norm * b.norm)
    }
}
