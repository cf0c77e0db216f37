import DigestCore

/// Writes feeds.yaml's sources as an OPML 2.0 subscription list, one folder per first tag.
public enum OPMLWriter {
    /// The list; sources of HTML pages (no feed to subscribe to) are written as `type="link"`.
    public static func document(_ sources: [FeedSource], title: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
        out += "  <head>\n    <title>\(escape(title))</title>\n    <docs>http://opml.org/spec2.opml</docs>\n  </head>\n  <body>\n"
        var folders: [String] = []
        var byFolder: [String: [FeedSource]] = [:]
        for s in sources {
            let f = s.tags.first ?? ""
            if byFolder[f] == nil { folders.append(f) }
            byFolder[f, default: []].append(s)
        }
        for f in folders {
            let indent = f.isEmpty ? "    " : "      "
            if !f.isEmpty { out += "    <outline text=\"\(escape(f))\" title=\"\(escape(f))\">\n" }
            for s in byFolder[f] ?? [] { out += indent + outline(s) + "\n" }
            if !f.isEmpty { out += "    </outline>\n" }
        }
        return out + "  </body>\n</opml>\n"
    }

    static func outline(_ s: FeedSource) -> String {
        let name = escape(s.name)
        let rest = s.tags.dropFirst()
        let category = rest.isEmpty ? "" : " category=\"\(escape(rest.joined(separator: ",")))\""
        if s.kind == .html {
            return "<outline type=\"link\" text=\"\(name)\" title=\"\(name)\" url=\"\(escape(s.url))\"\(category)/>"
        }
        let lang = s.language.map { " language=\"\(escape($0))\"" } ?? ""
        return "<outline type=\"rss\" text=\"\(name)\" title=\"\(name)\" xmlUrl=\"\(escape(s.url))\"\(lang)\(category)/>"
    }

    /// Text for an attribute value.
    static func escape(_ s: String) -> String {
        var o = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "\n", "\r", "\t": o += " "
            default: if ch.value >= 0x20 { o.unicodeScalars.append(ch) }
            }
        }
        return o
    }
}
