import DigestCore
import DigestFiles
import DigestMetrics
import DigestPublish
import DigestRender
import DigestStore
import Foundation

extension Pipeline {
    /// Step `publish`: `week` published from the store — its cards and recap, the whole site
    /// rebuilt from every stored week (swapped in whole), the email file — each file written
    /// atomically where `OutputLayout` puts it. Cards are read from the store a chunk or a page at
    /// a time, never a whole history at once. Returns the files written.
    func publish(_ week: ISOWeek, from store: DigestStore, with presentation: Presentation) throws -> [String] {
        let heads = try store.weekHeads()
        guard let current = heads.first(where: { $0.week == week }) else {
            throw StoreError(path: store.path, problem: "no stored digest for \(week); run `digest run --week \(week)` first")
        }
        let r = renderer(presentation)
        let oldest = heads.last?.week ?? week
        let points = try store.series(.tokenVolume, from: Self.weeks(ending: oldest, count: Self.chartWeeks).first!, through: week)
        let reader = WeekReader(store: store) { h, cards, page in
            let span = Self.weeks(ending: h.week, count: Self.chartWeeks)
            var d = WeekDigest(week: h.week, cards: cards, itemCount: h.itemCount, sourceCount: h.sourceCount,
                               firstDay: day(h.week.start(in: config.timeZone)), lastDay: day(h.week.end(in: config.timeZone) - 1),
                               chart: TrendChart(points: points.filter { $0.week <= h.week }, weeks: span), top: config.top)
            d.cardCount = h.cardCount
            d.firstRank = OutputLayout.ranks(page: page, of: h.cardCount).lowerBound
            (d.page, d.pages) = (page, OutputLayout.pages(h.cardCount))
            return d
        }
        var written: [String] = []
        func write(_ rel: String, _ text: String) throws {
            guard SafePath.isSafe(rel) else { throw FileError(path: rel, problem: "unsafe output path refused") }
            try AtomicWriter.write(text, to: outputDirectory + "/" + rel)
            written.append(rel)
        }
        try reader.forEachCard(of: current) { c in
            try write(OutputLayout.card(day: c.day, slug: c.slug, ext: "md"), r.cardMarkdown(c, week: week))
            try write(OutputLayout.card(day: c.day, slug: c.slug, ext: "html"), r.cardDocument(c, week: week))
        }
        let pages = OutputLayout.pages(current.cardCount)
        for page in 1...pages {
            let d = try reader.page(current, page)
            try write(OutputLayout.recap(week, ext: "md", page: page), r.recapMarkdown(d))
            try write(OutputLayout.recap(week, ext: "html", page: page), r.recapDocument(d))
        }
        removeRecapPages(of: week, after: pages)
        progress.step(.publish, "cards and recap written")

        let site = try SiteStaging(replacing: outputDirectory + "/" + OutputLayout.site)
        try writeSite(heads, reader: reader, renderer: r, into: site)
        progress.step(.publish, "site written (" + Plural.count(site.paths.count, "file") + "); swapping it in")
        try site.swapIn()
        written += site.paths.map { OutputLayout.site + "/" + $0 }

        let d = try reader.top(current, DigestRenderer.compactCount(top: config.top))
        let mail = EmailMessage(from: config.email.from, to: config.email.to,
                                subject: "\(config.site.title) · \(week)" + (d.cards.first.map { " · " + $0.title } ?? ""),
                                date: options.now, text: r.emailText(d, unsubscribe: config.email.listUnsubscribe),
                                html: r.emailHTML(d, unsubscribe: config.email.listUnsubscribe),
                                listUnsubscribe: config.email.listUnsubscribe, key: week.description)
        try write(OutputLayout.email(week), mail.rendered())
        return written.sorted()
    }

    /// Recap pages of `week` beyond `pages`, left by an earlier publish of a longer week.
    func removeRecapPages(of week: ISOWeek, after pages: Int) {
        let folder = outputDirectory + "/" + (OutputLayout.recap(week, ext: "md") as NSString).deletingLastPathComponent
        let prefix = "\(week)-p"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            let number = name.dropFirst(prefix.count).prefix { $0.isNumber }
            if let n = Int(number), n > pages { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
    }

    /// The renderer of this configuration's site (topics whose id makes a safe file name).
    func renderer(_ presentation: Presentation) -> DigestRenderer {
        let topics = presentation.taxonomy.topics
            .map { t in (id: t.id, name: t.names[config.labelLanguage] ?? t.names["en"] ?? t.id) }
            .filter { SafePath.isSafe(OutputLayout.topicPage($0.id)) && !$0.id.contains("/") }
        var site = SiteInfo(title: config.site.title, baseURL: config.site.baseURL, description: config.site.description,
                            language: config.labelLanguage, topics: topics)
        site.timeZone = config.timeZone
        site.naming = SubjectNames.naming
        return DigestRenderer(templates: presentation.templates, site: site)
    }

    /// Weeks the recap chart spans.
    static let chartWeeks = 8

    /// `count` weeks ending with `last`, oldest first.
    static func weeks(ending last: ISOWeek, count: Int) -> [ISOWeek] {
        var out = [last]
        while out.count < count { out.insert(out[0].previous, at: 0) }
        return out
    }

    func day(_ date: Date) -> String { context.localDay(date) }
}
