import DigestConfig
import DigestCore
import DigestSummarize
import Foundation

extension Pipeline {
    /// Step 6: one card per story, ranked; slugs unique within the run.
    func buildCards(_ items: [SourcedItem], metrics: [[TokenMetric]], taxonomy: Taxonomy,
                    _ report: inout RunReport) -> [(card: Card, text: String)] {
        let audiences = config.audiences.map {
            AudienceDefinition(name: $0.name, topics: $0.topics, quantities: $0.quantities, keywords: $0.keywords)
        }
        let builder = CardBuilder(taxonomy: taxonomy, audiences: audiences, labelLanguage: config.labelLanguage)
        var cards = StoryClusterer.cluster(items, metrics: metrics).map { group -> (card: Card, text: String) in
            let story = group.map { items[$0] }, storyMetrics = group.map { metrics[$0] }
            let card = builder.card(for: story, metrics: storyMetrics, context: context, now: options.now)
            return (card, story[CardBuilder.primaryIndex(story, metrics: storyMetrics)].text)
        }
        cards.sort { x, y in
            let a = x.card, b = y.card
            if a.score != b.score { return a.score > b.score }
            if a.published != b.published { return a.published > b.published }
            return a.id < b.id
        }
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
        progress.step("cards", "\(cards.count) cards")
        return cards
    }
}
