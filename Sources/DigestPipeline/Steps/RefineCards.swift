import DigestCore
import DigestFetch
import DigestFiles
import DigestSummarize
import Foundation

extension Pipeline {
    /// Step `refineCards` (optional, with `summarizer:`): a language model rewrites each card's
    /// title, hook and TL;DR. An answer with any number that is not an extracted metric is
    /// discarded and the deterministic card kept; answers are cached in the output folder
    /// (`OutputLayout.modelCache`) by a hash of model and prompt.
    func refineCards(_ drafts: [DraftCard], _ report: inout RunReport) async -> [Card] {
        guard let s = config.summarizer else { return drafts.map(\.card) }
        let client = ChatCompletionClient(baseURL: s.baseURL, model: s.model,
                                          apiKey: s.apiKeyEnv.flatMap { ProcessInfo.processInfo.environment[$0] },
                                          timeoutSeconds: s.timeoutSeconds, fetcher: fetcher)
        let cacheDir = outputDirectory + "/" + OutputLayout.modelCache
        var out: [Card] = []
        for draft in drafts {
            let card = draft.card
            var c = card
            let prompt = ModelAnswer.prompt(card: card, text: draft.text, language: config.labelLanguage)
            let key = StableHash.hex(s.model + "\u{1}" + prompt.system + "\u{1}" + prompt.user)
            let path = cacheDir + "/\(key).txt"
            var content = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            if content == nil {
                do {
                    let answer = try await client.complete(system: prompt.system, user: prompt.user)
                    try AtomicWriter.write(answer, to: path)
                    content = answer
                    report.modelCalls += 1
                } catch {
                    report.modelFailures.append("model: \(card.slug): \((error as? any DigestError)?.message ?? "\(error)")")
                }
            }
            if let content, let answer = ModelAnswer.parse(content) {
                let unsupported = answer.unsupportedNumbers(metrics: card.metrics, sourceTitle: card.title)
                if unsupported.isEmpty {
                    c.title = answer.title.isEmpty ? c.title : answer.title
                    c.hook = answer.hook
                    c.tldr = answer.tldr
                } else {
                    report.modelFailures.append("model: \(card.slug): answer discarded, numbers not in the source: "
                        + unsupported.map(NumberFormat.plain).joined(separator: ", "))
                }
            } else if content != nil {
                report.modelFailures.append("model: \(card.slug): answer discarded, not the JSON asked for")
            }
            out.append(c)
        }
        return out
    }
}
