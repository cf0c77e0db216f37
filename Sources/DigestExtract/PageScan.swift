import DigestMarkup

/// What a page says about itself, gathered in one walk over its elements: each XPath search
/// (`//meta[@property=…]`, `(//h1)[1]`, `//script[@type=…]` …) walked the whole tree again,
/// and the metadata asked up to sixteen of them.
struct PageScan {
    /// The first `content` of a meta element for each of its `property`, `name` and `itemprop`
    /// values (`//meta[@property=k or @name=k or @itemprop=k]/@content`, first match).
    var metas: [String: String] = [:]
    /// The first title, h1 and byline-looking element, and the first `<time datetime>` value.
    var title: MarkupNode?, h1: MarkupNode?, byline: MarkupNode?
    var timeDatetime: String?
    /// `<script type="application/ld+json">` elements, in document order.
    var jsonLD: [MarkupNode] = []
    /// Outermost elements marked `itemprop="articleBody"`, in document order.
    var articleBodies: [MarkupNode] = []

    static let bylineClass = Array("byline".utf8)

    init(_ doc: MarkupDocument) {
        guard let root = doc.root else { return }
        visit(root)
        root.forEachDescendantElement { visit($0) }
    }

    private mutating func visit(_ e: MarkupNode) {
        if e.hasAttributes {
            if byline == nil, e.attribute("rel", equals: "author") || e.attribute("itemprop", equals: "author")
                || e.attribute("class", contains: Self.bylineClass) { byline = e }
            if e.attribute("itemprop", equals: "articleBody"), !articleBodies.contains(where: { $0.isAncestor(of: e) }) {
                articleBodies.append(e)
            }
        }
        switch Self.tags.index(of: e) {
        case 0:  // meta
            guard let content = e.attribute("content") else { return }
            for key in ["property", "name", "itemprop"] {
                if let k = e.attribute(key), metas[k] == nil { metas[k] = content }
            }
        case 1 where title == nil: title = e
        case 2 where h1 == nil: h1 = e
        case 3 where timeDatetime == nil: timeDatetime = e.attribute("datetime")
        case 4 where e.attribute("type", equals: "application/ld+json"): jsonLD.append(e)
        default: break
        }
    }

    /// The elements this scan reads, in the order of its cases.
    static let tags = ElementNames(["meta", "title", "h1", "time", "script"])

    /// XPath's `normalize-space(node)`: the text with runs of XML white space made one space,
    /// and the ends trimmed; nil when nothing is left.
    static func normalized(_ node: MarkupNode?) -> String? {
        guard let node else { return nil }
        let words = node.prose.utf8.split(whereSeparator: isXMLSpace)
        guard !words.isEmpty else { return nil }
        return words.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    /// XML white space (space, tab, LF, CR): what `normalize-space()` and class lists split on.
    static func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
