import DigestBytes
import DigestCore
import DigestMarkup
import DigestURL
import Foundation

/// Atom 1.0 (RFC 4287) and Atom 0.3.
struct AtomParser {
    let document: MarkupDocument
    let format: FeedFormat
    var warnings: [String] = []

    func parse() -> Feed {
        guard let root = document.root else { return Feed(format: format) }
        var feed = Feed(format: format)
        var warnings = self.warnings
        var entries: [MarkupNode] = []
        root.forEachChild { c in  // one pass: the entries, and the feed's own title and link
            let voc = c.hasSameNamespace(as: root) ? NS.Vocabulary.atom : NS.vocabulary(of: c)
            if voc == .atom, c.isNamed("entry") { return entries.append(c) }
            if voc == .dc, c.name == "title", feed.title == nil { feed.title = FeedText.value(c).map(FeedText.plainTitle) }
            guard voc == .atom else { return }
            switch c.name {
            case "title": feed.title = plainText(c)
            case "link":
                let rel = c.attribute("rel") ?? "alternate"
                if rel == "alternate", feed.link == nil {
                    feed.link = FeedText.absolute(c.attribute("href"), base: c.baseURL)
                }
            default: break
            }
        }
        feed.language = root.language
        let feedLink = feed.link
        feed.items = entries.map { n in MarkupArena.scope { entry(n, feedLink: feedLink, &warnings) } }  // as RSS items: one inner scope each
        feed.warnings = warnings
        return feed
    }

    /// One entry; a relative link with no base resolves against the feed's own link.
    func entry(_ node: MarkupNode, feedLink: String?, _ warnings: inout [String]) -> FeedItem {
        var it = FeedItem()
        var summary: MarkupNode?
        var content: MarkupNode?
        var media = MediaRSS()
        for c in node.childElements {
            let voc = c.hasSameNamespace(as: node) ? NS.Vocabulary.atom : NS.vocabulary(of: c)
            switch (voc, c.name) {
            case (.atom, "id"): it.id = FeedText.value(c)
            case (.atom, "title"): it.title = plainText(c)
            case (.dc, "title"): if it.title == nil { it.title = FeedText.value(c).map(FeedText.plainTitle) }
            case (.dc, "description"): if summary == nil { summary = c }
            case (.atom, "link"):
                let rel = c.attribute("rel") ?? "alternate"
                let href = FeedText.absolute(c.attribute("href"), base: c.baseURL)
                    ?? FeedText.absolute(c.attribute("href"), base: feedLink)
                if rel == "alternate", it.link == nil { it.link = href }
                if rel == "enclosure", let href {
                    it.enclosures.append(Enclosure(url: href, type: c.attribute("type"),
                                                   length: c.attribute("length").flatMap { Int($0) }))
                }
            case (.atom, "published"), (.atom, "issued"), (.dcterms, "issued"):
                if it.published == nil { it.published = FeedText.date(c, &warnings) }
            case (.atom, "updated"), (.atom, "modified"), (.dc, "date"), (.dcterms, "modified"):
                if it.updated == nil { it.updated = FeedText.date(c, &warnings) }
            case (.atom, "author"):
                if let n = FeedText.value(c.child("name")) ?? FeedText.value(c.child("email")) {
                    it.authors.append(HTMLText.collapse(n))
                }
            case (.dc, "creator"):
                if let n = FeedText.value(c) { it.authors.append(HTMLText.collapse(n)) }
            case (.atom, "category"):
                if let t = c.attribute("term") ?? c.attribute("label"), !t.isEmpty { it.categories.append(t) }
            case (.dc, "subject"):
                if let t = FeedText.value(c) { it.categories.append(t) }
            case (.atom, "summary"): summary = c
            case (.media, _): media.read(c)  // video feeds: media:group/media:description
            case (.atom, "content"):
                // Content of a media type (base64 of an image, a PDF…) is no text for a digest.
                if c.attribute("src") == nil, !Self.isBinary(c.attribute("type")) { content = c }
            default: break
            }
        }
        if it.id == nil { it.id = it.link }
        // An entry with no link is read at its id when that is a web address (as an RSS guid
        // is); a tag: or urn: id is no link.
        if it.link == nil, let id = it.id, let scheme = id.split(separator: ":").first?.lowercased(), scheme == "http" || scheme == "https" {
            it.link = id
        }
        if it.title == nil { it.title = media.title }
        if summary == nil, content == nil { summary = media.description }
        it.categories += media.categories
        // The text is the content's, else the summary's: taken while that one is sanitized.
        if let s = summary {
            let sanitized = sanitizedConstruct(s, kind: kind(s), withText: content == nil)
            it.summaryHTML = sanitized.html
            if let text = sanitized.text { it.text = text }
        }
        if let c = content {
            let sanitized = sanitizedConstruct(c, kind: kind(c), withText: true)
            (it.contentHTML, it.text) = (sanitized.html, sanitized.text ?? "")
        }
        it.categories = FeedText.unique(it.categories)
        return it
    }

    /// What a text construct holds.
    enum TextKind { case text, html, xhtml }

    /// The declared type of a text construct: text, html or xhtml.
    func kind(_ node: MarkupNode) -> TextKind {
        let type = (node.attribute("type") ?? (format == .atom03 ? "text/plain" : "text")).lowercased()
        let mode = node.attribute("mode")
        if mode == "escaped" { return .html }
        if type.includes("xhtml") || (format == .atom03 && mode == "xml") { return .xhtml }
        if type == "html" || type == "text/html" { return .html }
        if type.hasPrefix("text") || type == "plain" { return .text }
        return node.hasElementChildren ? .xhtml : .html
    }

    /// A text construct's sanitized HTML, and with `withText` its plain text (taken in the same
    /// walk for html and xhtml).
    func sanitizedConstruct(_ node: MarkupNode, kind: TextKind, withText: Bool) -> (html: String, text: String?) {
        switch kind {
        case .xhtml:
            let div = node.childElements.first { $0.isNamed("div") } ?? node
            return FeedText.sanitizedChildren(of: div, base: node.baseURL, withText: withText)
        case .html:
            return FeedText.sanitizedHTML(node, base: node.baseURL, withText: withText)
        case .text:
            let text = FeedText.decodedText(node).trimmingSpace()
            return (HTMLSanitizer.escapeText(text), withText ? FeedText.text(ofPlainText: text) : nil)
        }
    }

    func plainText(_ node: MarkupNode) -> String {
        let kind = kind(node)
        switch kind {
        case .xhtml, .html:
            return HTMLText.collapse(sanitizedConstruct(node, kind: kind, withText: true).text ?? "")
        case .text:
            return HTMLText.collapse(FeedText.decodedText(node))
        }
    }

    /// A MIME type that is neither text nor XML (Atom 1.0 carries such content base64-encoded).
    static func isBinary(_ type: String?) -> Bool {
        guard let t = type?.lowercased().trimmingSpace(), t.includes("/") else { return false }
        return !t.hasPrefix("text/") && !t.hasSuffix("/xml") && !t.hasSuffix("+xml")
    }
}
