import DigestCore
import DigestMetrics
import DigestStore

/// What the earlier weeks say about each subject and topic, read once from the store card by
/// card (newest week first, in rank order) and kept small: per subject and window its latest
/// volume, per subject and per topic its newest few cards. A run links a week of any size to a
/// history of any length without holding that history.
struct HistoryIndex {
    /// The latest earlier volume of a subject (canonical name) in a window.
    struct Volume {
        var week: ISOWeek
        var value: Double
        var source: String
    }

    /// An earlier card as a link, with its place in the history's order and its id.
    struct Entry {
        var order: Int
        var id: String
        var link: RelatedCard
    }

    /// Cards kept per subject and per topic: enough for three related cards after leaving out
    /// the card itself (its own earlier copies) and those already related by subject.
    static let kept = 16

    var volumes: [String: Volume] = [:]
    var bySubject: [String: [Entry]] = [:]
    var byTopic: [String: [Entry]] = [:]
    /// The subjects of each kept entry, by order (a related-by-topic card must share none).
    var subjectsOf: [Int: Set<String>] = [:]
    var isEmpty = true

    /// The index of the weeks before `week`.
    init(store: DigestStore, before week: ISOWeek) throws {
        var order = 0
        try store.forEachCard(before: week) { w, old in
            isEmpty = false
            for m in old.metrics where m.quantity == .tokenVolume {
                guard let subject = m.subject else { continue }
                let key = Self.volumeKey(Pipeline.canonical(subject), m.period)
                if volumes[key] == nil { volumes[key] = Volume(week: w, value: m.value, source: old.sources.first?.name ?? "") }
            }
            let subjects = Pipeline.subjects(old)
            let entry = Entry(order: order, id: old.id, link: RelatedCard(title: old.title, week: w.description, slug: old.slug, day: old.day))
            var keptHere = false
            for s in subjects where bySubject[s, default: []].count < Self.kept {
                bySubject[s, default: []].append(entry)
                keptHere = true
            }
            for t in Set(old.topics) where byTopic[t, default: []].count < Self.kept {
                byTopic[t, default: []].append(entry)
                keptHere = true
            }
            if keptHere { subjectsOf[order] = subjects }
            order += 1
        }
    }

    static func volumeKey(_ subject: String, _ period: MetricPeriod?) -> String { subject + "\u{1}" + (period?.rawValue ?? "") }

    /// Up to three earlier cards sharing a subject with `c`, else a topic, newest first.
    func related(_ c: Card) -> [RelatedCard] {
        let subjects = Pipeline.subjects(c)
        let shared = Set(subjects.flatMap { bySubject[$0] ?? [] }.map(\.order))
        var all: [Int: Entry] = [:]
        for s in subjects { for e in bySubject[s] ?? [] where e.id != c.id { all[e.order] = e } }
        var out = all.values.sorted { $0.order < $1.order }.prefix(3).map(\.link)
        guard out.count < 3 else { return out }
        var byTopic: [Int: Entry] = [:]
        for t in Set(c.topics) {
            for e in self.byTopic[t] ?? [] where e.id != c.id && !shared.contains(e.order)
                && (subjectsOf[e.order] ?? []).isDisjoint(with: subjects) { byTopic[e.order] = e }
        }
        out += byTopic.values.sorted { $0.order < $1.order }.prefix(3 - out.count).map(\.link)
        return out
    }
}

extension Pipeline {
    /// Step `linkHistory`: each card read against the earlier weeks (`history`) — a takeaway for
    /// each of its volumes whose subject had a figure of the same window in an earlier week ("up
    /// from 9.86T in 2026-W47"), and up to three related earlier cards sharing a subject or
    /// topic. Returns the cards and how many changed.
    func linkHistory(_ cards: [Card], history: HistoryIndex) -> (cards: [Card], linked: Int) {
        guard !history.isEmpty else { return (cards, 0) }
        let wording = MetricWording(language: config.labelLanguage)
        var linked = 0
        let out = cards.map { card -> Card in
            var c = card
            for line in Self.historyLines(c, history, wording) where !c.takeaways.contains(line) && c.takeaways.count < 4 {
                c.takeaways.append(line)
            }
            let related = history.related(c)
            if !related.isEmpty { c.related = related }
            if c != card { linked += 1 }
            return c
        }
        return (out, linked)
    }

    /// The subjects of a card, by canonical name ("China" for 中国模型).
    static func subjects(_ c: Card) -> Set<String> {
        Set(c.metrics.compactMap(\.subject).filter { $0 != "global" }.map(canonical))
    }

    /// A subject's canonical name, or the name as written when it has none.
    static func canonical(_ subject: String) -> String { SubjectNames.canonical(subject) ?? subject }

    /// "Chinese models: 12.96T tokens/week, up from 9.86T in 2026-W47 (36氪)" for each volume of
    /// the card whose subject had one of the same window in the latest earlier week that has one.
    static func historyLines(_ c: Card, _ history: HistoryIndex, _ w: MetricWording) -> [String] {
        var lines: [String] = []
        for v in c.metrics where v.quantity == .tokenVolume {
            guard let subject = v.subject else { continue }
            let key = canonical(subject)
            guard let o = history.volumes[HistoryIndex.volumeKey(key, v.period)] else { continue }
            let name = SubjectNames.display(subject, language: w.language) ?? subject
            let then = w.amount(o.value), now = w.tokens(v.value, per: v.period)
            let move = o.value == v.value ? (w.zh ? "持平于" : "unchanged from") : o.value < v.value
                ? (w.zh ? "高于" : "up from") : (w.zh ? "低于" : "down from")
            lines.append(w.zh ? "\(name)：\(now)，\(move)\(o.week)的\(then)（\(o.source)）"
                              : "\(name): \(now), \(move) \(then) in \(o.week) (\(o.source))")
        }
        return lines
    }
}
