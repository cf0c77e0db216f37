import DigestBytes
import DigestCore
import Foundation

/// Builds one card from the items of one story and their metrics. Deterministic, and nothing on
/// it is invented: the headline, hook, why and next are forms filled with extracted metrics
/// (`HeadlineBook`, `Taxonomy`), the TL;DR and takeaways are the source's own sentences.
public struct CardBuilder: Sendable {
    /// Topics and default audiences.
    public var taxonomy: Taxonomy
    /// Audience rules in effect (feeds.yaml's, else the taxonomy's).
    public var audiences: [AudienceDefinition]
    /// Language of labels, taxonomy texts and written lines (`en` or `zh`).
    public var labelLanguage: String
    /// How subjects are named in that language.
    public var naming: SubjectNaming
    /// Headlines and hooks from numbers.
    public var headlines: HeadlineBook

    /// Creates a builder.
    public init(taxonomy: Taxonomy, audiences: [AudienceDefinition]? = nil, labelLanguage: String = "en",
                naming: SubjectNaming = .asWritten, headlines: HeadlineBook = HeadlineBook()) {
        self.taxonomy = taxonomy
        self.audiences = audiences.flatMap { $0.isEmpty ? nil : $0 } ?? taxonomy.audiences
        self.labelLanguage = labelLanguage
        self.naming = naming
        self.headlines = headlines
    }

    var wording: MetricWording { MetricWording(language: labelLanguage) }

    /// The item a card is written from: the most metrics, then the heaviest source, then the first.
    public static func primaryIndex(_ items: [SourcedItem], metrics: [[TokenMetric]]) -> Int {
        items.indices.max { a, b in
            (metrics[a].count, items[a].source.weight, -a) < (metrics[b].count, items[b].source.weight, -b)
        } ?? 0
    }

    /// The card for `items` (one story) with `metrics[i]` found in `items[i]`.
    public func card(for items: [SourcedItem], metrics: [[TokenMetric]], context: RunContext, now: Date) -> Card {
        let primaryIndex = Self.primaryIndex(items, metrics: metrics)
        let primary = items[primaryIndex]
        let own = metrics[primaryIndex]
        let sourceTitle = primary.item.title ?? String(primary.text.prefix(60))
        let sentences = SentenceSplitter.split(primary.text)
        let tldr = TLDRSummarizer().summarize(title: sourceTitle, sentences: sentences, language: primary.language,
                                              metricTexts: own.map(\.text))
        let facts = HeadlineFacts(own, wording: wording, naming: naming)
        let written = headlines.write(facts, language: labelLanguage)
        let text = CardText(tldr: tldr, patternHook: written?.hook)
        let signals = MetricSignals.of(own)
        let topics = detectTopics(text: sourceTitle + "\n" + primary.text, signals: signals)
        let audiences = chooseAudiences(topics: topics, metrics: own, text: sourceTitle + " " + primary.text)
        let whatChanged = MetricLines.compose(own, wording: wording, naming: naming)
        let why = whyItMatters(sentences: sentences, topics: topics, facts: facts)
        // An entry that gives only its update time is dated by it, never by the run's clock.
        let published = items.compactMap { $0.item.published ?? $0.item.updated }.min() ?? now
        let link = primary.item.link ?? primary.item.id ?? sourceTitle
        let id = StableHash.hex(link)
        var card = Card(
            id: id, slug: Slug.make(title: sourceTitle, id: id), title: written?.title ?? sourceTitle,
            hook: text.hook, day: context.localDay(published), published: published, tldr: text.tldr,
            whatChanged: whatChanged, whyItMatters: why,
            whatNext: whatNext(topics: topics, facts: facts), audiences: audiences.map(\.name),
            takeaways: takeaways(sentences: sentences, shown: text.shown + [why].compactMap { $0 }, metrics: own,
                                 derived: whatChanged.filter(\.isDerived)),
            topics: topics.map(\.id),
            sources: items.map { CardSource(sourceID: $0.source.id, name: $0.source.name, url: Self.webLink($0.item.link),
                                            title: $0.item.title ?? "") },
            metrics: own, score: score(items: items, metrics: own, published: published, now: now),
            language: primary.language)
        if written != nil { card.subtitle = sourceTitle }
        if tldr.source != .sentences { card.tldrSource = tldr.source }
        card.audienceReasons = audiences.map(\.reason)
        card.labelLanguage = labelLanguage
        return card
    }

    /// Ranking score: metric salience + recency + source weight + number of sources.
    /// Multi-story round-ups (36Kr's 8点1氪, 氪星晚报) are ranked down.
    func score(items: [SourcedItem], metrics: [TokenMetric], published: Date, now: Date) -> Double {
        let salience = Double(Set(metrics.map(\.quantity)).count) * 2 + min(Double(metrics.count), 6) * 0.5
        let ageDays = max(0, now.timeIntervalSince(published) / 86400)
        let recency = 3 / (1 + ageDays / 3)
        let weight = items.map(\.source.weight).max() ?? 1
        let roundup = items.contains { ($0.item.title ?? "").includes("8点1氪") || ($0.item.title ?? "").includes("氪星晚报") }
        return ((salience + recency + Double(items.count)) * weight * (roundup ? 0.5 : 1) * 1000).rounded() / 1000
    }

    /// A link a reader can follow (http, https, or file for the bundled local samples); feeds
    /// also name items by urn: and tag: URIs, which lead nowhere.
    public static func webLink(_ link: String?) -> String? {
        guard let link, let colon = link.firstIndex(of: ":") else { return nil }
        let scheme = link[..<colon].lowercased()
        return ["http", "https", "file"].contains(scheme) ? link : nil
    }
}
