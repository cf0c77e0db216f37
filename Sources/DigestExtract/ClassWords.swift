/// The words of class and id values that say what a block is, found in one pass over the value:
/// only positions whose byte starts some word are compared (34 `memmem` calls per value were
/// most of the cost on class-heavy pages).
enum ClassWords {
    /// Which words a value holds.
    struct Found {
        var positive = false
        var negative = false
    }

    /// The words by first byte, each marked positive or negative.
    static let byFirstByte: [[(word: [UInt8], positive: Bool)]] = {
        var table = [[(word: [UInt8], positive: Bool)]](repeating: [], count: 256)
        for w in ContentScorer.positive { table[Int(w.utf8.first!)].append((Array(w.utf8), true)) }
        for w in ContentScorer.negative { table[Int(w.utf8.first!)].append((Array(w.utf8), false)) }
        return table
    }()

    /// The words inside `v` (already lower-cased).
    static func find(in v: UnsafeBufferPointer<UInt8>) -> Found {
        var found = Found()
        for i in 0..<v.count {
            let candidates = byFirstByte[Int(v[i])]
            if candidates.isEmpty { continue }
            for (word, positive) in candidates where (positive ? !found.positive : !found.negative) {
                guard v.count - i >= word.count else { continue }
                var same = true
                for k in 1..<word.count where v[i + k] != word[k] {
                    same = false
                    break
                }
                if same {
                    if positive { found.positive = true } else { found.negative = true }
                }
            }
            if found.positive && found.negative { break }
        }
        return found
    }

    /// Calls `body` with the value's ASCII letters lower-cased (the words are ASCII, or Chinese
    /// with no case), in a stack buffer when short.
    static func lowercased<R>(_ v: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: v.count) { buf in
            for i in 0..<v.count {
                let b = v[i]
                buf[i] = b >= 65 && b <= 90 ? b + 32 : b
            }
            return body(UnsafeBufferPointer(buf))
        }
    }
}
