import DigestCore
import DigestMetrics
import DigestSelect
import DigestStore
import DigestSummarize
import Foundation

/// A metric as `Scratch.metrics` keeps it: the contract's fields, and the offset and rule the
/// contract leaves out.
struct ScratchMetric: Codable {
    var base: TokenMetric
    var offset: Int
    var rule: String

    init(_ m: TokenMetric) { (base, offset, rule) = (m, m.offset, m.rule) }

    /// The metric whole again.
    var metric: TokenMetric {
        var m = base
        (m.offset, m.rule) = (offset, rule)
        return m
    }
}

extension Pipeline {
    /// Steps `splitRoundups`, `findMetrics` and `judgeRelevance` over the week, read back from the
    /// store `options.chunk` items at a time: each item split if it is a roundup, its metrics found, its
    /// parts judged. What is kept of an item that belongs is small (`KeptItem`); its metrics wait
    /// in the store (`Scratch.metrics`) and its text is read again when its card is written.
    func readWeek(_ week: WeekItems, from store: DigestStore, judge: RelevanceJudge, _ report: inout RunReport) throws -> [KeptItem] {
        let recognizer = MetricRecognizer()
        let encoder = JSONEncoder()
        var kept: [KeptItem] = []
        try store.clearScratch(.metrics)
        for start in stride(from: 0, to: week.heads.count, by: options.chunk) {
            var rows: [(ord: Int, json: String)] = []
            let items = try load(week.heads[start..<min(week.heads.count, start + options.chunk)], of: week, from: store)
            for (offset, it) in items.enumerated() {
                let stories = Self.roundupStories(it, judge: judge)
                if let stories {
                    report.roundupsSplit += 1
                    report.roundupStories += stories.count
                }
                for (part, story) in (stories ?? [it]).enumerated() {
                    let metrics = Self.findMetrics(story, recognizer, &report)
                    guard let verdict = Self.judge(story, metrics: metrics, judge: judge, &report) else { continue }
                    rows.append((kept.count, String(decoding: try encoder.encode(metrics.map(ScratchMetric.init)), as: UTF8.self)))
                    kept.append(KeptItem(head: start + offset, part: stories == nil ? nil : part, verdict: verdict,
                                         features: StoryClusterer.features(story, metrics: metrics)))
                }
            }
            try store.saveScratch(.metrics, rows)
        }
        reportRoundups(report)
        progress.step(.findMetrics, Plural.count(report.metrics, "metric"))
        progress.step(.judgeRelevance, Plural.count(kept.count, "item") + (kept.count == 1 ? " belongs, " : " belong, ")
                      + "\(report.offTopic.count) left out")
        return kept
    }

    /// The kept items of `indices` read back from the store, each as it was judged (a roundup's
    /// story split from it again), with its metrics.
    func reread(_ indices: [Int], kept: [KeptItem], week: WeekItems, from store: DigestStore,
                judge: RelevanceJudge) throws -> [(item: SourcedItem, metrics: [TokenMetric])] {
        let heads = Array(Set(indices.map { kept[$0].head })).sorted()
        let items = Dictionary(uniqueKeysWithValues: zip(heads, try load(ArraySlice(heads.map { week.heads[$0] }), of: week, from: store)))
        let decoder = JSONDecoder()
        let metrics = try store.scratch(.metrics, indices).map { try decoder.decode([ScratchMetric].self, from: Data($0.utf8)).map(\.metric) }
        var split: [Int: [SourcedItem]] = [:]
        return zip(indices, metrics).map { k, found in
            let entry = kept[k], whole = items[entry.head]!
            var item = whole
            if let part = entry.part {
                if split[entry.head] == nil { split[entry.head] = Self.roundupStories(whole, judge: judge) ?? [] }
                item = split[entry.head]![part]
            }
            return (item, found)
        }
    }
}
