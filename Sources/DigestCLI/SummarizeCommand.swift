import ArgumentParser
import DigestCore
import DigestMetrics
import DigestSummarize
import Foundation

/// `digest summarize FILE... --json | --jsonl [--budget N]`
struct SummarizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summarize", abstract: "A 30-second TL;DR of an article.")

    @Argument(help: "Plain-text articles (line 1 the title, a blank line, the body), or '-'.") var files: [String] = []
    @Option(name: .customLong("files-from"), help: "Read more inputs from this file, one per line (\'-\': stdin); for batches too long for a command line.")
    var filesFrom: String?
    @Flag(help: "Print one JSON document (one FILE).") var json = false
    @Flag(help: "Print one JSON document per FILE, one per line.") var jsonl = false
    @Option(help: "Budget in words (English) or characters (Chinese).") var budget: Int?

    @Option(help: "Inputs worked on at once with --jsonl (default: one per core).") var jobs: Int?

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if files.isEmpty && filesFrom == nil { throw ValidationError("give an input, or --files-from") }
        if !jsonl, files.count != 1 || filesFrom != nil { throw ValidationError("give one FILE, or use --jsonl for several") }
        if let b = budget, b < 1 { throw ValidationError("--budget must be at least 1") }
    }

    struct Result: Encodable {
        let language: String
        let tldr: String
        let sentences: [String]
    }

    func run() async throws {
        let reader = InputReader(stage: "summarize")
        let recognizer = MetricRecognizer()
        try await Batch.run(try Batch.inputs(files, filesFrom: filesFrom), jsonl: jsonl, jobs: jobs ?? Batch.defaultJobs) { [self] file in
            let data = try await reader.read(file, baseURL: nil).data
            let raw = String(decoding: data, as: UTF8.self)
            let text = raw.utf8.contains(13) ? raw.replacingOccurrences(of: "\r\n", with: "\n") : raw
            let (title, body) = Self.split(text)
            let metrics = recognizer.metrics(in: body).map(\.text)
            let t = TLDRSummarizer().summarize(title: title, body: body, budget: budget, metricTexts: metrics)
            if jsonl {  // the batch form writes its line by hand: JSONEncoder was a tenth of the batch
                let sentences = t.sentences.map(JSONOutput.quote).joined(separator: ",")
                return Array("{\"language\":\(JSONOutput.quote(t.language)),\"sentences\":[\(sentences)],\"tldr\":\(JSONOutput.quote(t.text))}".utf8)
            }
            let r = Result(language: t.language, tldr: t.text, sentences: t.sentences)
            return Array((json ? try JSONOutput.encode(r, pretty: true) : t.text).utf8)
        }
    }

    /// Line 1 is the title, then a blank line, then the body.
    static func split(_ text: String) -> (String, String) {
        guard let nl = text.firstIndex(of: "\n") else { return ("", text) }
        return (String(text[..<nl]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: nl)...]))
    }
}
