import DigestCore
import DigestExtract
import DigestFetch
import DigestMarkup
import DigestMetrics
import DigestParse
import DigestSummarize
import Foundation

extension Pipeline {
    /// Step 2: parse each fetched body; a bad feed becomes a failed report line.
    func parseFeeds(_ fetched: [FetchedSource], _ report: inout RunReport) -> [SourcedItem] {
        var items: [SourcedItem] = []
        for f in fetched {
            var line = SourceReport(id: f.source.id, status: .ok, items: 0, itemsInWeek: 0, bytes: 0, error: nil, warnings: [])
            switch f.result {
            case .failure(let e):
                line.status = .failed
                line.error = e.message
            case .success(let r):
                line.bytes = r.body.count
                do {
                    let feed = try FeedParser.parse(r.body, source: f.source.id, baseURL: r.finalURL, charset: r.charset,
                                                    rules: f.source.kind == .html ? f.source.html : nil)
                    line.items = feed.items.count
                    line.warnings = feed.warnings
                    for it in feed.items {
                        let text = it.text.isEmpty ? (it.title ?? "") : it.text
                        let lang = f.source.language.map { String($0.prefix(2)) } ?? TextLanguage.detect((it.title ?? "") + text)
                        items.append(SourcedItem(source: f.source, item: it, text: text, language: lang))
                    }
                } catch let e as ParseError {
                    line.status = .failed
                    line.error = e.message
                } catch {
                    line.status = .failed
                    line.error = "parse: \(f.source.id): \(error)"
                }
            }
            report.sources.append(line)
        }
        progress.step("parse", "\(items.count) items from \(report.sourcesOK) sources")
        return items
    }

    /// Step 3: items published inside the week (items without a date are left out and counted),
    /// the same link (tracking parameters stripped) kept once.
    func selectWeek(_ items: [SourcedItem], _ report: inout RunReport) -> [SourcedItem] {
        let start = week.start(in: config.timeZone), end = week.end(in: config.timeZone)
        var seen = Set<String>()
        var out: [SourcedItem] = []
        for it in items {
            guard let p = it.item.published ?? it.item.updated, p >= start, p < end else { continue }
            guard seen.insert(Self.key(it)).inserted else { continue }
            out.append(it)
            if let i = report.sources.firstIndex(where: { $0.id == it.source.id }) { report.sources[i].itemsInWeek += 1 }
        }
        report.items = out.count
        progress.step("select", "\(out.count) items in \(week)")
        return out
    }

    /// Step 5: token metrics of each item's title and text.
    func extractMetrics(_ items: [SourcedItem], _ report: inout RunReport) -> [[TokenMetric]] {
        let recognizer = MetricRecognizer()
        let all = items.map { recognizer.metrics(in: $0.text) }
        report.metrics = all.reduce(0) { $0 + $1.count }
        progress.step("metrics", "\(report.metrics) metrics")
        return all
    }
}
