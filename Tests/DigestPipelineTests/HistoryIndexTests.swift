import DigestCore
@testable import DigestPipeline
import DigestStore
import DigestTestSupport
import Foundation
import Testing

/// The history a run links its cards to is read from the store card by card into a small index
/// (`HistoryIndex`). On generated histories — subjects, topics, windows and ids drawn at random,
/// the same story in several weeks — it gives what reading every earlier card gives: the latest
/// volume of each subject and window, and the first three related cards in the history's order.
struct HistoryIndexTests {
    /// Names that share a canonical name ("中国模型" is "China") and the whole market.
    static let named = ["China", "中国模型", "US", "global"]
    static let periods: [MetricPeriod?] = [.day, .week, nil]

    /// A card with subjects drawn from `named` and `pool` more, and topics from `topicPool`.
    static func card(_ rng: inout SplitMix, id: String, day: String, pool: Int, topicPool: Int) -> Card {
        let subjects = named + (0..<pool).map { "Model \($0)" }
        let metrics = (0..<Int(rng.next() % 4)).map { _ -> TokenMetric in
            let subject = subjects[Int(rng.next() % UInt64(subjects.count))]
            return TokenMetric(text: "x", quantity: rng.next() % 3 == 0 ? .growth : .tokenVolume, value: Double(rng.next() % 50 + 1) * 1e12,
                               unit: .tokens, period: periods[Int(rng.next() % 3)], subject: rng.next() % 5 == 0 ? nil : subject)
        }
        let topics = Array(Set((0..<Int(rng.next() % 3)).map { _ in "topic-\(rng.next() % UInt64(topicPool))" })).sorted()
        return Card(id: id, slug: "s-\(id)-\(rng.next() % 1000)", title: "Story \(id)", hook: "", day: day,
                    published: Date(timeIntervalSince1970: 0), tldr: "", whatChanged: [], whyItMatters: nil, whatNext: nil,
                    audiences: [], takeaways: [], topics: topics,
                    sources: [CardSource(sourceID: "s", name: "Wire \(rng.next() % 3)", url: nil, title: "t")],
                    metrics: metrics, score: 0, language: "en")
    }

    /// Reading every earlier card, as the step did before the index: the reference.
    static func related(_ c: Card, _ earlier: [StoredWeek]) -> [RelatedCard] {
        let subjects = Pipeline.subjects(c), topics = Set(c.topics)
        var bySubject: [RelatedCard] = [], byTopic: [RelatedCard] = []
        for week in earlier {
            for old in week.cards where old.id != c.id {
                let link = RelatedCard(title: old.title, week: week.week.description, slug: old.slug, day: old.day)
                if !Pipeline.subjects(old).isDisjoint(with: subjects) { bySubject.append(link) }
                else if !Set(old.topics).isDisjoint(with: topics) { byTopic.append(link) }
            }
        }
        return Array((bySubject + byTopic).prefix(3))
    }

    static func latestVolume(_ v: TokenMetric, _ earlier: [StoredWeek]) -> (ISOWeek, Double, String)? {
        guard let subject = v.subject else { return nil }
        let key = Pipeline.canonical(subject)
        for week in earlier {
            for old in week.cards {
                let match = old.metrics.first { m in
                    guard m.quantity == .tokenVolume, m.period == v.period, let s = m.subject else { return false }
                    return Pipeline.canonical(s) == key
                }
                if let o = match { return (week.week, o.value, old.sources.first?.name ?? "") }
            }
        }
        return nil
    }

    @Test func theIndexGivesWhatReadingEveryEarlierCardGives() throws {
        var sizes: [Int: Int] = [:], volumesFound = 0, longLists = 0
        for seed in UInt64(1)...18 {
            var rng = SplitMix(seed: seed)
            // Dense histories (every card related to many) and sparse ones (a few, or none).
            let pool = [2, 12, 200][Int(seed % 3)], topicPool = [3, 10, 80][Int(seed % 3)]
            let dir = TestPaths.temporaryDirectory("history-index-\(seed)")
            let store = try DigestStore(path: dir.path + "/digest.sqlite")
            var week = ISOWeek("2026-W40")!
            for _ in 0..<Int(rng.next() % 6 + 1) {
                // Ids repeat across weeks (the same story again), as card ids hash links.
                let cards = (0..<Int(rng.next() % 40)).map { _ in Self.card(&rng, id: "c\(rng.next() % 60)", day: "2026-10-01", pool: pool, topicPool: topicPool) }
                var unique: [Card] = []
                for c in cards where !unique.contains(where: { $0.slug == c.slug }) { unique.append(c) }
                try store.saveWeek(StoredWeek(week: week, itemCount: 1, sourceCount: 1, cards: unique), now: Date(timeIntervalSince1970: 0))
                week = week.next
            }
            let earlier = try store.allWeeks().filter { $0.week < week }
            let index = try HistoryIndex(store: store, before: week)
            #expect(index.isEmpty == earlier.allSatisfy(\.cards.isEmpty))
            longLists += index.bySubject.values.filter { $0.count == HistoryIndex.kept }.count
            for _ in 0..<60 {
                let c = Self.card(&rng, id: "c\(rng.next() % 60)", day: "2026-11-01", pool: pool, topicPool: topicPool)
                let related = index.related(c)
                sizes[related.count, default: 0] += 1
                #expect(related == Self.related(c, earlier), "seed \(seed): \(c.id) \(Pipeline.subjects(c)) \(c.topics)")
                for v in c.metrics where v.quantity == .tokenVolume {
                    guard let subject = v.subject else { continue }
                    let o = index.volumes[HistoryIndex.volumeKey(Pipeline.canonical(subject), v.period)]
                    let got: String? = o.map { "\($0.week) \($0.value) \($0.source)" }
                    let expected: String? = Self.latestVolume(v, earlier).map { "\($0.0) \($0.1) \($0.2)" }
                    #expect(got == expected, "seed \(seed): \(subject) \(String(describing: v.period))")
                    if got != nil { volumesFound += 1 }
                }
            }
        }
        // The comparison is not empty: every size of related list, earlier volumes, and subjects
        // with more earlier cards than the index keeps.
        #expect((0...3).allSatisfy { sizes[$0, default: 0] > 0 }, "\(sizes)")
        #expect(volumesFound > 20 && longLists > 5, "\(volumesFound) \(longLists)")
    }
}
