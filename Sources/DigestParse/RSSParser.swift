import DigestBytes
import DigestCore
import DigestMarkup
import DigestURL
import Foundation

/// RSS 0.90–0.94, RSS 1.0 (RDF) and RSS 2.0, with the content, dc, dcterms, media, itunes
/// and atom extensions.
struct RSSParser {
    let document: MarkupDocument
    let format: FeedFormat
    var warnings: [String] = []

    func parse() -> Feed {
        guard let root = document.root else { return Feed(format: format) }
        var channel = root, found = false
        root.forEachChild { c in
            if !found, c.isNamed("channel") { (channel, found) = (c, true) }
        }
        var feed = Feed(format: format)
        var itemNodes: [MarkupNode] = []
        channel.forEachChild { c in  // one pass: the items, and the channel's own title, link, language
            let name = c.lowercasedName
            if name == "item" { return itemNodes.append(c) }
            let vocabulary = NS.vocabulary(of: c)
            guard vocabulary == .rss || vocabulary == .dc else { return }
            switch name {
            case "title" where feed.title == nil: feed.title = FeedText.value(c).map(FeedText.plainTitle)
            case "link" where feed.link == nil && vocabulary == .rss:
                feed.link = FeedText.absolute(c.attribute("href") ?? FeedText.value(c), base: c.baseURL)
            case "language": feed.language = FeedText.value(c)
            default: break
            }
        }
        if itemNodes.isEmpty || format == .rss1 || format == .rss09 {
            root.forEachChild { c in
                if c.lowercasedName == "item" && c.parent != channel { itemNodes.append(c) }
            }
        }
        if feed.language == nil { feed.language = channel.language ?? root.language }
        var warnings = self.warnings
        // Each item in an inner arena scope: the strings libxml2 hands out for it are free again after it.
        feed.items = itemNodes.map { n in MarkupArena.scope { item(from: n, warnings: &warnings) } }
        feed.warnings = warnings
        return feed
    }

    func item(from node: MarkupNode, warnings: inout [String]) -> FeedItem {
        var it = FeedItem()
        var guid: String?
        var guidIsLink = false
        var summaryNode: MarkupNode?
        var contentNode: MarkupNode?
        var media = MediaRSS()
        for c in node.childElements {
            switch NS.classify(c) {
            case (.rss, "title"), (.dc, "title"):
                if it.title == nil { it.title = FeedText.plainTitle(c.textContent) }
            case (.rss, "link"), (.atom, "link"):
                // Atom-style links turn up in RSS too, namespaced or not.
                if let href = c.attribute("href") {
                    let rel = c.attribute("rel") ?? "alternate"
                    let url = FeedText.absolute(href, base: c.baseURL)
                    if rel == "alternate", it.link == nil { it.link = url }
                    if rel == "enclosure", let url {
                        it.enclosures.append(Enclosure(url: url, type: c.attribute("type"),
                                                       length: c.attribute("length").flatMap { Int($0) }))
                    }
                } else if it.link == nil {
                    it.link = FeedText.absolute(FeedText.value(c), base: c.baseURL)
                }
            case (.rss, "id"):
                if guid == nil { guid = FeedText.value(c) }
            case (.rss, "guid"):
                guid = FeedText.value(c)
                guidIsLink = (c.attribute("isPermaLink") ?? "true").lowercased() != "false"
            case (.rss, "description"), (.rss, "summary"), (.itunes, "summary"), (.dc, "description"):
                // The last summary with text wins, as in feedparser (podcasts revise itunes:summary).
                if summaryNode == nil || FeedText.value(c) != nil { summaryNode = c }
            case (.media, _): media.read(c)
            case (.rss, "fullitem"), (.rss, "xhtml-body"), (.rss, "body"): if contentNode == nil { contentNode = c }
            case (.content, "encoded"): contentNode = c
            case (.rss, "pubdate"), (.dcterms, "issued"), (.rss, "published"), (.atom, "published"):
                if it.published == nil { it.published = FeedText.date(c, &warnings) }
            case (.dc, "date"), (.dcterms, "modified"), (.rss, "updated"), (.atom, "updated"):
                if it.updated == nil { it.updated = FeedText.date(c, &warnings) }
            case (.rss, "author"), (.dc, "creator"), (.itunes, "author"), (.dc, "author"):
                if let a = FeedText.value(c).map(Self.authorName), !a.isEmpty, !it.authors.contains(a) { it.authors.append(a) }
            case (.rss, "category"), (.dc, "subject"):
                if let t = FeedText.value(c) { it.categories.append(HTMLText.collapse(t)) }
            case (.itunes, "category"):  // "Business" with "Investing" inside it: both
                if let t = c.attribute("text") { it.categories.append(t) }
                for sub in c.childElements where NS.classify(sub) == (.itunes, "category") {
                    if let t = sub.attribute("text") { it.categories.append(t) }
                }
            case (.itunes, "keywords"), (.rss, "tags"):
                it.categories += FeedText.commaList(FeedText.value(c) ?? "")
            case (.rss, "enclosure"):
                if let e = enclosure(c) { it.enclosures.append(e) }
            default: break
            }
        }
        if it.link == nil, guidIsLink, let g = guid, URLResolver.hasScheme(g) { it.link = g }
        if it.title == nil { it.title = media.title }
        if summaryNode == nil { summaryNode = media.description }
        it.categories += media.categories
        // RSS 1.0 names each item by its rdf:about URI.
        let link = it.link  // not `?? it.link`: an autoclosure capturing the item makes it copied when returned
        it.id = guid ?? node.attribute("about", namespace: NS.rdf) ?? link
        // The text is the content's, else the summary's: taken while that one is sanitized.
        if let s = summaryNode {
            let summary = FeedText.sanitizedHTML(s, base: s.baseURL, withText: contentNode == nil)
            it.summaryHTML = summary.html
            if let text = summary.text { it.text = text }
        }
        if let c = contentNode {
            let content = FeedText.sanitizedHTML(c, base: c.baseURL, withText: true)
            (it.contentHTML, it.text) = (content.html, content.text ?? "")
        }
        it.categories = FeedText.unique(it.categories)
        return it
    }

    /// "me@example.com (Example editor)" and "Example editor <me@example.com>" → "Example editor".
    static func authorName(_ raw: String) -> String {
        let s = HTMLText.collapse(raw)
        if !s.utf8.contains(where: { $0 == 40 || $0 == 60 }) { return s }  // no "(" or "<": a plain name
        if let open = s.firstIndex(of: "("), s.hasSuffix(")"), s[..<open].utf8.contains(64) {
            return String(s[s.index(after: open)..<s.index(before: s.endIndex)]).trimmingSpace()
        }
        if let open = s.firstIndex(of: "("), s.hasSuffix(")"), s[open...].utf8.contains(64) {
            return String(s[..<open]).trimmingSpace()
        }
        if let lt = s.firstIndex(of: "<"), s.hasSuffix(">"), s[lt...].utf8.contains(64) {
            let name = String(s[..<lt]).trimmingSpace()
            return name.isEmpty ? String(s.dropFirst().dropLast()) : name
        }
        return s
    }

    func enclosure(_ c: MarkupNode) -> Enclosure? {
        guard let url = FeedText.absolute(c.attribute("url"), base: c.baseURL) else { return nil }
        let type = c.attribute("type").flatMap { $0.isEmpty ? nil : $0 }
        let length = c.attribute("length").flatMap { Int($0.trimmingSpace()) }
        return Enclosure(url: url, type: type, length: length)
    }
}
