/// Where every published file lives, in one place (as a static-site generator's permalink
/// settings): paths in the output folder, paths inside the site, and the relative way from a
/// page back to the site's root. Renderers and publishers ask this type; none spells a path.
public enum OutputLayout {
    // MARK: The output folder

    /// A card outside the site, by the local day it was published: `cards/2026-11-24/slug.md`.
    public static func card(day: String, slug: String, ext: String) -> String { "cards/\(day)/\(slug).\(ext)" }
    /// The weekly recap: `recap/2026-W48.md`.
    public static func recap(_ week: ISOWeek, ext: String) -> String { "recap/\(week).\(ext)" }
    /// Page `page` of a recap too long for one (`recap/2026-W48-p2.md`); page 1 is `recap(_:ext:)`.
    public static func recap(_ week: ISOWeek, ext: String, page: Int) -> String {
        page <= 1 ? recap(week, ext: ext) : "recap/\(week)-p\(page).\(ext)"
    }
    /// The week's email: `email/2026-W48.eml`.
    public static func email(_ week: ISOWeek) -> String { "email/\(week).eml" }
    /// The folder the static site is published as.
    public static let site = "site"
    /// Cached language-model answers.
    public static let modelCache = "cache/model"
    /// Snapshots of the store, one per published week (the newest few kept).
    public static let snapshots = "snapshots"

    // MARK: Inside the site

    /// The front page (the latest week).
    public static let index = "index.html"
    /// Every week and topic.
    public static let archive = "archive.html"
    /// The Atom feed of the digest.
    public static let feed = "feed.xml"
    /// The sitemap.
    public static let sitemap = "sitemap.xml"
    /// The one stylesheet.
    public static let stylesheet = "style.css"
    /// A card's page: slugs are unique within a week.
    public static func cardPage(week: ISOWeek, slug: String) -> String { "cards/\(week)/\(slug).html" }
    /// A week's page.
    public static func weekPage(_ week: ISOWeek) -> String { "weeks/\(week).html" }
    /// Page `page` of a week too long for one page (`weeks/2026-W48-p2.html`); page 1 is `weekPage(_:)`.
    public static func weekPage(_ week: ISOWeek, page: Int) -> String { page <= 1 ? weekPage(week) : "weeks/\(week)-p\(page).html" }
    /// A topic's page.
    public static func topicPage(_ id: String) -> String { "topics/\(id).html" }
    /// Page `page` of a topic with more cards than one page shows; page 1 is `topicPage(_:)`.
    public static func topicPage(_ id: String, page: Int) -> String { page <= 1 ? topicPage(id) : "topics/\(id)-p\(page).html" }

    // MARK: Pages of long lists

    /// Cards listed on one page of a week, a recap or a topic: beyond it the list goes on to a
    /// next page, so no page (and no render of one) grows with the size of a week.
    public static let cardsPerPage = 500

    /// Pages needed for `count` cards (at least one).
    public static func pages(_ count: Int) -> Int { max(1, (count + cardsPerPage - 1) / cardsPerPage) }

    /// The ranks listed on page `page` (from 1) of `count` cards.
    public static func ranks(page: Int, of count: Int) -> Range<Int> {
        let start = min(count, (page - 1) * cardsPerPage)
        return start..<min(count, start + cardsPerPage)
    }

    // MARK: Relative roots

    /// The way from a page at `sitePath` (inside the site) back to the site's root: "", "../", "../../".
    public static func root(ofSitePage sitePath: String) -> String {
        String(repeating: "../", count: sitePath.split(separator: "/").count - 1)
    }

    /// The way from a file at `outputPath` (in the output folder, outside the site) to the site's root.
    public static func siteRoot(fromOutputFile outputPath: String) -> String {
        String(repeating: "../", count: outputPath.split(separator: "/").count - 1) + site + "/"
    }

    /// The way from a file at `outputPath` to another file of the output folder.
    public static func relative(_ target: String, fromOutputFile outputPath: String) -> String {
        String(repeating: "../", count: outputPath.split(separator: "/").count - 1) + target
    }
}
