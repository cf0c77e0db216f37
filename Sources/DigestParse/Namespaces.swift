import DigestBytes
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
            if node.nameHasColon, let colon = name.firstIndex(of: ":") {  // bytes first: no Characters made
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
        // The usual spellings first: one length test each, then the bytes; another spelling
        // ("…/elements/1.1" without the slash, "…/DTDs/Podcast-1.0.dtd") is normalised on the
        // bytes and compared with the known URIs. No String is made of the URI.
        guard let found = node.withNamespaceBytes({ b -> Vocabulary? in
            for (uri, v) in exactBytes where uri.count == b.count {
                if uri.withUnsafeBufferPointer({ memcmp($0.baseAddress!, b.baseAddress!, b.count) }) == 0 { return v }
            }
            return normalizedVocabulary(b)
        }) else { return .rss }
        return found ?? vocabulary(node.namespaceURI)
    }

    /// The vocabulary of a namespace URI given as bytes, normalised as `normalize` does; nil
    /// when it has non-ASCII bytes (left to the String route).
    static func normalizedVocabulary(_ b: UnsafeBufferPointer<UInt8>) -> Vocabulary? {
        guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
        func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
        var lo = 0, hi = b.count
        while lo < hi, isSpace(b[lo]) { lo += 1 }
        while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }
        func hasPrefix(_ p: [UInt8]) -> Bool {
            hi - lo >= p.count && p.indices.allSatisfy { lower(b[lo + $0]) == p[$0] }
        }
        for scheme in schemes where hasPrefix(scheme) { lo += scheme.count }
        while hi > lo, b[hi - 1] == 47 { hi -= 1 }
        for (uri, v) in knownBytes where uri.count == hi - lo {
            if uri.indices.allSatisfy({ lower(b[lo + $0]) == uri[$0] }) { return v }
        }
        return .other
    }

    static let schemes: [[UInt8]] = [Array("http://".utf8), Array("https://".utf8)]
    static let knownBytes: [([UInt8], Vocabulary)] = known.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }

    static let exactBytes: [([UInt8], Vocabulary)] = exact.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }

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
