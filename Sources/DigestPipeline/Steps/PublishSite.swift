import DigestCore
import DigestPublish
import DigestRender
import Foundation

extension Pipeline {
    /// The whole static site from every published week (`weeks` newest first), written into
    /// `site` at the paths `OutputLayout` gives: rendered `renderChunk` pages at a time on every
    /// core and written at once, so memory stays that of a chunk at any number of cards.
    func writeSite(_ weeks: [WeekDigest], renderer r: DigestRenderer, into site: SiteStaging) throws {
        var pages: [(path: String, render: @Sendable () -> String)] = []
        var byTopic: [String: [(week: ISOWeek, card: Card)]] = [:]
        for d in weeks {
            for c in d.cards {
                pages.append((OutputLayout.cardPage(week: d.week, slug: c.slug), { r.cardPage(c, week: d.week) }))
                for t in c.topics { byTopic[t, default: []].append((d.week, c)) }
            }
            pages.append((OutputLayout.weekPage(d.week), { r.weekPage(d) }))
        }
        if let latest = weeks.first {
            let now = options.now
            pages.append((OutputLayout.index, { r.weekPage(latest, asIndex: true) }))
            pages.append((OutputLayout.feed, { r.atomFeed(latest, updated: now) }))
        }
        for t in r.site.topics {
            guard let cards = byTopic[t.id] else { continue }
            pages.append((OutputLayout.topicPage(t.id), { r.topicPage(id: t.id, name: t.name, cards: cards) }))
        }
        let counts = byTopic.mapValues(\.count)
        pages.append((OutputLayout.archive, {
            r.archive(weeks: weeks.map { ($0.week, $0.firstDay, $0.lastDay, $0.cards.count) }, topicCounts: counts)
        }))
        var start = 0
        while start < pages.count {
            let chunk = pages[start..<min(pages.count, start + Self.renderChunk)]
            for (page, text) in zip(chunk, Self.renderAll(chunk.map(\.render))) { try site.add(page.path, text) }
            start += chunk.count
        }
        try site.add(OutputLayout.stylesheet, r.templates.css)
        try site.add(OutputLayout.sitemap, r.sitemap(paths: site.paths.filter { $0.hasSuffix(".html") }.sorted()))
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
