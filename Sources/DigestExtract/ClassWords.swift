/// The words of class and id values that say what a block is, all found in one pass over the
/// value: only positions whose byte starts some word are compared (a `memmem` per word and
/// value was most of the cost on class-heavy pages).
enum ClassWords {
    /// What the words found say; a word may say several things ("comment" is negative and
    /// unlikely, "article" positive and main).
    struct Kinds: OptionSet {
        let rawValue: UInt8
        /// A content word (+25).
        static let positive = Kinds(rawValue: 1)
        /// A clutter word (−25).
        static let negative = Kinds(rawValue: 2)
        /// One of Readability's unlikely-candidate words.
        static let unlikely = Kinds(rawValue: 4)
        /// One of Readability's main-column words.
        static let main = Kinds(rawValue: 8)
        static let all: Kinds = [.positive, .negative, .unlikely, .main]
    }

    /// The words by first byte, each with what it says.
    static let byFirstByte: [[(word: [UInt8], kinds: Kinds)]] = {
        var table = [[(word: [UInt8], kinds: Kinds)]](repeating: [], count: 256)
        let lists: [([String], Kinds)] = [(ContentScorer.positive, .positive), (ContentScorer.negative, .negative),
                                          (ContentScorer.unlikelyWords, .unlikely), (ContentScorer.mainWords, .main)]
        for (words, kind) in lists {
            for w in words {
                let bytes = Array(w.utf8), first = Int(bytes[0])
                if let i = table[first].firstIndex(where: { $0.word == bytes }) {
                    table[first][i].kinds.formUnion(kind)
                } else {
                    table[first].append((bytes, kind))
                }
            }
        }
        return table
    }()

    /// What the words inside `v` (already lower-cased) say.
    static func find(in v: UnsafeBufferPointer<UInt8>) -> Kinds {
        var found: Kinds = []
        for i in 0..<v.count {
            for (word, kinds) in byFirstByte[Int(v[i])] where !found.isSuperset(of: kinds) {
                guard v.count - i >= word.count else { continue }
                var same = true
                for k in 1..<word.count where v[i + k] != word[k] {
                    same = false
                    break
                }
                if same { found.formUnion(kinds) }
            }
            if found == .all { break }
        }
        return found
    }
}
