import DigestCore
import Foundation

extension ViewModels {
    /// A weekly recap: the top stories, the others of the week one line each, sections by topic,
    /// the metric table and the chart.
    ///
    /// `compact` (the front page and the email): the top stories, at most `compactAlso` of the
    /// others with a link to the week's page for the rest, sections and metric rows of those
    /// only — the size stays the same whether the week has 10 cards or 20,000.
    ///
    /// A week longer than a page (`OutputLayout.cardsPerPage`) is listed a page at a time: `d`
    /// holds one page's cards, and `pageHref` names the file of another page for the pager.
    func recap(_ d: WeekDigest, root: String, markdown: Bool, compact: Bool = false,
               pageHref: ((Int) -> String)? = nil) -> [String: Any] {
        var d = d
        var more = 0
        if compact {
            let shown = min(d.cards.count, max(0, d.top) + Self.compactAlso)
            more = d.cardCount - shown
            d.cards = Array(d.cards.prefix(shown))
        }
        let stories = d.cards.enumerated().map { (i, c) -> [String: Any] in
            var s = card(c, week: d.week, root: root, recapHref: nil)
            s["rank"] = d.firstRank + i + 1
            s["sourceURL"] = c.sources.first?.url ?? ""
            return s
        }
        var m: [String: Any] = [
            "week": d.week.description, "firstDay": d.firstDay, "lastDay": d.lastDay, "labels": labels,
            "itemCount": d.itemCount, "sourceCount": d.sourceCount, "cardCount": d.cardCount,
            "itemsFromText": counted(d.itemCount, "items_from"), "sourcesText": counted(d.sourceCount, "sources_word"),
            "cardsText": counted(d.cardCount, "cards_word"),
            "root": root, "site": site,
        ]
        if more > 0 {
            m["moreCount"] = more
            m["weekHref"] = root + OutputLayout.weekPage(d.week)
        }
        if d.pages > 1, let pageHref { m["pager"] = pager(page: d.page, pages: d.pages, href: pageHref) }
        let top = min(max(0, d.top - d.firstRank), stories.count)  // the Top stories are on page 1
        if top > 0 {
            m["stories"] = Array(stories[..<top])
            m["hasStories"] = true
        }
        if top < stories.count {
            m["also"] = Array(stories[top...])
            m["hasAlso"] = true
        }
        let sections = topicSections(d, stories: stories, root: root)
        if !sections.isEmpty {
            m["sections"] = sections
            m["hasSections"] = true
        }
        var rows = compact ? Array(metricRows(d, root: root).prefix(Self.compactRows)) : metricRows(d, root: root)
        if !rows.isEmpty {
            // Markdown names each row's source by a reference ([36氪][2]) listed under the table:
            // a short cell keeps the table readable as plain text, the address stays one look away.
            var refs: [String] = []
            var refOf: [String: Int] = [:]
            for i in rows.indices {
                guard let u = rows[i]["sourceURL"] as? String else { continue }
                if refOf[u] == nil {
                    refs.append(u)
                    refOf[u] = refs.count
                }
                rows[i]["sourceRef"] = refOf[u]
            }
            m["metricSources"] = refs.enumerated().map { ["ref": $0.offset + 1, "url": $0.element] as [String: Any] }
            m["metricRows"] = rows
            m["hasMetricRows"] = true
        }
        if let chart = d.chart {
            let title = chartTitle(chart)
            m["chartTitle"] = title
            m["chartWeeks"] = chart.weeks.map { ["week": $0.description] }
            m["chartRows"] = chart.rows.map { ["subject": $0.subject, "cells": $0.cells.map { ["value": $0] }] as [String: Any] }
            if !markdown { m["chartSVG"] = chart.svg(title: title, id: "chart-\(d.week)") }
        }
        return m
    }

    /// "Page 2 / 40" with links to the previous and next pages.
    func pager(page: Int, pages: Int, href: (Int) -> String) -> [String: Any] {
        var p: [String: Any] = ["page": page, "pages": pages]
        if page > 1 { p["previous"] = href(page - 1) }
        if page < pages { p["next"] = href(page + 1) }
        return p
    }

    /// Stories below the top listed on the front page and in the email.
    static let compactAlso = 20
    /// Metric rows on the front page and in the email.
    static let compactRows = 30

    /// "Token volume per day, by subject (highest reported each week)".
    func chartTitle(_ chart: TrendChart) -> String {
        let per = chart.period.map { labels["per_" + $0.rawValue] ?? "per \($0.rawValue)" }
        return [labels["chart_title"] ?? "Token volume", per].compactMap { $0 }.joined(separator: " ")
            + (labels["chart_note"] ?? ", by subject (highest reported each week)")
    }

    /// Stories grouped under their first topic, in taxonomy order; untopical ones last.
    func topicSections(_ d: WeekDigest, stories: [[String: Any]], root: String) -> [[String: Any]] {
        var byTopic: [String: [[String: Any]]] = [:]
        for (c, s) in zip(d.cards, stories) { byTopic[c.topics.first ?? "", default: []].append(s) }
        var out: [[String: Any]] = topics.compactMap { t in
            byTopic[t.id].map { ["name": t.name, "href": root + OutputLayout.topicPage(t.id), "stories": $0] }
        }
        if let rest = byTopic[""] { out.append(["name": labels["other"] ?? "Other", "stories": rest]) }
        return out
    }

    /// One row per figure that is not a change, with the change that describes it (`describes`,
    /// else — for metrics stored before links existed — a change of the same subject); a change
    /// of no figure gets a row of its own. A row needs a subject: a figure of unknown subject says
    /// too little out of its card to stand in the table.
    func metricRows(_ d: WeekDigest, root: String) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for c in d.cards {
            let ms = c.metrics
            func base(_ m: TokenMetric) -> [String: Any] {
                var r = MetricView.row(m, MetricWording(language: language), naming)
                r["source"] = c.sources.first?.name ?? ""
                if let u = c.sources.first?.url { r["sourceURL"] = u }
                r["cardHref"] = root + OutputLayout.cardPage(week: d.week, slug: c.slug)
                return r
            }
            var changeOf: [Int: Int] = [:]
            let linked = ms.contains { $0.describes != nil }
            // Figures by subject, and sided prices by amount: each change and each restated price
            // is matched by key, not against every figure of the card.
            var firstOfSubject: [String: [Int]] = [:]
            for (i, m) in ms.enumerated() where m.quantity != .growth { firstOfSubject[m.subject ?? "", default: []].append(i) }
            var sided: [PriceKey: Int] = [:]
            for (i, m) in ms.enumerated() where m.quantity == .tokenPrice && m.side != nil && sided[PriceKey(m)] == nil { sided[PriceKey(m)] = i }
            func restates(_ i: Int) -> Bool { ms[i].quantity == .tokenPrice && ms[i].side == nil && sided[PriceKey(ms[i])] != nil }
            for (i, g) in ms.enumerated() where g.quantity == .growth {
                if linked {
                    if let t = g.describes, t < ms.count, changeOf[t] == nil { changeOf[t] = i }
                } else if let t = firstOfSubject[g.subject ?? ""]?.first(where: { changeOf[$0] == nil }), g.subject == ms[t].subject {
                    changeOf[t] = i
                }
            }
            for i in ms.indices where restates(i) {  // a restated price's change goes to the price it restates
                guard let g = changeOf[i], let j = sided[PriceKey(ms[i])], changeOf[j] == nil else { continue }
                changeOf[j] = g
            }
            let used = Set(changeOf.values)
            for (i, m) in ms.enumerated() where m.quantity != .growth && m.subject != nil && !restates(i) {
                var r = base(m)
                r["change"] = changeOf[i].map { MetricWording(language: language).growth(ms[$0]) } ?? "—"
                rows.append(r)
            }
            for (i, g) in ms.enumerated() where g.quantity == .growth && !used.contains(i) && g.subject != nil {
                var r = base(g)
                r["change"] = MetricWording(language: language).growth(g)
                r["value"] = "—"
                rows.append(r)
            }
        }
        return rows
    }

    /// A price's amount, currency and subject: a sideless price with the key of a sided one
    /// repeats it (one row for one price).
    struct PriceKey: Hashable {
        let value: Double, unit: MetricUnit, subject: String?
        init(_ m: TokenMetric) { (value, unit, subject) = (m.value, m.unit, m.subject) }
    }
}
