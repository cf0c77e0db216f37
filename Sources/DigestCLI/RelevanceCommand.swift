import ArgumentParser
import DigestConfig
import DigestCore
import DigestMetrics
import DigestSelect
import Foundation

/// `digest relevance FILE --jsonl`: grades feed items core, adjacent or off (CONTRACTS.md).
struct RelevanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relevance",
        abstract: "Grade feed items core, adjacent or off for the digest (one JSON object a line in and out).")

    @Argument(help: "JSON Lines of {\"id\", \"lang\", \"title\", \"lead\"}, or '-' for stdin.") var file: String
    @Flag(help: "Print one JSON object per item, one per line.") var jsonl = false
    @Option(help: "A feeds.yaml whose relevance lexicon ('relevance:') to use instead of the bundled one.") var config: String?

    func validate() throws {
        if !jsonl { throw ValidationError("relevance prints JSON Lines: pass --jsonl") }
    }

    struct Item: Decodable {
        let id: String
        let lang: String?
        let title: String?
        let lead: String?
    }

    struct Line: Encodable {
        let id: String, label: String, score: Double, why: String
    }

    func run() async throws {
        let lexicon = try config.flatMap { try ConfigLoader.load(path: $0).relevanceLexicon }
        let judge = try lexicon.map { RelevanceJudge(lexicon: try RelevanceLexicon.load(path: $0)) } ?? RelevanceJudge()
        let data = try await InputReader(stage: "relevance").read(file, baseURL: nil).data
        let recognizer = MetricRecognizer()
        for (n, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let item: Item
            do { item = try JSONDecoder().decode(Item.self, from: Data(line.utf8)) } catch {
                throw InputReader.ReadError(stage: "relevance", source: "\(file):\(n + 1)",
                                            problem: "not an item object ({\"id\", \"title\", \"lead\"})", exitStatus: .badInput)
            }
            let title = item.title ?? "", lead = item.lead ?? ""
            let verdict = judge.judge(title: title, lead: lead, metrics: recognizer.metrics(in: title + "\n" + lead))
            let score = (verdict.score * 1000).rounded() / 1000
            Output.out(try JSONOutput.encode(Line(id: item.id, label: verdict.label.rawValue, score: score, why: verdict.why)))
        }
    }
}
