import DigestConfig
import DigestCore
import DigestFetch
import DigestFiles
import DigestMetrics
import DigestSummarize
import Foundation

extension Pipeline {
    /// Step `refineCards` (optional, with `summarizer:`): a language model writes each card's headline,
    /// hook and TL;DR in the digest's language and its Deep Insight, Future Implications and takeaways
    /// (`ModelPrompt`); each field is checked on its own (`AnswerReview`) and only the fields that pass
    /// change the card. Cards go in rank order, `concurrency` at a time; a card is sent only while
    /// its prompt (estimated) plus `max_tokens` fits in what is left of `budget_tokens`, counted
    /// after each batch, so the same answers give the same cards. An answer that is not JSON gets one
    /// repair request. Answers are cached in the output folder (`OutputLayout.modelCache`) by a hash
    /// of model, request shape and prompt; the API key is sent in a header only.
    func refineCards(_ drafts: [DraftCard], _ report: inout RunReport) async -> [Card] {
        guard let s = config.summarizer else { return drafts.map(\.card) }
        let client = ChatCompletionClient(
            baseURL: s.baseURL, model: s.model, apiKey: s.apiKeyEnv.flatMap { ProcessInfo.processInfo.environment[$0] },
            timeoutSeconds: s.timeoutSeconds, maxTokens: s.maxTokens,
            structured: ChatCompletionClient.Structured(rawValue: s.structured) ?? .jsonObject, schema: ModelPrompt.schema,
            fetcher: fetcher)
        let cache = ModelCache(directory: outputDirectory + "/" + OutputLayout.modelCache)
        var tally = report.model ?? ModelTally()  // the run's cards come in chunks: the tally and budget span them
        var out: [Card] = []
        var start = 0
        while start < drafts.count {
            let batch = Array(drafts[start..<min(drafts.count, start + s.concurrency)])
            start += batch.count
            let asks = batch.map { d in
                ModelAsk(draft: d, prompt: ModelPrompt(card: d.card, text: d.text, sourceName: d.source?.name ?? "",
                                                       language: config.labelLanguage), client: client)
            }
            let answers = await answer(asks, cache: cache, settings: s, tally: &tally)
            for (ask, got) in zip(asks, answers) {
                out.append(review(ask, got, model: s.model, tally: &tally, &report))
            }
        }
        report.model = tally
        return out
    }

    /// The answer text for each ask (nil: none usable; the reason is in `.failure`), from the
    /// cache or from the model, with one repair round for answers that are not JSON.
    private func answer(_ asks: [ModelAsk], cache: ModelCache, settings s: SummarizerSettings,
                        tally: inout ModelTally) async -> [Result<String, ModelStepError>] {
        var results = [Result<String, ModelStepError>?](repeating: nil, count: asks.count)
        var send: [Int] = []
        var reserved = 0
        for (i, ask) in asks.enumerated() {
            if let cached = cache.answer(for: ask.key) {
                results[i] = .success(cached)
                tally.cacheHits += 1
                continue
            }
            let cost = ModelAsk.estimate(ask.firstRound) + s.maxTokens
            if let budget = s.budgetTokens, tally.tokens + reserved + cost > budget {
                results[i] = .failure(ModelStepError(text: "not sent: the run's budget of \(budget) tokens would be exceeded"))
                tally.overBudget += 1
                continue
            }
            reserved += cost
            send.append(i)
        }
        let replies = await exchange(send.map { asks[$0].firstRound }, client: asks.first?.client, tally: &tally)
        var repairs: [(index: Int, messages: [ChatCompletionClient.Message])] = [], repairReserved = 0
        for (k, i) in send.enumerated() {
            switch replies[k] {
            case .failure(let e): results[i] = .failure(e)
            case .success(let content):
                if case .failure(let bad) = ModelAnswer.parse(content) {
                    let messages = asks[i].firstRound + [.init(role: "assistant", content: content),
                                                         .init(role: "user", content: ModelPrompt.repair(bad.reason))]
                    let cost = ModelAsk.estimate(messages) + s.maxTokens
                    if let budget = s.budgetTokens, tally.tokens + repairReserved + cost > budget {
                        results[i] = .failure(ModelStepError(text: "answer not JSON (\(bad.reason)); no budget left to ask again"))
                    } else {
                        repairReserved += cost
                        repairs.append((i, messages))
                    }
                } else {
                    results[i] = .success(content)
                    cache.store(content, for: asks[i].key)
                }
            }
        }
        let second = await exchange(repairs.map(\.messages), client: asks.first?.client, tally: &tally)
        for (k, i) in repairs.map(\.index).enumerated() {
            switch second[k] {
            case .failure(let e): results[i] = .failure(ModelStepError(text: "answer not JSON; the repair request failed: \(e.text)"))
            case .success(let content):
                if case .failure(let bad) = ModelAnswer.parse(content) {
                    results[i] = .failure(ModelStepError(text: "answer not JSON, twice (\(bad.reason))"))
                } else {
                    results[i] = .success(content)
                    cache.store(content, for: asks[i].key)
                }
            }
        }
        return results.map { $0 ?? .failure(ModelStepError(text: "no answer")) }
    }

    /// Sends each conversation at once and waits for all; counts requests and tokens.
    private func exchange(_ conversations: [[ChatCompletionClient.Message]], client: ChatCompletionClient?,
                          tally: inout ModelTally) async -> [Result<String, ModelStepError>] {
        guard let client, !conversations.isEmpty else { return [] }
        let replies = await withTaskGroup(of: (Int, Result<ChatCompletionClient.Reply, ModelStepError>).self) { group in
            for (i, messages) in conversations.enumerated() {
                group.addTask {
                    do { return (i, .success(try await client.complete(messages))) } catch {
                        return (i, .failure(ModelStepError(text: (error as? any DigestError)?.message ?? "\(error)")))
                    }
                }
            }
            var out = [Result<ChatCompletionClient.Reply, ModelStepError>?](repeating: nil, count: conversations.count)
            for await (i, r) in group { out[i] = r }
            return out.map { $0! }
        }
        tally.requests += conversations.count
        for (messages, r) in zip(conversations, replies) {
            guard case .success(let reply) = r else { continue }
            tally.promptTokens += reply.promptTokens ?? ModelAsk.estimate(messages)
            tally.completionTokens += reply.completionTokens ?? ModelAsk.estimate([.init(role: "assistant", content: reply.content)])
            if reply.promptTokens == nil || reply.completionTokens == nil { tally.estimated = true }
        }
        return replies.map { $0.map(\.content) }
    }

    /// The card with the answer's fields that pass; the report gets a line per failure.
    private func review(_ ask: ModelAsk, _ got: Result<String, ModelStepError>, model: String, tally: inout ModelTally,
                        _ report: inout RunReport) -> Card {
        let card = ask.draft.card
        if ask.prompt.addressed > 0 {
            report.modelFailures.append("model: \(card.slug): " + Plural.count(ask.prompt.addressed, "source sentence")
                + " written to an assistant (a prompt injection) left out of the prompt")
        }
        switch got {
        case .failure(let e):
            report.modelFailures.append("model: \(card.slug): \(e.text); the card keeps its own text")
            return card
        case .success(let content):
            guard case .success(let answer) = ModelAnswer.parse(content) else {
                report.modelFailures.append("model: \(card.slug): the cached answer is not JSON; the card keeps its own text")
                return card
            }
            let review = AnswerReview(card: card, prompt: ask.prompt, source: ask.draft.source,
                                      language: config.labelLanguage, model: model, subjects: SubjectNames.lookup)
            let (refined, dropped) = review.apply(answer)
            for d in dropped { report.modelFailures.append("model: \(card.slug): \(d)") }
            tally.dropped += dropped.count
            if refined.analysis != nil { tally.cardsChanged += 1 }
            return refined
        }
    }
}

/// Why the model step could not use an answer for a card.
struct ModelStepError: Error, Sendable {
    var text: String
}

/// One card's request.
struct ModelAsk: Sendable {
    let draft: DraftCard
    let prompt: ModelPrompt
    let client: ChatCompletionClient

    /// The first request's messages.
    var firstRound: [ChatCompletionClient.Message] {
        [.init(role: "system", content: prompt.system), .init(role: "user", content: prompt.user)]
    }

    /// The cache key: model, how JSON is asked for, and the prompt (never the API key).
    var key: String {
        StableHash.hex([client.model, client.structured.rawValue, String(client.maxTokens), prompt.system, prompt.user]
            .joined(separator: "\u{1}"))
    }

    /// Tokens a conversation is assumed to take before the server counts it: a token per three
    /// bytes of UTF-8 (a Han character is three bytes and about a token; English runs about four
    /// bytes a token), so the budget is not overrun.
    static func estimate(_ messages: [ChatCompletionClient.Message]) -> Int {
        messages.reduce(0) { $0 + $1.content.utf8.count / 3 + 4 }
    }
}

/// Model answers kept in the output folder, one file per key; a write is atomic.
struct ModelCache: Sendable {
    let directory: String

    func answer(for key: String) -> String? {
        FileManager.default.contents(atPath: directory + "/\(key).txt").map { String(decoding: $0, as: UTF8.self) }
    }

    func store(_ content: String, for key: String) {
        try? AtomicWriter.write(content, to: directory + "/\(key).txt")  // a cache that cannot be written only costs a request next run
    }
}
