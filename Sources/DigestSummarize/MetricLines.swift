import DigestCore

/// "What changed": metric lines composed from extracted metrics, one line per subject —
/// a volume with its growth ("Global total: 27T tokens, +18.9% WoW"), ranks with streaks
/// ("#1 for 5 weeks running"), prices, shares, multiples; and a ratio of two volumes of the
/// same period when both were extracted, marked as derived.
public enum MetricLines {
    /// Lines for a card, at most `limit`.
    public static func compose(_ metrics: [TokenMetric], limit: Int = 4) -> [ChangeLine] {
        var order: [String] = []
        var bySubject: [String: [TokenMetric]] = [:]
        for m in metrics {
            let key = m.subject ?? ""
            if bySubject[key] == nil { order.append(key) }
            bySubject[key, default: []].append(m)
        }
        var lines: [ChangeLine] = []
        for key in order {
            guard let ms = bySubject[key] else { continue }
            var parts: [String] = []
            let growth = ms.first { $0.quantity == .growth }
            if let v = ms.first(where: { $0.quantity == .tokenVolume }) {
                // "27T tokens, +18.9% WoW": the growth's basis already names the window.
                let window = growth?.period == v.period ? "" : NumberFormat.perPeriod(v.period)
                parts.append("\(NumberFormat.tokens(v.value)) tokens\(window)")
            }
            if let g = growth { parts.append(NumberFormat.growth(g)) }
            if let s = ms.first(where: { $0.quantity == .share }) { parts.append("\(NumberFormat.plain(s.value))% share") }
            let rank = ms.first { $0.quantity == .rank }
            let streak = ms.first { $0.quantity == .count && $0.period != nil }
            if let r = rank, let s = streak {
                parts.append("#\(NumberFormat.plain(r.value)) for \(NumberFormat.plain(s.value)) \(s.period!.rawValue)s running")
            } else if let r = rank {
                parts.append("#\(NumberFormat.plain(r.value))")
            } else if let s = streak {
                parts.append("\(NumberFormat.plain(s.value)) \(s.period!.rawValue)s running")
            }
            if let x = ms.first(where: { $0.quantity == .multiple }) {
                parts.append("\(NumberFormat.plain(x.value))x" + (x.direction == .up ? " growth" : ""))
            }
            for p in ms where p.quantity == .tokenPrice {
                let text = NumberFormat.price(p)
                if !parts.contains(text) { parts.append(text) }
            }
            guard !parts.isEmpty else { continue }
            lines.append(ChangeLine(text: "\(label(key)): " + parts.joined(separator: ", ")))
        }
        if let d = derivedRatio(metrics) { lines.append(d) }
        return Array(lines.prefix(limit))
    }

    static func label(_ subject: String) -> String {
        switch subject {
        case "": return "Reported"
        case "global": return "Global total"
        default: return subject
        }
    }

    /// The ratio of the two largest volumes of different subjects and the same period,
    /// unless the text states a multiple itself.
    static func derivedRatio(_ metrics: [TokenMetric]) -> ChangeLine? {
        guard !metrics.contains(where: { $0.quantity == .multiple }) else { return nil }
        let vols = metrics.filter { $0.quantity == .tokenVolume && $0.subject != nil && $0.subject != "global" }
        var seen = Set<String>()
        let distinct = vols.filter { seen.insert($0.subject!).inserted }.sorted { $0.value > $1.value }
        guard distinct.count >= 2 else { return nil }
        let a = distinct[0], b = distinct[1]
        guard a.period == b.period, b.value > 0 else { return nil }
        let ratio = (a.value / b.value * 10).rounded() / 10
        // The template adds the "derived" label; the line shows the inputs it was computed from.
        return ChangeLine(text: "\(a.subject!) vs \(b.subject!): ≈\(NumberFormat.plain(ratio))x "
            + "(\(NumberFormat.tokens(a.value)) / \(NumberFormat.tokens(b.value)))", isDerived: true)
    }
}
