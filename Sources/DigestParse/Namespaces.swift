import DigestMarkup
import Foundation

/// Namespace URIs of the feed vocabularies we read.
enum NS {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let media = "http://search.yahoo.com/mrss/"
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let xhtml = "http://www.w3.org/1999/xhtml"

    /// Vocabulary of an element, folding the RSS namespaces (and none) into `.rss`.
    enum Vocabulary { case rss, atom, content, dc, dcterms, media, itunes, other }

    /// Prefixes used without a declaration in ill-formed feeds, by their usual namespace.
    static let conventionalPrefixes: [String: Vocabulary] = [
        "content": .content, "dc": .dc, "dcterms": .dcterms, "media": .media, "itunes": .itunes, "atom": .atom,
    ]

    /// Vocabulary and local name of an element, reading `dc:creator` with an undeclared prefix
    /// (recover mode keeps the prefix in the name) as Dublin Core.
    static func classify(_ node: MarkupNode) -> (Vocabulary, String) {
        let name = node.lowercasedName  // feedparser reads <TiTlE> as <title>
        guard node.hasNamespace else {
            if name.utf8.contains(58), let colon = name.firstIndex(of: ":") {  // bytes first: no Characters made
                let prefix = String(name[..<colon]), local = String(name[name.index(after: colon)...])
                return (conventionalPrefixes[prefix] ?? .other, local)
            }
            return (.rss, name)
        }
        if node.isInNamespace(xhtml) { return (.rss, name == "body" ? "xhtml-body" : name) }
        return (vocabulary(of: node), name)
    }

    /// Vocabulary of a node's namespace, the usual spellings compared in place (no String is
    /// made of the URI of every element).
    static func vocabulary(of node: MarkupNode) -> Vocabulary {
        guard node.hasNamespace else { return .rss }
        for (uri, v) in exactList where node.isInNamespace(uri) { return v }
        return vocabulary(node.namespaceURI)
    }

    static let exactList: [(String, Vocabulary)] = exact.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }

    /// Namespace URIs compared as feedparser does: case-insensitive, scheme and trailing "/"
    /// ignored ("http://purl.org/dc/elements/1.1" is Dublin Core too).
    static func normalize(_ uri: String) -> String {
        var u = uri.lowercased().trimmingSpace()
        for scheme in ["http://", "https://"] where u.hasPrefix(scheme) { u = String(u.dropFirst(scheme.count)) }
        while u.hasSuffix("/") { u.removeLast() }
        return u
    }

    static let known: [String: Vocabulary] = {
        var m: [String: Vocabulary] = [:]
        for (uri, v) in [(rss1, Vocabulary.rss), (rss090, .rss), ("http://backend.userland.com/rss2", .rss),
                         ("http://blogs.law.harvard.edu/tech/rss", .rss), (atom10, .atom), (atom03, .atom),
                         (content, .content), (dc, .dc), (dcterms, .dcterms), (media, .media), (itunes, .itunes)] {
            m[normalize(uri)] = v
        }
        return m
    }()

    /// The usual spellings, looked up before normalising (most documents use them).
    static let exact: [String: Vocabulary] = [
        rss1: .rss, rss090: .rss, atom10: .atom, atom03: .atom, content: .content, dc: .dc, dcterms: .dcterms,
        media: .media, itunes: .itunes,
    ]

    static func vocabulary(_ uri: String?) -> Vocabulary {
        guard let uri else { return .rss }
        if let v = exact[uri] { return v }
        return known[normalize(uri)] ?? .other
    }
}
