import ArgumentParser
import DigestConfig
import DigestCore
import DigestPipeline
import Foundation

/// `digest run --config feeds.yaml [--output DIR] [--week 2026-W48] [--now TIME] [--shard K/N]`
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Fetch, digest and publish a week.")

    @OptionGroup var options: PipelineOptions
    @Option(help: "ISO week to digest, e.g. 2026-W48 (default: the last complete week).") var week: String?

    func validate() throws {
        if let w = week, ISOWeek(w) == nil { throw ValidationError("--week must look like 2026-W48") }
    }

    func run() async throws {
        let cfg = try ConfigLoader.load(path: options.config)
        let lock = try OutputAccess.hold(options.output ?? cfg.outputDirectory, wait: options.wait, quiet: options.quiet)
        defer { withExtendedLifetime(lock) {} }
        let report = try await Pipeline(config: cfg, options: options.runOptions(week: week.flatMap(ISOWeek.init)),
                                        progress: options.progress).run()
        SourceLines.print(report)
        for f in report.articleFailures { Output.error(f) }
        for f in report.modelFailures { Output.error(f) }
        for w in report.warnings { Output.error("warning: \(w)") }
        if options.verbose {
            for l in report.offTopic { Output.error("left out: \(l.sourceID): \(l.title) — \(l.why)") }
        }
        Output.error(ReportSummary.text(report, output: options.output ?? cfg.outputDirectory))
        if let u = report.unpublished {
            Output.error("digest \(report.week): \(u.reason)")
            throw CommandFailure(status: u.status)
        }
    }
}

/// The summary printed at the end of a run.
enum ReportSummary {
    static func text(_ r: RunReport, output: String) -> String {
        "digest \(r.week): sources \(sources(r))" + articles(r) + " · " + Plural.count(r.items, "item") + " · "
            + Plural.count(r.cards, "card") + " · " + Plural.count(r.metrics, "metric") + " · \(leftOut(r)) · "
            + Plural.count(r.files.count, "file") + " written to \(output)" + model(r)
    }

    /// "\n  model: 9 requests, 2 cards from the cache, tokens 5,123 prompt + 812 completion, …" with `summarizer:`.
    static func model(_ r: RunReport) -> String {
        guard let m = r.model else { return "" }
        var s = "\n  model: " + Plural.count(m.requests, "request") + ", " + Plural.count(m.cacheHits, "card")
            + " from the cache, tokens \(grouped(m.promptTokens)) prompt + \(grouped(m.completionTokens)) completion"
            + (m.estimated ? " (partly estimated)" : "") + ", " + Plural.count(m.cardsChanged, "card") + " written by the model"
        if m.dropped > 0 { s += ", " + Plural.count(m.dropped, "answer part") + " dropped by the checks" }
        if m.overBudget > 0 { s += ", " + Plural.count(m.overBudget, "card") + " not sent (token budget)" }
        return s
    }

    /// 12345 as "12,345".
    static func grouped(_ n: Int) -> String {
        var digits = String(n), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    /// " · article pages 4 ok, 2 failed" when the run asked for any.
    static func articles(_ r: RunReport) -> String {
        let asked = r.articlePages.values.reduce(0) { $0 + $1.asked }
        guard asked > 0 else { return "" }
        return " · article pages \(asked - r.articleFailures.count) ok, \(r.articleFailures.count) failed"
    }

    /// "37 off-topic items left out" (with the roundups split, when any).
    static func leftOut(_ r: RunReport) -> String {
        let split = r.roundupsSplit > 0
            ? " (" + Plural.count(r.roundupsSplit, "roundup") + " split into " + Plural.count(r.roundupStories, "story") + ")" : ""
        return Plural.count(r.offTopic.count, "off-topic item") + " left out" + split
    }

    /// "9 ok (3 not modified), 1 stale, 0 failed".
    static func sources(_ r: RunReport) -> String {
        "\(r.sourcesOK) ok" + (r.sourcesNotModified > 0 ? " (\(r.sourcesNotModified) not modified)" : "")
            + (r.sourcesStale > 0 ? ", \(r.sourcesStale) stale" : "") + ", \(r.sourcesFailed) failed"
    }
}

/// One stderr line per source that did not deliver a new copy.
enum SourceLines {
    static func print(_ report: RunReport) {
        for s in report.sources {
            for w in s.warnings { Output.error("warning: \(s.id): \(w)") }
            switch s.status {
            case .failed: Output.error("\(s.id): failed: \(s.error ?? "no answer")")
            case .stale, .deferred:
                let when = s.copyFrom.map { " from \(RFC3339.string(from: $0))" } ?? ""
                Output.error("\(s.id): stale: using the last good copy\(when); \(s.error ?? "")")
            case .ok, .notModified: break
            }
        }
    }
}
