/// The text cut into sentences (each at most `ScalarText.maxClause` long), with which ones the
/// rules need to look at: a sentence holding a token, usage or price word and the two after it
/// (`covered`), and for subject names also the two sentences before those.
struct SentenceMap {
    /// Start offset of each sentence, ascending; the last sentence ends at the text's end.
    let starts: [Int]
    let covered: [Bool]
    let count: Int

    init(_ t: ScalarText, gate: TokenGate) {
        var starts: [Int] = []
        var i = 0
        while i < t.count {
            starts.append(i)
            let e = t.clauseEnd(after: i, soft: false)
            i = max(e + 1, i + 1)
        }
        var covered = [Bool](repeating: false, count: starts.count)
        for k in starts.indices {
            let end = k + 1 < starts.count ? starts[k + 1] : t.count
            if gate.any(starts[k], end) {
                for j in k..<min(starts.count, k + 3) { covered[j] = true }
            }
        }
        self.starts = starts
        self.covered = covered
        count = t.count
    }

    /// Index of the sentence holding `offset`.
    func sentence(at offset: Int) -> Int {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return max(0, lo - 1)
    }

    func isCovered(_ offset: Int) -> Bool {
        !starts.isEmpty && covered[sentence(at: offset)]
    }

    /// Merged ranges of covered sentences, widened by `before` sentences at their start.
    func regions(before: Int = 0) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for k in starts.indices where covered[k] {
            let a = starts[max(0, k - before)]
            let b = k + 1 < starts.count ? starts[k + 1] : count
            if let last = out.last, last.upperBound >= a {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, b)
            } else {
                out.append(a..<b)
            }
        }
        return out
    }
}
