import DigestSummarize
import DigestTestSupport
import Foundation
import Testing

/// Sentence segmentation on sentences we wrote (Fixtures/sentences.jsonl): Chinese punctuation
/// and closing quotes, English abbreviations, initials, decimals, URLs, mixed text, captions.
struct SentenceTests {
    struct Row: Decodable, Sendable, CustomTestStringConvertible {
        let text: String
        let sentences: [String]
        var testDescription: String { String(text.prefix(40)) }
    }

    static let rows: [Row] = {
        guard let text = try? String(contentsOf: TestPaths.fixture("sentences.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }()

    @Test func tableIsLoaded() { #expect(Self.rows.count >= 10) }

    @Test(arguments: rows) func splits(_ row: Row) {
        #expect(SentenceSplitter.split(row.text) == row.sentences)
    }

    @Test func chineseBudgetIsKeptWithWholeSentences() {
        let body = ["豆包大模型日均调用量突破三十万亿，较五月底增长八成。", "火山引擎表示企业客户数量翻了一番。",
                    "分析人士认为价格下降推动了开发者迁移。", "多家云厂商同期下调了轻量模型的价格。",
                    "阿里云称其平台日均调用量三个月内翻番。", "腾讯混元发布新版本并提升代码能力。",
                    "百度文心调整了面向中小企业的套餐。", "行业协会呼吁建立统一的计量标准。",
                    "智谱宣布开放新的多模态接口。", "月之暗面的长文本产品用户持续增长。",
                    "监管部门发布了生成式服务备案的新指引。", "投资机构继续看好推理算力的需求。"].joined()
        let t = TLDRSummarizer().summarize(title: "调用量增长", body: body, language: "zh")
        let chars = t.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
        #expect(chars <= 150 && chars > 100)
        #expect(t.text.hasSuffix("。"))
        #expect(t.sentences.allSatisfy { body.contains($0) })
    }

    static func words(_ n: Int, _ topic: String) -> String {
        (0..<n - 1).map { i in i == 0 ? topic.capitalized : "\(topic)\(i)" }.joined(separator: " ") + " end."
    }

    /// In score order until the next sentence does not fit: a lower-ranked short sentence is not
    /// squeezed into what is left (it cost precision on the dev set).
    @Test func englishStopsAtTheFirstSentenceThatDoesNotFit() {
        let s = [Self.words(30, "alpha"), Self.words(30, "beta"), Self.words(25, "gamma"), Self.words(9, "delta")]
        let t = TLDRSummarizer().summarize(title: "", body: s.joined(separator: " "), language: "en")
        #expect(t.sentences == [s[0], s[1]])
    }

    @Test func aFirstSentenceOverTheBudgetIsPassedOver() {
        let s = [Self.words(80, "alpha"), Self.words(20, "beta"), Self.words(20, "gamma")]
        let t = TLDRSummarizer().summarize(title: "", body: s.joined(separator: " "), language: "en")
        #expect(t.sentences == [s[1], s[2]])
    }

    /// Daily Mail style captions run into the text are no summary sentence.
    @Test func photoCaptionsAreSkipped() {
        let caption = "Screaming in agony: driver Tom Ryan (pictured) lost a leg after the crash on Staten Island last week."
        let news = "A delivery driver lost a leg after he was crushed against his own truck by a car on Staten Island."
        let more = "Onlookers used a shirt as a tourniquet in a desperate attempt to stop the bleeding before help came."
        let t = TLDRSummarizer().summarize(title: "Driver loses leg", body: [caption, news, more].joined(separator: " "),
                                           language: "en")
        #expect(t.sentences == [news, more])
    }
}
