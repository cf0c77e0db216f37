import DigestCore

/// The slots a headline can name, read from one card's metrics in the digest's language. The
/// story's subject is the leader when a rank or streak is stated, else the subject of a price
/// (a cut first), else the largest volume. Every value is an extracted metric as stated, except
/// `ratio` (two extracted volumes divided), which forms print marked as derived.
///
/// Slots: subject, s / es / have (English verb forms for it), rival, growth, change, surge, streak, rank,
/// ratio, volume, amount, per, cut, side, price_bare, prices, multiple, global_volume,
/// global_amount, global_per, global_change.
public struct HeadlineFacts: Sendable, Equatable {
    /// Filled slots.
    public var slots: [String: String] = [:]

    /// Facts of `metrics` worded in `wording`'s language with `naming`'s subject names.
    public init(_ metrics: [TokenMetric], wording w: MetricWording, naming: SubjectNaming) {
        slots = Self.global(metrics, w)
        let subjects = metrics.compactMap(\.subject).filter { $0 != "global" }
        guard let lead = Self.lead(metrics), !subjects.isEmpty else { return }
        if let n = naming.display(lead, w.language) {
            slots["subject"] = n
            slots["s"] = Self.isPlural(n) ? "" : "s"
            slots["es"] = Self.isPlural(n) ? "" : "es"
            slots["have"] = Self.isPlural(n) ? "have" : "has"
        }
        addVolume(of: lead, metrics, w, naming)
        if let r = metrics.first(where: { $0.quantity == .rank && $0.subject == lead }) { slots["rank"] = NumberFormat.plain(r.value) }
        if let s = metrics.first(where: { $0.quantity == .count && $0.period != nil && $0.subject == lead }) { slots["streak"] = w.span(s) }
        addPrices(of: lead, metrics, w)
        if let x = metrics.first(where: { $0.quantity == .multiple && $0.subject == lead && $0.direction != .up }) {
            slots["multiple"] = NumberFormat.plain(x.value) + (w.zh ? "倍" : "x")
        }
    }

    /// The story's subject: the leader when a #1 rank or a streak is stated, else the subject of a
    /// cut price, of any price, of the largest volume.
    static func lead(_ metrics: [TokenMetric]) -> String? {
        let named = metrics.filter { $0.subject != nil && $0.subject != "global" }
        if let m = named.first(where: { ($0.quantity == .rank && $0.value == 1) || ($0.quantity == .count && $0.period != nil) }) {
            return m.subject
        }
        if let i = metrics.indices.first(where: { metrics[$0].quantity == .tokenPrice && metrics[$0].subject != nil
            && change(of: $0, metrics)?.direction == .down }) { return metrics[i].subject }
        if let p = named.first(where: { $0.quantity == .tokenPrice }) { return p.subject }
        return named.filter { $0.quantity == .tokenVolume }.max { $0.value < $1.value }?.subject
    }

    static func change(of i: Int, _ metrics: [TokenMetric]) -> TokenMetric? {
        metrics.first { $0.quantity == .growth && $0.describes == i }
    }

    /// The leader's volume, its change, and the largest smaller volume of another subject in the
    /// same window (the rival, and the derived ratio).
    mutating func addVolume(of lead: String, _ metrics: [TokenMetric], _ w: MetricWording, _ naming: SubjectNaming) {
        let volumes = metrics.indices.filter { metrics[$0].quantity == .tokenVolume && metrics[$0].subject != nil
            && metrics[$0].subject != "global" }
        guard let vi = volumes.first(where: { metrics[$0].subject == lead }) else { return }
        let v = metrics[vi]
        slots["volume"] = w.tokens(v.value)
        slots["amount"] = w.amount(v.value)
        slots["per"] = Self.per(v.period, w)
        if let g = Self.change(of: vi, metrics) ?? metrics.first(where: { $0.quantity == .growth && $0.subject == lead && $0.describes == nil }) {
            slots["growth"] = NumberFormat.plain(g.value) + "%"
            slots["change"] = w.growth(g)
            slots["surge"] = Self.verb(g, w, plural: slots["s"] == "")
        }
        let leadName = naming.display(lead, w.language)
        let rivals = volumes.filter { metrics[$0].subject != lead && metrics[$0].period == v.period && metrics[$0].value > 0
            && metrics[$0].value < v.value && naming.display(metrics[$0].subject!, w.language) != leadName }
        if let ri = rivals.max(by: { metrics[$0].value < metrics[$1].value }), let r = naming.short(metrics[ri].subject!, w.language) {
            slots["rival"] = r
            let ratio = (v.value / metrics[ri].value * 10).rounded() / 10
            slots["ratio"] = "≈" + NumberFormat.plain(ratio) + (w.zh ? "倍" : "x")
        }
    }

    /// The cut price (its cut, side and amount) and every price of the subject.
    mutating func addPrices(of lead: String, _ metrics: [TokenMetric], _ w: MetricWording) {
        if let ci = metrics.indices.first(where: { metrics[$0].quantity == .tokenPrice && metrics[$0].subject == lead
            && Self.change(of: $0, metrics)?.direction == .down }), let g = Self.change(of: ci, metrics) {
            slots["cut"] = NumberFormat.plain(g.value) + "%"
            if let side = metrics[ci].side { slots["side"] = w.side(side) }
            var bare = metrics[ci]
            bare.side = nil
            slots["price_bare"] = w.price(bare)
        }
        var prices: [String] = []
        for i in metrics.indices where metrics[i].quantity == .tokenPrice && metrics[i].subject == lead
            && !MetricLines.restates(i, Array(metrics.indices), metrics) {
            let p = w.price(metrics[i])
            if !prices.contains(p) { prices.append(p) }
        }
        if !prices.isEmpty { slots["prices"] = prices.joined(separator: w.separator) }
    }

    /// Slots of the global volume.
    static func global(_ metrics: [TokenMetric], _ w: MetricWording) -> [String: String] {
        guard let gi = metrics.firstIndex(where: { $0.quantity == .tokenVolume && $0.subject == "global" }) else { return [:] }
        let g = metrics[gi]
        var slots = ["global_volume": w.tokens(g.value), "global_amount": w.amount(g.value), "global_per": per(g.period, w)]
        if let c = change(of: gi, metrics) { slots["global_change"] = w.growth(c) }
        return slots
    }

    /// A form with its slots filled; nil when one of them is empty.
    public func fill(_ form: String) -> String? {
        var out = ""
        var rest = Substring(form)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            out += rest[..<open]
            guard let value = slots[String(rest[rest.index(after: open)..<close])] else { return nil }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// "Chinese models", "US models": a plural subject takes "surge", a singular one "surges".
    static func isPlural(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard words.count >= 2, let last = words.last, last.hasSuffix("s") else { return false }
        return last.first?.isLowercase == true
    }

    /// " a day" / "日均": the window of a volume as a headline says it.
    static func per(_ p: MetricPeriod?, _ w: MetricWording) -> String {
        guard let p else { return "" }
        if w.zh { return ["day": "日均", "week": "周", "month": "月", "quarter": "季度", "year": "年"][p.rawValue]! }
        return " a " + p.rawValue
    }

    /// The verb of a change: surge(s) / grow(s) / fall(s); 大涨 / 增长 / 下降.
    static func verb(_ g: TokenMetric, _ w: MetricWording, plural: Bool) -> String {
        let (en, zh) = g.direction == .down ? ("fall", "下降") : g.value >= 20 ? ("surge", "大涨") : ("grow", "增长")
        return w.zh ? zh : en + (plural ? "" : "s")
    }
}
