import DigestBytes
import DigestCore
import DigestEncoding
import DigestLanguage
import DigestMarkup
import Foundation

/// The extract stage: main content and metadata of an article page.
public enum ArticleExtractor {
    /// Extracts the article from raw page bytes.
    ///
    /// - Parameters:
    ///   - data: the page as fetched.
    ///   - source: file or URL, for messages.
    ///   - url: the page URL for resolving links, or nil.
    ///   - charset: charset from HTTP, or nil.
    public static func extract(from data: Data, source: String, url: String? = nil,
                               charset: String? = nil) throws -> Article {
        try extract(from: data, source: source, url: url, charset: charset, cuttingCode: true)
    }

    /// `cuttingCode`: the text of scripts, styles and comments is not parsed when nothing reads it
    /// (`CodeBodies`; false only to test that the answer is the same).
    static func extract(from data: Data, source: String, url: String?, charset: String?, cuttingCode: Bool) throws -> Article {
        // libxml2's memory from the thread's arena: the page's tree never leaves this call.
        try MarkupArena.scope {
            try extractInScope(from: data, source: source, url: url, charset: charset, cuttingCode: cuttingCode)
        }
    }

    private static func extractInScope(from data: Data, source: String, url: String?, charset: String?,
                                       cuttingCode: Bool) throws -> Article {
        let encoding = charset.map(Charset.fixMislabel) ?? PageCharset.sniff(data)
        // Decoded here, so that a bad byte costs one U+FFFD, not the rest of the page.
        let decoded = encoding.flatMap { e in e.uppercased().hasPrefix("UTF-16") ? nil : Charset.utf8(data, from: e) }
        let krMarked = KrState.mayReadScripts(data)
        let withoutCode = cuttingCode && !krMarked
        guard let doc = decoded.map({ MarkupDocument.html(utf8: $0.bytes, url: url, withoutCode: withoutCode) })
                ?? MarkupDocument.html(data, encoding: encoding, url: url),
              let root = doc.root else {
            throw ExtractError(source: source, reason: .notHTML)
        }
        let host = url.flatMap { URLComponents(string: $0)?.host } ?? "the site"
        if KrState.mayApply(data, marked: krMarked, encoding: encoding, body: doc.body), let state = try KrState.article(doc, source: source, host: host) {
            var a = state
            a.language = a.language ?? TextLanguage.code(a.text)
            return a
        }
        let scan = PageScan(doc)
        let meta = PageMetadata(scan)
        guard let body = doc.body else { throw ExtractError(source: source, reason: .noContent) }
        let (nodes, texts, skip) = Self.content(doc: doc, body: body, marked: scan.articleBodies)
        let html = nodes.map { HTMLSanitizer.sanitize(childrenOf: $0, baseURL: url, skip: skip) }
            .joined(separator: "\n")
        var text = texts.filter { !$0.isEmpty }.joined(separator: "\n\n")
        if let title = meta.title, text.hasPrefix(title + "\n\n") { text = String(text.dropFirst(title.count + 2)) }
        if text.isEmpty { throw ExtractError(source: source, reason: .noContent) }
        let language = root.attribute("lang").map { $0.trimmingCharacters(in: .whitespaces) } ?? TextLanguage.code(text)
        let chinese = language?.hasPrefix("zh") == true
        let published = meta.published ?? (chinese ? PageDateText.find(in: body, article: nodes.first) : nil)
        let byline = meta.byline ?? (chinese ? PageBylineText.find(in: body, through: nodes.last) : nil)
        return Article(title: meta.title, byline: byline, published: published, language: language,
                       text: text, html: html)
    }

    /// The article's blocks, their text and what to skip inside them. A chosen block whose text
    /// is nearly all clutter (a comment list, a link panel) is no article: it is set aside and
    /// the page scored again. When all rules find less than 140 characters, Readability's later
    /// passes run — without class-based exclusion, then without class weights, then without
    /// cleaning — and a later pass's text replaces an earlier one only when it is that long and
    /// at least twice as long (dropping a rule mostly lets clutter in). A page with text never comes back
    /// empty: the body is the last resort.
    static func content(doc: MarkupDocument, body: MarkupNode, marked: [MarkupNode])
        -> (nodes: [MarkupNode], texts: [String], skip: (MarkupNode) -> Bool) {
        typealias Found = (nodes: [MarkupNode], texts: [String], skip: (MarkupNode) -> Bool, length: Int)
        var best: Found?, setAside: Found?  // the longest kept result; the longest found to be clutter
        let page = ContentScorer.PageFacts(doc: doc)
        for pass in ContentScorer.Pass.sequence {
            var excluded = Set<MarkupNode>()
            for _ in 0..<3 {
                let scorer = ContentScorer(doc: doc, pass: pass, excluded: excluded, page: page)
                let publisher = Self.markedBody(marked)
                var nodes = publisher ?? scorer.mainNodes(in: body)
                if let first = PostList.firstPost(in: nodes) { nodes = [first] }
                var skipped = Set<MarkupNode>()
                for n in nodes { skipped.formUnion(scorer.clutter(in: n)) }
                // Inline SVG on a page is icons and charts whose text ("Close", "Share") is no prose.
                let skip: (MarkupNode) -> Bool = { skipped.contains($0) || $0.isNamed("svg") || $0.isNamed("math") }
                var texts: [String] = []
                for t in nodes.map({ HTMLText.plainText(of: $0, skip: skip) }) where t.isEmpty || !texts.contains(t) {
                    texts.append(t)  // a body marked twice is read once
                }
                let found: Found = (nodes, texts, skip, texts.reduce(0) { $0 + $1.unicodeScalars.count })
                let whole = nodes.reduce(0) { $0 + scorer.textStats($1).collapsedLength }
                if publisher == nil, whole >= 200, found.length * 5 < whole, !nodes.contains(body) {
                    if setAside == nil || found.length > setAside!.length { setAside = found }
                    excluded.formUnion(nodes)  // nearly all clutter: not the article; score again without it
                    continue
                }
                // Short everywhere: the strictest pass's text stands (later passes only add clutter).
                if best == nil || found.length >= max(140, 2 * best!.length) || (best!.length == 0 && found.length > 0) { best = found }
                break
            }
            if let b = best, b.length >= 140 { break }
        }
        if best == nil || best!.length == 0 { best = setAside }
        if let b = best, b.length > 0 { return (b.nodes, b.texts, b.skip) }
        return ([body], [HTMLText.plainText(of: body)], { _ in false })
    }

    /// The elements the publisher marked as the article body (schema.org `itemprop="articleBody"`;
    /// some pages split the body into several), when together they hold real text: the page
    /// says where its article is, so no scoring is needed.
    static func markedBody(_ marked: [MarkupNode]) -> [MarkupNode]? {
        let length = marked.reduce(0) { $0 + HTMLText.collapse($1.prose).scalarCount }
        return length >= 300 ? marked : nil
    }
}
