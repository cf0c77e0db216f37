import DigestCore
import DigestPublish
import DigestRender
import Foundation

extension Pipeline {
    /// The whole static site from every published week (`weeks` newest first).
    func siteFiles(_ weeks: [WeekDigest], renderer r: DigestRenderer, templates: TemplateSet) throws -> FileSet {
        var files = FileSet()
        var byTopic: [String: [(week: ISOWeek, card: Card)]] = [:]
        for d in weeks {
            for c in d.cards {
                try files.add(DigestRenderer.cardPath(c, week: d.week), r.cardPage(c, week: d.week))
                for t in c.topics { byTopic[t, default: []].append((d.week, c)) }
            }
            try files.add("weeks/\(d.week).html", r.page(title: "\(config.site.title) · \(d.week)",
                                                         body: r.recapFragment(d, root: "../"), root: "../"))
        }
        if let latest = weeks.first {
            try files.add("index.html", r.page(title: config.site.title, body: r.recapFragment(latest, root: ""), root: ""))
            try files.add("feed.xml", r.atomFeed(latest, updated: options.now))
        }
        for t in r.site.topics {
            guard let cards = byTopic[t.id] else { continue }
            try files.add("topics/\(t.id).html", r.topicPage(id: t.id, name: t.name, cards: cards))
        }
        try files.add("archive.html", r.archive(weeks: weeks.map { ($0.week, $0.firstDay, $0.lastDay, $0.cards.count) },
                                                topicCounts: byTopic.mapValues(\.count)))
        try files.add("style.css", templates.css)
        try files.add("sitemap.xml", r.sitemap(paths: files.paths.filter { $0.hasSuffix(".html") }))
        return files
    }
}
