import DigestCore

/// A subject name found in text.
struct SubjectOccurrence {
    let start: Int
    let end: Int
    /// The name as written, extended by a model version ("DeepSeek V3.2", "MiniMax M2.5").
    let surface: String
    let canonical: String
}

/// Finds who or what a metric is about: the nearest subject name before the number in the
/// same sentence (after it when the clause starts with the number), else the last one in the
/// text before; for "X is N times Y", the thing compared rather than the base.
struct SubjectFinder: Sendable {
    let names: [(name: [Unicode.Scalar], canonical: String, latin: Bool)]
    let suffixes: Set<String>
    /// Names by first scalar, longest first.
    let byFirst: ScalarIndex<(name: [Unicode.Scalar], canonical: String, latin: Bool)>

    init(table: SubjectTable) {
        var n: [([Unicode.Scalar], String, Bool)] = []
        for g in table.groups {
            for name in g.names {
                let folded = name.unicodeScalars.map(ScalarText.fold)
                n.append((folded, g.canonical, name.unicodeScalars.first!.value < 128))
            }
        }
        names = n.sorted { $0.0.count > $1.0.count }
        suffixes = Set(table.modelSuffixes)
        byFirst = ScalarIndex(names) { $0.name[0] }
    }

    func occurrences(in t: ScalarText, range: Range<Int>? = nil) -> [SubjectOccurrence] {
        var out: [SubjectOccurrence] = []
        let r = range ?? 0..<t.count
        var i = r.lowerBound
        while i < r.upperBound {
            var matched = false
            let candidates = byFirst.range(for: t.folded[i])
            if candidates.isEmpty {
                i += 1
                continue
            }
            for c in candidates where t.matches(byFirst.values[c].name, at: i) {
                let n = byFirst.values[c]
                let end = i + n.name.count
                if n.latin {
                    if i > 0, Words.isWordChar(t.folded[i - 1]) { continue }
                    if end < t.count, Words.isWordChar(t.folded[end]), !t.isDigit(end) { continue }
                }
                let extended = extend(t, from: end, latin: n.latin)
                out.append(SubjectOccurrence(start: i, end: extended, surface: t.slice(i, extended), canonical: n.canonical))
                i = extended
                matched = true
                break
            }
            if !matched { i += 1 }
        }
        return out
    }

    /// Extends a Latin name over a following version or model word: "-R1", " V3.2", " M2.5",
    /// "3" glued ("Qwen3"), " 3.5 Flash"; never over a quantity ("China 12.96T").
    func extend(_ t: ScalarText, from end: Int, latin: Bool) -> Int {
        guard latin else { return end }
        var e = end
        while true {
            let sep: Unicode.Scalar? = e < t.count && (t.folded[e] == " " || t.folded[e] == "-") ? t.folded[e] : nil
            let j = sep == nil ? e : e + 1
            var k = j
            while k < t.count, Words.isWordChar(t.folded[k]) || (t.folded[k] == "." && t.isDigit(k + 1)) { k += 1 }
            guard k > j else { return e }
            let word = t.window(j, k)
            let hasDigit = word.unicodeScalars.contains { $0.value >= 48 && $0.value <= 57 }
            let startsWithLetter = t.isLatinLetter(j)
            let numeric = word.unicodeScalars.allSatisfy { ($0.value >= 48 && $0.value <= 57) || $0 == "." }
            var ok = suffixes.contains(word)
            switch sep {
            case "-": ok = ok || (hasDigit && word.count <= 8)
            case " ":
                ok = ok || (startsWithLetter && hasDigit && word.count <= 6)
                    || (numeric && word.contains(".") && followedBySuffix(t, k))
            default: ok = numeric && word.count <= 3
            }
            guard ok else { return e }
            e = k
        }
    }

    func followedBySuffix(_ t: ScalarText, _ k: Int) -> Bool {
        guard k < t.count, t.folded[k] == " " else { return false }
        var m = k + 1
        while m < t.count, Words.isWordChar(t.folded[m]) { m += 1 }
        return suffixes.contains(t.window(k + 1, m))
    }

    func subject(for metric: TokenMetric, mention: NumberMention?, in t: ScalarText,
                 occurrences: [SubjectOccurrence]) -> String? {
        let at = metric.offset
        let sentenceStart = t.clauseStart(before: at, soft: false)
        let sentenceEnd = t.clauseEnd(after: at, soft: false)
        // Occurrences are in text order and never overlap: the ones ending before `at` are a prefix.
        var lo = 0, hi = occurrences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if occurrences[mid].end <= at { lo = mid + 1 } else { hi = mid }
        }
        let before = occurrences[..<lo]
        // "$5 for Claude Opus", "1.2T tokens for DeepSeek": the name right after "for"/"of".
        let metricEnd = at + metric.text.unicodeScalars.count
        if lo < occurrences.count, let next = occurrences[lo...].first(where: { $0.start >= metricEnd }),
           next.start - metricEnd <= 8 {
            let gap = t.window(metricEnd, next.start).trimmingCharacters(in: .whitespaces)
            if ["for", "from", "by", "of"].contains(gap) { return name(next) }
        }
        var inSentence = Array(before.reversed().prefix { $0.start >= sentenceStart }.reversed())
        // A number glued into a name's version ("MiniMax M2.5") is not about that name.
        if metric.quantity == .multiple, let last = inSentence.last {
            let between = t.window(last.end, at)
            if between.hasSuffix("的") || between.hasSuffix("是") || between.trimmingCharacters(in: .whitespaces).isEmpty
                || between.hasSuffix("than ") {
                inSentence.removeLast()
                if let prior = inSentence.last { return name(prior) }
            }
        }
        // "中国模型占全球的61%", "China's share of global tokens": the whole is the base, not the subject.
        if metric.quantity == .share || metric.quantity == .multiple, inSentence.count >= 2, inSentence.last?.canonical == "global" {
            return name(inSentence[inSentence.count - 2])
        }
        if let last = inSentence.last { return name(last) }
        let after = occurrences[lo...].first { $0.start >= at && $0.start < sentenceEnd }
        if let after, after.start - at < 30 { return name(after) }
        return before.last.map(name)
    }

    func name(_ o: SubjectOccurrence) -> String {
        o.canonical == "global" ? "global" : o.surface
    }
}
