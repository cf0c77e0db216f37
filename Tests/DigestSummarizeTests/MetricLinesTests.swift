import DigestCore
import DigestMetrics
import DigestSummarize
import Testing

/// "What changed" lines: each change printed with the figure it describes, no placeholder
/// subject, one price told once.
struct MetricLinesTests {
    let recognizer = MetricRecognizer()

    func lines(_ text: String) -> [String] { MetricLines.compose(recognizer.metrics(in: text)).map(\.text) }

    @Test func aPriceCutStaysWithThePriceItCut() {
        #expect(lines("DeepSeek charges ¥2 per million input tokens. It cut its output price by 50% to ¥8 per million output tokens.")
            == ["DeepSeek: ¥2 per M input tokens, ¥8 per M output tokens (-50%)"])
        #expect(lines("DeepSeek宣布下调API价格：输出价格较此前下降50%，为每百万tokens 3元；输入价格为每百万tokens 0.5元。")
            == ["DeepSeek: ¥3 per M output tokens (-50%), ¥0.5 per M input tokens"])
    }

    @Test func aVolumeKeepsItsGrowthAndNoPlaceholderIsPrinted() {
        #expect(lines("Weekly token usage reached 27T tokens, up 18.9% WoW.") == ["27T tokens, +18.9% WoW"])
        #expect(!lines("本周，多家云厂商把价格降至每百万tokens 0.8元，环比下降60%。").contains { $0.hasPrefix("Reported") })
    }

    @Test func aPriceRestatedWithoutItsSideIsToldOnce() {
        let got = lines("Gemini Flash costs $0.15 per million input tokens; that is $0.15 per million tokens, down 40%.")
        #expect(got == ["Gemini Flash: $0.15 per M input tokens (-40%)"], "\(got)")
    }
}
