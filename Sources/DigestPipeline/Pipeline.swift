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

    /// Creates options.
    public init(outputDirectory: String? = nil, week: ISOWeek? = nil, now: Date) {
        self.outputDirectory = outputDirectory
        self.week = week
        self.now = now
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

    /// Runs every step and returns the report; a failing source is a report line, not an error.
    public func run() async throws -> RunReport {
        var report = RunReport(week: week)
        let templates = try TemplateSet.load(directory: config.templatesDirectory)
        let taxonomy = try Taxonomy.parse(yaml: templates.topicsYAML, file: templates.topicsPath)
        let store = try DigestStore(path: config.storePath(output: outputDirectory))
        let outcomes = await collectSources(config.sources, states: try store.sourceStates())
        let parsed = try storeSources(outcomes, store: store, &report)
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
