import DigestCore
import DigestMetrics
import DigestTestSupport
import Foundation
import Testing

/// The recogniser over every page's extracted text and every article of the corpora: no crash,
/// and every metric's text is a span of its input (nothing invented).
@Suite(.enabled(if: TestPaths.shared != nil, "../shared/corpus is absent: corpus tests skipped"))
struct CorpusTextTests {
    @Test func everyCorpusTextReadsWithoutACrashAndMetricsQuoteIt() throws {
        let files = Corpus.files("articles") { $0.hasSuffix("expected.txt") } + Corpus.files("summaries") { $0.hasSuffix("article.txt") }
        #expect(files.count > 300, "found \(files.count) texts")
        let recognizer = MetricRecognizer()
        var metrics = 0
        for path in files {
            let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
            for m in recognizer.metrics(in: text) {
                metrics += 1
                #expect(text.contains(m.text), "\(path): \(m.text)")
                #expect(m.value.isFinite && m.value >= 0, "\(path): \(m.text) \(m.value)")
            }
        }
        #expect(metrics > 10, "\(metrics) metrics")
    }
}
