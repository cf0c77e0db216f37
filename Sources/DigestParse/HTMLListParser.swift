import DigestCore
import DigestDates
import DigestMarkup
import Foundation

/// Items from an HTML page without a feed: by XPath selectors, or from JSON assigned to a
/// script variable (`json_path: window.initialState:newsflashList.flow.itemList`).
enum HTMLListParser {
    static func parse(_ data: Data, source: String, baseURL: String?, charset: String?,
                      rules: HTMLListRules) throws -> Feed {
        guard let doc = MarkupDocument.html(data, encoding: charset, url: baseURL) else {
            throw ParseError(source: source, reason: .empty)
        }
        var feed = Feed(format: .html)
        feed.title = doc.xpathString("normalize-space(//title)").flatMap { $0.isEmpty ? nil : $0 }
        feed.link = baseURL
        feed.language = doc.root?.attribute("lang")
        if let path = rules.jsonPath {
            feed.items = try JSONInPage.items(doc, path: path, source: source, baseURL: baseURL)
            return feed
        }
        guard let itemPath = rules.item else {
            throw ParseError(source: source, reason: .htmlRules("needs 'item' or 'json_path'"))
        }
        for (name, expr) in [("item", rules.item), ("title", rules.title), ("link", rules.link),
                             ("date", rules.date), ("summary", rules.summary)] {
            if let expr, !MarkupDocument.isValidXPath(expr) {
                throw ParseError(source: source, reason: .htmlRules("\(name): invalid XPath '\(expr)'"))
            }
        }
        for node in doc.xpath(itemPath) {
            var it = FeedItem()
            func first(_ expr: String?) -> MarkupNode? { expr.flatMap { doc.xpath($0, from: node).first } }
            let titleNode = first(rules.title ?? ".//a")
            it.title = titleNode.map { HTMLText.collapse($0.textContent) }
            let linkNode = first(rules.link ?? ".//a/@href")
            let href = linkNode.map { $0.isElement ? ($0.attribute("href") ?? $0.textContent) : $0.textContent }
            it.link = FeedText.absolute(href, base: baseURL)
            it.id = it.link
            if let d = first(rules.date) {
                let raw = d.isElement ? (d.attribute("datetime") ?? d.textContent) : d.textContent
                it.published = FeedDate.parse(raw)
                if it.published == nil { feed.warnings.append("\(it.link ?? "item"): unreadable date '\(raw)'") }
            }
            if let s = first(rules.summary) {
                it.summaryHTML = HTMLSanitizer.sanitize(childrenOf: s, baseURL: baseURL)
                it.text = HTMLText.plainText(of: s)
            }
            if it.title?.isEmpty == false || it.link != nil { feed.items.append(it) }
        }
        return feed
    }
}
