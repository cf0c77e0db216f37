import DigestBytes
import DigestCore
import DigestDates
import DigestEncoding
import DigestMarkup
import DigestURL
import Foundation

/// Turning element content into the contract's plain-text and sanitized-HTML fields.
enum FeedText {
    /// The element's content as an HTML string: inline markup serialized, else its text.
    static func htmlString(_ node: MarkupNode) -> String {
        node.hasElementChildren ? node.innerXML : node.textContent
    }

    /// Sanitized HTML of an element whose text is HTML (RSS description, content:encoded);
    /// `mode="base64"` content is decoded first. With `withText`, also its plain text (that of
    /// the HTML, as `HTMLText.plainText(_:)` reads it), taken in the same walk.
    static func sanitizedHTML(_ node: MarkupNode, base: String?, withText: Bool) -> (html: String, text: String?) {
        if node.hasElementChildren { return sanitizedChildren(of: node, base: base, withText: withText) }
        let html = unwrapCDATA(decodedText(node))
        guard withText else { return (HTMLSanitizer.sanitize(html, baseURL: base), nil) }
        let both = HTMLSanitizer.sanitizeWithText(html, baseURL: base)
        return (both.html, both.text)
    }

    /// Sanitized HTML of an element's children (inline XHTML), and with `withText` its plain text.
    static func sanitizedChildren(of node: MarkupNode, base: String?, withText: Bool) -> (html: String, text: String?) {
        guard withText else { return (HTMLSanitizer.sanitize(childrenOf: node, baseURL: base), nil) }
        let both = HTMLSanitizer.sanitizeWithText(childrenOf: node, baseURL: base)
        return (both.html, both.text)
    }

    /// The element's text, base64-decoded when it says `mode="base64"` (Atom 0.3), and UTF-8
    /// that was read as Latin-1 and encoded again ("â€¦" for "…") put right (`Mojibake`).
    static func decodedText(_ node: MarkupNode) -> String {
        let text = node.textContent
        if node.attribute("mode")?.lowercased() == "base64",
           let data = Data(base64Encoded: text.filter { !$0.isWhitespace }), let decoded = String(data: data, encoding: .utf8) {
            return decoded
        }
        return Mojibake.undoubled(text)
    }

    /// Plain text of an HTML title: tags stripped, entities decoded, white space collapsed.
    static func plainTitle(_ raw: String) -> String {
        let raw = Mojibake.undoubled(raw)
        let text = (raw.includes("<") || raw.includes("&")) ? HTMLText.plainText(raw) : raw
        return HTMLText.collapse(text)
    }

    /// Text that literally starts with a CDATA marker (double-escaped generators) loses the marker.
    static func unwrapCDATA(_ s: String) -> String {
        guard s.utf8.first(where: { $0 != 32 && $0 != 10 && $0 != 13 && $0 != 9 }) == UInt8(ascii: "<") else { return s }
        let t = s.trimmingSpace()
        guard t.hasPrefix("<![CDATA["), t.hasSuffix("]]>") else { return s }
        return String(t.dropFirst(9).dropLast(3))
    }

    /// Plain text of text written as such (not HTML), collapsed: what `HTMLText.plainText(_:)`
    /// reads from the text escaped, without parsing it again.
    static func text(ofPlainText text: String) -> String { HTMLText.collapse(text) }

    /// The trimmed, non-empty words of a comma-separated list ("beer, games,  talk").
    /// Split on the bytes when every comma stands between ASCII bytes (then it is a Character
    /// of its own); otherwise by Characters, where a comma joined to a combining mark is no comma.
    static func commaList(_ s: String) -> [String] {
        let bytewise = s.withUTF8Bytes { u -> [String]? in
            var words: [String] = []
            var start = 0
            for i in 0...u.count where i == u.count || u[i] == 44 {
                if i < u.count, i > 0 && u[i - 1] >= 0x80 || i + 1 < u.count && u[i + 1] >= 0x80 { return nil }
                let word = String(decoding: UnsafeBufferPointer(rebasing: u[start..<i]), as: UTF8.self).trimmingSpace()
                if !word.isEmpty { words.append(word) }
                start = i + 1
            }
            return words
        }
        if let bytewise { return bytewise }
        return s.split(separator: ",").map { String($0).trimmingSpace() }.filter { !$0.isEmpty }
    }

    /// The terms without repeats, first occurrences in order (a podcast's keywords list
    /// "computer" twice; feedparser keeps a tag once too).
    static func unique(_ terms: [String]) -> [String] {
        guard terms.count > 1 else { return terms }
        var seen = Set<String>(), out: [String] = []
        out.reserveCapacity(terms.count)
        for t in terms where seen.insert(t).inserted { out.append(t) }
        return out.count == terms.count ? terms : out
    }

    /// The trimmed text of an element, nil when empty.
    static func value(_ node: MarkupNode?) -> String? {
        guard let node else { return nil }
        let t = node.textContent.trimmingSpace()
        return t.isEmpty ? nil : t
    }

    /// An absolute URL from a reference and the base in effect; nil when it cannot be made absolute.
    /// The base is worked out only when the reference is relative (most are absolute).
    static func absolute(_ ref: String?, base: @autoclosure () -> String?) -> String? {
        guard let r = ref?.trimmingSpace(), !r.isEmpty else { return nil }
        if URLResolver.hasScheme(r) { return r }
        guard let resolved = URLResolver.resolve(r, against: base()), URLResolver.hasScheme(resolved) else {
            return nil
        }
        return resolved
    }

    /// The instant an element's text names; an unreadable date becomes a warning, never an error.
    static func date(_ node: MarkupNode, _ warnings: inout [String]) -> Date? {
        // The usual date, ASCII in one text node: read from its bytes, no String made.
        if let d = node.withOnlyTextBytes(FeedDate.fromASCII), let d { return d }
        guard let raw = value(node) else { return nil }
        if let d = FeedDate.parse(raw) { return d }
        warnings.append("line \(node.line): unreadable date '\(raw)'")
        return nil
    }
}
