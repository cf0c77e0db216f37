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
    }

    func occurrences(in t: ScalarText) -> [SubjectOccurrence] {
        var out: [SubjectOccurrence] = []
        var i = 0
        while i < t.count {
            var matched = false
            for n in names where t.matches(n.name, at: i) {
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
        let before = occurrences.filter { $0.end <= at }
        // "$5 for Claude Opus", "1.2T tokens for DeepSeek": the name right after "for"/"of".
        let metricEnd = at + metric.text.unicodeScalars.count
        if let next = occurrences.first(where: { $0.start >= metricEnd && $0.start - metricEnd <= 8 }) {
            let gap = t.window(metricEnd, next.start).trimmingCharacters(in: .whitespaces)
            if ["for", "from", "by", "of"].contains(gap) { return name(next) }
        }
        var inSentence = before.filter { $0.start >= sentenceStart }
        // A number glued into a name's version ("MiniMax M2.5") is not about that name.
        if metric.quantity == .multiple, let last = inSentence.last {
            let between = t.window(last.end, at)
            if between.hasSuffix("的") || between.hasSuffix("是") || between.trimmingCharacters(in: .whitespaces).isEmpty
                || between.hasSuffix("than ") {
                inSentence.removeLast()
                if let prior = inSentence.last { return name(prior) }
            }
        }
        if let last = inSentence.last { return name(last) }
        let after = occurrences.first { $0.start >= at && $0.start < sentenceEnd }
        if let after, after.start - at < 30 { return name(after) }
        return before.last.map(name)
    }

    func name(_ o: SubjectOccurrence) -> String {
        o.canonical == "global" ? "global" : o.surface
    }
}
