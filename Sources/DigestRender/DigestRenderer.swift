import DigestCore
import Foundation

/// Everything a week's publication shows, computed once for all outputs.
public struct WeekDigest: Sendable {
    /// The ISO week.
    public var week: ISOWeek
    /// Cards in rank order.
    public var cards: [Card]
    /// Items read (after de-duplication), sources that answered, sources configured.
    public var itemCount: Int
    /// Sources that delivered items.
    public var sourceCount: Int
    /// First and last local day of the week, `YYYY-MM-DD`.
    public var firstDay: String
    /// Last local day.
    public var lastDay: String
    /// The tracked series across past weeks, when the history has any.
    public var chart: TrendChart?
    /// How many cards are Top stories (feeds.yaml `top:`); the rest are listed under "Also this week".
    public var top: Int
    /// Cards the week has in all; `cards` may be one page of them.
    public var cardCount: Int
    /// The rank (from 0) of `cards.first` in the week: non-zero on a later page.
    public var firstRank = 0
    /// This page's number (from 1) and the number of pages the week's list takes.
    public var page = 1
    /// Pages in all (`OutputLayout.pages(cardCount)` when the list is paged).
    public var pages = 1

    /// Creates a digest.
    public init(week: ISOWeek, cards: [Card], itemCount: Int, sourceCount: Int, firstDay: String, lastDay: String,
                chart: TrendChart? = nil, top: Int = 7) {
        self.week = week
        self.cards = cards
        self.itemCount = itemCount
        self.sourceCount = sourceCount
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.chart = chart
        self.top = top
        cardCount = cards.count
    }

    /// The Top stories: the first `top` cards.
    public var topCards: ArraySlice<Card> { cards.prefix(max(0, top)) }
    /// The kept stories below the top, one line each in the recap.
    public var alsoCards: ArraySlice<Card> { cards.dropFirst(max(0, top)) }
}

/// Site-wide settings a page needs.
public struct SiteInfo: Sendable {
    /// Site title.
    public var title: String
    /// Absolute base URL ending in "/".
    public var baseURL: String
    /// Description.
    public var description: String
    /// Label language.
    public var language: String
    /// Topics in taxonomy order: id (also the topic page's file name) and display name.
    public var topics: [(id: String, name: String)]
    /// The time zone cards print their published time in.
    public var timeZone: TimeZone = TimeZone(identifier: "UTC")!
    /// How metric subjects are named in the recap's table.
    public var naming: SubjectNaming = .asWritten

    /// Creates site info.
    public init(title: String, baseURL: String, description: String, language: String,
                topics: [(id: String, name: String)] = []) {
        self.title = title
        self.baseURL = baseURL
        self.description = description
        self.language = language
        self.topics = topics
    }
}

/// Renders cards, recaps, site pages, the Atom feed and the email body from `Templates/`.
public struct DigestRenderer: Sendable {
    /// The loaded templates.
    public let templates: TemplateSet
    /// The site.
    public let site: SiteInfo

    /// Section labels in the site's language (merged with English once, not per page).
    let labels: [String: String]

    /// Creates a renderer.
    public init(templates: TemplateSet, site: SiteInfo) {
        self.templates = templates
        self.site = site
        labels = templates.labels(for: site.language)
    }

    /// A card in Markdown.
    public func cardMarkdown(_ card: Card, week: ISOWeek) -> String {
        templates.render("card.md", view.card(card, week: week, root: "", recapHref: nil)
            .merging(["week": week.description]) { $1 })
    }

    /// A card as an HTML fragment (no page around it); `root` is the relative path to the site root.
    public func cardFragment(_ card: Card, root: String, week: ISOWeek) -> String {
        templates.render("card.html", view.card(card, week: week, root: root, recapHref: root + OutputLayout.weekPage(week)))
    }

    /// A whole page around an HTML fragment. A page of the site links the site's stylesheet and
    /// feed; a standalone page (`standalone: true`, a file outside the site) carries the
    /// stylesheet inside it instead.
    public func page(title: String, body: String, root: String, language: String? = nil, standalone: Bool = false) -> String {
        var model: [String: Any] = ["title": title, "body": body, "root": root, "site": siteModel,
                                    "lang": language ?? site.language, "labels": labels]
        if standalone { model["inlineCSS"] = templates.css }
        return templates.render("page.html", model)
    }

    /// A card's own page in the site, at `OutputLayout.cardPage`.
    public func cardPage(_ card: Card, week: ISOWeek) -> String {
        let root = OutputLayout.root(ofSitePage: OutputLayout.cardPage(week: week, slug: card.slug))
        return page(title: card.title, body: cardFragment(card, root: root, week: week), root: root, language: card.displayLanguage)
    }

    /// A topic's page (`topics/ID.html`): its cards across all weeks, newest week first. A topic
    /// with more cards than a page lists (`OutputLayout.cardsPerPage`) has more pages
    /// (`topics/ID-p2.html`): `cards` is then page `page`'s part of the `count` cards in all.
    public func topicPage(id: String, name: String, cards: [(week: ISOWeek, card: Card)], count: Int? = nil, page number: Int = 1) -> String {
        let root = OutputLayout.root(ofSitePage: OutputLayout.topicPage(id, page: number))
        let list = cards.map { view.card($0.card, week: $0.week, root: root, recapHref: nil)
            .merging(["week": $0.week.description, "weekHref": root + OutputLayout.weekPage($0.week)]) { $1 } }
        let total = count ?? cards.count
        var model: [String: Any] = ["name": name, "cards": list, "labels": labels, "count": total, "countText": view.counted(total, "cards_word")]
        let pages = OutputLayout.pages(total)
        if pages > 1 { model["pager"] = view.pager(page: number, pages: pages) { Self.fileName(OutputLayout.topicPage(id, page: $0)) } }
        return page(title: name, body: templates.render("topic.html", model), root: root)
    }

    /// Cards the front page, the feed and the email show of a week with `top` Top stories: the
    /// rest are linked through the week's page.
    public static func compactCount(top: Int) -> Int { max(0, top) + ViewModels.compactAlso }

    /// The last component of a path: pages of one list are files of one folder.
    static func fileName(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }

    /// The standalone card HTML in the output folder, at `OutputLayout.card(day:slug:ext:)`
    /// (stylesheet inlined, links into the site beside it).
    public func cardDocument(_ card: Card, week: ISOWeek) -> String {
        let path = OutputLayout.card(day: card.day, slug: card.slug, ext: "html")
        let root = OutputLayout.siteRoot(fromOutputFile: path)
        let body = templates.render("card.html", view.card(card, week: week, root: root,
                                                            recapHref: OutputLayout.relative(OutputLayout.recap(week, ext: "html"),
                                                                                             fromOutputFile: path)))
        return page(title: card.title, body: body, root: root, language: card.displayLanguage, standalone: true)
    }

    /// The standalone recap HTML in the output folder, at `OutputLayout.recap(_:ext:)`.
    public func recapDocument(_ d: WeekDigest) -> String {
        let root = OutputLayout.siteRoot(fromOutputFile: OutputLayout.recap(d.week, ext: "html", page: d.page))
        let body = templates.render("recap.html", view.recap(d, root: root, markdown: false) {
            Self.fileName(OutputLayout.recap(d.week, ext: "html", page: $0))
        })
        return page(title: "\(site.title) · \(d.week)", body: body, root: root, standalone: true)
    }

    /// A week's page in the site, at `OutputLayout.weekPage`; the latest week is also the front page.
    public func weekPage(_ d: WeekDigest, asIndex: Bool = false) -> String {
        let root = OutputLayout.root(ofSitePage: asIndex ? OutputLayout.index : OutputLayout.weekPage(d.week, page: d.page))
        let body = asIndex ? recapFragment(d, root: root, compact: true)
            : templates.render("recap.html", view.recap(d, root: root, markdown: false) {
                Self.fileName(OutputLayout.weekPage(d.week, page: $0))
            })
        return page(title: asIndex ? site.title : "\(site.title) · \(d.week)", body: body, root: root)
    }

    /// The weekly recap in Markdown.
    public func recapMarkdown(_ d: WeekDigest) -> String {
        PipeTables.aligned(templates.render("recap.md", view.recap(d, root: "", markdown: true) {
            Self.fileName(OutputLayout.recap(d.week, ext: "md", page: $0))
        }))
    }

    /// The weekly recap in Markdown as the email's text part: compact (top stories, a few more,
    /// a link to the week's page for the rest), links absolute, each story linked to its card,
    /// tables padded to line up in a plain-text mail client, and the unsubscribe address at the end.
    public func emailText(_ d: WeekDigest, unsubscribe: String? = nil) -> String {
        var m = view.recap(d, root: site.baseURL, markdown: true, compact: true)
        m["linkStories"] = true
        if let unsubscribe { m["unsubscribe"] = unsubscribe }
        return PipeTables.aligned(templates.render("recap.md", m))
    }

    /// The weekly recap as an HTML fragment; `compact` for the front page (see `ViewModels.recap`).
    public func recapFragment(_ d: WeekDigest, root: String, compact: Bool = false) -> String {
        templates.render("recap.html", view.recap(d, root: root, markdown: false, compact: compact))
    }

    /// The archive: `weeks` newest first with their day ranges and card counts, then the topics
    /// that have cards (`topicCounts` by topic id).
    public func archive(weeks: [(week: ISOWeek, firstDay: String, lastDay: String, cards: Int)],
                        topicCounts: [String: Int]) -> String {
        let list = weeks.map { ["week": $0.week.description, "href": OutputLayout.weekPage($0.week), "cards": $0.cards,
                                "cardsText": view.counted($0.cards, "cards_word"), "firstDay": $0.firstDay, "lastDay": $0.lastDay] as [String: Any] }
        let topics = site.topics.filter { topicCounts[$0.id, default: 0] > 0 }.map {
            ["name": $0.name, "href": OutputLayout.topicPage($0.id), "count": topicCounts[$0.id]!,
             "countText": view.counted(topicCounts[$0.id]!, "cards_word")] as [String: Any]
        }
        var model: [String: Any] = ["weeks": list, "labels": labels]
        if !topics.isEmpty {
            model["topics"] = topics
            model["hasTopics"] = true
        }
        return page(title: labels["archive"] ?? "Archive", body: templates.render("archive.html", model),
                    root: OutputLayout.root(ofSitePage: OutputLayout.archive))
    }

    /// The Atom feed of the digest: one entry per top story and per story listed under it on
    /// the front page (full content); the rest of a large week is on the week's page.
    public func atomFeed(_ d: WeekDigest, updated: Date) -> String {
        let entries = d.cards.prefix(max(0, d.top) + ViewModels.compactAlso).map { c -> [String: Any] in
            ["id": "urn:digest:card:\(c.id)", "title": c.title, "link": site.baseURL + OutputLayout.cardPage(week: d.week, slug: c.slug),
             "updated": RFC3339.string(from: c.published), "content": cardFragment(c, root: site.baseURL, week: d.week),
             "summary": c.hook.isEmpty ? c.tldr : c.hook]
        }
        return templates.render("feed.xml", ["site": siteModel, "updated": RFC3339.string(from: updated),
                                             "entries": entries, "feedURL": site.baseURL + OutputLayout.feed])
    }

    /// The sitemap.
    public func sitemap(paths: [String]) -> String {
        templates.render("sitemap.xml", ["urls": paths.map { ["loc": site.baseURL + $0] }])
    }

    /// The HTML part of the email (inline CSS, table layout).
    public func emailHTML(_ d: WeekDigest, unsubscribe: String? = nil) -> String {
        var m = view.recap(d, root: site.baseURL, markdown: false, compact: true)
        m["lang"] = site.language
        if let unsubscribe { m["unsubscribe"] = unsubscribe }
        return templates.render("email.html", m)
    }

    var view: ViewModels {
        ViewModels(labels: labels, site: siteModel, topics: site.topics, language: site.language, timeZone: site.timeZone,
                   naming: site.naming)
    }

    var siteModel: [String: Any] {
        ["title": site.title, "baseURL": site.baseURL, "description": site.description,
         "generator": DigestVersion.generator, "version": DigestVersion.current]
    }
}
