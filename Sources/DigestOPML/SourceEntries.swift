import DigestCore
import Foundation

/// OPML feeds turned into feeds.yaml source entries, and put into a feeds.yaml's text without
/// touching the rest of it (comments, order, other keys).
public enum SourceEntries {
    /// A source id from a title: lowercase ASCII words joined by '-'; a title in another script
    /// (a Chinese title) gives the feed's host instead, without `www.` and the top-level domain
    /// (`36kr.com` → `36kr`). Never one of `taken`: a number is added.
    public static func id(for feed: OPMLFeed, taken: Set<String>) -> String {
        func slug(_ s: String) -> String {
            var words: [String] = []
            var w = ""
            for ch in s.lowercased().unicodeScalars {
                if ch.isASCII && (CharacterSet.alphanumerics.contains(ch)) { w.unicodeScalars.append(ch) } else if !w.isEmpty {
                    words.append(w)
                    w = ""
                }
            }
            if !w.isEmpty { words.append(w) }
            return words.prefix(5).joined(separator: "-")
        }
        let host = URLComponents(string: feed.url)?.host?.lowercased()
        let otherScript = feed.title.unicodeScalars.contains { !$0.isASCII && $0.properties.isAlphabetic }
        var base = otherScript || feed.title.lowercased() == host ? "" : slug(feed.title)
        if base.isEmpty, let host {
            var labels = host.split(separator: ".").map(String.init)
            if labels.first == "www" { labels.removeFirst() }
            if labels.count > 1 { labels.removeLast() }
            base = slug(labels.joined(separator: "."))
        }
        if base.isEmpty { base = "feed" }
        var id = base
        var n = 2
        while taken.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        return id
    }

    /// The entries in feeds.yaml's block style, each item at `indent` spaces.
    public static func yaml(_ feeds: [OPMLFeed], taken: Set<String>, indent: Int = 2) -> String {
        var used = taken
        var out = ""
        let pad = String(repeating: " ", count: indent)
        for f in feeds {
            let id = id(for: f, taken: used)
            used.insert(id)
            out += "\(pad)- id: \(id)\n\(pad)  name: \(quoted(f.title))\n\(pad)  url: \(quoted(f.url))\n"
            if !f.tags.isEmpty { out += "\(pad)  tags: [\(f.tags.map(quoted).joined(separator: ", "))]\n" }
        }
        return out
    }

    /// A YAML double-quoted scalar.
    public static func quoted(_ s: String) -> String {
        var o = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": o += "\\\""
            case "\\": o += "\\\\"
            case "\n": o += "\\n"
            case "\t": o += "\\t"
            default: if ch.value < 0x20 { o += String(format: "\\x%02X", ch.value) } else { o.unicodeScalars.append(ch) }
            }
        }
        return o + "\""
    }

    /// The lines of the top-level `sources:` block of a feeds.yaml text: the key's line and the
    /// last line that belongs to its list (the next top-level key, or the end, closes it; blank
    /// and comment lines just before that stay outside). Nil when the text has no such key.
    public static func sourcesBlock(_ lines: [Substring]) -> (key: Int, last: Int, indent: Int)? {
        guard let key = lines.firstIndex(where: { $0.hasPrefix("sources:") }) else { return nil }
        var last = key
        var indent: Int?
        var i = key + 1
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { i += 1; continue }
            if line.first != " " && line.first != "-" { break }
            if indent == nil, trimmed.hasPrefix("-") { indent = line.count - trimmed.count }
            last = i
            i += 1
        }
        return (key, last, indent ?? 2)
    }

    /// `text` with `entries` (from `yaml(_:taken:indent:)`) added at the end of its sources list,
    /// or in place of the list when `replacing`.
    public static func insert(_ feeds: [OPMLFeed], into text: String, taken: Set<String>, replacing: Bool) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let block = sourcesBlock(lines) else { return nil }
        let entries = yaml(feeds, taken: replacing ? [] : taken, indent: block.indent)
            .split(separator: "\n").map { Substring($0) }
        if replacing {
            lines.replaceSubrange(block.key...block.last, with: ["sources:"] + entries)
        } else {
            if lines[block.key].contains("[]") { lines[block.key] = "sources:" }
            lines.insert(contentsOf: entries, at: block.last + 1)
        }
        return lines.joined(separator: "\n")
    }
}
