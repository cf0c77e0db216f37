import DigestCore
import DigestExtract
import DigestFetch
import DigestMetrics
import DigestParse
import DigestSummarize
import Foundation

extension Pipeline {
    /// Step 5: token metrics of each item's title and text.
    func extractMetrics(_ items: [SourcedItem], _ report: inout RunReport) -> [[TokenMetric]] {
        let recognizer = MetricRecognizer()
        let all = items.map { recognizer.metrics(in: $0.text) }
        report.metrics = all.reduce(0) { $0 + $1.count }
        progress.step("metrics", "\(report.metrics) metrics")
        return all
    }
}
