import Foundation

/// The main content of an article page (CONTRACTS.md `extract`).
public struct Article: Sendable, Equatable {
    /// Headline without the site suffix.
    public var title: String?
    /// Author line.
    public var byline: String?
    /// Publication instant.
    public var published: Date?
    /// Language code, e.g. `zh`.
    public var language: String?
    /// Main text; paragraphs separated by blank lines.
    public var text: String
    /// Sanitized main-content HTML.
    public var html: String

    /// Creates an article.
    public init(title: String?, byline: String? = nil, published: Date? = nil, language: String? = nil,
                text: String, html: String) {
        self.title = title
        self.byline = byline
        self.published = published
        self.language = language
        self.text = text
        self.html = html
    }
}

extension Article: Encodable {
    private enum CodingKeys: String, CodingKey { case title, byline, published, language, text, html }

    /// Encodes the contract shape with explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(byline, forKey: .byline)
        try c.encode(published.map(RFC3339.string(from:)), forKey: .published)
        try c.encode(language, forKey: .language)
        try c.encode(text, forKey: .text)
        try c.encode(html, forKey: .html)
    }
}
