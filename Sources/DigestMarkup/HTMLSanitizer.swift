import DigestBytes
import DigestCore
import DigestURL
import Foundation

/// Allow-list HTML sanitizer for feed and article HTML before it reaches a page or an email.
///
/// Keeps text formatting, links, images, lists, tables and figures; drops script, style,
/// iframe, object, embed, form and their content; keeps only the text of SVG and MathML;
/// drops `on*` and `style` attributes and `javascript:`/`data:` URLs (images may keep
/// `data:image/*`); resolves relative URLs; adds `rel="noopener nofollow"` to links.
public enum HTMLSanitizer {
    static let allowed: Set<String> = [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "dfn",
        "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
        "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong",
        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    ]
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "form", "noscript", "template", "textarea", "select",
        "button", "input", "head", "title", "frame", "frameset", "applet", "meta", "link", "base",
    ]
    static let voidElements: Set<String> = ["br", "hr", "img", "col"]
    static let allowedAttributes: [String: Set<String>] = [
        "a": ["href", "title"], "img": ["src", "alt", "title", "width", "height"], "td": ["colspan", "rowspan"],
        "th": ["colspan", "rowspan", "scope"], "time": ["datetime"], "blockquote": ["cite"], "q": ["cite"],
        "abbr": ["title"], "ol": ["start"], "col": ["span"], "colgroup": ["span"],
    ]

    /// What the sanitizer does with an element, by lower-cased name: one look-up per element.
    struct Rule {
        var dropped = false, allowed = false, void = false
        var attributes: Set<String>?
    }

    static let rules: [String: Rule] = {
        var r: [String: Rule] = [:]
        for n in droppedWithContent { r[n, default: Rule()].dropped = true }
        for n in allowed { r[n, default: Rule()].allowed = true }
        for n in voidElements { r[n, default: Rule()].void = true }
        for (n, a) in allowedAttributes { r[n, default: Rule()].attributes = a }
        return r
    }()

    /// Sanitizes an HTML fragment; relative URLs resolve against `baseURL`.
    public static func sanitize(_ html: String, baseURL: String? = nil) -> String {
        guard html.includes("<") || html.includes("&") else { return escapeText(html) }
        return fragment(html, baseURL: baseURL, text: nil)
    }

    /// `sanitize(_:baseURL:)` and the plain text of its result (what `HTMLText.plainText(_:)`
    /// reads from it), the text taken in the same walk as the HTML is written
    /// (HTMLSanitizer+FastPath.swift).
    public static func sanitizeWithText(_ html: String, baseURL: String? = nil) -> (html: String, text: String) {
        guard html.includes("<") || html.includes("&") else {
            let escaped = escapeText(html)
            return (escaped, HTMLText.collapse(html))
        }
        var events = TextEvents()
        let out = withUnsafeMutablePointer(to: &events) { fragment(html, baseURL: baseURL, text: $0) }
        return (out, events.paragraphs.finished())
    }

    /// A fragment parsed, walked and written (telling `text`, when given, what it writes).
    private static func fragment(_ html: String, baseURL: String?, text: UnsafeMutablePointer<TextEvents>?) -> String {
        MarkupArena.scope {  // the fragment's tree lives only in here
            guard let doc = MarkupDocument.htmlFragment(unclosedDeclarationsEscaped(html)), let body = doc.body else { return "" }
            var out: [UInt8] = []
            out.reserveCapacity(html.utf8.count)
            body.forEachChildNode { write($0, baseURL: baseURL, into: &out, text: text) }
            return finished(out)
        }
    }

    /// A `<!` that no `>` ever closes ("<!DOCTYPE" cut short) is text, not markup that would
    /// swallow the rest of the fragment.
    static func unclosedDeclarationsEscaped(_ html: String) -> String {
        guard html.includes("<!") else { return html }
        let b = Array(html.utf8)
        let afterLastClose = (b.lastIndex(of: 62) ?? -1) + 1  // every `<!` from here on is unclosed
        var out = Array(b[..<afterLastClose])
        var changed = false
        for i in afterLastClose..<b.count {
            let opensDeclaration = b[i] == 60 && i + 1 < b.count && b[i + 1] == 33
            let isComment = i + 3 < b.count && b[i + 2] == 45 && b[i + 3] == 45
            if opensDeclaration, !isComment {
                out += [38, 108, 116, 59]  // &lt;
                changed = true
            } else {
                out.append(b[i])
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : html
    }

    /// Sanitizes the children of a node of an already parsed document.
    /// Elements for which `skip` says true are left out with their content.
    public static func sanitize(childrenOf node: MarkupNode, baseURL: String? = nil,
                                skip: (MarkupNode) -> Bool = { _ in false }) -> String {
        children(of: node, baseURL: baseURL, text: nil, skip: skip)
    }

    /// `sanitize(childrenOf:baseURL:)` and the plain text of its result, taken in the same walk.
    public static func sanitizeWithText(childrenOf node: MarkupNode, baseURL: String? = nil) -> (html: String, text: String) {
        var events = TextEvents()
        let html = withUnsafeMutablePointer(to: &events) { children(of: node, baseURL: baseURL, text: $0, skip: { _ in false }) }
        return (html, events.paragraphs.finished())
    }

    private static func children(of node: MarkupNode, baseURL: String?, text: UnsafeMutablePointer<TextEvents>?,
                                 skip: (MarkupNode) -> Bool) -> String {
        var out: [UInt8] = []
        node.forEachChildNode { write($0, baseURL: baseURL, into: &out, text: text, skip: skip) }
        return finished(out)
    }

    /// Writes a node and what it keeps of its subtree into `out`, and, when `text` is given,
    /// tells it what a reader of `out` would see (tags and text) as it goes.
    static func write(_ node: MarkupNode, baseURL: String?, into out: inout [UInt8],
                      text: UnsafeMutablePointer<TextEvents>?, skip: (MarkupNode) -> Bool = { _ in false }) {
        if node.isText {
            node.withRawTextBytes { raw in
                appendEscaped(raw, quotes: false, to: &out)
                text?.pointee.text(raw)
            }
            return
        }
        guard node.isElement else { return }
        // SVG and MathML are not kept as markup, only their text ("a+b", a figure's title);
        // an SVG title is that text, a page title is not.
        let rule = elementRule(node) ?? ElementRule()
        if (rule.dropped && !(rule.isTitle && node.parent?.lowercasedName == "svg")) || skip(node) { return }
        guard rule.allowed else {
            node.forEachChildNode { write($0, baseURL: baseURL, into: &out, text: text, skip: skip) }
            return
        }
        var attrs: [(KeptAttribute, String)] = []
        var hasURL = false
        if !rule.attributes.isEmpty {
            node.forEachAttribute { name, value in  // in document order
                guard let kept = table.attributes[rule.attributes].first(where: { asciiLowercaseEqual(name, table.bytes[$0.name]) }) else {
                    return
                }
                if kept.isURL {
                    guard let safe = safeURL(value(), base: baseURL, image: rule.isImage) else { return }
                    attrs.append((kept, safe))
                    hasURL = true  // an img's src, an a's href (a's only URL), a quote's cite
                } else {
                    attrs.append((kept, value()))
                }
            }
        }
        if rule.isImage, !hasURL { return }
        out.append(60)  // <
        append(rule.name, to: &out)
        for (k, v) in attrs {
            out.append(32)
            append(k.name, to: &out)
            out.append(61)  // =
            out.append(34)
            v.withUTF8Bytes { appendEscaped($0, quotes: true, to: &out) }
            out.append(34)
        }
        if rule.isLink, hasURL { out.append(contentsOf: relNoopener) }
        out.append(62)  // >
        text?.pointee.open(rule)
        if rule.void { return }
        node.forEachChildNode { write($0, baseURL: baseURL, into: &out, text: text, skip: skip) }
        out.append(60)
        out.append(47)  // </
        append(rule.name, to: &out)
        out.append(62)
        text?.pointee.close(rule)
    }

    static let relNoopener = Array(#" rel="noopener nofollow""#.utf8)

    /// Whether ASCII letters of `a` lower-cased equal `b` (lower-case already), byte for byte.
    static func asciiLowercaseEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeMutableBufferPointer<UInt8>.SubSequence) -> Bool {
        guard a.count == b.count else { return false }
        var j = b.startIndex
        for c in a {
            if (c >= 65 && c <= 90 ? c | 0x20 : c) != b[j] { return false }
            j += 1
        }
        return true
    }

    /// The written bytes as a String, white space at either end trimmed.
    static func finished(_ out: [UInt8]) -> String {
        String(decoding: out, as: UTF8.self).trimmingSpace()
    }

    /// A URL that is safe to keep, made absolute; nil when it must go.
    public static func safeURL(_ raw: String, base: String?, image: Bool) -> String? {
        let trimmed = raw.trimmingSpaceAndControls()
        // Most links are plain absolute web addresses: nothing to squash or resolve.
        if trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://") { return trimmed }
        let squashed = squash(trimmed)
        if squashed.hasPrefix("javascript:") || squashed.hasPrefix("vbscript:") { return nil }
        if squashed.hasPrefix("data:") {
            return image && squashed.hasPrefix("data:image/") && !squashed.hasPrefix("data:image/svg") ? trimmed : nil
        }
        if let scheme = URLResolver.scheme(of: squashed) {
            return ["http", "https", "mailto", "ftp"].contains(scheme) ? trimmed : nil
        }
        return URLResolver.resolve(trimmed, against: base) ?? trimmed
    }

    /// The URL as a browser reads its scheme: white space and controls anywhere removed, ASCII
    /// lower-cased ("Java\tScript:" is "javascript:").
    static func squash(_ url: String) -> String {
        var out = String.UnicodeScalarView()
        for c in url.unicodeScalars {
            if c.value < 128 {
                if c.value <= 32 || c.value == 127 { continue }
                out.append(c.value >= 65 && c.value <= 90 ? Unicode.Scalar(c.value + 32)! : c)
            } else if !(c.value < 0xA0 || c.properties.isWhitespace) {
                out.append(c)
            }
        }
        return String(out)
    }

    /// Escapes `&`, `<`, `>`.
    public static func escapeText(_ s: String) -> String { escape(s, quotes: false) }

    /// Escapes text for a double-quoted attribute.
    public static func escapeAttribute(_ s: String) -> String { escape(s, quotes: true) }

    /// One pass over the UTF-8 bytes; the string itself when nothing needs escaping.
    static func escape(_ s: String, quotes: Bool) -> String {
        s.withUTF8Bytes { u in
            guard u.firstIndex(ofAny: (38, 60, 62, quotes ? 34 : 38)) != nil else { return s }
            var out: [UInt8] = []
            out.reserveCapacity(u.count + 16)
            appendEscaped(u, quotes: quotes, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends `bytes` with `&`, `<`, `>` (and `"` when `quotes`) escaped, unescaped runs copied
    /// whole (found eight bytes at a time).
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool, to out: inout [UInt8]) {
        var run = 0  // start of the bytes not yet copied
        while let i = bytes.firstIndex(ofAny: (38, 60, 62, quotes ? 34 : 38), from: run) {
            let entity: StaticString
            switch bytes[i] {
            case 38: entity = "&amp;"
            case 60: entity = "&lt;"
            case 62: entity = "&gt;"
            default: entity = "&quot;"
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            run = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }
}
