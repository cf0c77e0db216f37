import DigestCore

/// The named steps of a run, in the order `Pipeline.run()` takes them. The name is what
/// progress lines and errors say.
public enum Step: String, Sendable, CaseIterable {
    /// Every source asked for its feed (conditional GET; sources in backoff left alone).
    case fetchFeeds = "fetch"
    /// Each fetched feed parsed as its transfer ends; a failure falls back to the last good copy.
    case parseFeeds = "parse"
    /// Source states and dated items written to the store.
    case storeFeeds = "store-feeds"
    /// Other shards' stores merged in (`--import-store`).
    case importStores = "import"
    /// The week's items read back from the store, one per link.
    case selectWeek = "select"
    /// Article pages fetched and their main text extracted.
    case extractArticles = "extract"
    /// Extracted article text written to the store.
    case storeArticles = "store-articles"
    /// Roundups (8点1氪, newsletters) split into their stories.
    case splitRoundups = "roundups"
    /// Token metrics found in every item.
    case findMetrics = "metrics"
    /// Each item graded core, adjacent or off; off items and items a source filter rejects left out.
    case judgeRelevance = "relevance"
    /// Items about the same story grouped.
    case clusterStories = "cluster"
    /// One card per story, ranked.
    case writeCards = "cards"
    /// The optional language model's rewrite of each card.
    case refineCards = "refine"
    /// Cards linked to the history: earlier figures of their subjects, related earlier cards.
    case linkHistory = "history"
    /// The week's cards written to the store.
    case storeWeek = "store-week"
    /// Cards, recap, site and email published from the store.
    case publish
}

/// An error raised inside a step, with the step's name: `store: digest.sqlite: … (step store-feeds)`.
public struct StepError: DigestError {
    /// The step that raised it.
    public var step: Step
    /// What went wrong.
    public var underlying: any Error

    /// Tags `underlying` with `step` (an error already tagged keeps its own step).
    public static func tagged(_ underlying: any Error, in step: Step) -> any Error {
        underlying is StepError ? underlying : StepError(step: step, underlying: underlying)
    }

    /// The underlying message, then the step.
    public var message: String {
        let text = (underlying as? any DigestError)?.message ?? "run: \(underlying)"
        return "\(text) (step \(step.rawValue))"
    }

    /// The underlying error's status; I/O for errors of other kinds.
    public var exitStatus: ExitStatus { (underlying as? any DigestError)?.exitStatus ?? .io }
}

extension Pipeline {
    /// Runs one step: a thrown error leaves it tagged with the step's name.
    func perform<T>(_ step: Step, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw StepError.tagged(error, in: step) }
    }
}
