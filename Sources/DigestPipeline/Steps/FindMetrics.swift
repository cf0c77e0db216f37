import DigestCore
import DigestMetrics

extension Pipeline {
    /// Step `findMetrics`: token metrics of each item's text.
    func findMetrics(_ items: [SourcedItem], _ report: inout RunReport) -> [[TokenMetric]] {
        let recognizer = MetricRecognizer()
        let all = items.map { recognizer.metrics(in: $0.text) }
        report.metrics = all.reduce(0) { $0 + $1.count }
        progress.step(.findMetrics, "\(report.metrics) metrics")
        return all
    }
}
