import DigestCore
import DigestStore

/// The week's items as heads (no text): what every later step reads the items back by, a chunk
/// at a time, so a run's memory does not grow with the size of the week.
struct WeekItems: Sendable {
    /// One per link across sources, in feeds.yaml order.
    var heads: [ItemHead]
    /// Sources by id (an item of a source no longer configured gets one made from its row).
    var sources: [String: FeedSource]

    /// The source of an item by its id and the name stored with it.
    func source(_ id: String, name: String) -> FeedSource {
        sources[id] ?? FeedSource(id: id, name: name, url: "")
    }
}

extension Pipeline {
    /// Step `selectWeek`: the week's items from the store — this run's and earlier runs' — one
    /// per link across sources, in feeds.yaml order.
    func selectWeek(from store: DigestStore, parsed: Set<String>, _ report: inout RunReport) throws -> WeekItems {
        let order = Dictionary(config.sources.enumerated().map { ($1.id, $0) }) { a, _ in a }
        let sources = Dictionary(config.sources.map { ($0.id, $0) }) { a, _ in a }
        let stored = try store.itemHeads(week: week).enumerated().sorted { a, b in
            let (oa, ob) = (order[a.element.sourceID] ?? Int.max, order[b.element.sourceID] ?? Int.max)
            return oa != ob ? oa < ob : a.offset < b.offset
        }.map(\.element)
        var seen = Set<String>()
        var heads: [ItemHead] = []
        var line = Dictionary(report.sources.enumerated().map { ($1.id, $0) }) { a, _ in a }
        for s in stored where seen.insert(s.key).inserted {
            heads.append(s)
            if !parsed.contains(Self.parsedKey(sourceID: s.sourceID, key: s.key)) { report.itemsRemembered += 1 }
            if let i = line[s.sourceID] { report.sources[i].itemsInWeek += 1 }
        }
        line.removeAll()
        report.items = heads.count
        progress.step(.selectWeek, Plural.count(heads.count, "item") + " in \(week)")
        if report.itemsRemembered > 0 {
            progress.step(.selectWeek, Plural.count(report.itemsRemembered, "item") + " of \(week) from earlier runs")
        }
        return WeekItems(heads: heads, sources: sources)
    }

    /// The items of `heads` read back from the store, with their sources.
    func load(_ heads: ArraySlice<ItemHead>, of week: WeekItems, from store: DigestStore) throws -> [SourcedItem] {
        try store.items(heads).map { s in
            SourcedItem(source: week.source(s.sourceID, name: s.sourceName), item: s.item, text: s.text, language: s.language)
        }
    }
}
