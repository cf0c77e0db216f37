import DigestCore
import DigestStore

/// The week's items, with which of them carry an extracted article's text.
struct WeekItems: Sendable {
    /// One per link across sources, in feeds.yaml order.
    var items: [SourcedItem]
    /// Indices whose text is an extracted article (by an earlier run or this one).
    var extracted: Set<Int>
    /// Indices an earlier run already extracted (not fetched again, not stored again).
    var known: Set<Int>
}

extension Pipeline {
    /// Step `selectWeek`: the week's items from the store — this run's and earlier runs' — one
    /// per link across sources, in feeds.yaml order.
    func selectWeek(from store: DigestStore, parsed: Set<String>, _ report: inout RunReport) throws -> WeekItems {
        let order = Dictionary(config.sources.enumerated().map { ($1.id, $0) }) { a, _ in a }
        let sources = Dictionary(config.sources.map { ($0.id, $0) }) { a, _ in a }
        let stored = try store.items(week: week).enumerated().sorted { a, b in
            let (oa, ob) = (order[a.element.sourceID] ?? Int.max, order[b.element.sourceID] ?? Int.max)
            return oa != ob ? oa < ob : a.offset < b.offset
        }.map(\.element)
        var seen = Set<String>()
        var items: [SourcedItem] = []
        var extracted = Set<Int>()
        for s in stored where seen.insert(s.key).inserted {
            let source = sources[s.sourceID] ?? FeedSource(id: s.sourceID, name: s.sourceName, url: "")
            if s.extracted { extracted.insert(items.count) }
            items.append(SourcedItem(source: source, item: s.item, text: s.text, language: s.language))
            if !parsed.contains(Self.parsedKey(sourceID: s.sourceID, key: s.key)) { report.itemsRemembered += 1 }
            if let i = report.sources.firstIndex(where: { $0.id == s.sourceID }) { report.sources[i].itemsInWeek += 1 }
        }
        report.items = items.count
        progress.step(.selectWeek, Plural.count(items.count, "item") + " in \(week)")
        if report.itemsRemembered > 0 {
            progress.step(.selectWeek, Plural.count(report.itemsRemembered, "item") + " of \(week) from earlier runs")
        }
        return WeekItems(items: items, extracted: extracted, known: extracted)
    }
}
