import DigestBytes
import DigestCore
import Foundation

/// Builds one card from the items of one story and their metrics. Deterministic.
public struct CardBuilder: Sendable {
    /// Topics and default audiences.
    public var taxonomy: Taxonomy
    /// Audience rules in effect (feeds.yaml's, else the taxonomy's).
    public var audiences: [AudienceDefinition]
    /// Language of labels and taxonomy texts.
    public var labelLanguage: String

    /// Creates a builder.
    public init(taxonomy: Taxonomy, audiences: [AudienceDefinition]? = nil, labelLanguage: String = "en") {
        self.taxonomy = taxonomy
        self.audiences = audiences.flatMap { $0.isEmpty ? nil : $0 } ?? taxonomy.audiences
        self.labelLanguage = labelLanguage
    }

    static let whyCues = ["this means", "which means", "that means", "signals", "signal that", "suggests", "so that",
                          "underscores", "highlights", "indicates", "意味着", "表明", "标志着", "显示出", "说明", "预示"]

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
        let title = primary.item.title ?? String(primary.text.prefix(60))
        let sentences = SentenceSplitter.split(primary.text)
        let tldr = TLDRSummarizer().summarize(title: title, sentences: sentences, language: primary.language,
                                              metricTexts: own.map(\.text))
        let topics = detectTopics(text: title + "\n" + primary.text, metrics: own)
        let published = items.compactMap(\.item.published).min() ?? now
        let link = primary.item.link ?? primary.item.id ?? title
        let id = StableHash.hex(link)
        return Card(
            id: id, slug: Slug.make(title: title, id: id), title: title,
            hook: Self.withoutLeadIn(tldr.sentences.first ?? sentences.first ?? title), day: context.localDay(published),
            published: published, tldr: tldr.text, whatChanged: MetricLines.compose(own),
            whyItMatters: sentences.first { s in let l = s.lowercased(); return Self.whyCues.contains { l.includes($0) } }
                ?? topics.lazy.compactMap { self.localized($0.why) }.first,
            whatNext: topics.lazy.compactMap { self.localized($0.next) }.first,
            audiences: chooseAudiences(topics: topics, metrics: own, text: title + " " + primary.text),
            takeaways: takeaways(sentences: sentences, tldr: tldr.sentences, metrics: own),
            topics: topics.map(\.id),
            sources: items.map { CardSource(sourceID: $0.source.id, name: $0.source.name, url: Self.webLink($0.item.link),
                                            title: $0.item.title ?? "") },
            metrics: own, score: score(items: items, metrics: own, published: published, now: now),
            language: primary.language)
    }

    static let leadIns = ["36氪获悉，", "36氪获悉,", "据36氪了解，", "36氪讯，", "36氪消息，"]

    /// A hook without a wire-service lead-in ("36氪获悉，…").
    static func withoutLeadIn(_ s: String) -> String {
        for l in leadIns where s.hasPrefix(l) && s.count > l.count + 8 { return String(s.dropFirst(l.count)) }
        return s
    }

    func localized(_ texts: [String: String]) -> String? {
        texts[labelLanguage] ?? texts["en"]
    }

    func detectTopics(text: String, metrics: [TokenMetric]) -> [Topic] {
        let lower = text.lowercased()
        let quantities = Set(metrics.map(\.quantity))
        let scored = taxonomy.topics.enumerated().compactMap { (i, t) -> (Topic, Int, Int)? in
            let hits = lower.countIncluded(t.keywords)
            let q = t.quantities.filter(quantities.contains).count
            return hits + q >= 2 || (hits >= 1 && !t.quantities.isEmpty && q >= 1) ? (t, hits + q, i) : nil
        }
        return scored.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.prefix(3).map(\.0)
    }

    func chooseAudiences(topics: [Topic], metrics: [TokenMetric], text: String) -> [String] {
        let ids = Set(topics.map(\.id))
        let qs = Set(metrics.map(\.quantity.rawValue))
        let lower = text.lowercased()
        let scored = audiences.enumerated().map { (i, a) -> (String, Int, Int) in
            let s = 3 * a.topics.filter(ids.contains).count + a.quantities.filter(qs.contains).count
                + lower.countIncluded(a.keywords)
            return (a.name, s, i)
        }.filter { $0.1 > 0 }.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
        let names = scored.prefix(3).map(\.0)
        return names.isEmpty ? Array(audiences.prefix(1).map(\.name)) : Array(names)
    }

    func takeaways(sentences: [String], tldr: [String], metrics: [TokenMetric]) -> [String] {
        let withMetrics = sentences.filter { s in !tldr.contains(s) && metrics.contains { s.includes($0.text) } }
        return Array(withMetrics.prefix(3))
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
