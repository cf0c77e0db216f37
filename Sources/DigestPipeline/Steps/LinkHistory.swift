import DigestCore
import DigestMetrics
import DigestStore

extension Pipeline {
    /// Step `linkHistory`: each card read against the earlier weeks of the store (`earlier`,
    /// newest first) — a takeaway for each of its volumes whose subject had a figure of the same
    /// window in an earlier week ("up from 9.86T in 2026-W47"), and up to three related earlier
    /// cards sharing a subject or topic. Returns the cards and how many changed.
    func linkHistory(_ cards: [Card], earlier: [StoredWeek]) -> (cards: [Card], linked: Int) {
        guard !earlier.isEmpty else { return (cards, 0) }
        let wording = MetricWording(language: config.labelLanguage)
        var linked = 0
        let out = cards.map { card -> Card in
            var c = card
            for line in Self.historyLines(c, earlier, wording) where !c.takeaways.contains(line) && c.takeaways.count < 4 {
                c.takeaways.append(line)
            }
            let related = Self.related(c, earlier)
            if !related.isEmpty { c.related = related }
            if c != card { linked += 1 }
            return c
        }
        return (out, linked)
    }

    /// The subjects of a card, by canonical name ("China" for 中国模型).
    static func subjects(_ c: Card) -> Set<String> {
        Set(c.metrics.compactMap(\.subject).filter { $0 != "global" }.map { SubjectNames.canonical($0) ?? $0 })
    }

    /// "Chinese models: 12.96T tokens/week, up from 9.86T in 2026-W47 (36氪)" for each volume of
    /// the card whose subject had one of the same window in the latest earlier week that has one.
    static func historyLines(_ c: Card, _ earlier: [StoredWeek], _ w: MetricWording) -> [String] {
        var lines: [String] = []
        for v in c.metrics where v.quantity == .tokenVolume {
            guard let subject = v.subject else { continue }
            let key = SubjectNames.canonical(subject) ?? subject
            search: for week in earlier {
                for old in week.cards {
                    guard let o = old.metrics.first(where: { $0.quantity == .tokenVolume && $0.period == v.period
                        && ($0.subject.map { SubjectNames.canonical($0) ?? $0 }) == key }) else { continue }
                    let name = SubjectNames.display(subject, language: w.language) ?? subject
                    let source = old.sources.first?.name ?? ""
                    let then = w.amount(o.value), now = w.tokens(v.value, per: v.period)
                    let move = o.value == v.value ? (w.zh ? "持平于" : "unchanged from") : o.value < v.value
                        ? (w.zh ? "高于" : "up from") : (w.zh ? "低于" : "down from")
                    lines.append(w.zh ? "\(name)：\(now)，\(move)\(week.week)的\(then)（\(source)）"
                                      : "\(name): \(now), \(move) \(then) in \(week.week) (\(source))")
                    break search
                }
            }
        }
        return lines
    }

    /// Up to three earlier cards sharing a subject, else a topic, newest first.
    static func related(_ c: Card, _ earlier: [StoredWeek]) -> [RelatedCard] {
        let subjects = Self.subjects(c), topics = Set(c.topics)
        var bySubject: [RelatedCard] = [], byTopic: [RelatedCard] = []
        for week in earlier {
            for old in week.cards where old.id != c.id {
                let link = RelatedCard(title: old.title, week: week.week.description, slug: old.slug, day: old.day)
                if !Self.subjects(old).isDisjoint(with: subjects) { bySubject.append(link) }
                else if !Set(old.topics).isDisjoint(with: topics) { byTopic.append(link) }
            }
        }
        return Array((bySubject + byTopic).prefix(3))
    }
}
