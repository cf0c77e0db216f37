/// Term counts as parallel arrays sorted by term id.
struct TermVector {
    var ids: [UInt64] = []
    var counts: [Double] = []
    var norm = 0.0

    /// From term occurrences (repeats count).
    init(_ occurrences: [UInt64]) {
        var sorted = occurrences
        sorted.sort()
        self.init(pairs: sorted.lazy.map { ($0, 1.0) }, capacity: sorted.count)
    }

    /// The sum of several vectors (the whole text's terms).
    init(summing vectors: [TermVector]) {
        var pairs: [(UInt64, Double)] = []
        pairs.reserveCapacity(vectors.reduce(0) { $0 + $1.ids.count })
        for v in vectors { pairs += zip(v.ids, v.counts) }
        pairs.sort { $0.0 < $1.0 }
        self.init(pairs: pairs, capacity: pairs.count)
    }

    /// From (term, count) pairs sorted by term; equal terms add up.
    private init<S: Sequence<(UInt64, Double)>>(pairs: S, capacity: Int) {
        ids.reserveCapacity(capacity)
        counts.reserveCapacity(capacity)
        for (t, c) in pairs {
            if let last = ids.last, last == t { counts[counts.count - 1] += c } else {
                ids.append(t)
                counts.append(c)
            }
        }
        norm = counts.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
}
