import DigestCore
import DigestSummarize
import DigestTestSupport
import Foundation
import Testing

/// The optional language model, against a local chat-completions server on 127.0.0.1.
@Suite(.serialized) struct ModelTests {
    @Test func answersWithOnlyExtractedNumbersAreUsedOthersDiscardedAndAllCached() throws {
        let dir = TestPaths.temporaryDirectory("model")
        let counter = dir.appendingPathComponent("requests.log")
        let (process, port) = try ServerProcess.start(
            ["python3", TestPaths.root.appendingPathComponent("Tests/Support/chat_server.py").path, counter.path, "120"])
        defer { process.terminate() }
        let root = TestPaths.root.path
        let cfg = try String(contentsOf: TestPaths.root.appendingPathComponent("Samples/feeds.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "output: ../output", with: "output: \(dir.path)/out")
            .replacingOccurrences(of: "templates: ../Templates", with: "templates: \(root)/Templates")
            .replacingOccurrences(of: "url: feeds/", with: "url: \(root)/Samples/feeds/")
            .replacingOccurrences(of: "sources:", with: """
                summarizer:
                  base_url: http://127.0.0.1:\(port)/v1
                  model: test-model
                  api_key_env: DIGEST_TEST_KEY
                sources:
                """)
        let cfgURL = dir.appendingPathComponent("feeds.yaml")
        try cfg.write(to: cfgURL, atomically: true, encoding: .utf8)
        let args = ["run", "--config", cfgURL.path, "--week", "2026-W48", "--now", "2026-11-30T08:00:00Z", "--quiet"]
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("answer discarded, numbers not in the source: 99"))
        let cards = dir.appendingPathComponent("out/cards/2026-11-24")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: cards.path).first { $0.hasSuffix(".md") })
        let md = try String(contentsOf: cards.appendingPathComponent(file), encoding: .utf8)
        #expect(md.contains("# China's models top OpenRouter for a fifth week"))
        #expect(md.contains("💡 Chinese models: 12.96T tokens, +31.48% WoW"))
        #expect(md.contains("Global total: 27T tokens, +18.9% WoW"), "metric lines stay deterministic")
        let others = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out/cards/2026-11-27").path)
        for f in others where f.hasSuffix(".md") {
            let text = try String(contentsOf: dir.appendingPathComponent("out/cards/2026-11-27/\(f)"), encoding: .utf8)
            #expect(!text.contains("99%"), "an invented number reached \(f)")
        }
        let first = try String(contentsOf: counter, encoding: .utf8).split(separator: "\n").count
        #expect(first == 11, "one answer per card of the sample week")
        #expect(try CLI.run(args).status == 0)
        let second = try String(contentsOf: counter, encoding: .utf8).split(separator: "\n").count
        #expect(second == first, "a rerun must be answered from the cache")
    }

    @Test func numbersAreCheckedAsReadersSeeThem() {
        let m = [TokenMetric(text: "12.96万亿Token", quantity: .tokenVolume, value: 12.96e12, unit: .tokens),
                 TokenMetric(text: "31.48%", quantity: .growth, value: 31.48, unit: .percent)]
        #expect(ModelAnswer(title: "t", hook: "China: 12.96T tokens, +31.48%", tldr: "12.96 trillion").unsupportedNumbers(
            metrics: m, sourceTitle: "").isEmpty)
        #expect(ModelAnswer(title: "t", hook: "about 31% growth", tldr: "x").unsupportedNumbers(metrics: m, sourceTitle: "")
            == [31])
        #expect(ModelAnswer.parse("```json\n{\"title\":\"a\",\"hook\":\"b\",\"tldr\":\"c\"}\n```")?.hook == "b")
        #expect(ModelAnswer.parse("no json here") == nil)
    }
}
