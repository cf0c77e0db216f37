import DigestCore
import DigestMetrics

extension Pipeline {
    /// Step `findMetrics`: token metrics of each item's text, at most `Bounds.metricsPerItem`
    /// each (a page of tables gives thousands; the first ones are kept, with a warning).
    func findMetrics(_ items: [SourcedItem], _ report: inout RunReport) -> [[TokenMetric]] {
        let recognizer = MetricRecognizer()
        let all = items.map { it -> [TokenMetric] in
            let found = recognizer.metrics(in: it.text)
            guard found.count > Bounds.metricsPerItem else { return found }
            report.warnings.append("metrics: \(it.item.link ?? it.item.title ?? it.source.id): \(found.count) metrics; "
                                   + "the first \(Bounds.metricsPerItem) kept")
            return Bounds.firstMetrics(found)
        }
        report.metrics = all.reduce(0) { $0 + $1.count }
        progress.step(.findMetrics, Plural.count(report.metrics, "metric"))
        return all
    }
}
