import ArgumentParser
import DigestConfig
import DigestCore
import DigestPipeline
import Foundation

/// Options `run` and `fetch` share.
struct PipelineOptions: ParsableArguments {
    @Option(help: "The feeds.yaml to read.") var config = "feeds.yaml"
    @Option(help: "Output folder (default: feeds.yaml's 'output').") var output: String?
    @Option(help: "Fixed clock, RFC 3339 (e.g. 2026-11-30T08:00:00Z), for reproducible output.") var now: String?
    @Option(help: "Fetch only shard K of N of the sources (stable by source id), e.g. 2/4.") var shard: String?
    @Option(name: .customLong("import-store"), help: "Also take the items of another shard's store (repeatable).")
    var importStores: [String] = []
    @Flag(help: "Print only warnings, errors and the summary.") var quiet = false
    @Flag(help: "Also print one line per source.") var verbose = false
    @Flag(help: "When another digest is using the output folder, wait for it (default: exit 5).") var wait = false
    @Flag(name: .customLong("new-store"), help: "Start a new store although the site already has weeks (the old history is gone).")
    var newStore = false
    @Option(help: "Items and cards read back from the store at a time: lower holds less in memory (default 256).")
    var chunk = RunOptions.defaultChunk

    func validate() throws {
        if chunk < 1 { throw ValidationError("--chunk must be 1 or more") }
        if let n = now, RFC3339.date(from: n) == nil { throw ValidationError("--now must be RFC 3339, e.g. 2026-11-30T08:00:00Z") }
        if let s = shard, Shard(s) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    /// The run options for `week`.
    func runOptions(week: ISOWeek?) -> RunOptions {
        var o = RunOptions(outputDirectory: output, week: week, now: now.flatMap(RFC3339.date(from:)) ?? Date(),
                           shard: shard.flatMap(Shard.init))
        o.importStores = importStores
        o.newStore = newStore
        o.chunk = chunk
        return o
    }

    var progress: any ProgressSink { LogProgress(quiet: quiet, verbose: verbose, terminal: Output.stderrIsTerminal) }
}
