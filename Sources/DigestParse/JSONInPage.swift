import DigestCore
import DigestDates
import DigestMarkup
import Foundation

/// Items from a JSON object assigned to a script variable inside an HTML page, as on
/// 36Kr's newsflash page (`window.initialState={…}`).
///
/// `json_path` is `VARIABLE:dotted.path.to.list`; each list element may hold its fields
/// directly or under `templateMaterial` (36Kr); known field names: widgetTitle/title,
/// widgetContent/description/summary, publishTime/published (epoch ms or text), itemId/id, url/link.
enum JSONInPage {
    static func items(_ doc: MarkupDocument, path: String, source: String, baseURL: String?) throws -> [FeedItem] {
        let parts = path.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw ParseError(source: source, reason: .htmlRules("json_path must be VARIABLE:path, e.g. window.initialState:a.b"))
        }
        let scripts = doc.xpath("//script").map(\.textContent)
        guard let json = scripts.lazy.compactMap({ ScriptJSON.assignedObject(in: $0, variable: parts[0]) }).first else {
            throw ParseError(source: source, reason: .htmlRules("no script assigns '\(parts[0])'"))
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else {  // reported as a rules error below
            throw ParseError(source: source, reason: .htmlRules("'\(parts[0])' is not valid JSON (encrypted state?)"))
        }
        var node: Any? = object
        for key in parts[1].split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
        guard let list = node as? [Any] else {
            throw ParseError(source: source, reason: .htmlRules("'\(parts[1])' is not a list in '\(parts[0])'"))
        }
        return list.compactMap { raw in
            guard var o = raw as? [String: Any] else { return nil }
            if let inner = o["templateMaterial"] as? [String: Any] { o.merge(inner) { $1 } }
            return item(o, baseURL: baseURL)
        }
    }

    static func item(_ o: [String: Any], baseURL: String?) -> FeedItem? {
        func str(_ keys: String...) -> String? {
            for k in keys {
                if let s = o[k] as? String, !s.isEmpty { return s }
                if let n = o[k] as? NSNumber { return n.stringValue }
            }
            return nil
        }
        var it = FeedItem()
        it.title = str("widgetTitle", "title").map(FeedText.plainTitle)
        let summary = str("widgetContent", "description", "summary", "content")
        it.summaryHTML = summary.map { HTMLSanitizer.sanitize($0, baseURL: baseURL) }
        it.text = summary.map { HTMLText.plainText($0) } ?? ""
        if let t = o["publishTime"] as? NSNumber ?? o["published"] as? NSNumber {
            let v = t.doubleValue
            it.published = Date(timeIntervalSince1970: v > 1e11 ? v / 1000 : v)
        } else if let s = str("publishTime", "published", "date") {
            it.published = FeedDate.parse(s)
        }
        let id = str("itemId", "id")
        var link = str("url", "link", "route")
        if link == nil, let id, let base = baseURL, base.contains("36kr.com/newsflashes") {
            link = "https://36kr.com/newsflashes/\(id)"
        }
        it.link = FeedText.absolute(link, base: baseURL)
        it.id = id ?? it.link
        return it.title == nil && it.link == nil ? nil : it
    }
}
