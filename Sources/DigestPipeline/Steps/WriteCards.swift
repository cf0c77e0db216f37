import DigestCore
import DigestMetrics
import DigestSelect
import DigestStore
import DigestSummarize
import Foundation

/// A card as the card step wrote it, with the text it was written from (for the model step).
struct DraftCard: Sendable, Codable {
    var card: Card
    var text: String
    /// The source of `text` (the story's primary item) among `card.sources`.
    var source: CardSource?
}

/// What a run keeps of a draft while the week's drafts wait in the store: what ranking reads.
struct DraftHead: Ranked, Sendable {
    var ord: Int
    var relevance: Relevance?
    var score: Double
    var published: Date
    var id: String
}

extension Pipeline {
    /// Step `writeCards`: one card per story, from its items read back from the store; the drafts
    /// wait in the store (`Scratch.drafts`) and what ranking needs is returned, ranked (`Ranking`).
    func writeCards(_ stories: [[Int]], kept: [KeptItem], week: WeekItems, store: DigestStore, judge: RelevanceJudge,
                    presentation: Presentation, _ report: inout RunReport) throws -> [DraftHead] {
        let builder = cardBuilder(presentation)
        let encoder = JSONEncoder()
        try store.clearScratch(.drafts)
        var heads: [DraftHead] = []
        for start in stride(from: 0, to: stories.count, by: options.chunk) {
            let chunk = stories[start..<min(stories.count, start + options.chunk)]
            let read = try reread(chunk.flatMap { $0 }, kept: kept, week: week, from: store, judge: judge)
            var at = 0
            var rows: [(ord: Int, json: String)] = []
            for (n, group) in chunk.enumerated() {
                let story = read[at..<at + group.count].map(\.item), storyMetrics = read[at..<at + group.count].map(\.metrics)
                at += group.count
                var card = builder.card(for: story, metrics: storyMetrics, context: context, now: options.now)
                Ranking.apply(Ranking.strongest(group.map { kept[$0].verdict }), to: &card)
                let primary = CardBuilder.primaryIndex(story, metrics: storyMetrics)
                let draft = DraftCard(card: card, text: story[primary].text,
                                      source: card.sources.indices.contains(primary) ? card.sources[primary] : nil)
                rows.append((start + n, String(decoding: try encoder.encode(draft), as: UTF8.self)))
                heads.append(DraftHead(ord: start + n, relevance: card.relevance, score: card.score, published: card.published, id: card.id))
            }
            try store.saveScratch(.drafts, rows)
        }
        let byGrade = !config.focus.contains("ai")
        heads.sort { Ranking.before($0, $1, byGrade: byGrade) }
        report.cards = heads.count
        progress.step(.writeCards, Plural.count(heads.count, "card"))
        return heads
    }

    /// The card builder of this configuration: feeds.yaml's audiences, the taxonomy's names.
    func cardBuilder(_ presentation: Presentation) -> CardBuilder {
        let taxonomy = presentation.taxonomy
        let audiences = config.audiences.map { a in
            var d = AudienceDefinition(name: a.name, topics: a.topics, quantities: a.quantities, keywords: a.keywords)
            // An audience of feeds.yaml named as one of the taxonomy's takes its names and reasons.
            if let t = taxonomy.audiences.first(where: { $0.name == a.name }) {
                (d.names, d.reason, d.reasons) = (t.names, t.reason, t.reasons)
            }
            return d
        }
        return CardBuilder(taxonomy: taxonomy, audiences: audiences, labelLanguage: config.labelLanguage,
                           naming: SubjectNames.naming, headlines: presentation.headlines)
    }

    /// Steps `refineCards`, `linkHistory` and `storeWeek`: the drafts in rank order, a chunk at a
    /// time — slugs made unique, refined by the model (if any), linked to earlier weeks — staged in
    /// the store and put in place at the end in one transaction (`commitWeek`).
    func finishCards(_ ranked: [DraftHead], week items: WeekItems, store: DigestStore, _ report: inout RunReport) async throws {
        let history = try await perform(.linkHistory) { try HistoryIndex(store: store, before: week) }
        try await perform(.storeWeek) { try store.beginWeek(week) }
        let decoder = JSONDecoder()
        // Model batches are `concurrency` cards: a chunk holds whole batches, so the budget is
        // counted after the same cards as if the week came at once.
        let batch = max(1, config.summarizer?.concurrency ?? 1)
        let chunk = (options.chunk + batch - 1) / batch * batch
        var used = Set<String>()
        var linked = 0
        for start in stride(from: 0, to: ranked.count, by: chunk) {
            let jsons = try await perform(.writeCards) { try store.scratch(.drafts, ranked[start..<min(ranked.count, start + chunk)].map(\.ord)) }
            var drafts = try jsons.map { try decoder.decode(DraftCard.self, from: Data($0.utf8)) }
            for i in drafts.indices {
                var slug = drafts[i].card.slug
                var n = 2
                while !used.insert(slug).inserted {
                    slug = drafts[i].card.slug + "-\(n)"
                    n += 1
                }
                drafts[i].card.slug = slug
            }
            let refined = await refineCards(drafts, &report)
            let linkedCards = linkHistory(refined, history: history)
            linked += linkedCards.linked
            try await perform(.storeWeek) { try store.stageCards(linkedCards.cards, of: week, firstRank: start) }
        }
        if !history.isEmpty { progress.step(.linkHistory, Plural.count(linked, "card") + " linked to earlier weeks") }
        try await perform(.storeWeek) {
            try store.commitWeek(week, itemCount: items.heads.count, sourceCount: Set(items.heads.map(\.sourceID)).count, now: options.now)
        }
    }
}
