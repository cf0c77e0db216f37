/// Whether a story belongs in the digest (CONTRACTS.md `digest relevance`).
public enum Relevance: String, Sendable, Codable, CaseIterable, Comparable {
    /// Token volumes and usage, token prices and their changes, usage rankings, the economics of
    /// serving models: the digest must consider it.
    case core
    /// Other AI news (models, labs, products, compute, funding, policy): included if there is room.
    case adjacent
    /// Everything else: never published.
    case off

    /// Core first.
    public static func < (a: Relevance, b: Relevance) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A relevance verdict with its score (0–1, higher is more relevant) and a reason a user can act on.
public struct RelevanceJudgement: Sendable, Equatable, Codable {
    /// The grade.
    public var label: Relevance
    /// 0–1: core above 0.7, adjacent 0.4–0.7, off below 0.4.
    public var score: Double
    /// Why, in a few words, naming the cues found.
    public var why: String

    /// Creates a verdict.
    public init(label: Relevance, score: Double, why: String) {
        self.label = label
        self.score = score
        self.why = why
    }
}
