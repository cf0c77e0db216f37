import DigestCore

/// One feed item as the store keeps it: enough to rebuild the week's cards without fetching.
public struct StoredItem: Sendable, Equatable {
    /// Source id from feeds.yaml.
    public var sourceID: String
    /// Source display name when the item was seen.
    public var sourceName: String
    /// The item's identity within its source (canonical link, else id, else title).
    public var key: String
    /// The ISO week the item was published in.
    public var week: ISOWeek
    /// The parsed item.
    public var item: FeedItem
    /// Text the digest uses (the article's main text when it was fetched).
    public var text: String
    /// Language code of the text.
    public var language: String
    /// True when `text` is an extracted article page, so it need not be fetched again.
    public var extracted: Bool
    /// `item` already encoded for the store (`DigestStore.encode`), when the caller had a core to
    /// spare for it; nil and `saveItems` encodes.
    public var encoded: String?

    /// Creates a stored item.
    public init(sourceID: String, sourceName: String, key: String, week: ISOWeek, item: FeedItem, text: String,
                language: String, extracted: Bool, encoded: String? = nil) {
        self.sourceID = sourceID
        self.sourceName = sourceName
        self.key = key
        self.week = week
        self.item = item
        self.text = text
        self.language = language
        self.extracted = extracted
        self.encoded = encoded
    }
}
