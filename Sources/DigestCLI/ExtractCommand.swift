import ArgumentParser
import DigestCore
import DigestExtract
import Foundation

/// `digest extract SOURCE... --json | --jsonl`
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Extract an article's main text.")

    @Argument(help: "HTML files, '-' for stdin, or http(s) URLs.") var sources: [String] = []
    @Option(name: .customLong("files-from"), help: "Read more inputs from this file, one per line (\'-\': stdin); for batches too long for a command line.")
    var filesFrom: String?
    @Flag(help: "Print one JSON document (one SOURCE).") var json = false
    @Flag(help: "Print one JSON document per SOURCE, one per line.") var jsonl = false
    @Option(help: "The page's URL when SOURCE is a file.") var baseURL: String?

    @Option(help: "Inputs worked on at once with --jsonl (default: one per core).") var jobs: Int?

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if sources.isEmpty && filesFrom == nil { throw ValidationError("give an input, or --files-from") }
        if !jsonl, sources.count != 1 || filesFrom != nil { throw ValidationError("give one SOURCE, or use --jsonl for several") }
    }

    func run() async throws {
        let reader = InputReader(stage: "extract")
        try await Batch.run(try Batch.inputs(sources, filesFrom: filesFrom), jsonl: jsonl, jobs: jobs ?? Batch.defaultJobs) { [self] source in
            let input = try await reader.read(source, baseURL: baseURL)
            let article = try ArticleExtractor.extract(from: input.data, source: source, url: input.url, charset: input.charset)
            if jsonl { return article.jsonLineBytes() }
            if json { return Array(try JSONOutput.encode(article, pretty: true).utf8) }
            return Array(((article.title.map { "# \($0)\n\n" } ?? "") + article.text).utf8)
        }
    }
}
