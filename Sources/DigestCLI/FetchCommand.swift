import ArgumentParser
import DigestConfig
import DigestCore
import DigestPipeline
import Foundation

/// `digest fetch`: fetch and parse the sources into the store, nothing more.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch and parse the sources into the store (conditional GET, last good copy), without publishing.")

    @OptionGroup var options: PipelineOptions
    @Flag(help: "Print the fetch report as JSON on stdout.") var json = false

    func run() async throws {
        let cfg = try ConfigLoader.load(path: options.config)
        let lock = try OutputAccess.hold(options.output ?? cfg.outputDirectory, wait: options.wait, quiet: options.quiet)
        defer { withExtendedLifetime(lock) {} }
        let start = Date()
        let report = try await Pipeline(config: cfg, options: options.runOptions(week: nil), progress: options.progress).fetchOnly()
        let seconds = Date().timeIntervalSince(start)
        SourceLines.print(report)
        if json { Output.out(try JSONOutput.encode(FetchReportJSON(report, seconds: seconds))) }
        let bytes = report.sources.reduce(0) { $0 + $1.bytes }
        Output.error("fetch: " + Plural.count(report.sources.count, "source") + ": \(ReportSummary.sources(report)) · "
                     + Plural.count(bytes, "byte") + " · " + Plural.count(report.feedsParsed, "feed") + " parsed · "
                     + Plural.count(report.itemsParsed, "item") + " stored · "
                     + String(format: "%.2f s", seconds))
        if !report.sources.isEmpty && report.sourcesOK + report.sourcesStale == 0 { throw CommandFailure(status: .io) }
    }
}

/// The fetch report as JSON (not a CONTRACTS.md shape; stable for scripts and benchmarks).
struct FetchReportJSON: Encodable {
    struct Line: Encodable {
        let id: String, status: String, bytes: Int, items: Int, attempts: Int, error: String?
    }

    let sources: Int, ok: Int, notModified: Int, stale: Int, failed: Int
    let bytes: Int, feedsParsed: Int, itemsStored: Int, seconds: Double
    let lines: [Line]

    init(_ r: RunReport, seconds: Double) {
        sources = r.sources.count
        ok = r.sourcesOK - r.sourcesNotModified
        notModified = r.sourcesNotModified
        stale = r.sourcesStale
        failed = r.sourcesFailed
        bytes = r.sources.reduce(0) { $0 + $1.bytes }
        feedsParsed = r.feedsParsed
        itemsStored = r.itemsParsed
        self.seconds = (seconds * 1000).rounded() / 1000
        lines = r.sources.map { Line(id: $0.id, status: $0.status.rawValue, bytes: $0.bytes, items: $0.items, attempts: $0.attempts,
                                     error: $0.error) }
    }

    enum CodingKeys: String, CodingKey {
        case sources, ok, stale, failed, bytes, seconds, lines
        case notModified = "not_modified", feedsParsed = "feeds_parsed", itemsStored = "items_stored"
    }
}
