import DigestCore

/// Limits that keep a run's cost linear in its input, whatever one page holds: an article's text
/// and an item's metrics are cut, with a warning in the run summary.
enum Bounds {
    /// Characters of article text kept (far beyond any article; a 20 MB page is a dump).
    static let articleCharacters = 200_000
    /// Metrics kept per item.
    static let metricsPerItem = 100

    /// The text cut at the last paragraph break before `articleCharacters`; nil when it fits.
    static func cut(_ text: String) -> String? {
        guard text.unicodeScalars.count > articleCharacters else { return nil }
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: articleCharacters)
        let head = String(scalars[..<end])
        if let r = head.range(of: "\n", options: .backwards), head.distance(from: head.startIndex, to: r.lowerBound) > articleCharacters / 2 {
            return String(head[..<r.lowerBound])
        }
        return head
    }

    /// The first `metricsPerItem` metrics, with links to dropped figures removed.
    static func firstMetrics(_ all: [TokenMetric]) -> [TokenMetric] {
        var kept = Array(all.prefix(metricsPerItem))
        for i in kept.indices where (kept[i].describes ?? 0) >= metricsPerItem { kept[i].describes = nil }
        return kept
    }
}
