import DigestBytes
import DigestCore
import DigestMarkup
import Foundation

/// 36Kr article pages: the article is embedded as JSON in `window.initialState`
/// (`articleDetail.articleDetailData.data` with `widgetTitle`, `widgetContent`, `author`,
/// `publishTime`); the state may be encrypted, or the answer may be a WAF challenge page.
enum KrState {
    static let markers = ["initialState", "_waftokenid", "acw_sc__v2"].map { Array($0.utf8) }
    static let challenge = [Array("challenge".utf8)]

    /// Whether the page's bytes hold any marker this reader looks for ("challenge" included):
    /// most pages do not, and then their scripts need not be read, nor even parsed.
    static func mayReadScripts(_ data: Data) -> Bool { ByteSearch.containsAny(markers + challenge, in: data) }

    /// Whether this reader may apply, given `marked` (`mayReadScripts`). A page that only says
    /// "challenge" (reCAPTCHA widgets do) can be a challenge page only when its body is nearly
    /// empty. (UTF-16 pages are always read.)
    static func mayApply(_ data: Data, marked: Bool, encoding: String?, body: MarkupNode?) -> Bool {
        if let e = encoding?.uppercased(), e.hasPrefix("UTF-16") { return true }
        guard marked else { return false }
        if ByteSearch.containsAny(markers, in: data) { return true }
        return body.map { TextStats($0).collapsedLength < 200 } ?? true
    }

    static func article(_ doc: MarkupDocument, source: String, host: String) throws -> Article? {
        let scripts = doc.xpath("//script").map(\.textContent)
        let all = scripts.joined(separator: "\n")
        if all.includes("_waftokenid") || all.includes("acw_sc__v2")
            || (all.includes("challenge") && HTMLText.collapse(doc.body?.textContent ?? "").count < 40) {
            throw ExtractError(source: source, reason: .challengePage(host: host))
        }
        guard let script = scripts.first(where: { $0.includes("window.initialState") }) else { return nil }
        guard let json = ScriptJSON.assignedObject(in: script, variable: "window.initialState"),
              let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }  // no usable state: readability path
        if (obj["isEncrypt"] as? Bool) == true || obj["state"] is String {
            throw ExtractError(source: source, reason: .encryptedState)
        }
        let detail = ((obj["articleDetail"] as? [String: Any])?["articleDetailData"] as? [String: Any])?["data"]
            as? [String: Any]
        guard let d = detail, let content = d["widgetContent"] as? String else { return nil }
        let html = HTMLSanitizer.sanitize(content, baseURL: "https://36kr.com/")
        let text = HTMLText.plainText(html)
        var published: Date?
        if let ms = d["publishTime"] as? NSNumber { published = Date(timeIntervalSince1970: ms.doubleValue / 1000) }
        return Article(title: d["widgetTitle"] as? String, byline: d["author"] as? String, published: published,
                       language: "zh", text: text, html: html)
    }
}
