import Foundation

/// Where a card's story was reported.
public struct CardSource: Sendable, Equatable, Hashable, Codable {
    /// Source id from feeds.yaml.
    public var sourceID: String
    /// Display name, e.g. "36氪".
    public var name: String
    /// Link to the original item (tracking parameters removed).
    public var url: String?
    /// Item title at that source.
    public var title: String

    /// Creates a source reference.
    public init(sourceID: String, name: String, url: String?, title: String) {
        self.sourceID = sourceID
        self.name = name
        self.url = url
        self.title = title
    }
}

/// A line of "What changed", with whether it holds a derived figure.
public struct ChangeLine: Sendable, Equatable, Hashable, Codable {
    /// The text shown.
    public var text: String
    /// True when the line prints a number computed from two extracted metrics.
    public var isDerived: Bool

    /// Creates a line.
    public init(text: String, isDerived: Bool = false) {
        self.text = text
        self.isDerived = isDerived
    }
}

/// One digest card: a story a busy reader can judge in thirty seconds.
public struct Card: Sendable, Equatable, Codable {
    /// Stable id (hash of the story's first source link).
    public var id: String
    /// File-name-safe slug, unique within the run.
    public var slug: String
    /// Headline.
    public var title: String
    /// One-line hook.
    public var hook: String
    /// Local publication day, `YYYY-MM-DD`.
    public var day: String
    /// Publication instant.
    public var published: Date
    /// Extractive 30-second TL;DR.
    public var tldr: String
    /// Metric lines for "What changed".
    public var whatChanged: [ChangeLine]
    /// "Why it matters", from the article's own words or the topic taxonomy; nil when neither says.
    public var whyItMatters: String?
    /// "What to do next", from the taxonomy; nil when none applies.
    public var whatNext: String?
    /// One to three audiences.
    public var audiences: [String]
    /// Key takeaways (sentences from the text).
    public var takeaways: [String]
    /// Detected topic ids.
    public var topics: [String]
    /// Every source that reported the story.
    public var sources: [CardSource]
    /// Metrics extracted from the story's text.
    public var metrics: [TokenMetric]
    /// Ranking score (higher first).
    public var score: Double
    /// Language of the story's text.
    public var language: String
    /// How well the story belongs in the digest (nil for cards stored before relevance existed).
    public var relevance: Relevance?
    /// The source's own title, when `title` is a headline written from the numbers.
    public var subtitle: String?
    /// What the TL;DR was made from (nil: chosen sentences, or a card stored before this existed).
    public var tldrSource: TLDRSource?
    /// Why each audience should care, one line each, in `audiences` order.
    public var audienceReasons: [String]?
    /// The language of the card's labels and written lines (`en` or `zh`; nil: English).
    public var labelLanguage: String?
    /// Earlier cards of the history about the same subject or topic, newest first (at most 3).
    public var related: [RelatedCard]?
    /// What the optional language model wrote and cited (nil without `summarizer:` or when every
    /// field it wrote failed its checks).
    public var analysis: CardAnalysis?

    /// Creates a card.
    public init(id: String, slug: String, title: String, hook: String, day: String, published: Date, tldr: String,
                whatChanged: [ChangeLine], whyItMatters: String?, whatNext: String?, audiences: [String],
                takeaways: [String], topics: [String], sources: [CardSource], metrics: [TokenMetric],
                score: Double, language: String) {
        self.id = id
        self.slug = slug
        self.title = title
        self.hook = hook
        self.day = day
        self.published = published
        self.tldr = tldr
        self.whatChanged = whatChanged
        self.whyItMatters = whyItMatters
        self.whatNext = whatNext
        self.audiences = audiences
        self.takeaways = takeaways
        self.topics = topics
        self.sources = sources
        self.metrics = metrics
        self.score = score
        self.language = language
    }
}

/// What a TL;DR was made from.
public enum TLDRSource: String, Sendable, Codable {
    /// Sentences chosen by score within the budget.
    case sentences
    /// No sentence qualified: the best one taken whole (or, when far over the budget, to its last
    /// clause that fits, marked "…").
    case lead
    /// The text has no sentence at all: the title.
    case title
}

/// An earlier card a card links to under "Related updates".
public struct RelatedCard: Sendable, Equatable, Hashable, Codable {
    /// Its title.
    public var title: String
    /// Its week (its page is `OutputLayout.cardPage(week:slug:)`).
    public var week: String
    /// Its slug.
    public var slug: String
    /// Its local day.
    public var day: String

    /// Creates a link.
    public init(title: String, week: String, slug: String, day: String) {
        self.title = title
        self.week = week
        self.slug = slug
        self.day = day
    }
}
