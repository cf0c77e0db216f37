import DigestBytes
import DigestCore
import DigestLanguage

/// An audience chosen for a card, with why it should care.
struct ChosenAudience {
    var name: String
    var reason: String
}

extension CardBuilder {
    static let whyCues = ["this means", "which means", "that means", "signals", "signal that", "suggests", "so that",
                          "underscores", "highlights", "indicates", "意味着", "表明", "标志着", "显示出", "说明", "预示"]

    /// Up to three topics: 3 points per metric signal the topic names, 1 per keyword found; at
    /// least 2 points; best first, then taxonomy order.
    func detectTopics(text: String, signals: Set<String>) -> [Topic] {
        let lower = text.lowercased()
        let scored = taxonomy.topics.enumerated().compactMap { (i, t) -> (Topic, Int, Int)? in
            let points = 3 * t.signals.filter(signals.contains).count + lower.countIncluded(t.keywords)
            return points >= 2 ? (t, points, i) : nil
        }
        return scored.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.prefix(3).map(\.0)
    }

    /// The article's own sentence saying why, when it is in the digest's language; else the first
    /// topic form the metrics fill; else the topic's plain text.
    func whyItMatters(sentences: [String], topics: [Topic], facts: HeadlineFacts) -> String? {
        if let own = sentences.first(where: { s in
            let l = s.lowercased()
            return Self.whyCues.contains { l.includes($0) } && TextLanguage.detect(s) == labelLanguage
        }) { return own }
        return topicText(topics, facts) { ($0.whyForms, $0.why) }
    }

    /// The first topic form the metrics fill, else the first topic's plain text.
    func whatNext(topics: [Topic], facts: HeadlineFacts) -> String? {
        topicText(topics, facts) { ($0.nextForms, $0.next) }
    }

    func topicText(_ topics: [Topic], _ facts: HeadlineFacts,
                   _ texts: (Topic) -> (forms: [String: [String]], plain: [String: String])) -> String? {
        for t in topics {
            let forms = texts(t).forms[labelLanguage] ?? (labelLanguage == "en" ? [] : texts(t).forms["en"] ?? [])
            if let filled = forms.lazy.compactMap({ facts.fill($0) }).first { return filled }
        }
        for t in topics {
            if let plain = texts(t).plain[labelLanguage] ?? texts(t).plain["en"] { return plain }
        }
        return nil
    }

    /// One to three audiences, each with the reason of the first card topic it follows.
    func chooseAudiences(topics: [Topic], metrics: [TokenMetric], text: String) -> [ChosenAudience] {
        let ids = Set(topics.map(\.id))
        let qs = Set(metrics.map(\.quantity.rawValue))
        let lower = text.lowercased()
        let scored = audiences.enumerated().map { (i, a) -> (AudienceDefinition, Int, Int) in
            let s = 3 * a.topics.filter(ids.contains).count + a.quantities.filter(qs.contains).count
                + lower.countIncluded(a.keywords)
            return (a, s, i)
        }.filter { $0.1 > 0 }.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }
        let chosen = scored.isEmpty ? Array(audiences.prefix(1)) : scored.prefix(3).map(\.0)
        return chosen.map { a in
            let name = a.names[labelLanguage] ?? a.name
            let reason = topics.lazy.compactMap { a.reasons[$0.id]?[labelLanguage] }.first ?? a.reason[labelLanguage] ?? ""
            return ChosenAudience(name: name, reason: reason)
        }
    }
}
