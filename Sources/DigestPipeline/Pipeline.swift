import DigestConfig
import DigestCore
import DigestFetch
import DigestMetrics
import DigestRender
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

    /// Creates options.
    public init(outputDirectory: String? = nil, week: ISOWeek? = nil, now: Date, shard: Shard? = nil) {
        self.outputDirectory = outputDirectory
        self.week = week
        self.now = now
        self.shard = shard
    }
}

/// One run of the digest: fetch → parse → extract → remember (store) → metrics → summarize →
/// render → publish.
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

    /// Fetches and parses the sources (of the shard) into the store, nothing more
    /// (`digest fetch`); the report has one line per source.
    public func fetchOnly() async throws -> RunReport {
        var report = RunReport(week: week)
        _ = try await fetchSources(store: try DigestStore(path: config.storePath(output: outputDirectory)), &report)
        return report
    }

    /// Steps 1–2: the sources of this run (its shard) fetched, parsed and stored.
    func fetchSources(store: DigestStore, _ report: inout RunReport) async throws -> Set<String> {
        let sources = options.shard.map { s in config.sources.filter { s.contains($0.id) } } ?? config.sources
        let outcomes = await collectSources(sources, states: try store.sourceStates())
        let parsed = try storeSources(outcomes, store: store, &report)
        for other in options.importStores {
            let n = try store.importItems(from: other)
            progress.step("import", "\(n) items from \(other)")
        }
        return parsed
    }

    /// Runs every step and returns the report; a failing source is a report line, not an error.
    public func run() async throws -> RunReport {
        var report = RunReport(week: week)
        let templates = try TemplateSet.load(directory: config.templatesDirectory)
        let taxonomy = try Taxonomy.parse(yaml: templates.topicsYAML, file: templates.topicsPath)
        let store = try DigestStore(path: config.storePath(output: outputDirectory))
        let parsed = try await fetchSources(store: store, &report)
        let (weekItems, known) = try weekItems(store: store, parsed: parsed, &report)
        let (items, extracted) = await fetchArticles(weekItems, known: known, &report)
        try storeArticles(items, extracted: extracted, known: known, store: store)
        let metrics = extractMetrics(items, &report)
        let drafts = buildCards(items, metrics: metrics, taxonomy: taxonomy, &report)
        let cards = await refineCards(drafts, &report)
        try store.saveWeek(StoredWeek(week: week, itemCount: items.count, sourceCount: Set(items.map(\.source.id)).count,
                                      cards: cards), now: options.now)
        report.files = try publish(week, store: store, templates: templates, taxonomy: taxonomy)
        return report
    }
}
