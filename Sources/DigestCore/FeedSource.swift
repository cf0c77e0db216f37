/// The kind of document a source serves, as declared in feeds.yaml.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    /// Sniff the format from the content.
    case auto
    case rss
    case atom
    case json
    /// An HTML page listing items, read with `HTMLListRules`.
    case html
}

/// How items are found on an HTML list page (`kind: html`).
public struct HTMLListRules: Sendable, Equatable, Codable {
    /// XPath selecting one node per item.
    public var item: String?
    /// XPath (relative to the item) of the title text.
    public var title: String?
    /// XPath (relative to the item) of the link (an `href` attribute or text).
    public var link: String?
    /// XPath (relative to the item) of the date text.
    public var date: String?
    /// XPath (relative to the item) of the summary.
    public var summary: String?
    /// Dotted path into the JSON assigned to a script variable, e.g.
    /// `window.initialState:newsflashList.flow.itemList`.
    public var jsonPath: String?

    /// Creates list rules.
    public init(item: String? = nil, title: String? = nil, link: String? = nil, date: String? = nil,
                summary: String? = nil, jsonPath: String? = nil) {
        self.item = item
        self.title = title
        self.link = link
        self.date = date
        self.summary = summary
        self.jsonPath = jsonPath
    }
}

/// One entry of `sources:` in feeds.yaml.
public struct FeedSource: Sendable, Equatable, Identifiable {
    /// Stable identifier, unique within the file.
    public var id: String
    /// Name shown as the card's source, e.g. "36氪".
    public var name: String
    /// Absolute http(s) or file URL.
    public var url: String
    /// The declared kind.
    public var kind: SourceKind
    /// BCP 47 language of the source's text, e.g. `zh` or `en`.
    public var language: String?
    /// Free tags.
    public var tags: [String]
    /// Ranking weight (1 is neutral).
    public var weight: Double
    /// Whether article pages should be fetched for full text.
    public var fullContent: Bool
    /// Fetch the page of an item whose text is only a short lead (on unless `full_content: false`).
    public var shortLeads = true
    /// Item rules for `kind: html`.
    public var html: HTMLListRules?
    /// Keep only items whose title or text matches one of these (a word, or `/regex/`); empty: all.
    public var include: [String] = []
    /// Leave out items whose title or text matches one of these (a word, or `/regex/`).
    public var exclude: [String] = []

    /// Creates a source.
    public init(id: String, name: String, url: String, kind: SourceKind = .auto, language: String? = nil,
                tags: [String] = [], weight: Double = 1, fullContent: Bool = false, html: HTMLListRules? = nil) {
        self.id = id
        self.name = name
        self.url = url
        self.kind = kind
        self.language = language
        self.tags = tags
        self.weight = weight
        self.fullContent = fullContent
        self.html = html
    }
}
