import DigestCore
import DigestFiles
import DigestPublish
import DigestRender
import DigestStore
import DigestSummarize
import Foundation

extension Pipeline {
    /// Publishes `week` from the store alone (no fetching): its cards and recap, the whole site
    /// rebuilt from every stored week, and the email file. Returns the files written.
    public func publishFromStore(_ week: ISOWeek) throws -> [String] {
        let templates = try TemplateSet.load(directory: config.templatesDirectory)
        let taxonomy = try Taxonomy.parse(yaml: templates.topicsYAML, file: templates.topicsPath)
        let store = try DigestStore(path: config.storePath(output: outputDirectory))
        return try publish(week, store: store, templates: templates, taxonomy: taxonomy)
    }

    /// Step 8: cards, recap, site (swapped in whole), email file — each written atomically.
    func publish(_ week: ISOWeek, store: DigestStore, templates: TemplateSet, taxonomy: Taxonomy) throws -> [String] {
        let history = try store.allWeeks()
        guard let current = history.first(where: { $0.week == week }) else {
            throw StoreError(path: store.path, problem: "no stored digest for \(week); run `digest run --week \(week)` first")
        }
        let topics = taxonomy.topics.map { t in (id: t.id, name: t.names[config.labelLanguage] ?? t.names["en"] ?? t.id) }
            .filter { SafePath.isSafe("topics/\($0.id).html") && !$0.id.contains("/") }
        let site = SiteInfo(title: config.site.title, baseURL: config.site.baseURL, description: config.site.description,
                            language: config.labelLanguage, topics: topics)
        let r = DigestRenderer(templates: templates, site: site)
        let oldest = history.last?.week ?? week
        let points = try store.series(.tokenVolume, from: Self.weeks(ending: oldest, count: Self.chartWeeks).first!, through: week)
        func digest(_ w: StoredWeek) -> WeekDigest {
            let span = Self.weeks(ending: w.week, count: Self.chartWeeks)
            return WeekDigest(week: w.week, cards: w.cards, itemCount: w.itemCount, sourceCount: w.sourceCount,
                              firstDay: day(w.week.start(in: config.timeZone)), lastDay: day(w.week.end(in: config.timeZone) - 1),
                              chart: TrendChart(points: points.filter { $0.week <= w.week }, weeks: span))
        }
        let d = digest(current)
        var written: [String] = []
        func write(_ rel: String, _ text: String) throws {
            guard SafePath.isSafe(rel) else { throw PublishError(path: rel, problem: "unsafe output path refused") }
            try AtomicWriter.write(text, to: outputDirectory + "/" + rel)
            written.append(rel)
        }
        for c in current.cards {
            try write("cards/\(c.day)/\(c.slug).md", r.cardMarkdown(c, week: week))
            try write("cards/\(c.day)/\(c.slug).html", r.cardDocument(c, week: week))
        }
        try write("recap/\(week).md", r.recapMarkdown(d))
        try write("recap/\(week).html", r.page(title: "\(config.site.title) · \(week)",
                                                body: r.recapFragment(d, root: "../site/"), root: "../site/")
            .replacingOccurrences(of: "</head>", with: "<style>\n\(templates.css)</style>\n</head>"))
        progress.step("publish", "cards and recap written")

        let files = try siteFiles(history.map(digest), renderer: r, templates: templates)
        progress.step("publish", "writing the site (\(files.paths.count) files) and swapping it in")
        try SitePublisher.publish(files, to: outputDirectory + "/site")
        written += files.paths.map { "site/" + $0 }

        let mail = EmailMessage(from: config.email.from, to: config.email.to,
                                subject: "\(config.site.title) · \(week)" + (current.cards.first.map { " · " + $0.title } ?? ""),
                                date: options.now, text: r.recapMarkdown(d), html: r.emailHTML(d),
                                listUnsubscribe: config.email.listUnsubscribe, key: week.description)
        try write("email/\(week).eml", mail.rendered())
        return written.sorted()
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
