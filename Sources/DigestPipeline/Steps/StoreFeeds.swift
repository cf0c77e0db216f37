import DigestCore
import DigestStore
import DigestURL
import Foundation

extension Pipeline {
    /// Step `storeFeeds`, for one source: its state with the dated items parsed from it this run
    /// (any week), in one transaction — they commit together or not at all.
    func storeFetch(_ o: SourceOutcome, in store: DigestStore) throws {
        try store.saveFetch(o.state, items: o.rows, now: options.now)
    }

    /// The report of the stored sources, in feeds.yaml order. Returns the source-and-key pairs
    /// parsed this run.
    func reportFeeds(_ outcomes: [StoredFetch], _ report: inout RunReport) -> Set<String> {
        var keys = Set<String>()
        var undated = 0
        for o in outcomes {
            report.sources.append(o.line)
            if o.line.status == .ok || o.hadItems { report.feedsParsed += 1 }  // a new copy, or the last good one
            report.itemsParsed += o.keys.count
            keys.formUnion(o.keys)
            undated += o.undated
        }
        progress.step(.parseFeeds, Plural.count(report.feedsParsed, "feed") + " parsed, " + Plural.count(report.itemsParsed, "dated item") + " stored"
                      + (undated > 0 ? " (\(undated) without a date left out)" : "")
                      + (report.sourcesNotModified > 0 ? ", " + Plural.count(report.sourcesNotModified, "source") + " not modified" : ""))
        return keys
    }

    /// Step `importStores`: the items of other shards' stores (`--import-store`) join this one.
    func importStores(into store: DigestStore) throws {
        for other in options.importStores {
            let n = try store.importItems(from: other)
            progress.step(.importStores, Plural.count(n, "item") + " from \(other)")
        }
    }

    /// An item's identity for de-duplication and the store: canonical link, else id, else title.
    static func key(_ it: SourcedItem) -> String {
        it.item.link.map(URLResolver.canonical) ?? it.item.id ?? (it.source.id + ":" + (it.item.title ?? ""))
    }

    /// A source and an item key, as `storeFeeds` returns them.
    static func parsedKey(sourceID: String, key: String) -> String { sourceID + "\u{1}" + key }

    /// An item as a store row, in the week of `published` in the configured time zone.
    func storedItem(_ it: SourcedItem, published: Date, extracted: Bool) -> StoredItem {
        StoredItem(sourceID: it.source.id, sourceName: it.source.name, key: Self.key(it),
                   week: ISOWeek(containing: published, in: config.timeZone), item: it.item, text: it.text,
                   language: it.language, extracted: extracted)
    }
}
