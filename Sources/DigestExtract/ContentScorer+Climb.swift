import DigestMarkup

/// Readability's two moves from the best-scoring block to the block that holds the whole article.
extension ContentScorer {
    /// Readability's shared ancestor: when three or more of the five best blocks score at least
    /// three quarters of the best, the nearest ancestor of the best that holds three of them is
    /// the article (a story split into "story-body-1", "story-body-2" … wrappers).
    static func sharedAncestor(of best: MarkupNode, scores: [MarkupNode: Double]) -> MarkupNode? {
        guard let top = scores[best], top > 0 else { return nil }
        let runnersUp = scores.filter { $0.key != best }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.precedes($1.key) }
            .prefix(4).filter { $0.value / top >= 0.75 }.map(\.key)
        guard runnersUp.count >= 3 else { return nil }
        var up = best.parent
        while let x = up, !x.isNamed("body"), !x.isNamed("html") {
            if runnersUp.filter({ x.isAncestor(of: $0) }).count >= 3 { return x }
            up = x.parent
        }
        return nil
    }

    /// Readability's climb: going up from the best block, an ancestor that scores higher than
    /// the one below it (before the scores fall under a third of the best) holds more of the
    /// article — a lead and first paragraphs outside a "read more" wrapper around the rest.
    static func climb(from best: MarkupNode, scores: [MarkupNode: Double]) -> MarkupNode {
        guard var last = scores[best] else { return best }
        let floor = last / 3
        var up = best.parent
        while let x = up, !x.isNamed("body"), !x.isNamed("html") {
            if let s = scores[x] {
                if s < floor { break }
                if s > last { return x }
                last = s
            }
            up = x.parent
        }
        return best
    }
}
