import DigestCore
import Foundation

/// Mustache contexts for cards, recaps and pages.
struct ViewModels {
    /// Section labels in the site's language.
    let labels: [String: String]
    /// The site's title, base URL and description.
    let site: [String: Any]
    /// Topic ids and names in taxonomy order.
    let topics: [(id: String, name: String)]

    /// A card; `root` is the relative path from the page to the site root.
    func card(_ card: Card, week: ISOWeek, root: String, recapHref: String?) -> [String: Any] {
        var m: [String: Any] = [
            "title": card.title,
            "hook": card.hook,
            "day": card.day,
            "slug": card.slug,
            "id": card.id,
            "href": root + OutputLayout.cardPage(week: week, slug: card.slug),
            "tldr": card.tldr,
            "labels": labels,
            "audiences": card.audiences.joined(separator: ", "),
            "language": card.language,
            "published": RFC3339.string(from: card.published),
        ]
        if !card.whatChanged.isEmpty {
            m["whatChanged"] = card.whatChanged.map { ["text": $0.text, "derived": $0.isDerived] as [String: Any] }
            m["hasChanges"] = true
            m["firstChange"] = card.whatChanged[0].text
        }
        if let w = card.whyItMatters { m["why"] = w }
        if let n = card.whatNext { m["next"] = n }
        if !card.takeaways.isEmpty {
            m["takeaways"] = card.takeaways
            m["hasTakeaways"] = true
        }
        m["sources"] = card.sources.map { s -> [String: Any] in
            var d: [String: Any] = ["name": s.name, "title": s.title]
            if let u = s.url { d["url"] = u }
            return d
        }
        m["sourceNames"] = card.sources.map(\.name).uniqued().joined(separator: " · ")
        if let recapHref { m["recapHref"] = recapHref }
        let names = Dictionary(topics.map { ($0.id, $0.name) }) { a, _ in a }
        let links = card.topics.compactMap { id in names[id].map { ["name": $0, "href": root + OutputLayout.topicPage(id)] } }
        if !links.isEmpty {
            m["topics"] = links
            m["hasTopics"] = true
        }
        return m
    }
}

/// A metric as table cells.
enum MetricView {
    static func row(_ m: TokenMetric) -> [String: Any] {
        var value: String
        switch m.quantity {
        case .tokenVolume: value = NumberFormat.tokens(m.value) + " tokens"
        case .tokenPrice: value = NumberFormat.price(m)
        case .growth: value = (m.direction == .down ? "-" : "+") + NumberFormat.plain(m.value) + "%"
        case .share: value = NumberFormat.plain(m.value) + "%"
        case .multiple: value = NumberFormat.plain(m.value) + "x"
        case .rank: value = "#" + NumberFormat.plain(m.value)
        case .count: value = NumberFormat.plain(m.value)
        }
        return ["subject": m.subject ?? "—", "quantity": m.quantity.rawValue.replacingOccurrences(of: "_", with: " "),
                "value": value, "period": m.period?.rawValue ?? "—", "text": m.text]
    }
}

extension Array where Element: Hashable {
    /// Elements in order, first occurrence kept.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
