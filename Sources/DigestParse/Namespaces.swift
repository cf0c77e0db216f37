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

    static func vocabulary(_ uri: String?) -> Vocabulary {
        guard let uri else { return .rss }
        switch uri {
        case rss1, rss090, "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss": return .rss
        case atom10, atom03: return .atom
        case content: return .content
        case dc: return .dc
        case dcterms: return .dcterms
        case media, "http://search.yahoo.com/mrss": return .media
        case itunes, "http://www.itunes.com/DTDs/Podcast-1.0.dtd", "https://www.itunes.com/dtds/podcast-1.0.dtd":
            return .itunes
        default: return .other
        }
    }
}
