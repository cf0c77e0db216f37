import DigestCore

/// What a card's metrics say about its topic, whatever its words: a token price with a cut is
/// `price_down` even when the title never says "price".
enum MetricSignals {
    /// Every signal a topic can name.
    static let known: Set<String> = ["price_down", "price_up", "price", "volume_up", "volume", "rank", "share", "multiple"]

    /// The signals of a card's metrics.
    static func of(_ metrics: [TokenMetric]) -> Set<String> {
        var out = Set<String>()
        for (i, m) in metrics.enumerated() {
            let change = metrics.first { $0.quantity == .growth && $0.describes == i }
            switch m.quantity {
            case .tokenPrice:
                out.insert("price")
                if let c = change { out.insert(c.direction == .down ? "price_down" : "price_up") }
            case .tokenVolume:
                out.insert("volume")
                if change?.direction == .up || (change == nil && metrics.contains { $0.quantity == .growth && $0.subject == m.subject
                    && $0.describes == nil && $0.direction == .up }) { out.insert("volume_up") }
            case .rank: out.insert("rank")
            case .count where m.period != nil: out.insert("rank")
            case .share: out.insert("share")
            case .multiple: out.insert("multiple")
            case .growth, .count: break
            }
        }
        return out
    }
}
