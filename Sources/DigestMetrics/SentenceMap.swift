/// The text cut into sentences (each at most `ScalarText.maxClause` long), with which ones the
/// rules need to look at: a sentence holding a token, usage or price word and the two after it
/// (`covered`), and for subject names also the two sentences before those.
struct SentenceMap {
    /// Start offset of each sentence, ascending; the last sentence ends at the text's end.
    let starts: [Int]
    let covered: [Bool]
    let count: Int
    /// Whether the text mentions a week anywhere (周, 週, week): "环比" then means week on week.
    let mentionsWeek: Bool

    /// Gate words compiled once: folded scalars indexed by their first scalar.
    struct Gate: Sendable {
        let byFirst: ScalarIndex<[Unicode.Scalar]>
        let firsts: ScalarSet

        init(words: [String]) {
            let patterns = words.map { w -> [Unicode.Scalar] in
                let core = w.hasSuffix("*") ? String(w.dropLast()) : w
                return core.unicodeScalars.map(ScalarText.fold)
            }.filter { !$0.isEmpty }
            byFirst = ScalarIndex(patterns) { $0[0] }
            firsts = ScalarSet(patterns.map { $0[0] })
        }
    }

    /// One pass over the text: sentence ends, and where a gate word (token, usage, price …)
    /// starts — Latin words only at a word boundary, Han words anywhere.
    init(_ t: ScalarText, gate: Gate) {
        let byFirst = gate.byFirst, firsts = gate.firsts
        let week: [Unicode.Scalar] = ["w", "e", "e", "k"]
        var starts: [Int] = []
        var hits: [Bool] = []
        var weekly = false
        t.folded.withUnsafeBufferPointer { f in
            var start = 0, hit = false, previousIsWordChar = false
            var i = 0
            while i < f.count {
                let c = f[i]
                let isWordChar = Words.isWordChar(c)
                if firsts.contains(c), !(isWordChar && previousIsWordChar), !hit {
                    let candidates = byFirst.range(for: c)
                    if candidates.contains(where: { t.matches(byFirst.values[$0], at: i) }) { hit = true }
                }
                if !weekly, c == "周" || c == "週" || (c == "w" && t.matches(week, at: i)) { weekly = true }
                previousIsWordChar = isWordChar
                let isEnder = c == "。" || c == "！" || c == "？" || c == "!" || c == "?" || c == "\n" || c == "；"
                    || c == ";" || c == "."
                if (isEnder && t.isSentenceEnd(at: i)) || i - start >= ScalarText.maxClause {
                    starts.append(start)
                    hits.append(hit)
                    start = i + 1
                    hit = false
                }
                i += 1
            }
            if start < f.count {
                starts.append(start)
                hits.append(hit)
            }
        }
        var covered = [Bool](repeating: false, count: starts.count)
        for k in starts.indices where hits[k] {
            for j in k..<min(starts.count, k + 3) { covered[j] = true }
        }
        self.starts = starts
        self.covered = covered
        count = t.count
        mentionsWeek = weekly
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
