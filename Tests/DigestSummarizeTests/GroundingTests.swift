import DigestCore
import DigestMetrics
import DigestSummarize
import DigestTestSupport
import Foundation
import Testing

/// `Grounding.threshold` is measured, not guessed: on our own graded pairs (English and Chinese
/// sentences citing English and Chinese source sentences), the chosen threshold is the most
/// accurate one and keeps no unsupported sentence in four.
struct GroundingTests {
    struct Pair {
        let sentence: String
        let cited: [String]
        let supported: Bool
    }

    static func pairs() throws -> [Pair] {
        let url = TestPaths.root.appendingPathComponent("Tests/Fixtures/grounding/pairs.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            guard let s = o["sentence"] as? String else { return nil }
            return Pair(sentence: s, cited: o["cited"] as? [String] ?? [], supported: o["supported"] as? Bool ?? false)
        }
    }

    @Test func theThresholdIsTheMostAccurateOnOurPairs() throws {
        let pairs = try Self.pairs()
        #expect(pairs.count >= 40)
        #expect(pairs.contains { $0.supported } && pairs.contains { !$0.supported })
        let scores = pairs.map { Grounding.support($0.sentence, cited: $0.cited, subjects: SubjectNames.lookup) }
        var accuracy: [Int: Double] = [:]
        for k in 1...6 {
            let right = zip(pairs, scores).filter { ($1 >= k) == $0.supported }.count
            accuracy[k] = Double(right) / Double(pairs.count)
        }
        let table = accuracy.sorted { $0.key < $1.key }.map { "≥\($0.key): \(String(format: "%.3f", $0.value))" }.joined(separator: "  ")
        print("grounding accuracy by threshold: \(table)")
        let best = accuracy.values.max() ?? 0
        #expect(accuracy[Grounding.threshold] == best, "\(table)")
        #expect(best >= 0.9, "\(table)")
        let wronglyKept = zip(pairs, scores).filter { !$0.0.supported && $0.1 >= Grounding.threshold }
        #expect(wronglyKept.count * 10 <= pairs.filter { !$0.supported }.count, "\(wronglyKept.map(\.0.sentence))")
    }

    @Test func conceptsMeetAcrossLanguages() {
        let en = Grounding.concepts("Chinese models processed 27T tokens, with usage up this week.", subjects: SubjectNames.lookup)
        let zh = Grounding.concepts("中国模型本周Token调用量达到27万亿，环比增长。", subjects: SubjectNames.lookup)
        for c in ["s:China", "g:model", "g:token", "g:usage", "g:week", "g:growth"] {
            #expect(en.contains(c) && zh.contains(c), "\(c): \(en.sorted()) / \(zh.sorted())")
        }
        #expect(en.intersection(zh).contains { $0.hasPrefix("n:") }, "27T and 27万亿 are one number")
    }
}
