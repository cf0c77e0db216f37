import ArgumentParser
import DigestConfig
import DigestCore
import DigestPipeline
import Foundation

/// `digest recap --week 2026-W48`: republish a week from the store alone, without fetching.
struct RecapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recap",
        abstract: "Publish a week's recap, the site and the email from the stored history (no fetching).")

    @Option(help: "The feeds.yaml to read.") var config = "feeds.yaml"
    @Option(help: "Output folder (default: feeds.yaml's 'output').") var output: String?
    @Option(help: "ISO week, e.g. 2026-W48 (default: the last complete week).") var week: String?
    @Option(help: "Fixed clock, RFC 3339, for reproducible output.") var now: String?
    @Flag(help: "When another digest is using the output folder, wait for it (default: exit 5).") var wait = false

    func validate() throws {
        if let w = week, ISOWeek(w) == nil { throw ValidationError("--week must look like 2026-W48") }
        if let n = now, RFC3339.date(from: n) == nil { throw ValidationError("--now must be RFC 3339, e.g. 2026-11-30T08:00:00Z") }
    }

    func run() async throws {
        let cfg = try ConfigLoader.load(path: config)
        let lock = try OutputAccess.hold(output ?? cfg.outputDirectory, wait: wait)
        defer { withExtendedLifetime(lock) {} }
        let options = RunOptions(outputDirectory: output, week: week.flatMap(ISOWeek.init),
                                 now: now.flatMap(RFC3339.date(from:)) ?? Date())
        let pipeline = Pipeline(config: cfg, options: options)
        let files = try pipeline.publishFromStore(pipeline.week)
        Output.error("recap \(pipeline.week): \(files.count) files written to \(output ?? cfg.outputDirectory)")
    }
}
