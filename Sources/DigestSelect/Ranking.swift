import DigestCore
import Foundation

/// The order of a week's cards. A card's score is
///
///     score = 10 × relevance + (2 × kinds of metric + 0.5 × min(metrics, 6) + 3 / (1 + age in days / 3)
///             + sources) × source weight
///
/// (relevance 0…1 from `RelevanceJudge`; the bracket is `CardBuilder`'s salience, recency and
/// coverage). With the token-market focus (the default) core stories come before adjacent ones
/// whatever their scores; with `focus: [ai]` the score alone decides. Ties: newest, then id.
public enum Ranking {
    /// How much relevance weighs: a core story's relevance alone outweighs a few metrics.
    public static let relevanceWeight = 10.0

    /// A card with its story's verdict: its grade set and its relevance added to its score.
    public static func apply(_ verdict: RelevanceJudgement, to card: inout Card) {
        card.relevance = verdict.label
        card.score = ((card.score + relevanceWeight * verdict.score) * 1000).rounded() / 1000
    }

    /// Whether `a` ranks before `b`; `byGrade` puts core before adjacent first.
    public static func before(_ a: some Ranked, _ b: some Ranked, byGrade: Bool) -> Bool {
        if byGrade, let ga = a.relevance, let gb = b.relevance, ga != gb { return ga < gb }
        if a.score != b.score { return a.score > b.score }
        if a.published != b.published { return a.published > b.published }
        return a.id < b.id
    }

    /// A story's verdict: its most relevant item's (grade first, then score).
    public static func strongest(_ verdicts: [RelevanceJudgement]) -> RelevanceJudgement {
        verdicts.dropFirst().reduce(verdicts[0]) { best, v in (v.label, -v.score) < (best.label, -best.score) ? v : best }
    }
}

/// What the order of cards reads: a card, or what a run keeps of one while the week's cards
/// wait in the store to be ranked.
public protocol Ranked {
    /// The grade of the card's story.
    var relevance: Relevance? { get }
    /// The card's score.
    var score: Double { get }
    /// When its story was published.
    var published: Date { get }
    /// Its stable id (the last tie-break).
    var id: String { get }
}

extension Card: Ranked {}
