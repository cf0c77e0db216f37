import Foundation

/// The format a feed document was sniffed as (CONTRACTS.md `format`).
public enum FeedFormat: String, Sendable, Codable {
    case rss2, rss1, rss09, atom10, atom03, jsonfeed, html
}

/// A parsed feed in the shape of CONTRACTS.md `digest parse`.
public struct Feed: Sendable, Equatable {
    /// The sniffed format.
    public var format: FeedFormat
    /// Feed title as plain text.
    public var title: String?
    /// The feed's home page.
    public var link: String?
    /// Declared language.
    public var language: String?
    /// Entries in document order.
    public var items: [FeedItem]
    /// What was recovered from while parsing.
    public var warnings: [String]

    /// Creates a feed.
    public init(format: FeedFormat, title: String? = nil, link: String? = nil, language: String? = nil,
                items: [FeedItem] = [], warnings: [String] = []) {
        self.format = format
        self.title = title
        self.link = link
        self.language = language
        self.items = items
        self.warnings = warnings
    }
}

/// A media enclosure of an item.
public struct Enclosure: Sendable, Equatable, Codable {
    /// Absolute URL.
    public var url: String
    /// MIME type, if given.
    public var type: String?
    /// Length in bytes, if given.
    public var length: Int?

    /// Creates an enclosure.
    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }

    /// Encodes with explicit nulls, as the contract shows them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(type, forKey: .type)
        try c.encode(length, forKey: .length)
    }
}

/// One entry of a feed (CONTRACTS.md `items[]`).
public struct FeedItem: Sendable, Equatable {
    /// guid / atom:id / JSON id, else the link.
    public var id: String?
    /// Plain-text title.
    public var title: String?
    /// Absolute link.
    public var link: String?
    /// Publication instant.
    public var published: Date?
    /// Last update instant.
    public var updated: Date?
    /// Author names.
    public var authors: [String]
    /// Category terms.
    public var categories: [String]
    /// Sanitized summary HTML.
    public var summaryHTML: String?
    /// Sanitized full-content HTML.
    public var contentHTML: String?
    /// Plain text of the content, else of the summary.
    public var text: String
    /// Media enclosures.
    public var enclosures: [Enclosure]

    /// Creates an item.
    public init(id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
                updated: Date? = nil, authors: [String] = [], categories: [String] = [],
                summaryHTML: String? = nil, contentHTML: String? = nil, text: String = "",
                enclosures: [Enclosure] = []) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.authors = authors
        self.categories = categories
        self.summaryHTML = summaryHTML
        self.contentHTML = contentHTML
        self.text = text
        self.enclosures = enclosures
    }
}
