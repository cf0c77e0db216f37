import DigestCore
import DigestMarkup
import Foundation

/// Turning element content into the contract's plain-text and sanitized-HTML fields.
enum FeedText {
    /// The element's content as an HTML string: inline markup serialized, else its text.
    static func htmlString(_ node: MarkupNode) -> String {
        node.hasElementChildren ? node.innerXML : node.textContent
    }

    /// Sanitized HTML of an element whose text is HTML (RSS description, content:encoded);
    /// `mode="base64"` content is decoded first. With `withText`, also its plain text (that of
    /// the HTML, `HTMLText.plainText(ofSanitized:)`), taken in the same walk.
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
    /// that was read as Latin-1 and encoded again ("â€¦" for "…") put right.
    static func decodedText(_ node: MarkupNode) -> String {
        let text = node.textContent
        if node.attribute("mode")?.lowercased() == "base64",
           let data = Data(base64Encoded: text.filter { !$0.isWhitespace }), let decoded = String(data: data, encoding: .utf8) {
            return decoded
        }
        return undoubled(text)
    }

    /// Text whose every character is below U+0100 and whose code points, taken as bytes, are
    /// valid multi-byte UTF-8 was UTF-8 decoded twice; anything else is returned as it is.
    /// C1 control characters left (U+0080–U+009F, never text) are windows-1252 bytes decoded
    /// as ISO-8859-x: read as windows-1252 ("\u{80}" → "€").
    static func undoubled(_ s: String) -> String {
        // Any non-ASCII? only U+0080–U+00FF (no lead byte above C3)? a C1 control (C2 80–9F)?
        let (high, latin1Only, mayBeDoubled) = s.withUTF8Bytes { b -> (Bool, Bool, Bool) in
            guard let first = b.firstNonASCII() else { return (false, true, false) }
            let latin1Only = Self.firstAboveC3(b, from: first) == nil
            return (true, latin1Only, latin1Only && Self.startsDoubledSequence(b, at: first))
        }
        func hasC1() -> Bool {  // a C1 control: its lead byte found with memchr
            s.withUTF8Bytes { b in
                var i = 0
                while i < b.count, let hit = memchr(b.baseAddress! + i, 0xC2, b.count - i) {
                    let k = b.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if k + 1 < b.count, b[k + 1] < 0xA0 { return true }
                    i = k + 1
                }
                return false
            }
        }
        guard high else { return s }
        if latin1Only, mayBeDoubled {  // the code points as bytes: valid UTF-8 means it was decoded twice
            var bytes: [UInt8] = []
            let ok = s.withUTF8Bytes { b -> Bool in
                bytes.reserveCapacity(b.count)
                var i = 0
                while i < b.count {
                    if b[i] < 0x80 {
                        bytes.append(b[i])
                        i += 1
                    } else {  // C2 or C3 and a continuation byte: U+0080–U+00FF
                        guard i + 1 < b.count else { return false }
                        bytes.append((b[i] & 0x03) << 6 | (b[i + 1] & 0x3F))
                        i += 2
                    }
                }
                return true
            }
            if ok, let fixed = String(validating: bytes, as: UTF8.self) { return fixed }
        }
        guard hasC1() else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            MixedEncoding.cp1252[UInt8(truncatingIfNeeded: c.value)].flatMap { c.value < 0xA0 ? Unicode.Scalar($0) : nil } ?? c
        }))
    }

    /// Offset of the first byte above C3 (a character from U+0100 on) at or after `start`,
    /// eight bytes tested at a time.
    static func firstAboveC3(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        while i + 8 <= b.count {
            let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
            // Per byte: the high bit set, and the low seven bits at least 0x44 (no carry between bytes).
            if (w & 0x7F7F_7F7F_7F7F_7F7F &+ 0x3C3C_3C3C_3C3C_3C3C) & w & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < b.count, b[i] < 0xC4 { i += 1 }
        return i < b.count ? i : nil
    }

    /// Whether the first non-ASCII character (at `i`, U+0080–U+00FF) and the ones after it, taken
    /// as bytes, make a whole UTF-8 sequence: necessary for the text to be UTF-8 decoded twice,
    /// and false at once for the usual Latin-1 text ("für": FC is no UTF-8 lead byte).
    static func startsDoubledSequence(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        func unit(_ k: Int) -> UInt8? {  // the code point of the two bytes at k, as a byte
            guard k + 1 < b.count, b[k] == 0xC2 || b[k] == 0xC3 else { return nil }
            return (b[k] & 0x03) << 6 | (b[k + 1] & 0x3F)
        }
        guard let lead = unit(i), let length = MixedEncoding.utf8Length(lead: lead) else { return false }
        for n in 1..<length {
            guard let c = unit(i + 2 * n), c >= 0x80, c <= 0xBF else { return false }
        }
        return true
    }

    /// Plain text of an HTML title: tags stripped, entities decoded, white space collapsed.
    static func plainTitle(_ raw: String) -> String {
        let raw = undoubled(raw)
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

    /// An item's text: that of its content, else of its summary.
    static func text(content: String?, summary: String?) -> String {
        text(ofHTML: content ?? summary)
    }

    /// Plain text of sanitized HTML, collapsed into paragraphs.
    static func text(ofHTML html: String?) -> String {
        guard let html, !html.isEmpty else { return "" }
        return HTMLText.plainText(ofSanitized: html)
    }

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
