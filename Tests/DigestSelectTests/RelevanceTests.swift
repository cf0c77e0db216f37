import DigestCore
import DigestMetrics
import DigestSelect
import DigestTestSupport
import Foundation
import Testing

/// Relevance on items we wrote for each hard case (price cuts of cars and consoles, crypto and
/// auth tokens, design tokens, GPU rental prices, roundups, market wraps), in both languages; and
/// on the third-party dev set when it is present.
struct RelevanceTests {
    struct Row: Decodable, Sendable, CustomTestStringConvertible {
        let id: String, lang: String, title: String, lead: String, expect: String
        var testDescription: String { id }
    }

    static let rows: [Row] = {
        guard let text = try? String(contentsOf: TestPaths.fixture("relevance.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }()

    @Test func fixturesAreLoaded() { #expect(Self.rows.count >= 20) }

    @Test(arguments: rows) func gradesAsExpected(_ row: Row) {
        let metrics = MetricRecognizer().metrics(in: row.title + "\n" + row.lead)
        let verdict = RelevanceJudge().judge(title: row.title, lead: row.lead, metrics: metrics)
        #expect(verdict.label.rawValue == row.expect, "\(row.title): \(verdict.label.rawValue) — \(verdict.why)")
        #expect(!verdict.why.isEmpty)
        switch verdict.label {
        case .core: #expect(verdict.score >= 0.7)
        case .adjacent: #expect(verdict.score >= 0.4 && verdict.score < 0.7)
        case .off: #expect(verdict.score < 0.4)
        }
    }

    @Test func roundupsListTheirHeadlines() {
        #expect(Roundup.headlines("8点1氪丨A新闻；B新闻；C新闻") == ["A新闻", "B新闻", "C新闻"])
        #expect(Roundup.headlines("早报｜甲/乙/丙") == ["甲", "乙", "丙"])
    }
}

/// The dev set's targets (CONTRACTS.md relevance), scored as `score_relevance.py` scores them.
@Suite(.enabled(if: TestPaths.shared != nil, "../shared/corpus is absent: relevance dev set skipped"))
struct RelevanceDevSetTests {
    @Test func meetsTheTargetsOnTheDevSet() throws {
        let url = TestPaths.shared!.appendingPathComponent("corpus/relevance/dev.jsonl")
        let judge = RelevanceJudge(), recognizer = MetricRecognizer()
        var kept = 0, keptRight = 0, core = 0, coreKept = 0, right = 0, n = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let gold = o["label"] as? String
            else { continue }
            let title = o["title"] as? String ?? "", lead = o["lead"] as? String ?? ""
            let got = judge.judge(title: title, lead: lead, metrics: recognizer.metrics(in: title + "\n" + lead)).label.rawValue
            n += 1
            if got != "off" { kept += 1; if gold != "off" { keptRight += 1 } }
            if gold == "core" { core += 1; if got != "off" { coreKept += 1 } }
            if got == gold { right += 1 }
        }
        #expect(n > 200)
        #expect(Double(keptRight) / Double(kept) >= 0.97, "kept-precision \(keptRight)/\(kept)")
        #expect(Double(coreKept) / Double(core) >= 0.95, "core recall \(coreKept)/\(core)")
        #expect(Double(right) / Double(n) >= 0.85, "accuracy \(right)/\(n)")
    }
}
