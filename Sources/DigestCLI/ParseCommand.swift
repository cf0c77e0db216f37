import ArgumentParser
import DigestCore
import DigestParse
import Foundation

/// `digest parse SOURCE... --json | --jsonl`
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse feeds into the contract JSON.")

    @Argument(help: "Feed files, '-' for stdin, or http(s) URLs.") var sources: [String] = []
    @Option(name: .customLong("files-from"), help: "Read more inputs from this file, one per line (\'-\': stdin); for batches too long for a command line.")
    var filesFrom: String?
    @Flag(help: "Print one JSON document (one SOURCE).") var json = false
    @Flag(help: "Print one JSON document per SOURCE, one per line.") var jsonl = false
    @Option(help: "Resolve relative links against this URL when SOURCE is a file.") var baseURL: String?

    @Option(help: "Inputs worked on at once with --jsonl (default: one per core).") var jobs: Int?

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if sources.isEmpty && filesFrom == nil { throw ValidationError("give an input, or --files-from") }
        if !jsonl, sources.count != 1 || filesFrom != nil { throw ValidationError("give one SOURCE, or use --jsonl for several") }
    }

    func run() async throws {
        let reader = InputReader(stage: "parse")
        try await Batch.run(try Batch.inputs(sources, filesFrom: filesFrom), jsonl: jsonl, jobs: jobs ?? Batch.defaultJobs) { [self] source in
            let input = try await reader.read(source, baseURL: baseURL)
            let feed = try FeedParser.parse(input.data, source: source, baseURL: input.url, charset: input.charset)
            // The line is about as long as the feed (its texts, escaped, with keys; markup sanitized away).
            return jsonl ? feed.jsonLineBytes(capacity: input.data.count + input.data.count / 4 + 256) : Array(try JSONOutput.encode(feed, pretty: json).utf8)
        }
    }
}
