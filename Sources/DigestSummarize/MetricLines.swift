import DigestCore

/// "What changed": metric lines composed from extracted metrics, one line per subject — a volume
/// with the change that describes it ("Global total: 27T tokens, +18.9% WoW"), ranks with streaks
/// ("#1 for 5 weeks running"), prices each with their side and their own change ("¥8 per M output
/// tokens (-50%)"), shares, multiples; and a ratio of two volumes of the same period when both were
/// extracted, marked as derived. A figure whose subject is unknown gets no label; the same line is
/// never printed twice.
public enum MetricLines {
    /// Lines for a card, at most `limit`, worded in the digest's language with its subject names.
    public static func compose(_ metrics: [TokenMetric], limit: Int = 4, wording: MetricWording = MetricWording(language: "en"),
                               naming: SubjectNaming = .asWritten) -> [ChangeLine] {
        var changeOf: [Int: TokenMetric] = [:]
        var linked = Set<Int>()
        for (i, m) in metrics.enumerated() where m.quantity == .growth {
            if let d = m.describes, changeOf[d] == nil {
                changeOf[d] = m
                linked.insert(i)
            }
        }
        var order: [String] = []
        var bySubject: [String: [Int]] = [:]
        for (i, m) in metrics.enumerated() {
            let key = m.subject ?? ""
            if bySubject[key] == nil { order.append(key) }
            bySubject[key, default: []].append(i)
        }
        var lines: [ChangeLine] = []
        for key in order {
            guard let ids = bySubject[key] else { continue }
            let parts = self.parts(ids, metrics, changeOf: changeOf, linked: linked, wording)
            guard !parts.isEmpty else { continue }
            let body = parts.joined(separator: wording.separator)
            let label = key.isEmpty ? nil : naming.display(key, wording.language) ?? key
            let line = ChangeLine(text: label.map { wording.labelled($0, body) } ?? body)
            if !lines.contains(line) { lines.append(line) }
        }
        if let d = derivedRatio(metrics, wording, naming) { lines.append(d) }
        return Array(lines.prefix(limit))
    }

    static func parts(_ ids: [Int], _ metrics: [TokenMetric], changeOf given: [Int: TokenMetric], linked: Set<Int>,
                      _ w: MetricWording) -> [String] {
        var parts: [String] = []
        var changeOf = given
        // A restated price's change belongs to the price it restates.
        for i in ids where restates(i, ids, metrics) {
            guard let g = changeOf[i], let j = ids.first(where: { metrics[$0].side != nil && metrics[$0].value == metrics[i].value
                && metrics[$0].quantity == .tokenPrice }) else { continue }
            if changeOf[j] == nil { changeOf[j] = g }
        }
        let ms = ids.map { metrics[$0] }
        // A change not linked to any figure goes with the subject's volume, as it is written.
        let loose = ids.first { metrics[$0].quantity == .growth && !linked.contains($0) }.map { metrics[$0] }
        var looseUsed = false
        if let vi = ids.first(where: { metrics[$0].quantity == .tokenVolume }) {
            let v = metrics[vi]
            let growth = changeOf[vi] ?? loose
            if changeOf[vi] == nil, loose != nil { looseUsed = true }
            // "27T tokens, +18.9% WoW": the growth's basis already names the window.
            parts.append(w.tokens(v.value, per: growth?.period == v.period ? nil : v.period))
            if let g = growth { parts.append(w.growth(g)) }
        }
        if let s = ms.first(where: { $0.quantity == .share }) { parts.append(w.share(s.value)) }
        let rank = ms.first { $0.quantity == .rank }
        let streak = ms.first { $0.quantity == .count && $0.period != nil }
        if rank != nil || streak != nil { parts.append(w.rank(rank?.value, streak: streak)) }
        if let x = ms.first(where: { $0.quantity == .multiple }) { parts.append(w.multiple(x)) }
        for i in ids where metrics[i].quantity == .tokenPrice && !restates(i, ids, metrics) {
            let text = w.price(metrics[i]) + (changeOf[i].map { w.zh ? "（\(w.growth($0))）" : " (\(w.growth($0)))" } ?? "")
            if !parts.contains(text) { parts.append(text) }
        }
        // A change linked to no figure goes beside a volume or alone; never beside prices, whose
        // own changes are printed with them ("keep their 50% discount" is no price change).
        if let g = loose, !looseUsed, !ms.contains(where: { $0.quantity == .tokenPrice }) {
            parts.append(w.growth(g))
        }
        return parts
    }

    /// A price without a side that repeats one with a side (the same amount and currency): the
    /// same price told twice ("¥0.8 per M input tokens … 每百万tokens最低0.8元").
    public static func restates(_ i: Int, _ ids: [Int], _ metrics: [TokenMetric]) -> Bool {
        let p = metrics[i]
        guard p.quantity == .tokenPrice, p.side == nil else { return false }
        return ids.contains { j in
            let q = metrics[j]
            return j != i && q.quantity == .tokenPrice && q.side != nil && q.value == p.value && q.unit == p.unit
        }
    }

    /// The ratio of the two largest volumes of different subjects and the same period,
    /// unless the text states a multiple itself.
    static func derivedRatio(_ metrics: [TokenMetric], _ w: MetricWording, _ naming: SubjectNaming) -> ChangeLine? {
        guard !metrics.contains(where: { $0.quantity == .multiple }) else { return nil }
        let vols = metrics.filter { $0.quantity == .tokenVolume && $0.subject != nil && $0.subject != "global" }
        var seen = Set<String>()
        let distinct = vols.filter { seen.insert($0.subject!).inserted }.sorted { $0.value > $1.value }
        guard distinct.count >= 2 else { return nil }
        let a = distinct[0], b = distinct[1]
        guard a.period == b.period, b.value > 0 else { return nil }
        let name = { (s: String) in naming.display(s, w.language) ?? s }
        guard name(a.subject!) != name(b.subject!) else { return nil }  // two names of one subject
        let ratio = (a.value / b.value * 10).rounded() / 10
        // The template adds the "derived" label; the line shows the inputs it was computed from.
        return ChangeLine(text: w.labelled("\(name(a.subject!)) vs \(name(b.subject!))", w.ratio(ratio, a.value, b.value)), isDerived: true)
    }
}
