import DigestCore
import DigestPublish
import DigestRender
import DigestStore
import Foundation

/// A week's cards read from the store a page at a time, as `WeekDigest`s the renderer takes.
struct WeekReader {
    let store: DigestStore
    /// The digest of a head and a page of its cards (see `Pipeline.publish`).
    let digest: (WeekHead, [Card], Int) -> WeekDigest

    /// Page `page` (from 1) of the week's list.
    func page(_ h: WeekHead, _ page: Int) throws -> WeekDigest {
        digest(h, try store.cards(of: h.week, ranks: OutputLayout.ranks(page: page, of: h.cardCount)), page)
    }

    /// Every card of the week in rank order, read `Pipeline.renderChunk` at a time.
    func forEachCard(of h: WeekHead, _ body: (Card) throws -> Void) throws {
        for start in stride(from: 0, to: h.cardCount, by: Pipeline.renderChunk) {
            for c in try store.cards(of: h.week, ranks: start..<min(h.cardCount, start + Pipeline.renderChunk)) { try body(c) }
        }
    }

    /// The first `count` cards, as the front page, the feed and the email show them.
    func top(_ h: WeekHead, _ count: Int) throws -> WeekDigest {
        digest(h, try store.cards(of: h.week, ranks: 0..<min(h.cardCount, count)), 1)
    }
}

/// Pages waiting to be rendered: written `Pipeline.renderChunk` at a time, so what is held is
/// one chunk's cards whatever the size of the site.
final class PageBatch {
    private let site: SiteStaging
    private var pages: [(path: String, render: @Sendable () -> String)] = []

    init(_ site: SiteStaging) { self.site = site }

    /// Adds a page; renders and writes the batch once it is full.
    func add(_ path: String, _ render: @escaping @Sendable () -> String) throws {
        pages.append((path, render))
        if pages.count >= Pipeline.renderChunk { try flush() }
    }

    /// Renders (on every core) and writes the pages added so far.
    func flush() throws {
        for (page, text) in zip(pages, Pipeline.renderAll(pages.map(\.render))) { try site.add(page.path, text) }
        pages.removeAll(keepingCapacity: true)
    }
}

extension Pipeline {
    /// The whole static site from every published week (`heads` newest first), written into
    /// `site` at the paths `OutputLayout` gives. Cards are read from the store a chunk at a
    /// time and lists longer than a page are paged, so memory stays that of a chunk at any number
    /// of weeks and cards.
    func writeSite(_ heads: [WeekHead], reader: WeekReader, renderer r: DigestRenderer, into site: SiteStaging) throws {
        let batch = PageBatch(site)
        for h in heads {
            try reader.forEachCard(of: h) { c in
                try batch.add(OutputLayout.cardPage(week: h.week, slug: c.slug)) { r.cardPage(c, week: h.week) }
            }
            for page in 1...OutputLayout.pages(h.cardCount) {
                let d = try reader.page(h, page)
                try batch.add(OutputLayout.weekPage(h.week, page: page)) { r.weekPage(d) }
                try batch.flush()  // a page of the week holds a page of cards
            }
        }
        if let latest = heads.first {
            let d = try reader.top(latest, DigestRenderer.compactCount(top: config.top))
            let now = options.now
            try batch.add(OutputLayout.index) { r.weekPage(d, asIndex: true) }
            try batch.add(OutputLayout.feed) { r.atomFeed(d, updated: now) }
        }
        let byTopic = try cardsByTopic(heads, store: reader.store)
        for t in r.site.topics {
            guard let places = byTopic[t.id] else { continue }
            for page in 1...OutputLayout.pages(places.count) {
                let cards = try reader.store.cards(at: Array(places[OutputLayout.ranks(page: page, of: places.count)]))
                let listed = zip(places[OutputLayout.ranks(page: page, of: places.count)], cards).map { (week: $0.week, card: $1) }
                try batch.add(OutputLayout.topicPage(t.id, page: page)) {
                    r.topicPage(id: t.id, name: t.name, cards: listed, count: places.count, page: page)
                }
                try batch.flush()
            }
        }
        let counts = byTopic.mapValues(\.count)
        let weeks = heads.map { h in
            (h.week, day(h.week.start(in: config.timeZone)), day(h.week.end(in: config.timeZone) - 1), h.cardCount)
        }
        try batch.add(OutputLayout.archive) { r.archive(weeks: weeks, topicCounts: counts) }
        try batch.flush()
        try site.add(OutputLayout.stylesheet, r.templates.css)
        try site.add(OutputLayout.sitemap, r.sitemap(paths: site.paths.filter { $0.hasSuffix(".html") }.sorted()))
    }

    /// Each topic's cards (week and rank), newest week first, in rank order.
    func cardsByTopic(_ heads: [WeekHead], store: DigestStore) throws -> [String: [(week: ISOWeek, rank: Int)]] {
        let published = Set(heads.map(\.week))
        var byTopic: [String: [(week: ISOWeek, rank: Int)]] = [:]
        for c in try store.cardTopics() where published.contains(c.week) {
            for t in c.topics { byTopic[t, default: []].append((c.week, c.rank)) }
        }
        return byTopic
    }

    /// Pages rendered at once before they are written.
    static let renderChunk = 256

    /// Runs pure render closures on every core (rendering is most of publishing a long history).
    /// Blocks the calling thread until all are done; results in input order.
    static func renderAll(_ jobs: [@Sendable () -> String]) -> [String] {
        let out = UnsafeMutableBufferPointer<String>.allocate(capacity: jobs.count)
        out.initialize(repeating: "")
        defer {
            out.deinitialize()
            out.deallocate()
        }
        // nonisolated(unsafe): iteration i writes only out[i]; all writes finish before concurrentPerform returns.
        nonisolated(unsafe) let slots = out
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in slots[i] = jobs[i]() }
        return Array(out)
    }
}
