import DigestCore
import DigestMetrics

extension Pipeline {
    /// Step `findMetrics`, for one item: the token metrics of its text, at most
    /// `Bounds.metricsPerItem` (a page of tables gives thousands; the first ones are kept, with a
    /// warning). The report counts them.
    static func findMetrics(_ it: SourcedItem, _ recognizer: MetricRecognizer, _ report: inout RunReport) -> [TokenMetric] {
        let found = recognizer.metrics(in: it.text)
        if found.count > Bounds.metricsPerItem {
            report.warnings.append("metrics: \(it.item.link ?? it.item.title ?? it.source.id): \(found.count) metrics; "
                                   + "the first \(Bounds.metricsPerItem) kept")
        }
        let kept = found.count > Bounds.metricsPerItem ? Bounds.firstMetrics(found) : found
        report.metrics += kept.count
        return kept
    }
}
