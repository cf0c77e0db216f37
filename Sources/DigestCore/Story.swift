import Foundation

/// A feed item together with where it came from and the text gathered for it.
public struct SourcedItem: Sendable, Equatable {
    /// The source it was read from.
    public var source: FeedSource
    /// The parsed item.
    public var item: FeedItem
    /// Best available plain text: extracted article text, else the feed's text.
    public var text: String
    /// Language of the text (source setting, else detected).
    public var language: String

    /// Creates a sourced item.
    public init(source: FeedSource, item: FeedItem, text: String, language: String) {
        self.source = source
        self.item = item
        self.text = text
        self.language = language
    }
}
