import DigestCore
import DigestMarkup
import DigestStore
import Foundation

extension Pipeline {
    /// An item's identity for de-duplication and the store: canonical link, else id, else title.
    static func key(_ it: SourcedItem) -> String {
        it.item.link.map(URLResolver.canonical) ?? it.item.id ?? (it.source.id + ":" + (it.item.title ?? ""))
    }

    /// Step 3b: indices of this run's items whose article text an earlier run already extracted
    /// (that text is taken over, so the page is not fetched again).
    func recall(_ items: inout [SourcedItem], stored: [StoredItem]) -> Set<Int> {
        var byKey: [String: StoredItem] = [:]
        for s in stored where s.extracted { byKey[s.sourceID + "\u{1}" + s.key] = s }
        var known = Set<Int>()
        for i in items.indices {
            guard let s = byKey[items[i].source.id + "\u{1}" + Self.key(items[i])] else { continue }
            if s.text.count > items[i].text.count { items[i].text = s.text }
            known.insert(i)
        }
        return known
    }

    /// Step 5: this run's items go into the store; items of the week that earlier runs saw and
    /// this run's feeds no longer list are added back, so a recap covers the whole week.
    func remember(_ fresh: [SourcedItem], extracted: Set<Int>, stored: [StoredItem], store: DigestStore,
                  _ report: inout RunReport) throws -> [SourcedItem] {
        let rows = fresh.enumerated().map { i, it in
            StoredItem(sourceID: it.source.id, sourceName: it.source.name, key: Self.key(it), week: week, item: it.item,
                       text: it.text, language: it.language, extracted: extracted.contains(i))
        }
        try store.saveItems(rows, now: options.now)
        var seen = Set(rows.map(\.key))
        var items = fresh
        let sources = Dictionary(config.sources.map { ($0.id, $0) }) { a, _ in a }
        for s in stored where seen.insert(s.key).inserted {
            let source = sources[s.sourceID] ?? FeedSource(id: s.sourceID, name: s.sourceName, url: "")
            items.append(SourcedItem(source: source, item: s.item, text: s.text, language: s.language))
            report.itemsRemembered += 1
        }
        report.items = items.count
        if report.itemsRemembered > 0 {
            progress.step("history", "\(report.itemsRemembered) items of \(week) from earlier runs")
        }
        return items
    }
}
