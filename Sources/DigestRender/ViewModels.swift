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
    /// The digest's language.
    var language = "en"
    /// Where published times are printed.
    var timeZone = TimeZone(identifier: "UTC")!
    /// How the recap names subjects.
    var naming = SubjectNaming.asWritten

    /// A card; `root` is the relative path from the page to the site root.
    func card(_ card: Card, week: ISOWeek, root: String, recapHref: String?) -> [String: Any] {
        var m: [String: Any] = [
            "title": card.title,
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
        if !card.hook.isEmpty { m["hook"] = card.hook }
        if let s = card.subtitle { m["subtitle"] = s }
        if Self.isRightToLeft(card.title + card.tldr) { m["dir"] = "rtl" }
        m["publishedLocal"] = Self.localTime(card.published, timeZone)
        if let first = card.sources.first {
            m["originalName"] = first.name
            if let u = first.url { m["originalURL"] = u }
        }
        let reasons = card.audienceReasons ?? []
        m["audienceList"] = card.audiences.enumerated().map { i, name -> [String: Any] in
            var a: [String: Any] = ["name": name]
            if i < reasons.count, !reasons[i].isEmpty { a["reason"] = reasons[i] }
            return a
        }
        if let related = card.related, !related.isEmpty {
            m["related"] = related.map { r -> [String: Any] in
                let href = ISOWeek(r.week).map { root + OutputLayout.cardPage(week: $0, slug: r.slug) } ?? ""
                return ["title": r.title, "week": r.week, "day": r.day, "href": href]
            }
            m["hasRelated"] = true
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
        analysis(card, into: &m)
        return m
    }
}

/// A metric as table cells.
enum MetricView {
    /// A row of the recap's metric table, in the digest's wording and subject names.
    static func row(_ m: TokenMetric, _ w: MetricWording, _ naming: SubjectNaming) -> [String: Any] {
        ["subject": m.subject.map { naming.display($0, w.language) ?? $0 } ?? "—", "quantity": w.quantityName(m.quantity),
         "value": w.value(m), "period": m.period.map(w.periodName) ?? "—", "text": m.text]
    }
}

extension ViewModels {
    /// "2026-11-24 18:01 (UTC+08:00)" in the digest's time zone.
    static func localTime(_ d: Date, _ tz: TimeZone) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = tz
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        let off = tz.secondsFromGMT(for: d) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let zone = "UTC" + (off < 0 ? "-" : "+") + two(abs(off) / 60) + ":" + two(abs(off) % 60)
        return "\(c.year!)-\(two(c.month!))-\(two(c.day!)) \(two(c.hour!)):\(two(c.minute!)) (\(zone))"
    }

    /// Whether text is mostly Hebrew, Arabic, Syriac or Thaana letters (laid out right to left).
    static func isRightToLeft(_ text: String) -> Bool {
        var rtl = 0, ltr = 0
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { ltr += 1 }  // ASCII letters, without a property lookup
            } else if (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v) {
                rtl += 1
            } else if s.properties.isAlphabetic {
                ltr += 1
            }
        }
        return rtl > ltr
    }
}

extension Array where Element: Hashable {
    /// Elements in order, first occurrence kept.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension ViewModels {
    /// "1 card" / "3 cards" / "3张卡片" from a label and its `_one` form (labels.yaml).
    func counted(_ n: Int, _ label: String) -> String {
        Plural.labelled(n, one: labels[label + "_one"], other: labels[label] ?? label)
    }
}
