import DigestCore
import DigestPublish
import DigestRender
import Foundation

extension Pipeline {
    /// Step 7: cards, recap, site (swapped in whole), email file — each written atomically.
    func publish(cards: [Card], items: [SourcedItem], templates: TemplateSet, _ report: inout RunReport) throws {
        let site = SiteInfo(title: config.site.title, baseURL: config.site.baseURL, description: config.site.description,
                            language: config.labelLanguage)
        let r = DigestRenderer(templates: templates, site: site)
        let tz = config.timeZone
        func days(_ w: ISOWeek) -> (ISOWeek, String, String) {
            (w, context.localDay(w.start(in: tz)), context.localDay(w.end(in: tz).addingTimeInterval(-1)))
        }
        let (_, first, last) = days(week)
        let digest = WeekDigest(week: week, cards: cards, itemCount: items.count,
                                sourceCount: Set(items.map(\.source.id)).count, firstDay: first, lastDay: last)
        var written: [String] = []
        func write(_ rel: String, _ text: String) throws {
            guard SafePath.isSafe(rel) else { throw PublishError(path: rel, problem: "unsafe output path refused") }
            try AtomicWriter.write(text, to: outputDirectory + "/" + rel)
            written.append(rel)
        }
        for c in cards {
            try write("cards/\(c.day)/\(c.slug).md", r.cardMarkdown(c, week: week))
            try write("cards/\(c.day)/\(c.slug).html", r.cardDocument(c, week: week))
        }
        try write("recap/\(week).md", r.recapMarkdown(digest))
        try write("recap/\(week).html", r.page(title: "\(config.site.title) · \(week)",
                                                body: r.recapFragment(digest, root: "../site/"), root: "../site/")
            .replacingOccurrences(of: "</head>", with: "<style>\n\(templates.css)</style>\n</head>"))
        progress.step("publish", "cards and recap written")

        var files = FileSet()
        let siteDir = outputDirectory + "/site"
        let previous = previousPages(siteDir)
        for (rel, data) in previous { try files.add(rel, data) }
        for c in cards { try files.add("cards/\(c.slug).html", r.cardPage(c, week: week)) }
        let recapPage = r.page(title: "\(config.site.title) · \(week)", body: r.recapFragment(digest, root: "../"), root: "../")
        try files.add("weeks/\(week).html", recapPage)
        try files.add("index.html", r.page(title: config.site.title, body: r.recapFragment(digest, root: ""), root: ""))
        var weeks = Set(previous.keys.compactMap { p -> ISOWeek? in
            guard p.hasPrefix("weeks/"), p.hasSuffix(".html") else { return nil }
            return ISOWeek(String(p.dropFirst(6).dropLast(5)))
        })
        weeks.insert(week)
        try files.add("archive.html", r.archive(weeks: weeks.sorted(by: >).map(days)))
        try files.add("feed.xml", r.atomFeed(digest, updated: options.now))
        try files.add("style.css", templates.css)
        let pages = files.paths.filter { $0.hasSuffix(".html") }
        try files.add("sitemap.xml", r.sitemap(paths: pages))
        progress.step("publish", "writing the site (\(files.paths.count) files) and swapping it in")
        try SitePublisher.publish(files, to: siteDir)
        written += files.paths.map { "site/" + $0 }
        progress.step("publish", "site: \(files.paths.count) files")

        let mail = EmailMessage(from: config.email.from, to: config.email.to,
                                subject: "\(config.site.title) · \(week)" + (cards.first.map { " · " + $0.title } ?? ""),
                                date: options.now, text: r.recapMarkdown(digest), html: r.emailHTML(digest),
                                listUnsubscribe: config.email.listUnsubscribe, key: week.description)
        try write("email/\(week).eml", mail.rendered())
        report.files = written.sorted()
    }

    /// Card and week pages of the current site that this run does not rebuild (earlier weeks).
    func previousPages(_ siteDir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for folder in ["weeks", "cards"] {
            let dir = siteDir + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }  // no site yet
            for n in names where n.hasSuffix(".html") && n != "\(week).html" {
                if let d = FileManager.default.contents(atPath: dir + "/" + n) { out[folder + "/" + n] = d }
            }
        }
        return out
    }
}
