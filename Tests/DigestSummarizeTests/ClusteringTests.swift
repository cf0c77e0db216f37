import DigestCore
import DigestLanguage
import DigestMetrics
import DigestSummarize
import DigestTestSupport
import Foundation
import Testing

/// Same-story clustering on a labelled set we wrote (Fixtures/clusters.jsonl): 42 items, 11
/// stories told by two or three sources in Chinese and English, reposts with other tracking
/// parameters, and unrelated items that share topics or single numbers.
struct ClusteringTests {
    struct Row: Decodable {
        let story: String
        let source: String
        let title: String
        let text: String
        let link: String
        let published: String
        let sameAs: String?

        enum CodingKeys: String, CodingKey { case story, source, title, text, link, published, sameAs = "same_as" }
    }

    static func load() throws -> [Row] {
        let text = try String(contentsOf: TestPaths.fixture("clusters.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    @Test func pairwisePrecisionAndRecallAreAtLeast90Percent() throws {
        let rows = try Self.load()
        #expect(rows.count >= 40)
        let items = rows.map { r -> SourcedItem in
            let lang = TextLanguage.detect(r.title + r.text)
            let source = FeedSource(id: r.source, name: r.source, url: "https://\(r.source).example/feed", language: lang)
            let item = FeedItem(id: r.link, title: r.title, link: r.link, published: RFC3339.date(from: r.published), text: r.text)
            return SourcedItem(source: source, item: item, text: r.title + "\n" + r.text, language: lang)
        }
        let recognizer = MetricRecognizer()
        let clusters = StoryClusterer.cluster(items, metrics: items.map { recognizer.metrics(in: $0.text) })
        var predicted = [Int](repeating: 0, count: rows.count)
        for (c, members) in clusters.enumerated() { for m in members { predicted[m] = c } }
        let gold = rows.map { $0.sameAs ?? $0.story }
        var tp = 0, fp = 0, fn = 0
        for i in rows.indices {
            for j in rows.indices where j > i {
                let same = gold[i] == gold[j], together = predicted[i] == predicted[j]
                if same && together { tp += 1 } else if together { fp += 1 } else if same { fn += 1 }
            }
        }
        let precision = Double(tp) / Double(max(1, tp + fp)), recall = Double(tp) / Double(max(1, tp + fn))
        print("clustering: pairwise precision \(precision), recall \(recall) (tp \(tp), fp \(fp), fn \(fn); \(clusters.count) clusters)")
        #expect(precision >= 0.9)
        #expect(recall >= 0.9)
    }
}
