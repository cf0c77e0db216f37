import DigestCore
import DigestMetrics
import DigestSelect
import DigestSummarize

/// A card as the card step wrote it, with the text it was written from (for the model step).
struct DraftCard: Sendable {
    var card: Card
    var text: String
    /// The source of `text` (the story's primary item) among `card.sources`.
    var source: CardSource?
}

extension Pipeline {
    /// Step `writeCards`: one card per story, ranked (`Ranking`); slugs unique within the run.
    func writeCards(_ stories: [[Int]], kept: KeptItems, presentation: Presentation, _ report: inout RunReport) -> [DraftCard] {
        let items = kept.items, metrics = kept.metrics
        let taxonomy = presentation.taxonomy
        let audiences = config.audiences.map { a in
            var d = AudienceDefinition(name: a.name, topics: a.topics, quantities: a.quantities, keywords: a.keywords)
            // An audience of feeds.yaml named as one of the taxonomy's takes its names and reasons.
            if let t = taxonomy.audiences.first(where: { $0.name == a.name }) {
                (d.names, d.reason, d.reasons) = (t.names, t.reason, t.reasons)
            }
            return d
        }
        let builder = CardBuilder(taxonomy: taxonomy, audiences: audiences, labelLanguage: config.labelLanguage,
                                  naming: SubjectNames.naming, headlines: presentation.headlines)
        var cards = stories.map { group -> DraftCard in
            let story = group.map { items[$0] }, storyMetrics = group.map { metrics[$0] }
            var card = builder.card(for: story, metrics: storyMetrics, context: context, now: options.now)
            Ranking.apply(Ranking.strongest(group.map { kept.verdicts[$0] }), to: &card)
            let primary = CardBuilder.primaryIndex(story, metrics: storyMetrics)
            return DraftCard(card: card, text: story[primary].text,
                             source: card.sources.indices.contains(primary) ? card.sources[primary] : nil)
        }
        let byGrade = !config.focus.contains("ai")
        cards.sort { Ranking.before($0.card, $1.card, byGrade: byGrade) }
        var used = Set<String>()
        for i in cards.indices {
            var slug = cards[i].card.slug
            var n = 2
            while !used.insert(slug).inserted {
                slug = cards[i].card.slug + "-\(n)"
                n += 1
            }
            cards[i].card.slug = slug
        }
        report.cards = cards.count
        progress.step(.writeCards, Plural.count(cards.count, "card"))
        return cards
    }
}
