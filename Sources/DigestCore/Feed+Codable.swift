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
