import DigestCore
import DigestDates
import DigestMarkup
import Foundation

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
struct JSONFeedParser {
    let object: [String: Any]
    let baseURL: String?

    func parse() -> Feed {
        var feed = Feed(format: .jsonfeed)
        feed.title = (object["title"] as? String).map(FeedText.plainTitle)
        feed.link = FeedText.absolute(object["home_page_url"] as? String, base: baseURL)
        feed.language = object["language"] as? String
        let feedAuthors = authors(object)
        var warnings: [String] = []
        for (i, raw) in ((object["items"] as? [Any]) ?? []).enumerated() {
            guard let o = raw as? [String: Any] else {
                warnings.append("items[\(i)] is not an object: skipped")
                continue
            }
            feed.items.append(item(o, index: i, feedAuthors: feedAuthors, warnings: &warnings))
        }
        feed.warnings = warnings
        return feed
    }

    func item(_ o: [String: Any], index: Int, feedAuthors: [String], warnings: inout [String]) -> FeedItem {
        var it = FeedItem()
        it.link = FeedText.absolute((o["url"] as? String) ?? (o["external_url"] as? String), base: baseURL)
        if let s = o["id"] as? String { it.id = s } else if let n = o["id"] as? NSNumber { it.id = n.stringValue }
        if it.id == nil { it.id = it.link }
        it.title = (o["title"] as? String).map(FeedText.plainTitle)
        it.published = date(o["date_published"], "items[\(index)].date_published", &warnings)
        it.updated = date(o["date_modified"], "items[\(index)].date_modified", &warnings)
        let a = authors(o)
        it.authors = a.isEmpty ? feedAuthors : a
        it.categories = FeedText.unique((o["tags"] as? [Any])?.compactMap { $0 as? String } ?? [])
        let summary = o["summary"] as? String
        it.summaryHTML = summary.map(HTMLSanitizer.escapeText)
        it.text = summary.map(FeedText.text(ofPlainText:)) ?? ""
        if let h = o["content_html"] as? String {
            (it.contentHTML, it.text) = HTMLSanitizer.sanitizeWithText(h, baseURL: baseURL)
        } else if let t = o["content_text"] as? String {
            let paragraphs = t.components(separatedBy: "\n\n")
            it.contentHTML = paragraphs.map { "<p>" + HTMLSanitizer.escapeText($0) + "</p>" }.joined()
            it.text = paragraphs.map(FeedText.text(ofPlainText:)).filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        for att in (o["attachments"] as? [Any]) ?? [] {
            guard let a = att as? [String: Any], let url = FeedText.absolute(a["url"] as? String, base: baseURL) else {
                continue
            }
            it.enclosures.append(Enclosure(url: url, type: a["mime_type"] as? String,
                                           length: (a["size_in_bytes"] as? NSNumber)?.intValue))
        }
        return it
    }

    func authors(_ o: [String: Any]) -> [String] {
        if let list = o["authors"] as? [Any] {
            return list.compactMap { ($0 as? [String: Any])?["name"] as? String }
        }
        if let a = o["author"] as? [String: Any], let n = a["name"] as? String { return [n] }
        return []
    }

    func date(_ raw: Any?, _ field: String, _ warnings: inout [String]) -> Date? {
        if let n = raw as? NSNumber {
            let v = n.doubleValue
            return Date(timeIntervalSince1970: v > 1e11 ? v / 1000 : v)
        }
        guard let s = raw as? String else { return nil }
        if let d = FeedDate.parse(s) { return d }
        warnings.append("\(field): unreadable date '\(s)'")
        return nil
    }
}
