import DigestCore
import DigestMarkup
import Foundation

/// The parse stage: sniffs the format from the content and dispatches to one parser per format.
public enum FeedParser {
    /// Parses a feed document.
    ///
    /// - Parameters:
    ///   - data: raw bytes as fetched.
    ///   - source: file, URL or feed id, for messages.
    ///   - baseURL: URL relative links resolve against (the feed's URL), or nil.
    ///   - charset: charset from HTTP Content-Type, or nil.
    ///   - rules: item rules for HTML list pages.
    ///   - maxBytes: documents larger than this are refused.
    public static func parse(_ data: Data, source: String, baseURL: String? = nil, charset: String? = nil,
                             rules: HTMLListRules? = nil, maxBytes: Int = 50 << 20) throws -> Feed {
        if data.count > maxBytes { throw ParseError(source: source, reason: .tooLarge(limit: maxBytes)) }
        let head = firstSignificantByte(data)
        guard let head else { throw ParseError(source: source, reason: .empty) }
        if let rules { return try HTMLListParser.parse(data, source: source, baseURL: baseURL, charset: charset,
                                                        rules: rules) }
        if head == UInt8(ascii: "{") || head == UInt8(ascii: "[") {
            return try parseJSON(data, source: source, baseURL: baseURL)
        }
        // The feed's tree in this thread's arena (each item's HTML in an inner scope of its own).
        return try MarkupArena.scope { try parseXML(data, source: source, baseURL: baseURL, charset: charset) }
    }

    /// An XML feed: preflight, libxml2's tree, one parser per vocabulary.
    static func parseXML(_ data: Data, source: String, baseURL: String?, charset: String?) throws -> Feed {
        var pre = XMLPreflight(data, charset: charset)
        let doc: MarkupDocument
        do {
            doc = try MarkupDocument.xml(pre.data, encoding: pre.encoding, url: baseURL, validUTF8: pre.validUTF8)
        } catch let e as MarkupError {
            if case .notWellFormed(let line) = e.reason {
                if looksLikeHTML(data) { throw ParseError(source: source, reason: .notAFeed(looksLikeHTML: true)) }
                throw ParseError(source: source, reason: .notWellFormed(line: line))
            }
            throw ParseError(source: source, reason: .empty)
        }
        if doc.recovered { pre.warnings.append("not well-formed XML: recovered") }
        if doc.declaresEntities, EntityGuard.isExpansionBomb(data) {
            throw ParseError(source: source, reason: .entityLoop)
        }
        guard let root = doc.root else { throw ParseError(source: source, reason: .notAFeed(looksLikeHTML: false)) }
        let name = root.name.lowercased()
        let ns = root.namespaceURI
        switch name {
        case "rss":
            let v = (root.attribute("version") ?? "2.0").trimmingCharacters(in: .whitespaces)
            let format: FeedFormat = v.hasPrefix("0.") ? .rss09 : .rss2
            return RSSParser(document: doc, format: format, warnings: pre.warnings).parse()
        case "rdf":
            var rss090 = false
            root.forEachChild { if !rss090, $0.isInNamespace(NS.rss090) { rss090 = true } }
            let format: FeedFormat = rss090 ? .rss09 : .rss1
            return RSSParser(document: doc, format: format, warnings: pre.warnings).parse()
        case "feed":
            let format: FeedFormat = ns == NS.atom03 || (ns != NS.atom10 && root.attribute("version") == "0.3") ? .atom03 : .atom10
            return AtomParser(document: doc, format: format, warnings: pre.warnings).parse()
        case "channel":
            return RSSParser(document: doc, format: .rss2, warnings: pre.warnings).parse()
        case "html":
            throw ParseError(source: source, reason: .notAFeed(looksLikeHTML: true))
        default:
            throw ParseError(source: source, reason: .notAFeed(looksLikeHTML: looksLikeHTML(data)))
        }
    }

    static func parseJSON(_ data: Data, source: String, baseURL: String?) throws -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ParseError(source: source, reason: .badJSON("invalid JSON"))
        }
        guard let o = object as? [String: Any], o["items"] is [Any] || (o["version"] as? String)?.contains("jsonfeed") == true
        else { throw ParseError(source: source, reason: .notAFeed(looksLikeHTML: false)) }
        return JSONFeedParser(object: o, baseURL: baseURL).parse()
    }

    static func firstSignificantByte(_ data: Data) -> UInt8? {
        var skipBOM = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for b in data {
            if skipBOM > 0 { skipBOM -= 1; continue }
            if b != 32 && b != 9 && b != 10 && b != 13 { return b }
        }
        return nil
    }

    /// An HTML page where a feed was expected (36Kr's anti-bot page, an error page).
    public static func looksLikeHTML(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head")
            || head.contains("<body") || head.contains("<script")
    }
}
