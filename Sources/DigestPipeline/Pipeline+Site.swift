import DigestCore
import DigestPublish
import DigestRender
import Foundation

extension Pipeline {
    /// The whole static site from every published week (`weeks` newest first).
    func siteFiles(_ weeks: [WeekDigest], renderer r: DigestRenderer, templates: TemplateSet) throws -> FileSet {
        var pages: [(path: String, render: @Sendable () -> String)] = []
        var byTopic: [String: [(week: ISOWeek, card: Card)]] = [:]
        let title = config.site.title
        for d in weeks {
            for c in d.cards {
                pages.append((DigestRenderer.cardPath(c, week: d.week), { r.cardPage(c, week: d.week) }))
                for t in c.topics { byTopic[t, default: []].append((d.week, c)) }
            }
            pages.append(("weeks/\(d.week).html", {
                r.page(title: "\(title) · \(d.week)", body: r.recapFragment(d, root: "../"), root: "../")
            }))
        }
        if let latest = weeks.first {
            let now = options.now
            pages.append(("index.html", { r.page(title: title, body: r.recapFragment(latest, root: ""), root: "") }))
            pages.append(("feed.xml", { r.atomFeed(latest, updated: now) }))
        }
        for t in r.site.topics {
            guard let cards = byTopic[t.id] else { continue }
            pages.append(("topics/\(t.id).html", { r.topicPage(id: t.id, name: t.name, cards: cards) }))
        }
        let counts = byTopic.mapValues(\.count)
        pages.append(("archive.html", {
            r.archive(weeks: weeks.map { ($0.week, $0.firstDay, $0.lastDay, $0.cards.count) }, topicCounts: counts)
        }))
        var files = FileSet()
        for (page, text) in zip(pages, Self.renderAll(pages.map(\.render))) { try files.add(page.path, text) }
        try files.add("style.css", templates.css)
        try files.add("sitemap.xml", r.sitemap(paths: files.paths.filter { $0.hasSuffix(".html") }))
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
