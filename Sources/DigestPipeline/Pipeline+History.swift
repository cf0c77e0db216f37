import DigestCore
import DigestStore
import DigestURL
import Foundation

extension Pipeline {
    /// An item's identity for de-duplication and the store: canonical link, else id, else title.
    static func key(_ it: SourcedItem) -> String {
        it.item.link.map(URLResolver.canonical) ?? it.item.id ?? (it.source.id + ":" + (it.item.title ?? ""))
    }

    /// An item as a store row, in the week of `published` in the configured time zone.
    func storedItem(_ it: SourcedItem, published: Date, extracted: Bool) -> StoredItem {
        StoredItem(sourceID: it.source.id, sourceName: it.source.name, key: Self.key(it),
                   week: ISOWeek(containing: published, in: config.timeZone), item: it.item, text: it.text,
                   language: it.language, extracted: extracted)
    }

    /// Step 2: each source's state, and every dated item parsed this run (any week), go into
    /// the store in one go. Returns the source-and-key pairs parsed this run.
    func storeSources(_ outcomes: [SourceOutcome], store: DigestStore, _ report: inout RunReport) throws -> Set<String> {
        var rows: [StoredItem] = []
        var undated = 0
        for o in outcomes {
            report.sources.append(o.line)
            if o.line.status == .ok || !o.items.isEmpty { report.feedsParsed += 1 }  // a new copy, or the last good one
            rows += o.rows
            undated += o.undated
        }
        try store.saveSourceStates(outcomes.map(\.state))
        try store.saveItems(rows, now: options.now)
        report.itemsParsed = rows.count
        progress.step("parse", "\(report.feedsParsed) feeds parsed, \(rows.count) dated items stored"
                      + (undated > 0 ? " (\(undated) without a date left out)" : "")
                      + (report.sourcesNotModified > 0 ? ", \(report.sourcesNotModified) sources not modified" : ""))
        return Set(rows.map { $0.sourceID + "\u{1}" + $0.key })
    }

    /// Step 3: the week's items from the store — this run's and earlier runs' — one per link
    /// across sources, in feeds.yaml order; with the indices whose text is an extracted article.
    func weekItems(store: DigestStore, parsed: Set<String>, _ report: inout RunReport) throws
        -> (items: [SourcedItem], extracted: Set<Int>) {
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
            if !parsed.contains(s.sourceID + "\u{1}" + s.key) { report.itemsRemembered += 1 }
            if let i = report.sources.firstIndex(where: { $0.id == s.sourceID }) { report.sources[i].itemsInWeek += 1 }
        }
        report.items = items.count
        progress.step("select", "\(items.count) items in \(week)")
        if report.itemsRemembered > 0 {
            progress.step("history", "\(report.itemsRemembered) items of \(week) from earlier runs")
        }
        return (items, extracted)
    }

    /// Step 4b: article text extracted this run goes back into the store.
    func storeArticles(_ items: [SourcedItem], extracted: Set<Int>, known: Set<Int>, store: DigestStore) throws {
        let rows = extracted.subtracting(known).sorted().map { i in
            let it = items[i]
            return storedItem(it, published: it.item.published ?? it.item.updated ?? options.now, extracted: true)
        }
        if !rows.isEmpty { try store.saveItems(rows, now: options.now) }
    }
}
