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

    /// Every run of white space to one space, trimmed.
    public static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for ch in s.unicodeScalars {
            if ch.properties.isWhitespace || ch == "\u{FEFF}" {
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
