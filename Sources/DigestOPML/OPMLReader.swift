import DigestCore
import DigestMarkup
import Foundation

/// A feed found in an OPML subscription list.
public struct OPMLFeed: Equatable, Sendable {
    /// The outline's `text` (else `title`, else the feed's host).
    public var title: String
    /// The feed's address (`xmlUrl`).
    public var url: String
    /// The site's address (`htmlUrl`), when given.
    public var siteURL: String?
    /// The folders the outline sits in, outermost first, and any `category` it names.
    public var tags: [String]
    /// Line of the outline in the file.
    public var line: Int
}

/// What an OPML file gave: its feeds, and what was left out with why.
public struct OPMLList: Sendable {
    /// Feeds in document order, each once.
    public var feeds: [OPMLFeed] = []
    /// One line per outline left out: `FILE:LINE: why`.
    public var skipped: [String] = []
}

/// Reads OPML 1.0/2.0 subscription lists (as Miniflux, FreshRSS, Feedly, Inoreader and NetNewsWire
/// export them) through libxml2, with external entities never loaded.
public enum OPMLReader {
    /// The feeds of an OPML document. Nested outlines become tags; an outline with no `xmlUrl` and
    /// no children, or with an address that is not http(s), is reported and left out, and so is a
    /// feed listed a second time (its folders are added to the first one's tags).
    public static func read(_ data: Data, file: String) throws -> OPMLList {
        let doc: MarkupDocument
        do { doc = try MarkupDocument.xml(data) } catch {
            throw OPMLError(file: file, problem: "not well-formed XML (\(error))")
        }
        guard let root = doc.root, root.lowercasedName == "opml" else {
            throw OPMLError(file: file, problem: "not an OPML document (its root is <\(doc.root?.name ?? "nothing")>, not <opml>)")
        }
        guard let body = root.child("body") else { throw OPMLError(file: file, problem: "no <body> with outlines") }
        var list = OPMLList()
        var indexOf: [String: Int] = [:]  // canonical URL → its feed in `list.feeds`
        func walk(_ node: MarkupNode, folders: [String]) {
            node.forEachChild { o in
                guard o.isElement, o.lowercasedName == "outline" else { return }
                let text = clean(attribute(o, "text") ?? attribute(o, "title") ?? "")
                let hasChildren = o.children.contains { $0.isElement && $0.lowercasedName == "outline" }
                guard let url = attribute(o, "xmlUrl").map(clean), !url.isEmpty else {
                    if hasChildren {
                        walk(o, folders: text.isEmpty || placeholderFolders.contains(text.lowercased()) ? folders : folders + [text])
                    } else {
                        let type = attribute(o, "type").map { " (type \"\($0)\")" } ?? ""
                        list.skipped.append("\(file):\(o.line): '\(text)'\(type) has no xmlUrl: not a feed")
                    }
                    return
                }
                guard let u = URLComponents(string: url), ["http", "https"].contains(u.scheme?.lowercased() ?? ""),
                      let host = u.host, !host.isEmpty else {
                    list.skipped.append("\(file):\(o.line): '\(text)': \(url) is not an http(s) address")
                    return
                }
                let categories = (attribute(o, "category") ?? "").split(separator: ",").map {
                    clean(String($0)).split(separator: "/").last.map(String.init) ?? ""
                }.filter { !$0.isEmpty && !$0.hasPrefix("/") }
                let tags = unique(folders + categories)
                let key = canonical(url)
                if let i = indexOf[key] {
                    list.feeds[i].tags = unique(list.feeds[i].tags + tags)
                    list.skipped.append("\(file):\(o.line): \(url) is already listed at line \(list.feeds[i].line)")
                    return
                }
                indexOf[key] = list.feeds.count
                let site = attribute(o, "htmlUrl").map(clean).flatMap { $0.isEmpty ? nil : $0 }
                list.feeds.append(OPMLFeed(title: text.isEmpty ? host : text, url: url, siteURL: site, tags: tags, line: o.line))
                if hasChildren { walk(o, folders: folders) }
            }
        }
        walk(body, folders: [])
        return list
    }

    /// Folders readers put feeds in when the user chose none: not a tag.
    static let placeholderFolders: Set<String> = ["uncategorized", "uncategorised", "all", "未分类", "默认分类"]

    /// An attribute whatever its case (`xmlUrl`, `xmlurl`, `XMLURL` are all seen).
    static func attribute(_ node: MarkupNode, _ name: String) -> String? {
        if let v = node.attribute(name) { return v }
        let lower = name.lowercased()
        return node.attributes(where: { $0.lowercased() == lower }).first?.value
    }

    /// Whitespace runs folded to one space, ends trimmed.
    static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The same feed however it was written: scheme and host lowercased, no trailing slash.
    public static func canonical(_ url: String) -> String {
        guard var c = URLComponents(string: url.trimmingCharacters(in: .whitespaces)) else { return url }
        c.scheme = c.scheme?.lowercased()
        c.host = c.host?.lowercased()
        if c.path.hasSuffix("/") && c.path.count > 1 { c.path.removeLast() }
        if c.path == "/" { c.path = "" }
        return c.string ?? url
    }

    static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }
}

/// An OPML file that cannot be read: `opml: FILE: what`.
public struct OPMLError: DigestError {
    /// The file.
    public var file: String
    /// What is wrong.
    public var problem: String
    /// Creates an error.
    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }
    /// One line.
    public var message: String { "opml: \(file): \(problem)" }
    /// Bad input.
    public var exitStatus: ExitStatus { .badInput }
}
