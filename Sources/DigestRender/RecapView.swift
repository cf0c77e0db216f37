import DigestCore
import Foundation

/// The view model of a weekly recap.
enum RecapView {
    static func model(_ d: WeekDigest, labels: [String: String], root: String, site: [String: Any]) -> [String: Any] {
        var rows: [[String: Any]] = []
        for c in d.cards {
            for m in c.metrics {
                var r = MetricView.row(m)
                r["source"] = c.sources.first?.name ?? ""
                if let u = c.sources.first?.url { r["sourceURL"] = u }
                r["cardHref"] = root + "cards/\(c.slug).html"
                rows.append(r)
            }
        }
        let stories = d.cards.enumerated().map { (i, c) -> [String: Any] in
            var s = CardView.model(c, labels: labels, root: root, recapHref: nil)
            s["rank"] = i + 1
            return s
        }
        var m: [String: Any] = [
            "week": d.week.description, "firstDay": d.firstDay, "lastDay": d.lastDay, "labels": labels,
            "itemCount": d.itemCount, "sourceCount": d.sourceCount, "cardCount": d.cards.count,
            "root": root, "site": site,
        ]
        if !stories.isEmpty { m["stories"] = stories }
        if !rows.isEmpty {
            m["metricRows"] = rows
            m["hasMetricRows"] = true
        }
        return m
    }
}
