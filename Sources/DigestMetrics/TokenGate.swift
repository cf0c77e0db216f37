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
        var sums = [Int32](repeating: 0, count: t.count + 1)
        for i in 0..<t.count {
            var hit: Int32 = 0
            let candidates = byFirst.range(for: t.folded[i])
            if !candidates.isEmpty, candidates.contains(where: { t.matches(byFirst.values[$0], at: i) }) {
                hit = 1
            }
            sums[i + 1] = sums[i] + hit
        }
        self.sums = sums
    }

    /// Whether a marked word starts in `from..<to`.
    func any(_ from: Int, _ to: Int) -> Bool {
        let a = max(0, min(from, sums.count - 1)), b = max(a, min(to, sums.count - 1))
        return sums[b] > sums[a]
    }
}
