import DigestCore
import Foundation

extension ViewModels {
    /// A weekly recap: ranked stories, sections by topic, the metric table and the chart.
    func recap(_ d: WeekDigest, root: String, markdown: Bool) -> [String: Any] {
        let stories = d.cards.enumerated().map { (i, c) -> [String: Any] in
            var s = card(c, week: d.week, root: root, recapHref: nil)
            s["rank"] = i + 1
            return s
        }
        var m: [String: Any] = [
            "week": d.week.description, "firstDay": d.firstDay, "lastDay": d.lastDay, "labels": labels,
            "itemCount": d.itemCount, "sourceCount": d.sourceCount, "cardCount": d.cards.count,
            "root": root, "site": site,
        ]
        if !stories.isEmpty { m["stories"] = stories }
        let sections = topicSections(d, stories: stories, root: root)
        if !sections.isEmpty {
            m["sections"] = sections
            m["hasSections"] = true
        }
        let rows = metricRows(d, root: root)
        if !rows.isEmpty {
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

    /// One row per metric that is not a change; a growth figure of the same card and subject
    /// fills the row's "change" cell, and a growth figure with no partner gets a row of its own.
    func metricRows(_ d: WeekDigest, root: String) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for c in d.cards {
            var used = Set<Int>()
            let growth = c.metrics.indices.filter { c.metrics[$0].quantity == .growth }
            func base(_ m: TokenMetric) -> [String: Any] {
                var r = MetricView.row(m)
                r["source"] = c.sources.first?.name ?? ""
                if let u = c.sources.first?.url { r["sourceURL"] = u }
                r["cardHref"] = root + OutputLayout.cardPage(week: d.week, slug: c.slug)
                return r
            }
            for m in c.metrics where m.quantity != .growth {
                var r = base(m)
                if let g = growth.first(where: { !used.contains($0) && c.metrics[$0].subject == m.subject }) {
                    used.insert(g)
                    r["change"] = NumberFormat.growth(c.metrics[g])
                } else {
                    r["change"] = "—"
                }
                rows.append(r)
            }
            for g in growth where !used.contains(g) {
                var r = base(c.metrics[g])
                r["change"] = NumberFormat.growth(c.metrics[g])
                r["value"] = "—"
                rows.append(r)
            }
        }
        return rows
    }
}
