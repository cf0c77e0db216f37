/// Which sentences of a text are near a token, usage or price word: one pass over the text
/// marks where such words start, prefix sums answer "any in this range?" in O(1).
struct TokenGate {
    private let sums: [Int32]

    init(_ t: ScalarText, words: [String]) {
        let patterns = words.map { w -> [Unicode.Scalar] in
            let core = w.hasSuffix("*") ? String(w.dropLast()) : w
            return core.unicodeScalars.map(ScalarText.fold)
        }.filter { !$0.isEmpty }
        let byFirst = ScalarIndex(patterns) { $0[0] }
        let firsts = ScalarSet(patterns.map { $0[0] })
        var sums = [Int32](repeating: 0, count: t.count + 1)
        t.folded.withUnsafeBufferPointer { f in
            var running: Int32 = 0
            var previousIsWordChar = false
            for i in 0..<f.count {
                let c = f[i]
                let isWordChar = Words.isWordChar(c)
                // Latin words start at a word boundary; Han words anywhere.
                if firsts.contains(c), !(isWordChar && previousIsWordChar) {
                    let candidates = byFirst.range(for: c)
                    if !candidates.isEmpty, candidates.contains(where: { t.matches(byFirst.values[$0], at: i) }) {
                        running += 1
                    }
                }
                previousIsWordChar = isWordChar
                sums[i + 1] = running
            }
        }
        self.sums = sums
    }

    /// Whether a marked word starts in `from..<to`.
    func any(_ from: Int, _ to: Int) -> Bool {
        let a = max(0, min(from, sums.count - 1)), b = max(a, min(to, sums.count - 1))
        return sums[b] > sums[a]
    }
}
