import DigestConfig
import DigestCore
import DigestFetch
import DigestSelect
import DigestStore
import DigestSummarize
import Foundation

/// Options of one `digest run`.
public struct RunOptions: Sendable {
    /// Output folder (overrides feeds.yaml).
    public var outputDirectory: String?
    /// The week to digest; nil for the last complete week at `now`.
    public var week: ISOWeek?
    /// The run's clock.
    public var now: Date
    /// Only this part of the sources is fetched (`--shard K/N`).
    public var shard: Shard?
    /// Stores of other shards whose items join this run's (`--import-store`).
    public var importStores: [String] = []
    /// Start a new store although the site already has weeks (`--new-store`).
    public var newStore = false
    /// Items, and stories, read back from the store at a time (`--chunk`): what the week's steps
    /// hold in memory. The output does not depend on it.
    public var chunk = RunOptions.defaultChunk
    /// The default `chunk`.
    public static let defaultChunk = 256

    /// Creates options.
    public init(outputDirectory: String? = nil, week: ISOWeek? = nil, now: Date, shard: Shard? = nil) {
        self.outputDirectory = outputDirectory
        self.week = week
        self.now = now
        self.shard = shard
    }
}

/// One run of the digest, as the list of `Step`s that `run()` reads top to bottom: fetch and
/// parse the feeds, store them, select the week, extract articles, find metrics, cluster
/// stories, write cards, refine them, store the week, publish. The store (the single history)
/// is written after the feeds, the articles and the cards, and read to select and to publish.
public struct Pipeline: Sendable {
    /// The configuration.
    public let config: DigestConfig
    /// Run options.
    public let options: RunOptions
    /// The network.
    public let fetcher: any Fetcher
    /// Where progress goes.
    public let progress: any ProgressSink

    /// Creates a pipeline; without a `fetcher`, libcurl with feeds.yaml's `fetch:` limits.
    public init(config: DigestConfig, options: RunOptions, fetcher: (any Fetcher)? = nil,
                progress: any ProgressSink = SilentProgress()) {
        self.config = config
        self.options = options
        self.fetcher = fetcher ?? CurlFetcher(concurrency: config.fetch.concurrency, perHost: config.fetch.perHost)
        self.progress = progress
    }

    var context: RunContext { RunContext(now: options.now, timeZone: config.timeZone) }
    var outputDirectory: String { options.outputDirectory ?? config.outputDirectory }
    /// The week digested: `--week`, else the last complete week at the run's clock.
    public var week: ISOWeek { options.week ?? ISOWeek.lastComplete(before: options.now, in: config.timeZone) }

    /// Runs every step and returns the report; a failing source is a report line, not an error.
    /// A week with nothing that belongs in it, or a run where every source failed, publishes
    /// nothing (`report.unpublished` says why): the site, archive and email stay as they were.
    public func run() async throws -> RunReport {
        var report = RunReport(week: week)
        let presentation = try Presentation.load(config)
        let judge = try relevanceJudge()
        let store = try openStore()
        let parsed = try await gatherFeeds(into: store, &report)
        if let failed = everySourceFailed(report) { return unpublished(failed, &report) }
        if let empty = try await digestWeek(store: store, parsed: parsed, judge: judge, presentation: presentation, &report) {
            return unpublished(empty, &report)
        }
        report.files = try await perform(.publish) { try publish(week, from: store, with: presentation) }
        _ = try await perform(.storeWeek) { try store.snapshot(into: outputDirectory + "/" + OutputLayout.snapshots, stamp: options.now) }
        return report
    }

    /// The week's steps from selecting its items to storing its cards. Each reads what it needs
    /// from the store a chunk at a time and keeps little of it (`WeekItems`, `KeptItem`,
    /// `DraftHead`), so memory stays near that of a chunk at any size of week. Returns why
    /// nothing is published, or nil once the week's cards are stored.
    func digestWeek(store: DigestStore, parsed: Set<String>, judge: RelevanceJudge, presentation: Presentation,
                    _ report: inout RunReport) async throws -> Unpublished? {
        let selected = try await perform(.selectWeek) { try selectWeek(from: store, parsed: parsed, &report) }
        try await extractArticles(selected, into: store, &report)
        try await perform(.storeArticles) { try storeArticleOutcomes(report, in: store) }
        let kept = try await perform(.findMetrics) { try readWeek(selected, from: store, judge: judge, &report) }
        let newest = try await perform(.selectWeek) { try store.newestItemDate() }
        if let empty = nothingToPublish(kept, selected: selected.heads.count, store: newest, report) { return empty }
        let stories = StoryClusterer.cluster(kept.map(\.features))  // step clusterStories
        let ranked = try await perform(.writeCards) {
            try writeCards(stories, kept: kept, week: selected, store: store, judge: judge, presentation: presentation, &report)
        }
        try await finishCards(ranked, week: selected, store: store, &report)
        return nil
    }

    /// Ends a run that publishes nothing, saying why.
    func unpublished(_ why: Unpublished, _ report: inout RunReport) -> RunReport {
        report.unpublished = why
        progress.step(.publish, why.reason)
        return report
    }

    /// Fetches and parses the sources (of the shard) into the store, nothing more
    /// (`digest fetch`); the report has one line per source.
    public func fetchOnly() async throws -> RunReport {
        var report = RunReport(week: week)
        _ = try await gatherFeeds(into: try openStore(), &report)
        return report
    }

    /// Publishes `week` from the store alone (no fetching): its cards and recap, the whole site
    /// rebuilt from every stored week, and the email file. Returns the files written.
    public func publishFromStore(_ week: ISOWeek) throws -> [String] {
        let presentation = try Presentation.load(config)
        return try publish(week, from: try openStore(mustExist: true), with: presentation)
    }

    /// The first steps of every run: fetch and parse the feeds (of this shard), store them, merge
    /// other shards' stores. Returns the source-and-key pairs parsed this run.
    func gatherFeeds(into store: DigestStore, _ report: inout RunReport) async throws -> Set<String> {
        let states = try await perform(.fetchFeeds) { try store.sourceStates() }
        let feeds = try await parseFeeds(fetchFeeds(sourcesOfThisRun, states: states), count: sourcesOfThisRun.count, into: store)
        let parsed = reportFeeds(feeds, &report)
        try await perform(.importStores) { try importStores(into: store) }
        return parsed
    }

    /// The sources this run fetches: all of them, or those of `--shard`.
    var sourcesOfThisRun: [FeedSource] {
        options.shard.map { s in config.sources.filter { s.contains($0.id) } } ?? config.sources
    }

    /// The store, checked. A store that is missing (or empty) while the site already has weeks
    /// is an error unless `--new-store`: silently starting over would drop every earlier week
    /// from the next site.
    func openStore(mustExist: Bool = false) throws -> DigestStore {
        let path = config.storePath(output: outputDirectory)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        let weeks = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory + "/" + OutputLayout.site + "/weeks"))?.count ?? 0
        if (size ?? 0) == 0, weeks > 0, !options.newStore {
            throw StoreError(path: path, problem: (size == nil ? "missing" : "empty (0 bytes)")
                             + ", but the site in \(outputDirectory) has \(weeks) weeks; restore the last snapshot with "
                             + "`digest store restore`, or pass --new-store to start a new history")
        }
        if size == 0, options.newStore { try? FileManager.default.removeItem(atPath: path) }
        return try DigestStore(path: path, mustExist: mustExist)
    }
}
