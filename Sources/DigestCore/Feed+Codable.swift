import Foundation

extension Feed: Encodable {
    private enum CodingKeys: String, CodingKey {
        case format, title, link, language, items, warnings
    }

    /// Encodes the CONTRACTS.md `parse` shape with explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(title, forKey: .title)
        try c.encode(link, forKey: .link)
        try c.encode(language, forKey: .language)
        try c.encode(items, forKey: .items)
        try c.encode(warnings, forKey: .warnings)
    }
}

extension FeedItem: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, title, link, published, updated, authors, categories
        case summaryHTML = "summary_html", contentHTML = "content_html", text, enclosures
    }

    /// Encodes one contract item; dates as RFC 3339 UTC strings.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(link, forKey: .link)
        try c.encode(published.map(RFC3339.string(from:)), forKey: .published)
        try c.encode(updated.map(RFC3339.string(from:)), forKey: .updated)
        try c.encode(authors, forKey: .authors)
        try c.encode(categories, forKey: .categories)
        try c.encode(summaryHTML, forKey: .summaryHTML)
        try c.encode(contentHTML, forKey: .contentHTML)
        try c.encode(text, forKey: .text)
        try c.encode(enclosures, forKey: .enclosures)
    }
}

extension FeedItem: Decodable {
    /// Decodes the contract item shape written by `encode(to:)` (the store keeps items this way).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func date(_ k: CodingKeys) throws -> Date? {
            guard let s = try c.decodeIfPresent(String.self, forKey: k) else { return nil }
            guard let d = RFC3339.date(from: s) else {
                throw DecodingError.dataCorruptedError(forKey: k, in: c, debugDescription: "not RFC 3339: \(s)")
            }
            return d
        }
        self.init(id: try c.decodeIfPresent(String.self, forKey: .id),
                  title: try c.decodeIfPresent(String.self, forKey: .title),
                  link: try c.decodeIfPresent(String.self, forKey: .link),
                  published: try date(.published), updated: try date(.updated),
                  authors: try c.decodeIfPresent([String].self, forKey: .authors) ?? [],
                  categories: try c.decodeIfPresent([String].self, forKey: .categories) ?? [],
                  summaryHTML: try c.decodeIfPresent(String.self, forKey: .summaryHTML),
                  contentHTML: try c.decodeIfPresent(String.self, forKey: .contentHTML),
                  text: try c.decodeIfPresent(String.self, forKey: .text) ?? "",
                  enclosures: try c.decodeIfPresent([Enclosure].self, forKey: .enclosures) ?? [])
    }
}
