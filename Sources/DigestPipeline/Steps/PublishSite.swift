import DigestCore
import DigestPublish
import DigestRender
import Foundation

extension Pipeline {
    /// The whole static site from every published week (`weeks` newest first), at the paths
    /// `OutputLayout` gives.
    func siteFiles(_ weeks: [WeekDigest], renderer r: DigestRenderer) throws -> FileSet {
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
        var files = FileSet()
        for (page, text) in zip(pages, Self.renderAll(pages.map(\.render))) { try files.add(page.path, text) }
        try files.add(OutputLayout.stylesheet, r.templates.css)
        try files.add(OutputLayout.sitemap, r.sitemap(paths: files.paths.filter { $0.hasSuffix(".html") }))
        return files
    }

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
