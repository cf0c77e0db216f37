/// What the language model step of a run did and spent.
public struct ModelTally: Sendable, Equatable {
    /// Requests sent (repairs included).
    public var requests = 0
    /// Cards answered from the cache (no request).
    public var cacheHits = 0
    /// Prompt tokens, as the server counted them (estimated where it did not say).
    public var promptTokens = 0
    /// Completion tokens, likewise.
    public var completionTokens = 0
    /// True when some count was estimated (the server gave no `usage`).
    public var estimated = false
    /// Cards not sent because the run's token budget would be exceeded.
    public var overBudget = 0
    /// Cards with at least one field written by the model.
    public var cardsChanged = 0
    /// Answer fields and sentences dropped by the checks.
    public var dropped = 0

    /// Creates an empty tally.
    public init() {}

    /// Tokens spent in all.
    public var tokens: Int { promptTokens + completionTokens }
}
