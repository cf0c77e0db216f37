import DigestCore

/// A published week: its counts and its ranked cards.
public struct StoredWeek: Sendable, Equatable {
    /// The week.
    public var week: ISOWeek
    /// Items in the week.
    public var itemCount: Int
    /// Sources those items came from.
    public var sourceCount: Int
    /// Cards, best first.
    public var cards: [Card]

    /// Creates a week record.
    public init(week: ISOWeek, itemCount: Int, sourceCount: Int, cards: [Card]) {
        self.week = week
        self.itemCount = itemCount
        self.sourceCount = sourceCount
        self.cards = cards
    }
}
