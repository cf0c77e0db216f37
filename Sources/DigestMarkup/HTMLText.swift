import Foundation

/// Plain text of HTML: tags dropped, entities decoded, blocks separated by blank lines.
public enum HTMLText {
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "body", "html", "center",
    ]
    static let skipped: Set<String> = ["script", "style", "template", "noscript", "head", "title", "iframe",
                                       "object", "embed", "svg", "button", "select", "textarea"]

    /// Plain text of an HTML fragment; paragraphs separated by "\n\n".
    public static func plainText(_ html: String) -> String {
        if !html.contains("<") && !html.contains("&") { return collapse(html) }
        guard let doc = MarkupDocument.htmlFragment(html), let body = doc.body else { return "" }
        return plainText(of: body)
    }

    /// Plain text of a node's subtree; paragraphs separated by "\n\n".
    public static func plainText(of node: MarkupNode) -> String {
        var paragraphs: [String] = []
        var current = ""
        func flush() {
            let p = current.split(separator: "\n", omittingEmptySubsequences: false)
                .map { collapse(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !p.isEmpty { paragraphs.append(p) }
            current = ""
        }
        func walk(_ n: MarkupNode) {
            if n.isText {
                current += n.rawText
                return
            }
            guard n.isElement else { return }
            let name = n.name.lowercased()
            if skipped.contains(name) { return }
            if name == "br" {
                current += "\n"
                return
            }
            if name == "img" { return }
            let isBlock = blocks.contains(name)
            if isBlock { flush() }
            for c in n.childNodes { walk(c) }
            if isBlock { flush() } else if name == "td" || name == "th" { current += " " }
        }
        walk(node)
        flush()
        return paragraphs.joined(separator: "\n\n")
    }

    /// Plain text of HTML this module's sanitizer produced (only allowed tags, quoted
    /// attributes, text escaped with &amp; &lt; &gt;): read by a scanner, without a second
    /// libxml2 parse. Same paragraphs as `plainText(_:)`.
    public static func plainText(ofSanitized html: String) -> String {
        var paragraphs: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            let p = String(current).split(separator: "\n", omittingEmptySubsequences: false)
                .map { collapse(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !p.isEmpty { paragraphs.append(p) }
            current = String.UnicodeScalarView()
        }
        let s = Array(html.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "<" {
                var j = i + 1
                let closing = j < s.count && s[j] == "/"
                if closing { j += 1 }
                var name = ""
                while j < s.count, s[j] != ">", s[j] != " ", s[j] != "/" {
                    name.unicodeScalars.append(s[j])
                    j += 1
                }
                while j < s.count, s[j] != ">" {
                    if s[j] == "\"" {  // skip a quoted attribute value, which may hold ">"
                        j += 1
                        while j < s.count, s[j] != "\"" { j += 1 }
                    }
                    j += 1
                }
                let tag = name.lowercased()
                if tag == "br" {
                    current.append("\n")
                } else if blocks.contains(tag) {
                    flush()
                } else if !closing, tag == "td" || tag == "th" {
                    current.append(" ")
                }
                i = j + 1
            } else if c == "&" {
                let rest = String(String.UnicodeScalarView(s[i..<min(s.count, i + 6)]))
                if rest.hasPrefix("&amp;") { current.append("&"); i += 5 } else if rest.hasPrefix("&lt;") {
                    current.append("<"); i += 4
                } else if rest.hasPrefix("&gt;") { current.append(">"); i += 4 } else if rest.hasPrefix("&quot;") {
                    current.append("\""); i += 6
                } else { current.append(c); i += 1 }
            } else {
                current.append(c)
                i += 1
            }
        }
        flush()
        return paragraphs.joined(separator: "\n\n")
    }

    /// Every run of white space to one space, trimmed.
    public static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            let v = ch.value
            let isSpace = v < 0x80 ? (v == 32 || (v >= 9 && v <= 13))
                : (v == 0xA0 || v == 0xFEFF || v == 0x3000 || (v >= 0x2000 && v <= 0x200A) || v == 0x202F || v == 0x205F
                   || v == 0x1680 || v == 0x2028 || v == 0x2029 || v == 0x85)
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
